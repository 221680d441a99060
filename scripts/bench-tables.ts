/**
 * Turns a benchmark result into the Markdown tables the documentation publishes. Pure: the script
 * `bench-docs.ts` does the file work, and the unit test checks the published tables with it.
 */

export interface BenchMeasurement {
  readonly name: string;
  readonly size?: number;
  readonly unit: string;
  readonly median: number;
  readonly p95: number;
  readonly samples: number;
  /** The peer as shipped ÷ ours (medians). */
  readonly ratio?: number;
  /** The peer with its fixed validation wait removed ÷ ours (medians). */
  readonly engineRatio?: number;
  readonly note?: string;
}

export interface BenchReport {
  readonly machine: { readonly cpus: number; readonly model?: string; readonly memoryGiB: number; readonly node: string };
  readonly date: string;
  readonly measurements: readonly BenchMeasurement[];
}

/** Rows of the README's summary: a measurement name and the size it is shown at (if any). */
const summaryRows: readonly { readonly name: string; readonly size?: number; readonly label?: string }[] = [
  { name: 'edit -> diagnostics (CloudArch)', size: 999 },
  { name: 'edit -> diagnostics with evaluations (CloudArch)', size: 999 },
  { name: 'completion (CloudArch)', size: 999 },
  { name: 'hover (CloudArch)', size: 999 },
  { name: 'edit -> diagnostics (CloudArch)', size: 9999 },
  { name: 'completion (CloudArch)', size: 9999 },
  { name: 'exact availability', size: 999 },
  { name: 'edit -> incremental parse, validation and all evaluations, in process (CloudArch)', size: 999 },
  { name: 'server start to ready (CloudArch)', size: 999 },
];

/** Measurement names whose rows the README also shows, when the run has them (newer features). */
const summaryPrefixes: readonly string[] = [
  // `(our` matches this row's name before (`our settings`) and after (`ours: channel layout`) the channel layout.
  'diagram: layout + render, warm (our',
  "diagram: command -> the whole picture painted (in the page's HTML)",
  'diagram: command -> first picture in the webview',
  'diagram: property edit',
  'diagram: mean displacement of the other nodes after adding a resource',
  'cloudarch export --to svg, cold, wall',
  'cloudarch export --to png (scale 2), cold, wall',
  'simulate',
  'extension activation, wall (code-server, vsix run)',
  '.vsix size',
];

/** A target of the project, judged on a run: which measurement, which statistic, which bound. */
interface Target {
  readonly label: string;
  /** The measurement's name, or the start of it. */
  readonly name: string;
  /** The generated size the target is about (the nearest measured size within 5% counts). */
  readonly size?: number;
  readonly statistic: 'median' | 'p95' | 'ratio' | 'engineRatio';
  readonly atMost?: number;
  readonly atLeast?: number;
}

const targets: readonly Target[] = [
  {
    label: '1,000 resources: edit → diagnostics, p95 < 30 ms',
    name: 'edit -> diagnostics (CloudArch)',
    size: 1000,
    statistic: 'p95',
    atMost: 30,
  },
  {
    label: '1,000 resources: edit → diagnostics with the evaluations, p95 < 30 ms',
    name: 'edit -> diagnostics with evaluations (CloudArch)',
    size: 1000,
    statistic: 'p95',
    atMost: 30,
  },
  {
    label: '1,000 resources: ≥ 30× the peer as shipped (edit → diagnostics)',
    name: 'edit -> diagnostics (CloudArch)',
    size: 1000,
    statistic: 'ratio',
    atLeast: 30,
  },
  {
    label: '1,000 resources: ≥ 30× the peer without its wait (edit → diagnostics)',
    name: 'edit -> diagnostics (CloudArch)',
    size: 1000,
    statistic: 'engineRatio',
    atLeast: 30,
  },
  { label: '1,000 resources: completion p95 < 15 ms', name: 'completion (CloudArch)', size: 1000, statistic: 'p95', atMost: 15 },
  { label: '1,000 resources: hover p95 < 15 ms', name: 'hover (CloudArch)', size: 1000, statistic: 'p95', atMost: 15 },
  {
    label: '10,000 resources: edit → diagnostics p95 < 150 ms',
    name: 'edit -> diagnostics (CloudArch)',
    size: 10000,
    statistic: 'p95',
    atMost: 150,
  },
  {
    label: '1,000 resources: exact availability < 50 ms (median)',
    name: 'exact availability',
    size: 1000,
    statistic: 'median',
    atMost: 50,
  },
  { label: 'server start → ready < 300 ms', name: 'server start to ready (CloudArch)', size: 1000, statistic: 'median', atMost: 300 },
  {
    label: 'extension activation < 30 ms (installed .vsix)',
    name: 'extension activation, wall (code-server, vsix run)',
    statistic: 'median',
    atMost: 30,
  },
  { label: '.vsix < 3 MB', name: '.vsix size', statistic: 'median', atMost: 3 },
  {
    label: '500 resources: diagram layout + render, warm, p95 < 300 ms',
    name: 'diagram: layout + render, warm (our',
    size: 500,
    statistic: 'p95',
    atMost: 300,
  },
  {
    // Shown: the whole picture painted, fitted. Since 2026-12-05 it comes in the page's HTML and is
    // painted before the page's script takes it over (the next row); until then both were one moment.
    label:
      '100 resources: first diagram shown < 1 s from the command (the whole picture painted; server over stdio + webview in headless Chromium)',
    name: "diagram: command -> the whole picture painted (in the page's HTML)",
    size: 100,
    statistic: 'p95',
    atMost: 1000,
  },
  {
    label: "500 resources: the webview's main thread never blocked more than 50 ms while showing the picture",
    name: 'diagram webview: longest main-thread task',
    size: 500,
    statistic: 'p95',
    atMost: 50,
  },
  {
    label:
      '100 resources: a value edit → updated picture, in process (the panel round trip is measured by bench/diagram-panel.ts), p95 < 150 ms',
    name: 'diagram: property edit -> picture',
    size: 100,
    statistic: 'p95',
    atMost: 150,
  },
  {
    label: '100 resources: export to SVG from a cold start < 1 s',
    name: 'cloudarch export --to svg, cold, wall',
    size: 100,
    statistic: 'median',
    atMost: 1000,
  },
  {
    label: '100 resources: export to PNG from a cold start < 2 s',
    name: 'cloudarch export --to png (scale 2), cold, wall',
    size: 100,
    statistic: 'median',
    atMost: 2000,
  },
  { label: '50 resources: 30 simulated days < 300 ms', name: 'simulate 30 days', statistic: 'median', atMost: 300 },
  { label: '50 resources: a simulated year < 3 s', name: 'simulate 365 days', statistic: 'median', atMost: 3000 },
];

