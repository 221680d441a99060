/**
 * The worker of the fuzz campaign (started by campaign.ts, never directly). It runs the robustness
 * properties in batches with the seeds the campaign hands it, and reports to the campaign over IPC:
 * each input before it is checked (so a hang or a crash of the whole process can be blamed on it),
 * each finished batch, and each failure with fast-check's shrunk counterexample.
 */
import fc from 'fast-check';
import { robustnessProperties, type RobustnessProperty } from './properties';

/** A batch the campaign asks for. */
export interface BatchRequest {
  readonly type: 'batch';
  readonly property: string;
  readonly seed: number;
  readonly runs: number;
}

/** What the worker tells the campaign. */
export type WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'input'; readonly property: string; readonly seed: number; readonly input: unknown }
  | { readonly type: 'batch-done'; readonly property: string; readonly seed: number; readonly runs: number; readonly ms: number }
  | {
      readonly type: 'failure';
      readonly property: string;
      readonly seed: number;
      readonly path: string | undefined;
      readonly counterexample: unknown;
      readonly error: string;
      readonly shrinks: number;
    };

function send(message: WorkerMessage): void {
  process.send?.(message);
}

/**
 * `--self-test fail|hang|crash` (campaign.ts): a property that breaks in the named way once its input
 * passes 1,000, to prove the campaign catches, shrinks and saves each kind of failure.
 */
const selfTest = process.env['FUZZ_SELF_TEST'];
const selfTestProperty: RobustnessProperty = {
  name: 'self-test',
  title: 'the campaign catches failures, hangs and crashes',
  unitRuns: 0,
  arbitraries: [fc.integer({ min: 0, max: 1_000_000 })],
  check: ((value: number) => {
    if (value <= 1000) return;
    if (selfTest === 'hang') for (;;);
    if (selfTest === 'crash') process.exit(70);
    throw new Error(`self-test failure for ${value}`);
  }) as (...args: never[]) => void,
};

function runBatch(request: BatchRequest): void {
  const entry = [...robustnessProperties, selfTestProperty].find((candidate) => candidate.name === request.property);
  if (!entry) throw new Error(`unknown property ${request.property}`);
  // Report each input before checking it: if the process hangs or dies, the campaign knows on what.
  const reporting = fc.property(...(entry.arbitraries as [fc.Arbitrary<unknown>]), (...args: unknown[]) => {
    send({ type: 'input', property: entry.name, seed: request.seed, input: args });
    (entry.check as (...values: unknown[]) => void)(...args);
  });
  const started = performance.now();
  const details = fc.check(reporting, { seed: request.seed, numRuns: request.runs });
  if (details.failed) {
    send({
      type: 'failure',
      property: entry.name,
      seed: request.seed,
      path: details.counterexamplePath ?? undefined,
      counterexample: details.counterexample,
      error:
        details.errorInstance instanceof Error
          ? (details.errorInstance.stack ?? details.errorInstance.message)
          : String(details.errorInstance),
      shrinks: details.numShrinks,
    });
  }
  send({ type: 'batch-done', property: entry.name, seed: request.seed, runs: details.numRuns, ms: performance.now() - started });
}

process.on('message', (message: BatchRequest) => {
  if (message.type === 'batch') runBatch(message);
});
send({ type: 'ready' });
