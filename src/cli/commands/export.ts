/**
 * `cloudarch export FILE --to FORMAT [-o OUT] [--theme light|dark] [--scale N]`: the diagram as
 * SVG, PNG, draw.io or Mermaid, or the design review as Markdown or HTML. The formats are the
 * table in src/diagram/export (one entry per format). A file with errors is not exported: its
 * errors go to stderr and the exit status is 1.
 */
import { parseArchitecture } from '../../core/parse';
import { exportArchitecture, exportFormats, isExportFormat, type ExportFormatId } from '../../diagram/export';
import { parseArgs, singleFile } from '../args';
import { reportedErrors } from '../format';
import { exportToCloudFormation } from './export-cloudformation';
import { ExitCode, printedHelp, readInputFile, UsageError, type CliIO, type CommandModule } from '../io';

const diagramFormatIds = Object.keys(exportFormats) as ExportFormatId[];
/** The diagram and review formats, then the CloudFormation template (src/cloudformation, its own writer). */
const formatIds: readonly string[] = [...diagramFormatIds, 'cloudformation'];

const usage = `Usage: cloudarch export FILE --to ${formatIds.join('|')} [-o OUT] [--theme light|dark] [--scale N]

Exports one *.cloudarch.yaml file: the diagram as an image (svg, png), an editable draw.io file
(drawio), a Mermaid architecture diagram (mermaid), the design review with the diagram and the
availability, cost and security verdicts (markdown, html), or a deployable CloudFormation
template (cloudformation). A file with errors is not exported.

Options:
  --to FORMAT          ${formatIds.join(', ')}
  -o, --output OUT     the file to write (text formats print to standard output without it;
                       png needs it). A Markdown review writes its diagram beside it as
                       OUT-without-extension.diagram.svg
  --theme THEME        light (default) or dark; the HTML review defaults to the print theme
  --scale N            png pixels per diagram unit, 0.25 to 8 (default 2)
  -h, --help           show this help

Exit status: 0 exported, 1 the file has errors, 3 bad usage.`;

/** Loaded on demand, so that no other command loads the rasteriser. */
async function services(format: ExportFormatId): Promise<Parameters<typeof exportArchitecture>[2]> {
  const rasteriser = format === 'png' ? await import('../../node/rasterise-png') : undefined;
  // The rasteriser's files are read and its WebAssembly compiled while the diagram is laid out.
  rasteriser?.preloadRasteriser();
  const rasterise = rasteriser?.rasterisePng;
  return rasterise ? { rasterise } : {};
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut >= 0 ? path.slice(0, cut + 1) : '';
}

async function run(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, {
    to: { kind: 'value', values: formatIds },
    output: { kind: 'value', short: 'o' },
    theme: { kind: 'value', values: ['light', 'dark'] },
    scale: { kind: 'value' },
    help: { kind: 'switch', short: 'h' },
  });
  if (printedHelp(parsed, io, usage)) return ExitCode.ok;
  const file = singleFile(parsed, 'export');
  const to = parsed.values.to;
  if (to === 'cloudformation') {
    if (parsed.values.theme !== undefined || parsed.values.scale !== undefined)
      throw new UsageError('--theme and --scale apply to the diagram formats, not to cloudformation');
    return exportToCloudFormation(parsed.positionals[0]!, parsed.values.output, io);
  }
  if (to === undefined || !isExportFormat(to)) throw new UsageError(`--to is required (${formatIds.join(', ')})`);
  const definition = exportFormats[to];
  const output = parsed.values.output;
  if (definition.binary && output === undefined) throw new UsageError(`--to ${to} writes a binary file: give it with -o OUT`);
  let scale: number | undefined;
  if (parsed.values.scale !== undefined) {
    if (to !== 'png') throw new UsageError('--scale applies to --to png only');
    scale = Number(parsed.values.scale);
    if (!/^\d+(\.\d+)?$/.test(parsed.values.scale) || !(scale >= 0.25 && scale <= 8))
      throw new UsageError(`--scale must be a number from 0.25 to 8, not '${parsed.values.scale}'`);
  }
  const text = readInputFile(io, 'export', file);
  if (text === undefined) return ExitCode.usage;

  const doc = parseArchitecture(text);
  if (reportedErrors(io, file, doc.diagnostics, 'not exported')) return ExitCode.errors;

  const result = await exportArchitecture(doc, to, await services(to), {
    ...(parsed.values.theme !== undefined ? { theme: parsed.values.theme as 'light' | 'dark' } : {}),
    ...(scale !== undefined ? { scale } : {}),
    ...(output !== undefined ? { outputName: baseName(output) } : {}),
    date: new Date().toISOString().slice(0, 10),
    file: baseName(file),
    version: io.version,
  });
  for (const note of result.notes) io.stderr(`cloudarch export: ${note}\n`);
  if (output === undefined) {
    io.stdout(result.text ?? '');
    return ExitCode.ok;
  }
  try {
    io.writeFile(output, result.bytes ?? result.text ?? '');
    for (const attachment of result.attachments) io.writeFile(`${folderOf(output)}${attachment.name}`, attachment.text);
  } catch (error) {
    io.stderr(`cloudarch export: cannot write '${output}': ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.usage;
  }
  return ExitCode.ok;
}

export const exportCommand: CommandModule = {
  summary: 'Export the diagram (svg, png, drawio, mermaid) or the design review (markdown, html).',
  usage,
  run,
};
