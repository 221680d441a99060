/**
 * The simulation panel's page: the summary beside the analytic figures, four uPlot charts (load
 * against capacity, healthy units per zone, dropped requests, cost), the injected events with their
 * recovery times and the event timeline. It says `ready`, then draws whatever valid result the
 * extension sends; every message is checked on receipt, and all text goes in through `textContent`.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './simulation.css';
import type { SimulationHostMessage, SimulationResult, SimulationWebviewMessage } from '../../src/protocol/simulation';

interface VsCodeApi {
  postMessage(message: SimulationWebviewMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;
let charts: uPlot[] = [];

// ---- checking what arrives ----

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isNumberList = (value: unknown, length?: number): boolean =>
  Array.isArray(value) && (length === undefined || value.length === length) && value.every(isNumber);
const isNullableNumberList = (value: unknown, length: number): boolean =>
  Array.isArray(value) && value.length === length && value.every((item) => item === null || isNumber(item));

/** The parts of a result the page reads, with matching series lengths; anything else is refused. */
function isSimulationResult(value: unknown): value is SimulationResult {
  if (!isRecord(value) || !isNumber(value.days) || !isNumber(value.seed)) return false;
  const { requests, availability, cost, capacity, series, timeline, injected } = value;
  if (!isRecord(requests) || !['offered', 'served', 'dropped', 'droppedPercent'].every((key) => isNumber(requests[key]))) return false;
  if (
    !isRecord(availability) ||
    !isNumber(availability.observedPercent) ||
    !(availability.analyticPercent === null || isNumber(availability.analyticPercent))
  )
    return false;
  if (
    !isRecord(cost) ||
    !isNumber(cost.accruedUSD) ||
    !isNumber(cost.monthlyEquivalentUSD) ||
    !(cost.staticMonthlyUSD === null || isNumber(cost.staticMonthlyUSD))
  )
    return false;
  if (!isRecord(capacity) || !isNumber(capacity.belowNeededSeconds)) return false;
  if (!isRecord(series) || !isNumberList(series.time)) return false;
  const points = (series.time as number[]).length;
  if (
    !isNumberList(series.load, points) ||
    !isNullableNumberList(series.capacity, points) ||
    !isNumberList(series.dropped, points) ||
    !isNumberList(series.cost, points)
  )
    return false;
  if (!isRecord(series.healthyUnitsByZone) || !Object.values(series.healthyUnitsByZone).every((list) => isNumberList(list, points)))
    return false;
  if (
    !isRecord(timeline) ||
    !Array.isArray(timeline.events) ||
    !timeline.events.every(
      (event) => isRecord(event) && isNumber(event.at) && typeof event.kind === 'string' && typeof event.message === 'string',
    )
  )
    return false;
  if (
    !Array.isArray(injected) ||
    !injected.every((outcome) => isRecord(outcome) && typeof outcome.spec === 'string' && isNumber(outcome.droppedRequests))
  )
    return false;
  return true;
}

function isHostMessage(value: unknown): value is SimulationHostMessage {
  if (!isRecord(value) || typeof value.title !== 'string') return false;
  if (value.type === 'error') return typeof value.message === 'string';
  return value.type === 'simulation' && isSimulationResult(value.result);
}

// ---- formatting ----

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 2 });
const percent = (value: number): string => `${value.toFixed(4).replace(/\.?0+$/, '')}%`;

function duration(seconds: number): string {
  if (seconds <= 0) return '0s';
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join('');
}

/** `day 2 14:00:00`, as the CLI prints the timeline. */
function clock(seconds: number): string {
  const day = Math.floor(seconds / 86_400) + 1;
  const within = Math.floor(seconds % 86_400);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `day ${day} ${pad(Math.floor(within / 3_600))}:${pad(Math.floor((within % 3_600) / 60))}:${pad(within % 60)}`;
}

/** `d2 14:00`, for the time axis. */
function shortClock(seconds: number): string {
  const full = clock(seconds);
  return full.replace(/^day (\d+) (\d\d:\d\d):\d\d$/, 'd$1 $2');
}

/** Distances between time ticks, seconds: whole hours up to whole weeks and months. */
const timeSteps = [
  60,
  300,
  900,
  1_800,
  3_600,
  2 * 3_600,
  3 * 3_600,
  6 * 3_600,
  12 * 3_600,
  86_400,
  2 * 86_400,
  7 * 86_400,
  14 * 86_400,
  30 * 86_400,
  91 * 86_400,
  365 * 86_400,
];

