/**
 * `npm run fuzz`: a long fuzz campaign over the robustness properties (test/fuzz/properties.ts).
 *
 *   npm run fuzz                        10 minutes, all properties, a fresh seed
 *   npm run fuzz -- --minutes 60        an hour
 *   npm run fuzz -- --property typing   one property (repeatable)
 *   npm run fuzz -- --seed 1234         a reproducible campaign
 *   npm run fuzz -- --replay out/fuzz/<file>.json   re-run one saved counterexample
 *   npm run fuzz -- --self-test fail|hang|crash --minutes 1   prove the campaign catches each kind
 *
 * The properties run in a child process, in batches with seeds derived from the campaign's seed.
 * The child reports each input before checking it, so the campaign can blame an input for a hang
 * (no report for 30 s) or for the death of the whole process (yaml can kill Node outright), as well
 * as for an ordinary failure, which fast-check shrinks first. Every failure is printed and saved to
 * out/fuzz/<timestamp>-<property>.json; the campaign then goes on with the next seed. It exits 1
 * when anything failed.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BatchRequest, WorkerMessage } from './campaign-worker';
import { robustnessProperties } from './properties';

const repositoryRoot = join(__dirname, '..', '..');
const outputFolder = join(repositoryRoot, 'out', 'fuzz');
/** A run that reports nothing for this long is a hang. */
function hangAfterMs(): number {
  return Number(process.env['FUZZ_HANG_MS'] ?? 30_000);
}
/** Runs per batch: small enough for steady progress reports, large enough to amortise start-up. */
const runsPerBatch = 50;

interface Options {
  minutes: number;
  seed: number;
  properties: string[];
  replay: string | undefined;
  selfTest: string | undefined;
}

function usage(): string {
  return `Usage: npm run fuzz -- [--minutes N] [--seed S] [--property NAME]... [--replay FILE] [--self-test fail|hang|crash]\nProperties: ${robustnessProperties.map((entry) => entry.name).join(', ')}\n`;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { minutes: 10, seed: Date.now() % 2_147_483_647, properties: [], replay: undefined, selfTest: undefined };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++index];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === '--minutes') options.minutes = Number(value());
    else if (flag === '--seed') options.seed = Number(value());
    else if (flag === '--property') options.properties.push(value());
    else if (flag === '--replay') options.replay = value();
    else if (flag === '--self-test') options.selfTest = value();
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write(usage());
      process.exit(0);
    } else throw new Error(`unknown option ${arg}`);
  }
  if (!Number.isFinite(options.minutes) || options.minutes <= 0) throw new Error('--minutes needs a positive number');
  if (!Number.isInteger(options.seed)) throw new Error('--seed needs an integer');
  if (options.selfTest !== undefined) {
    if (!['fail', 'hang', 'crash'].includes(options.selfTest)) throw new Error('--self-test needs fail, hang or crash');
    options.properties = ['self-test'];
    process.env['FUZZ_SELF_TEST'] = options.selfTest;
    process.env['FUZZ_HANG_MS'] ??= '5000';
  }
  for (const name of options.selfTest !== undefined ? [] : options.properties) {
    if (!robustnessProperties.some((entry) => entry.name === name)) throw new Error(`unknown property ${name}`);
  }
  return options;
}

/** What is saved for each failure: enough to replay it and to read it. */
interface SavedFailure {
  readonly kind: 'failure' | 'hang' | 'crash';
  readonly property: string;
  readonly seed: number;
  readonly path?: string;
  /** The arguments of the property's check, shrunk for failures, as last reported for hangs and crashes. */
  readonly counterexample: unknown;
  readonly error: string;
  readonly campaignSeed: number;
  readonly foundAt: string;
}

function save(failure: SavedFailure): string {
  mkdirSync(outputFolder, { recursive: true });
  const file = join(outputFolder, `${failure.foundAt.replace(/[:.]/g, '-')}-${failure.property}.json`);
  writeFileSync(file, `${JSON.stringify(failure, null, 2)}\n`);
  return file;
}

function report(failure: SavedFailure, file: string): void {
  process.stdout.write(
    `\n✗ ${failure.kind.toUpperCase()} in ${failure.property} (seed ${failure.seed}${failure.path ? `, path ${failure.path}` : ''})\n`,
  );
  process.stdout.write(`  counterexample: ${JSON.stringify(failure.counterexample)?.slice(0, 4000)}\n`);
  process.stdout.write(`  ${failure.error.split('\n').slice(0, 30).join('\n  ')}\n`);
  process.stdout.write(`  saved to ${file}\n  replay: npm run fuzz -- --replay ${file}\n\n`);
}