function findTarget(report: BenchReport, target: Target): BenchMeasurement | undefined {
  return report.measurements.find(
    (measurement) =>
      measurement.name.startsWith(target.name) &&
      (target.size === undefined || (measurement.size !== undefined && Math.abs(measurement.size - target.size) <= target.size * 0.05)),
  );
}

/** Each target of the project against the run: the figure measured and whether it holds. */
export function benchTargetsTable(report: BenchReport): string {
  const lines = ['| target | measured | verdict |', '| --- | --- | --- |'];
  for (const target of targets) {
    const measurement = findTarget(report, target);
    const value = measurement?.[target.statistic];
    if (measurement === undefined || value === undefined) {
      lines.push(`| ${target.label} | not measured in this run | – |`);
      continue;
    }
    const held = (target.atMost === undefined || value < target.atMost) && (target.atLeast === undefined || value >= target.atLeast);
    const shown =
      target.statistic === 'ratio' || target.statistic === 'engineRatio'
        ? formatRatio(value)
        : `${target.statistic} ${formatValue(value, measurement.unit)}`;
    lines.push(`| ${target.label} | ${shown} | ${held ? 'met' : '**missed**'} |`);
  }
  return lines.join('\n');
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const fixed = value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
  const [whole, fraction] = fixed.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function formatValue(value: number, unit: string): string {
  return `${formatNumber(value)} ${unit}`;
}

function formatRatio(ratio: number | undefined): string {
  return ratio === undefined ? '' : `${formatNumber(ratio)}×`;
}

function formatSize(size: number | undefined): string {
  return size === undefined
    ? ''
    : Math.round(size)
        .toString()
        .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function machineLine(report: BenchReport): string {
  const { machine } = report;
  return `Measured on ${report.date.slice(0, 10)} by \`npm run bench\` on ${machine.cpus} × ${machine.model ?? 'unknown CPU'}, ${machine.memoryGiB} GiB, Node ${machine.node.replace(/^v/, '')}.`;
}

const ratioExplanation =
  "The last two columns divide the peer's median by ours, measured in the same run on the same file: " +
  '"as shipped" is yaml-language-server as users run it, which waits a fixed 200 ms after each change ' +
  'before validating (`validationDelayMs`, not a setting); "without its wait" is the same server with ' +
  "that wait set to 0 by `bench/peer-without-delay.cjs` in the benchmark's own process: engine against engine. " +
  "On the diagram rows the first ratio column compares with elkjs's default hierarchical layout on the same graph instead.";

function row(measurement: BenchMeasurement, label = measurement.name): string {
  return `| ${label} | ${formatSize(measurement.size)} | ${formatValue(measurement.median, measurement.unit)} | ${formatValue(measurement.p95, measurement.unit)} | ${formatRatio(measurement.ratio)} | ${formatRatio(measurement.engineRatio)} |`;
}

const header = [
  '| measurement | resources | median | p95 | peer as shipped (or reference) ÷ ours | peer without its wait ÷ ours |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
];

/** Every measurement of the run, in the order it was taken. */
export function benchFullTable(report: BenchReport): string {
  return [machineLine(report), '', ratioExplanation, '', ...header, ...report.measurements.map((measurement) => row(measurement))].join(
    '\n',
  );
}

/** The README's selection: the editor's targets, then whatever newer features measured. */
export function benchSummaryTable(report: BenchReport): string {
  const chosen: BenchMeasurement[] = [];
  for (const wanted of summaryRows) {
    const found = report.measurements.find(
      (measurement) => measurement.name === wanted.name && (wanted.size === undefined || measurement.size === wanted.size),
    );
    if (found !== undefined) chosen.push(found);
  }
  for (const measurement of report.measurements) {
    if (chosen.includes(measurement)) continue;
    if (summaryPrefixes.some((prefix) => measurement.name.startsWith(prefix))) chosen.push(measurement);
  }
  return [machineLine(report), '', ratioExplanation, '', ...header, ...chosen.map((measurement) => row(measurement))].join('\n');
}

/**
 * Replaces what lies between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` in a
 * document. Throws when the markers are missing, so a renamed heading never silently drops a table.
 */
export function replaceGenerated(document: string, name: string, content: string): string {
  const open = `<!-- generated:${name} -->`;
  const close = `<!-- /generated:${name} -->`;
  const start = document.indexOf(open);
  const end = document.indexOf(close);
  if (start < 0 || end < start) throw new Error(`the markers ${open} … ${close} are missing`);
  return `${document.slice(0, start + open.length)}\n${content}\n${document.slice(end)}`;
}