// ---- building the page ----

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: { text?: string; className?: string } = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.text !== undefined) node.textContent = options.text;
  if (options.className !== undefined) node.className = options.className;
  node.append(...children);
  return node;
}

function table(
  headers: readonly string[],
  rows: readonly (readonly (string | { text: string; className: string })[])[],
  className: string,
): HTMLTableElement {
  const head = element('thead', {}, element('tr', {}, ...headers.map((header) => element('th', { text: header }))));
  const body = element(
    'tbody',
    {},
    ...rows.map((row) =>
      element('tr', {}, ...row.map((cell) => (typeof cell === 'string' ? element('td', { text: cell }) : element('td', cell)))),
    ),
  );
  return element('table', { className }, head, body);
}

function summaryTable(result: SimulationResult): HTMLTableElement {
  const { availability, cost, requests, capacity } = result;
  const interval = availability.ci95 ? ` (95% interval ${percent(availability.ci95[0])} – ${percent(availability.ci95[1])})` : '';
  const lowerThanAnalytic = availability.analyticPercent !== null && availability.observedPercent < availability.analyticPercent;
  const dearer = cost.staticMonthlyUSD !== null && cost.monthlyEquivalentUSD > cost.staticMonthlyUSD * 1.01;
  const number = (text: string, worse = false): { text: string; className: string } => ({
    text,
    className: worse ? 'number worse' : 'number',
  });
  return table(
    ['', 'simulated', 'analytic'],
    [
      [
        'Availability',
        number(`${percent(availability.observedPercent)}${interval}`, lowerThanAnalytic),
        number(availability.analyticPercent === null ? '—' : percent(availability.analyticPercent)),
      ],
      ['Downtime', number(`${integer.format(availability.downtimeMinutes)} min`), number('—')],
      [
        'Requests served',
        number(`${integer.format(requests.served)} of ${integer.format(requests.offered)} (${percent(availability.servedPercent)})`),
        number('—'),
      ],
      [
        'Requests dropped',
        number(`${integer.format(requests.dropped)} (${percent(requests.droppedPercent)})`, requests.dropped > 0),
        number('—'),
      ],
      ['Below the needed capacity', number(duration(capacity.belowNeededSeconds), capacity.belowNeededSeconds > 0), number('—')],
      ['Cost accrued', number(usd.format(cost.accruedUSD)), number('—')],
      [
        'Monthly cost',
        number(`${usd.format(cost.monthlyEquivalentUSD)} at this rate`, dearer),
        number(cost.staticMonthlyUSD === null ? '—' : `${usd.format(cost.staticMonthlyUSD)} static estimate`),
      ],
    ],
    'summary',
  );
}

function injectedTable(result: SimulationResult): HTMLTableElement {
  return table(
    ['event', 'dropped', 'dropped %', 'recovered after', 'below the load'],
    result.injected.map((outcome) => [
      outcome.spec,
      { text: integer.format(outcome.droppedRequests), className: 'number' },
      { text: percent(outcome.droppedPercent), className: 'number' },
      outcome.recoverySeconds === null ? { text: 'not by the end', className: 'worse' } : duration(outcome.recoverySeconds),
      duration(outcome.belowNeededSeconds),
    ]),
    'injected',
  );
}

function timelineTable(result: SimulationResult): HTMLTableElement {
  return table(
    ['time', 'event', 'resource', 'zone', 'what happened'],
    result.timeline.events.map((event) => [clock(event.at), event.kind, event.resource ?? '', event.zone ?? '', event.message]),
    'timeline',
  );
}

/** Theme colours for the canvases, which cannot read CSS variables themselves. */
function themeColour(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value === '' ? fallback : value;
}

interface ChartSpec {
  readonly title: string;
  readonly className: string;
  readonly series: readonly {
    readonly label: string;
    readonly values: readonly (number | null)[];
    readonly colour: string;
    readonly fill?: boolean;
  }[];
  readonly unit: (value: number) => string;
}

function chartWidth(container: HTMLElement): number {
  return Math.max(300, Math.floor(container.clientWidth));
}