/** Re-runs a saved counterexample in this process and prints what it breaks. */
function replay(file: string): number {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedFailure;
  const entry = robustnessProperties.find((candidate) => candidate.name === saved.property);
  if (!entry) throw new Error(`unknown property ${saved.property} in ${file}`);
  try {
    (entry.check as (...values: unknown[]) => void)(...(saved.counterexample as unknown[]));
    process.stdout.write(`${saved.property}: the counterexample passes now.\n`);
    return 0;
  } catch (error) {
    process.stdout.write(`${saved.property}: still fails.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

/** A deterministic stream of batch seeds from the campaign seed (xorshift). */
function seedStream(seed: number): () => number {
  let state = seed | 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % 2_147_483_647;
  };
}

async function campaign(options: Options): Promise<number> {
  const names = options.properties.length > 0 ? options.properties : robustnessProperties.map((entry) => entry.name);
  const deadline = Date.now() + options.minutes * 60_000;
  const nextSeed = seedStream(options.seed);
  const runs = new Map<string, number>(names.map((name) => [name, 0]));
  const failures: string[] = [];
  const started = Date.now();
  let turn = 0;
  process.stdout.write(`fuzz campaign: ${options.minutes} min, seed ${options.seed}, properties ${names.join(', ')}\n`);

  while (Date.now() < deadline) {
    const outcome = await runWorker(
      () => {
        if (Date.now() >= deadline) return undefined;
        const property = names[turn++ % names.length]!;
        return { type: 'batch', property, seed: nextSeed(), runs: runsPerBatch };
      },
      (message) => {
        if (message.type === 'batch-done') runs.set(message.property, (runs.get(message.property) ?? 0) + message.runs);
        if (message.type === 'failure') {
          const failure: SavedFailure = {
            kind: 'failure',
            property: message.property,
            seed: message.seed,
            ...(message.path ? { path: message.path } : {}),
            counterexample: message.counterexample,
            error: message.error,
            campaignSeed: options.seed,
            foundAt: new Date().toISOString(),
          };
          const file = save(failure);
          failures.push(file);
          report(failure, file);
        }
      },
      () => {
        const elapsed = Math.round((Date.now() - started) / 1000);
        const counts = [...runs].map(([name, count]) => `${name} ${count}`).join(', ');
        process.stdout.write(
          `[${Math.floor(elapsed / 60)}m${String(elapsed % 60).padStart(2, '0')}s] runs: ${counts}; failures: ${failures.length}\n`,
        );
      },
    );
    if (outcome.kind !== 'finished') {
      const last = outcome.lastInput;
      const failure: SavedFailure = {
        kind: outcome.kind,
        property: last?.property ?? 'unknown',
        seed: last?.seed ?? 0,
        counterexample: last?.input ?? null,
        error:
          outcome.kind === 'hang'
            ? `no progress for ${hangAfterMs() / 1000} s: the check of this input does not terminate`
            : `the worker process died (${outcome.detail}); stderr:\n${outcome.stderr}`,
        campaignSeed: options.seed,
        foundAt: new Date().toISOString(),
      };
      const file = save(failure);
      failures.push(file);
      report(failure, file);
    }
  }
  const total = [...runs.values()].reduce((sum, count) => sum + count, 0);
  process.stdout.write(
    `\nfuzz campaign done: ${total} runs in ${Math.round((Date.now() - started) / 1000)} s (${[...runs].map(([name, count]) => `${name} ${count}`).join(', ')}); ${failures.length} failure(s)${failures.length > 0 ? `:\n  ${failures.join('\n  ')}` : ''}\n`,
  );
  return failures.length > 0 ? 1 : 0;
}

type WorkerOutcome =
  | { kind: 'finished' }
  | { kind: 'hang' | 'crash'; lastInput: Extract<WorkerMessage, { type: 'input' }> | undefined; detail: string; stderr: string };

/**
 * Runs one worker process until `nextBatch` has nothing more, the worker hangs, or it dies. Batches
 * are handed out one at a time, so a dead worker loses at most the batch it was running.
 */
function runWorker(
  nextBatch: () => BatchRequest | undefined,
  onMessage: (message: WorkerMessage) => void,
  onProgress: () => void,
): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    const worker: ChildProcess = fork(join(__dirname, 'campaign-worker.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    let stderr = '';
    worker.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-20_000);
    });
    let lastInput: Extract<WorkerMessage, { type: 'input' }> | undefined;
    let lastSign = Date.now();
    let settled = false;
    const finish = (outcome: WorkerOutcome) => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      clearInterval(progress);
      if (worker.exitCode === null) worker.kill('SIGKILL');
      resolve(outcome);
    };
    const handOut = () => {
      const batch = nextBatch();
      if (batch === undefined) finish({ kind: 'finished' });
      else worker.send(batch);
    };
    worker.on('message', (message: WorkerMessage) => {
      lastSign = Date.now();
      if (message.type === 'input') lastInput = message;
      else onMessage(message);
      if (message.type === 'ready' || message.type === 'batch-done') handOut();
    });
    worker.on('exit', (code, signal) => finish({ kind: 'crash', lastInput, detail: `exit code ${code}, signal ${signal}`, stderr }));
    const watchdog = setInterval(() => {
      if (Date.now() - lastSign > hangAfterMs()) finish({ kind: 'hang', lastInput, detail: 'no progress', stderr });
    }, 1000);
    const progress = setInterval(onProgress, 10_000);
  });
}

async function main(): Promise<void> {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`fuzz: ${error instanceof Error ? error.message : String(error)}\n${usage()}`);
    process.exit(3);
  }
  if (options.replay !== undefined) process.exit(replay(options.replay));
  process.exit(await campaign(options));
}

void main();
