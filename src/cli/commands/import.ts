/**
 * `cloudarch import TEMPLATE [-o OUT.cloudarch.yaml] [--param Name=Value]...`: turns a
 * CloudFormation template into an architecture file (src/cloudformation/import.ts does the work).
 * The architecture goes to OUT or standard output; the report (what was mapped, what was not and
 * why, the assumptions made) goes to standard error, so piping the output stays clean.
 */
import { ImportError, importCloudFormation, type ImportReport } from '../../cloudformation/import';
import { TemplateError } from '../../cloudformation/template';
import { parseArchitecture } from '../../core/parse';
import { parseArgs } from '../args';
import { diagnosticLine } from '../format';
import { ExitCode, printedHelp, readInputFile, UsageError, type CliIO, type CommandModule } from '../io';

const usage = `Usage: cloudarch import TEMPLATE [-o OUT.cloudarch.yaml] [--param Name=Value]... [--region REGION]

Reads a CloudFormation template (YAML or JSON, SAM's common types too) and writes the architecture
it describes. Parameters take their defaults unless given with --param; conditions are evaluated
and mappings looked up. What cannot be mapped (IAM, KMS, custom resources, types the catalog
lacks) is listed at the top of the output and on standard error. Exit status: 0 imported,
1 the template cannot be read, 3 bad usage.

Options:
  -o, --output FILE    write the architecture to FILE (default: standard output)
  --param Name=Value   a value for a template parameter (repeatable)
  --region REGION      the region the template is deployed to (default us-east-1)
  -h, --help           show this help`;

/** `Name=Value` pairs into a record; a malformed pair is a usage error. */
export function parseParams(pairs: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new UsageError(`--param takes Name=Value, not '${pair}'`);
    const name = pair.slice(0, equals);
    if (!/^[A-Za-z0-9]+$/.test(name))
      throw new UsageError(`--param: '${name}' is not a CloudFormation parameter name (letters and digits)`);
    if (params[name] !== undefined) throw new UsageError(`--param ${name} is given twice`);
    params[name] = pair.slice(equals + 1);
  }
  return params;
}

/** The report as lines for standard error. */
export function reportLines(file: string, report: ImportReport): string[] {
  const lines = [
    `${file}: ${report.mapped.length} resources imported, ${report.absorbed.length} folded into them, ${report.unmapped.length} not mapped, ${report.skipped.length} left out by their condition.`,
  ];
  for (const entry of report.unmapped) lines.push(`  not mapped: ${entry.logicalId} (${entry.cfnType}): ${entry.reason}`);
  for (const entry of report.skipped)
    lines.push(`  left out: ${entry.logicalId} (${entry.cfnType}): condition ${entry.condition} is false`);
  for (const note of report.notes) lines.push(`  assumed: ${note}`);
  return lines;
}

async function run(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, {
    output: { kind: 'value', short: 'o' },
    param: { kind: 'repeat' },
    region: { kind: 'value' },
    help: { kind: 'switch', short: 'h' },
  });
  if (printedHelp(parsed, io, usage)) return ExitCode.ok;
  if (parsed.positionals.length === 0) throw new UsageError('no template given');
  if (parsed.positionals.length > 1) throw new UsageError(`one template at a time, not ${parsed.positionals.length}`);
  const file = parsed.positionals[0]!;
  const params = parseParams(parsed.repeated.param ?? []);
  const region = parsed.values.region;
  if (region !== undefined && !/^[a-z]{2}(-gov)?-[a-z]+-\d+$/.test(region))
    throw new UsageError(`--region: '${region}' is not a region name such as us-east-1`);
  const text = readInputFile(io, 'import', file);
  if (text === undefined) return ExitCode.usage;
  let result;
  try {
    result = importCloudFormation(text, { params, sourceName: file.replace(/^.*[\\/]/, ''), ...(region !== undefined ? { region } : {}) });
  } catch (error) {
    if (error instanceof TemplateError || error instanceof ImportError) {
      io.stderr(`${file}:${error.line}:${error.column}: error: ${error.message.replace(/^line \d+, column \d+: /, '')}\n`);
      return ExitCode.errors;
    }
    throw error;
  }
  const doc = parseArchitecture(result.text);
  const errors = doc.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  const output = parsed.values.output;
  if (output !== undefined) io.writeFile(output, result.text);
  else io.stdout(result.text);
  io.stderr(`${reportLines(file, result.report).join('\n')}\n`);
  if (output !== undefined) io.stderr(`Wrote ${output}.\n`);
  if (errors.length > 0) {
    // The import is meant to always validate; say so loudly if it does not.
    for (const diagnostic of errors) io.stderr(`${diagnosticLine(output ?? '<stdout>', diagnostic)}\n`);
    return ExitCode.errors;
  }
  return ExitCode.ok;
}

export const importCommand: CommandModule = { summary: 'Turn a CloudFormation template into an architecture file.', usage, run };
