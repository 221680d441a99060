/**
 * `npm run bench`: how fast CloudArch is, against the peer (yaml-language-server, the engine of
 * Red Hat's YAML extension, given our generated schema) and against the floor (`JSON.parse` and a
 * full `yaml` parse of the same content), on synthetic architectures of 100, 1,000 and 10,000
 * resources. Writes out/bench.json and prints a table. Timings are wall-clock medians and p95s over
 * repeated runs after warm-up, on whatever machine runs it (the table names it).
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml, parseDocument, LineCounter } from 'yaml';
import { measureDiagram } from './diagram';
import { measureExport } from './export';
import { measureFirstPicture } from './first-picture';
import { generateArchitecture, generatedResourceCount } from './generate';
import { builtServer, LspSession, type ServerCommand } from './lsp-session';
import type { BenchMeasurement } from '../scripts/bench-tables';

const root = resolve(__dirname, '..');
const outDir = join(root, 'out');
const workDir = join(outDir, 'bench');
const quick = process.argv.includes('--quick');
const sizesArgument = process.argv.find((argument) => argument.startsWith('--sizes='));
/** `--sizes=100,1000` measures only those sizes (for a quick look; the published table uses all three). */
const sizes =
  sizesArgument !== undefined ? sizesArgument.slice('--sizes='.length).split(',').map(Number) : quick ? [100, 1000] : [100, 1000, 10000];
/** `--editor-only` measures only our server's editor figures (edits, completion, hover): no peer, no in-process evaluations, diagram or export. */
const editorOnly = process.argv.includes('--editor-only');
const skipPeer = editorOnly || process.argv.includes('--no-peer');

/** A row of out/bench.json (scripts/bench-tables.ts reads it); the ratios are filled in once the peer has run. */
type Measurement = Omit<BenchMeasurement, 'ratio' | 'engineRatio'> & { ratio?: number; engineRatio?: number };

const measurements: Measurement[] = [];

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