function drawChart(container: HTMLElement, time: readonly number[], spec: ChartSpec): uPlot {
  const foreground = themeColour('--vscode-foreground', '#888888');
  const grid = themeColour('--vscode-charts-lines', 'rgba(128, 128, 128, 0.25)');
  const axis = (values: (self: uPlot, splits: number[]) => string[]): uPlot.Axis => ({
    stroke: foreground,
    grid: { stroke: grid, width: 1 },
    ticks: { stroke: grid, width: 1 },
    values,
  });
  const options: uPlot.Options = {
    width: chartWidth(container),
    height: 220,
    scales: { x: { time: false } },
    // Ticks on whole hours and days, labelled `d2 14:00` (short enough not to collide).
    axes: [
      { ...axis((_self, splits) => splits.map(shortClock)), space: 70, incrs: timeSteps },
      { ...axis((_self, splits) => splits.map(spec.unit)), size: 70 },
    ],
    series: [
      { label: 'time', value: (_self, seconds) => (seconds === null ? '' : clock(seconds)) },
      ...spec.series.map((series) => ({
        label: series.label,
        stroke: series.colour,
        width: 1.5,
        spanGaps: false,
        ...(series.fill ? { fill: `${series.colour}33` } : {}),
        value: (_self: uPlot, value: number | null) => (value === null ? '—' : spec.unit(value)),
      })),
    ],
    legend: { show: true },
  };
  const data = [time, ...spec.series.map((series) => series.values)] as unknown as uPlot.AlignedData;
  return new uPlot(options, data, container);
}

function show(message: SimulationHostMessage): void {
  for (const chart of charts) chart.destroy();
  charts = [];
  app.replaceChildren();
  if (message.type === 'error') {
    app.append(element('h1', { text: message.title }), element('p', { className: 'error', text: message.message }));
    return;
  }
  const { result } = message;
  const { series } = result;
  const colours = [
    '--vscode-charts-blue',
    '--vscode-charts-green',
    '--vscode-charts-purple',
    '--vscode-charts-orange',
    '--vscode-charts-yellow',
    '--vscode-charts-red',
  ];
  const fallbacks = ['#3794ff', '#89d185', '#b180d7', '#d18616', '#cca700', '#f14c4c'];
  const colour = (index: number): string => themeColour(colours[index % colours.length]!, fallbacks[index % fallbacks.length]!);
  const red = themeColour('--vscode-charts-red', '#f14c4c');
  const rps = (value: number): string => `${integer.format(value)}/s`;
  const specs: ChartSpec[] = [
    {
      title: 'Load against capacity (requests/s)',
      className: 'chart-load',
      unit: rps,
      series: [
        { label: 'load', values: series.load, colour: colour(0) },
        { label: 'capacity', values: series.capacity, colour: colour(1) },
      ],
    },
    {
      title: 'Healthy units per zone',
      className: 'chart-zones',
      unit: (value) => integer.format(value),
      series: Object.entries(series.healthyUnitsByZone).map(([zone, values], index) => ({
        label: `zone ${zone}`,
        values,
        colour: colour(index),
      })),
    },
    {
      title: `Dropped requests (per ${duration(series.intervalSeconds)})`,
      className: 'chart-dropped',
      unit: (value) => integer.format(value),
      series: [{ label: 'dropped', values: series.dropped, colour: red, fill: true }],
    },
    {
      title: 'Cost accrued (USD)',
      className: 'chart-cost',
      unit: (value) => usd.format(value),
      series: [{ label: 'cost', values: series.cost, colour: colour(3) }],
    },
  ];

  app.append(
    element('h1', { text: `Simulation of ${message.title}` }),
    element('p', {
      className: 'note',
      text: `${result.days} simulated days, seed ${result.seed}, ${result.stepSeconds}-second steps; ${result.counts.unitFailures} unit failures, ${result.counts.failovers} failovers, ${result.counts.scaleOuts} scale-outs, ${result.counts.spotInterruptions} spot interruptions at random.`,
    }),
    element('div', { className: 'overview' }, summaryTable(result)),
  );
  if (result.injected.length > 0) app.append(element('h2', { text: 'Injected events' }), injectedTable(result));
  const chartGrid = element('div', { className: 'charts' });
  app.append(element('h2', { text: 'Over time' }), chartGrid);
  const containers = specs.map((spec) => {
    const plot = element('div', { className: 'plot' });
    chartGrid.append(element('section', { className: `chart ${spec.className}` }, element('h3', { text: spec.title }), plot));
    return plot;
  });
  charts = specs.map((spec, index) => drawChart(containers[index]!, series.time, spec));
  const omitted = result.timeline.omitted > 0 ? ` (${result.timeline.omitted} more not kept)` : '';
  app.append(element('h2', { text: `Timeline${omitted}` }), timelineTable(result));
}

window.addEventListener('resize', () => {
  for (const chart of charts) {
    const container = chart.root.parentElement;
    if (container) chart.setSize({ width: chartWidth(container), height: 220 });
  }
});

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isHostMessage(event.data)) show(event.data);
});

vscode.postMessage({ type: 'ready' });
