/**
 * `cloudarch export FILE --to cloudformation [-o OUT]`: writes the design as a deployable
 * CloudFormation template (src/cloudformation/export.ts does the work).
 *
 * `exportToCloudFormation` is what the `export` command (export.ts) dispatches to for
 * `--to cloudformation`; the diagram and review formats go through src/diagram/export.
 */
import { exportCloudFormation } from '../../cloudformation/export';
import { parseArchitecture } from '../../core/parse';
import { diagnosticLine } from '../format';
import { ExitCode, readInputFile, type CliIO } from '../io';

/** Exports one architecture file; the template goes to `output` or standard output, the notes to standard error. */
export function exportToCloudFormation(file: string, output: string | undefined, io: CliIO): number {
  const text = readInputFile(io, 'export', file);
  if (text === undefined) return ExitCode.usage;
  const doc = parseArchitecture(text);
  const errors = doc.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) {
    for (const diagnostic of errors) io.stderr(`${diagnosticLine(file, diagnostic)}\n`);
    io.stderr(
      `cloudarch export: ${file} has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} before exporting.\n`,
    );
    return ExitCode.errors;
  }
  const result = exportCloudFormation(doc);
  if (output !== undefined) io.writeFile(output, result.text);
  else io.stdout(result.text);
  const lines: string[] = [];
  for (const item of result.report.safeDefaults)
    lines.push(`  safe default: ${item.resource}.${item.property} = ${String(item.value)} (${item.why})`);
  if (result.report.parameters.length > 0)
    lines.push(`  parameters to give at deploy time (or keep their defaults): ${result.report.parameters.join(', ')}`);
  for (const note of result.report.notes) lines.push(`  note: ${note}`);
  io.stderr(
    `${file}: exported ${doc.resources.length} resources${output !== undefined ? ` to ${output}` : ''}.\n${lines.length > 0 ? `${lines.join('\n')}\n` : ''}`,
  );
  return ExitCode.ok;
}
