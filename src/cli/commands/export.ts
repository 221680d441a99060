/**
 * `cloudarch export FILE --to FORMAT [-o OUT] [--theme light|dark] [--scale N] [--layout channels|elkjs]`:
 * the diagram as SVG, PNG, draw.io or Mermaid, or the design review as Markdown or HTML. The formats
 * are the table in src/diagram/export (one entry per format). A file with errors is not exported:
 * its errors go to stderr and the exit status is 1. `--layout elkjs` lays the picture out with
 * elkjs (loaded only then, in a thread of its own); if elkjs fails or times out, the channel
 * layout is drawn and stderr says why (the export still succeeds).
 */
import { setFlagsFromString } from 'node:v8';
import { parseArchitecture } from '../../core/parse';
import { exportArchitecture, exportFormats, exportLayers, isExportFormat, type ExportFormatId } from '../../diagram/export';
import type { DiagramOverlays } from '../../diagram/types';
import { parseArgs, singleFile } from '../args';
import { reportedErrors } from '../format';
import { exportToCloudFormation } from './export-cloudformation';
import { ExitCode, printedHelp, readInputFile, UsageError, type CliIO, type CommandModule } from '../io';
import type { ElkRunner } from '../../node/elk-runner';

const diagramFormatIds = Object.keys(exportFormats) as ExportFormatId[];
/** The diagram and review formats, then the CloudFormation template (src/cloudformation, its own writer). */
const formatIds: readonly string[] = [...diagramFormatIds, 'cloudformation'];

const layoutNames = ['channels', 'elkjs'] as const;

/** `--overlay` names, as the diagram panel's toggles call them, and what each draws. */
const overlayNames = ['cost', 'findings', 'spof', 'availability'] as const;
type OverlayName = (typeof overlayNames)[number];
const overlaySwitch: Record<OverlayName, keyof DiagramOverlays> = {
  cost: 'costHeat',
  findings: 'findings',
  spof: 'spof',
  availability: 'availability',
};

const usage = `Usage: cloudarch export FILE --to ${formatIds.join('|')} [-o OUT] [--theme THEME] [--scale N] [--layout channels|elkjs]
                       [--layers LIST] [--overlay LIST] [--zone-down ZONE]

Exports one *.cloudarch.yaml file: the diagram as an image (svg, png), an editable draw.io file
(drawio), a Mermaid architecture diagram (mermaid), the design review with the diagram and the
availability, cost and security verdicts (markdown, html), or a deployable CloudFormation
template (cloudformation). A file with errors is not exported.

Options:
  --to FORMAT          ${formatIds.join(', ')}
  -o, --output OUT     the file to write (text formats print to standard output without it;
                       png needs it). A Markdown review writes its diagram beside it as
                       OUT-without-extension.diagram.svg
  --theme THEME        light (default), dark, high-contrast or print (white, no tinted fills);
                       the HTML review defaults to print
  --scale N            png pixels per diagram unit, 0.25 to 8 (default 2)
  --layers LIST        the diagram's layers, comma-separated: security-groups (the shield
                       badges), network (implied gateways, subnet routes, ports, public
                       addresses), or none. Default: security-groups
  --overlay LIST       what is drawn on the resources, comma-separated: cost (heat and
                       monthly cost), findings, spof, availability, or none.
                       Default: findings,spof
  --zone-down ZONE     draw the picture with this zone down (a or us-east-1a): what stops
                       working is greyed out and the title block says so
  --layout LAYOUT      who lays the picture out: channels (default, CloudArch's own, fast) or
                       elkjs (ELK's layered look, slower; if it fails or takes over 8 s, the
                       channel layout is drawn and a note says why). Not for mermaid, whose
                       viewer lays it out
  -h, --help           show this help

Exit status: 0 exported, 1 the file has errors, 3 bad usage.`;