function record(name: string, size: number | undefined, unit: string, samples: readonly number[], note?: string): Measurement {
  const sorted = [...samples].sort((a, b) => a - b);
  const measurement: Measurement = {
    name,
    size,
    unit,
    median: round(quantile(sorted, 0.5)),
    p95: round(quantile(sorted, 0.95)),
    samples: samples.length,
    ...(note ? { note } : {}),
  };
  measurements.push(measurement);
  console.log(
    `  ${name}${size ? ` [${size}]` : ''}: median ${measurement.median} ${unit}, p95 ${measurement.p95} ${unit} (${samples.length} runs)`,
  );
  return measurement;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

async function timeSync(runs: number, warmup: number, action: () => unknown): Promise<number[]> {
  for (let i = 0; i < warmup; i++) action();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    action();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** A line in the middle of the file whose number we can change without changing validity. */
function middleEditTarget(text: string): { line: number; character: number; original: string } {
  const lines = text.split('\n');
  for (let line = Math.floor(lines.length / 2); line < lines.length; line++) {
    const match = /^(\s+sizeGB: )(\d+)/.exec(lines[line]!);
    if (match) return { line, character: match[1]!.length, original: match[2]!.charAt(0) };
  }
  throw new Error('no sizeGB line in the second half of the file');
}

function middleLine(text: string, pattern: RegExp): { line: number; character: number } {
  const lines = text.split('\n');
  for (let line = Math.floor(lines.length / 2); line < lines.length; line++) {
    const match = pattern.exec(lines[line]!);
    if (match) return { line, character: match.index + match[0].length };
  }
  throw new Error(`no line matching ${pattern}`);
}

interface EditorFigures {
  edit: number[];
  /** Edit -> the publication that adds the evaluations' diagnostics (our server only). */
  evaluated: number[];
  burst: number[];
  completion: number[];
  hover: number[];
  readyMs: number;
  peakBytes?: number;
}

/** Opens the file in a server and measures edits, a burst of typing, completion and hover. */
async function measureServer(
  server: ServerCommand,
  file: string,
  text: string,
  runs: number,
  languageId: string,
  measureEvaluated = false,
): Promise<EditorFigures> {
  const session = await LspSession.start(server, workDir);
  try {
    const uri = pathToFileURL(file).href;
    await session.open(uri, languageId, text);
    const target = middleEditTarget(text);
    let version = 1;
    let digit = Number(target.original);
    const edit = async () => {
      digit = digit === 9 ? 1 : digit + 1;
      version++;
      const published = session.nextDiagnostics(uri, version);
      const started = performance.now();
      await session.change(
        uri,
        version,
        { start: { line: target.line, character: target.character }, end: { line: target.line, character: target.character + 1 } },
        String(digit),
      );
      await published;
      return performance.now() - started;
    };
    const warmups = Math.min(3, runs);
    for (let i = 0; i < warmups; i++) await edit();
    const editSamples: number[] = [];
    for (let i = 0; i < runs; i++) editSamples.push(await edit());

    // Our server publishes the parse diagnostics and the evaluations' findings of a version together
    // when the evaluation is quick, else the findings follow in a second publication. Time the one
    // that carries them: the server announces it (cloudarch/summaryChanged), and the session checks
    // that it holds security findings of that version or later.
    const evaluatedSamples: number[] = [];
    const evaluatedEdit = async (timeoutMs: number): Promise<number | undefined> => {
      digit = digit === 9 ? 1 : digit + 1;
      version++;
      const evaluated = session.evaluatedDiagnostics(uri, version, timeoutMs);
      const started = performance.now();
      await session.change(
        uri,
        version,
        { start: { line: target.line, character: target.character }, end: { line: target.line, character: target.character + 1 } },
        String(digit),
      );
      const arrived = await evaluated.catch((error: Error) => {
        console.log(`  ${error.message}`);
        return undefined;
      });
      return arrived === undefined ? undefined : arrived.at - started;
    };
    // The first evaluations start the worker and parse the file there from scratch: not timed.
    // A file the server does not evaluate while typing (over its size limit) has no such figure:
    // its summary says so (no findings counted), and the wait is skipped.
    let evaluatedLive = measureEvaluated && (await session.evaluatedLive(uri));
    for (let i = 0; evaluatedLive && i < warmups; i++) evaluatedLive = (await evaluatedEdit(30_000)) !== undefined;
    for (let i = 0; evaluatedLive && i < Math.min(runs, 20); i++) {
      const elapsed = await evaluatedEdit(10_000);
      if (elapsed === undefined) break;
      evaluatedSamples.push(elapsed);
    }

    // A burst of typing: ten keystrokes 15 ms apart; the time from the last key to its complete
    // diagnostics (with the evaluations, where the server evaluates live).
    const burstSamples: number[] = [];
    for (let i = 0; i < Math.max(3, Math.floor(runs / 3)); i++) {
      for (let key = 0; key < 9; key++) {
        digit = digit === 9 ? 1 : digit + 1;
        version++;
        await session.change(
          uri,
          version,
          { start: { line: target.line, character: target.character }, end: { line: target.line, character: target.character + 1 } },
          String(digit),
        );
        await new Promise((resolveDelay) => setTimeout(resolveDelay, 15));
      }
      const elapsed = evaluatedLive ? await evaluatedEdit(10_000) : await edit();
      if (elapsed !== undefined) burstSamples.push(elapsed);
    }

    const completionAt = middleLine(text, /^\s+instanceType: /);
    const hoverAt = middleLine(text, /^\s+type: aws\.rds\./);
    const completionSamples: number[] = [];
    const hoverSamples: number[] = [];
    for (let i = 0; i < warmups + runs; i++) {
      let started = performance.now();
      await session.completion(uri, completionAt.line, completionAt.character);
      if (i >= warmups) completionSamples.push(performance.now() - started);
      started = performance.now();
      await session.hover(uri, hoverAt.line, hoverAt.character - 3);
      if (i >= warmups) hoverSamples.push(performance.now() - started);
    }
    const peakBytes = await session.residentBytes();
    return {
      edit: editSamples,
      evaluated: evaluatedSamples,
      burst: burstSamples,
      completion: completionSamples,
      hover: hoverSamples,
      readyMs: session.readyMs,
      peakBytes,
    };
  } finally {
    await session.stop();
  }
}

/**
 * Our server with the settings a user has by default: nothing is lowered or switched off for the
 * benchmark (the configuration answers are empty, so every setting takes its default).
 */
const ourServer: ServerCommand = builtServer;

/**
 * The peer, yaml-language-server, given our generated schema. `withoutValidationDelay` starts it
 * through bench/peer-without-delay.cjs, which sets its fixed 200 ms wait before validating a change
 * (`validationDelayMs`, not a setting) to 0 in the benchmark's process only; as shipped, every
 * edit → diagnostics figure of the peer includes that wait, which users do see but which is not
 * the engine's work.
 */
function peerServer(schemaPath: string, withoutValidationDelay: boolean): ServerCommand {
  const yamlSettings = {
    validate: true,
    hover: true,
    completion: true,
    schemaStore: { enable: false },
    schemas: { [pathToFileURL(schemaPath).href]: ['*.cloudarch.yaml'] },
    maxItemsComputed: 5000,
  };
  const entry = withoutValidationDelay
    ? join(root, 'bench/peer-without-delay.cjs')
    : join(root, 'node_modules/yaml-language-server/bin/yaml-language-server');
  return {
    command: process.execPath,
    args: [entry, '--stdio'],
    configuration: (section) => (section === 'yaml' ? yamlSettings : section === 'editor' ? { tabSize: 2 } : {}),
    settings: { yaml: yamlSettings },
  };
}

async function main(): Promise<void> {
  mkdirSync(workDir, { recursive: true });
  if (!existsSync(join(root, 'dist/server/main.js')))
    throw new Error('dist/server/main.js is missing: run `npm run build` first (npm run bench does).');
  const schemaPath = join(root, 'schemas/cloudarch.schema.json');
  console.log(
    `CloudArch benchmark on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );

  for (const requested of sizes) {
    const size = generatedResourceCount(requested);
    const text = generateArchitecture(requested);
    const file = join(workDir, `arch-${requested}.cloudarch.yaml`);
    writeFileSync(file, text);
    console.log(`\n${size} resources (${Math.round(text.length / 1024)} KiB, ${text.split('\n').length} lines)`);

    const json = JSON.stringify(parseYaml(text, { uniqueKeys: false }));
    const floorRuns = requested >= 10000 ? 5 : 20;
    record('floor: JSON.parse of the same data', size, 'ms', await timeSync(floorRuns, 3, () => JSON.parse(json)));
    record(
      'floor: full yaml parseDocument',
      size,
      'ms',
      await timeSync(Math.min(floorRuns, 10), 2, () => parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: false })),
    );

    const runs = requested >= 10000 ? 15 : 30;
    const ours = await measureServer(ourServer, file, text, runs, 'cloudarch', true);
    const ourEdit = record('edit -> diagnostics (CloudArch)', size, 'ms', ours.edit);
    if (ours.evaluated.length > 0)
      record(
        'edit -> diagnostics with evaluations (CloudArch)',
        size,
        'ms',
        ours.evaluated,
        'until the publication that carries the security findings and missed targets of the edited version',
      );
    const ourBurst = record(
      `burst of typing -> ${ours.evaluated.length > 0 ? 'diagnostics with evaluations' : 'diagnostics'}, from the last key (CloudArch)`,
      size,
      'ms',
      ours.burst,
    );
    const ourCompletion = record('completion (CloudArch)', size, 'ms', ours.completion);
    const ourHover = record('hover (CloudArch)', size, 'ms', ours.hover);
    if (ours.peakBytes !== undefined) record('server peak memory (CloudArch)', size, 'MiB', [ours.peakBytes / 2 ** 20]);
    record('server start to ready (CloudArch)', size, 'ms', [ours.readyMs]);

    if (!skipPeer) {
      const peerRuns = requested >= 10000 ? 3 : requested >= 1000 ? 8 : 15;
      for (const withoutValidationDelay of [false, true]) {
        const label = withoutValidationDelay ? 'peer without its 200 ms validation wait' : 'peer: yaml-language-server as shipped';
        try {
          const peer = await measureServer(peerServer(schemaPath, withoutValidationDelay), file, text, peerRuns, 'yaml');
          const pairs: [Measurement, number[], string][] = [
            [ourEdit, peer.edit, `edit -> diagnostics (${label})`],
            [ourBurst, peer.burst, `burst of typing -> diagnostics (${label})`],
            [ourCompletion, peer.completion, `completion (${label})`],
            [ourHover, peer.hover, `hover (${label})`],
          ];
          for (const [mine, samples, name] of pairs) {
            const theirs = record(name, size, 'ms', samples);
            const ratio = round(theirs.median / Math.max(mine.median, 0.01));
            if (withoutValidationDelay) mine.engineRatio = ratio;
            else mine.ratio = ratio;
          }
        } catch (error) {
          console.log(`  ${label} failed: ${(error as Error).message}`);
        }
      }
    }
  }

  if (!editorOnly) {
    await measureEvaluations();
    await measureDiagram(record, quick);
    await measureFirstPicture(record, quick);
    await measureExport(record, quick);
  }

  // Activation is measured where it happens, in a real VS Code extension host: the e2e suite
  // (`npm run test:e2e`) records activate()'s wall and CPU time in out/e2e/activation-<run>.json.
  for (const run of ['dev', 'vsix']) {
    const figures = join(outDir, 'e2e', `activation-${run}.json`);
    if (!existsSync(figures)) continue;
    const { activationMs, activationCpuMs, date } = JSON.parse(readFileSync(figures, 'utf8')) as {
      activationMs: number;
      activationCpuMs: number;
      date: string;
    };
    record(
      `extension activation, wall (code-server, ${run} run)`,
      undefined,
      'ms',
      [activationMs],
      `recorded by npm run test:e2e on ${date}`,
    );
    record(
      `extension activation, CPU (code-server, ${run} run)`,
      undefined,
      'ms',
      [activationCpuMs],
      `recorded by npm run test:e2e on ${date}`,
    );
  }

  const vsix = join(outDir, 'cloudarch.vsix');
  if (existsSync(vsix)) record('.vsix size', undefined, 'MB', [statSync(vsix).size / 1e6], 'out/cloudarch.vsix from `npm run package`');

  const report = {
    machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    date: new Date().toISOString(),
    measurements,
  };
  writeFileSync(join(outDir, 'bench.json'), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(outDir, 'bench.md'), renderTable(report.machine, measurements));
  console.log('\n' + renderTable(report.machine, measurements));
  console.log('Wrote out/bench.json and out/bench.md');
}

/**
 * The evaluations on 1,000 resources, in process (no LSP). Each run evaluates a fresh parse, so the
 * per-resource caches (keyed by resource object) start empty and the figure is the cold computation;
 * availability uses its variant without result reuse. Warm-up runs come first.
 */
async function measureEvaluations(): Promise<void> {
  const size = generatedResourceCount(1000);
  const text = generateArchitecture(1000);
  const { parseArchitecture } = await import('../src/core/parse');
  type Doc = ReturnType<typeof parseArchitecture>;
  const evaluators: [string, (doc: Doc) => unknown][] = [];
  try {
    const { evaluateAvailabilityAfresh } = await import('../src/evaluate/availability');
    evaluators.push(['exact availability', (doc) => evaluateAvailabilityAfresh(doc, { monteCarloSamples: 0 })]);
    evaluators.push([
      'Monte Carlo availability check (100,000 samples)',
      (doc) => evaluateAvailabilityAfresh(doc, { monteCarloSamples: 100_000 }),
    ]);
  } catch (error) {
    console.log(`  availability not measured: ${(error as Error).message}`);
  }
  try {
    const { evaluateCost } = await import('../src/evaluate/cost');
    evaluators.push(['cost evaluation', (doc) => evaluateCost(doc)]);
  } catch (error) {
    console.log(`  cost not measured: ${(error as Error).message}`);
  }
  try {
    const { evaluateSecurity } = await import('../src/evaluate/security');
    evaluators.push(['security evaluation', (doc) => evaluateSecurity(doc)]);
  } catch (error) {
    console.log(`  security not measured: ${(error as Error).message}`);
  }
  console.log(`\nEvaluations on ${size} resources (each on a fresh parse: nothing reused)`);
  const samples = new Map<string, number[]>(evaluators.map(([name]) => [name, []]));
  // Twenty runs, so the p95 is not simply the slowest of a handful.
  const runs = 20;
  for (let run = 0; run < runs + 2; run++) {
    const fresh = parseArchitecture(text);
    for (const [name, evaluate] of evaluators) {
      const started = performance.now();
      try {
        evaluate(fresh);
      } catch (error) {
        console.log(`  ${name} failed: ${(error as Error).message}`);
      }
      if (run >= 2) samples.get(name)!.push(performance.now() - started);
    }
  }
  for (const [name] of evaluators) record(name, size, 'ms', samples.get(name)!);
  record('full parse and validation, in process (CloudArch)', size, 'ms', await timeSync(10, 2, () => parseArchitecture(text)));
  await measureIncrementalPipeline();
  await measureSimulation();
}

/**
 * The simulator on a 50-resource architecture (the generator's cells, with the deliberate errors
 * taken out: a file with errors is not simulated), in process: 30 days and a year, with random
 * failures and the analytic comparison. Targets: 30 days under 300 ms, a year under 3 s.
 */
async function measureSimulation(): Promise<void> {
  const { parseArchitecture } = await import('../src/core/parse');
  const { simulate } = await import('../src/evaluate/simulate');
  const text = generateArchitecture(50)
    .replace(/\bgp4\b/g, 'gp3')
    .replace(/\bdbx-/g, 'db-');
  const doc = parseArchitecture(text);
  const errors = doc.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) {
    console.log(`  simulation not measured: the generated architecture has ${errors} errors`);
    return;
  }
  const size = doc.resources.length;
  console.log(`\nSimulation of ${size} resources, in process (random failures on, seed 1)`);
  record('simulate 30 days', size, 'ms', await timeSync(10, 2, () => simulate(doc, { days: 30 })));
  record('simulate 365 days', size, 'ms', await timeSync(5, 1, () => simulate(doc, { days: 365 })));
}

/**
 * What one keystroke costs the server and its evaluation worker together, in process: an
 * incremental parse after a one-character edit, then every live evaluation (no Monte Carlo).
 */
async function measureIncrementalPipeline(): Promise<void> {
  const { parseArchitecture } = await import('../src/core/parse');
  const { evaluateAll } = await import('../src/evaluate/index');
  for (const requested of quick ? [1000] : [1000, 10000]) {
    const size = generatedResourceCount(requested);
    let text = generateArchitecture(requested);
    const target = middleEditTarget(text);
    const lines = text.split('\n');
    const offset = lines.slice(0, target.line).reduce((sum, line) => sum + line.length + 1, 0) + target.character;
    let doc = parseArchitecture(text);
    // As the evaluation worker does: each evaluation is handed the document's previous result.
    let previous: ReturnType<typeof evaluateAll> | undefined;
    let digit = Number(target.original);
    const parseSamples: number[] = [];
    const pipelineSamples: number[] = [];
    const runs = requested >= 10000 ? 15 : 40;
    for (let i = 0; i < runs + 3; i++) {
      digit = digit === 9 ? 1 : digit + 1;
      text = text.slice(0, offset) + String(digit) + text.slice(offset + 1);
      const started = performance.now();
      doc = parseArchitecture(text, { previous: doc });
      const parsed = performance.now();
      try {
        previous = evaluateAll(doc, { monteCarloSamples: 0, ...(previous ? { previous } : {}) });
      } catch (error) {
        console.log(`  evaluations failed: ${(error as Error).message}`);
        return;
      }
      if (i >= 3) {
        parseSamples.push(parsed - started);
        pipelineSamples.push(performance.now() - started);
      }
    }
    record('edit -> incremental parse and validation, in process (CloudArch)', size, 'ms', parseSamples);
    record('edit -> incremental parse, validation and all evaluations, in process (CloudArch)', size, 'ms', pipelineSamples);
  }
}

function renderTable(machine: { cpus: number; model?: string; memoryGiB: number; node: string }, rows: readonly Measurement[]): string {
  const lines = [
    `Machine: ${machine.cpus} × ${machine.model ?? 'unknown CPU'}, ${machine.memoryGiB} GiB, Node ${machine.node}`,
    '',
    '| measurement | resources | median | p95 | peer as shipped ÷ ours | peer without its wait ÷ ours |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const ratio = (value: number | undefined) => (value !== undefined ? `${value}×` : '');
    lines.push(
      `| ${row.name} | ${row.size?.toLocaleString('en-US') ?? ''} | ${row.median} ${row.unit} | ${row.p95} ${row.unit} | ${ratio(row.ratio)} | ${ratio(row.engineRatio)} |`,
    );
  }
  return lines.join('\n') + '\n';
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
