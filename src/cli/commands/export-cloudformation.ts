/**
 * `cloudarch export FILE --to cloudformation [-o OUT]`: writes the design as a deployable
 * CloudFormation template (src/cloudformation/export.ts does the work).
 *
 * `exportToCloudFormation` is what the `export` command dispatches to for `--to cloudformation`.
 * Until the diagram exporters' `export` command lands, `exportCommand` below is a minimal `export`
 * that knows only this format and says so for the others.
 */
import { exportCloudFormation } from '../../cloudformation/export';
import { parseArchitecture } from '../../core/parse';
import { parseArgs } from '../args';
import { diagnosticLine } from '../format';
import { ExitCode, UsageError, type CliIO, type CommandModule } from '../io';

/** Exports one architecture file; the template goes to `output` or standard output, the notes to standard error. */
export function exportToCloudFormation(file: string, output: string | undefined, io: CliIO): number {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    io.stderr(`cloudarch export: cannot read '${file}': ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.usage;
  }
  const doc = parseArchitecture(text);
  const errors = doc.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) {
    for (const diagnostic of errors) io.stderr(`${diagnosticLine(file, diagnostic)}\n`);
    io.stderr(`cloudarch export: ${file} has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} before exporting.\n`);
    return ExitCode.errors;
  }
  const result = exportCloudFormation(doc);
  if (output !== undefined) io.writeFile(output, result.text);
  else io.stdout(result.text);
  const lines: string[] = [];
  for (const item of result.report.safeDefaults) lines.push(`  safe default: ${item.resource}.${item.property} = ${String(item.value)} (${item.why})`);
  if (result.report.parameters.length > 0) lines.push(`  parameters to give at deploy time (or keep their defaults): ${result.report.parameters.join(', ')}`);
  for (const note of result.report.notes) lines.push(`  note: ${note}`);
  io.stderr(`${file}: exported ${doc.resources.length} resources${output !== undefined ? ` to ${output}` : ''}.\n${lines.length > 0 ? `${lines.join('\n')}\n` : ''}`);
  return ExitCode.ok;
}

const usage = `Usage: cloudarch export FILE --to cloudformation [-o OUT]

Writes the architecture as a CloudFormation template: a VPC with public and private subnets per
zone, security groups with the design's rules, every resource with the properties the design
states and safe defaults for what it leaves open (encryption, IMDSv2, public access blocks),
parameters for what is decided at deploy time, outputs for the entry points. Exit status:
0 exported, 1 the file has errors, 3 bad usage.

Options:
  --to FORMAT          the output format; this command knows cloudformation
  -o, --output FILE    write the template to FILE (default: standard output)
  -h, --help           show this help`;

async function run(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, { to: { kind: 'value' }, output: { kind: 'value', short: 'o' }, help: { kind: 'switch', short: 'h' } });
  if (parsed.switches.has('help')) {
    io.stdout(`${usage}\n`);
    return ExitCode.ok;
  }
  const format = parsed.values.to;
  if (format === undefined) throw new UsageError('--to is required (cloudformation)');
  if (format !== 'cloudformation') throw new UsageError(`--to ${format}: this build exports only to cloudformation (the diagram formats come with the diagram exporters)`);
  if (parsed.positionals.length !== 1) throw new UsageError(parsed.positionals.length === 0 ? 'no file given' : 'one file at a time');
  return exportToCloudFormation(parsed.positionals[0]!, parsed.values.output, io);
}

export const exportCommand: CommandModule = { summary: 'Export an architecture (to a CloudFormation template).', usage, run };