/** Loaded on demand, so that no other command loads the rasteriser, and no other layout elkjs. */
async function services(format: ExportFormatId, elk: ElkRunner | undefined): Promise<Parameters<typeof exportArchitecture>[2]> {
  // This process draws one picture and ends: V8's tier-up of resvg's WebAssembly to optimised code
  // cost about 0.8 s of CPU in background compiles and saved about 0.3 s of drawing on the
  // benchmark's picture (issue 12), so it is left at the baseline compiler. Set before the module
  // is compiled; it changes no pixel. (The language server, which draws many, keeps the default.)
  if (format === 'png') setFlagsFromString('--liftoff-only');
  const rasteriser = format === 'png' ? await import('../../node/rasterise-png') : undefined;
  // The CLI draws with the native build of resvg where `@resvg/resvg-js` is installed for the
  // platform (the same pixels, about 40% less CPU on the benchmark's picture), else with the
  // WebAssembly build, whose files are read and compiled while the diagram is laid out.
  rasteriser?.preloadRasteriser({ engine: 'auto' });
  const rasterise = rasteriser?.rasterisePng;
  return { ...(rasterise ? { rasterise } : {}), ...(elk ? { elk } : {}) };
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
    theme: { kind: 'value', values: ['light', 'dark', 'high-contrast', 'print'] },
    scale: { kind: 'value' },
    layers: { kind: 'value' },
    overlay: { kind: 'value' },
    'zone-down': { kind: 'value' },
    layout: { kind: 'value', values: layoutNames },
    help: { kind: 'switch', short: 'h' },
  });
  if (printedHelp(parsed, io, usage)) return ExitCode.ok;
  const file = singleFile(parsed, 'export');
  const to = parsed.values.to;
  if (to === 'cloudformation') {
    if (['theme', 'scale', 'layers', 'overlay', 'zone-down'].some((name) => parsed.values[name] !== undefined))
      throw new UsageError(
        '--theme and --scale apply to the diagram formats, not to cloudformation (and so do --layers, --overlay and --zone-down)',
      );
    if (parsed.values.layout !== undefined) throw new UsageError('--layout applies to the diagram formats, not to cloudformation');
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
  const layers = parsed.values.layers !== undefined ? listOption('layers', parsed.values.layers, exportLayers) : undefined;
  const overlayList = parsed.values.overlay !== undefined ? listOption('overlay', parsed.values.overlay, overlayNames) : undefined;
  const zoneDown = parsed.values['zone-down'];
  if (zoneDown !== undefined && !/^[a-z0-9-]{1,32}$/.test(zoneDown))
    throw new UsageError(`--zone-down takes a zone such as a or us-east-1a, not '${zoneDown}'`);
  const overlays: DiagramOverlays | undefined =
    overlayList !== undefined || zoneDown !== undefined
      ? {
          ...(overlayList !== undefined
            ? Object.fromEntries(overlayNames.map((name) => [overlaySwitch[name], overlayList.includes(name)]))
            : { findings: true, spof: true }),
          ...(zoneDown !== undefined ? { zonesDown: [zoneDown] } : {}),
        }
      : undefined;
  // Mermaid is laid out by whoever shows it: no layout of ours is used, and elkjs is not loaded for it.
  if (parsed.values.layout !== undefined && to === 'mermaid')
    io.stderr('cloudarch export: --layout does not apply to mermaid (its viewer lays the diagram out)\n');
  const useElk = parsed.values.layout === 'elkjs' && to !== 'mermaid';
  const text = readInputFile(io, 'export', file);
  if (text === undefined) return ExitCode.usage;

  const doc = parseArchitecture(text);
  if (reportedErrors(io, file, doc.diagnostics, 'not exported')) return ExitCode.errors;

  const elk = useElk ? (await import('../../node/elk-runner')).createElkRunner() : undefined;
  let result: Awaited<ReturnType<typeof exportArchitecture>>;
  try {
    result = await exportArchitecture(doc, to, await services(to, elk), {
      ...(parsed.values.theme !== undefined ? { theme: parsed.values.theme as 'light' | 'dark' | 'high-contrast' | 'print' } : {}),
      ...(layers !== undefined ? { layers } : {}),
      ...(overlays !== undefined ? { overlays } : {}),
      ...(useElk ? { layoutProfile: 'fast' as const } : {}),
      ...(scale !== undefined ? { scale } : {}),
      ...(output !== undefined ? { outputName: baseName(output) } : {}),
      date: new Date().toISOString().slice(0, 10),
      file: baseName(file),
      version: io.version,
    });
  } finally {
    await elk?.dispose();
  }
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

/** A comma-separated list of known names (`none` for the empty list); anything else is a usage error. */
function listOption<T extends string>(option: string, value: string, allowed: readonly T[]): T[] {
  if (value.trim() === 'none') return [];
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(allowed as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0)
    throw new UsageError(`--${option} takes a comma-separated list of ${allowed.join(', ')} (or none), not '${value}'`);
  return [...new Set(names as T[])];
}

export const exportCommand: CommandModule = {
  summary: 'Export the diagram (svg, png, drawio, mermaid) or the design review (markdown, html).',
  usage,
  run,
};
