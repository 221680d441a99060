/**
 * elkjs for the adapters that lay a diagram out with it (the language server's worker when the user
 * chose `cloudarch.diagram.layout: elkjs`, and `cloudarch export --layout elkjs`). The pure core
 * never loads it: it is handed this runner as its `ElkLike`.
 *
 * elkjs runs in a worker thread of its own, started on the first layout asked for, never before:
 * - A timeout can only be enforced from outside: elkjs's bundled build lays a graph out in one
 *   synchronous run, so a timer on the same thread would fire only after it finished. Past
 *   `timeoutMs` the thread is terminated, the layout rejects with `ElkTimeoutError`, and the next
 *   layout starts a fresh thread.
 * - An exception that escapes elkjs's promise (measured with model-order options and
 *   INCLUDE_CHILDREN: ../shared/notes/elkjs.md) ends that thread, not the process that asked.
 * - The thread costs nothing until then: elkjs (1.6 MB of JavaScript, about 60 ms to `require` and
 *   37 ms for `new ELK()` on this kind of machine) is read only inside it.
 *
 * The build writes elkjs as a file of its own, dist/server/elk.js (esbuild.mjs), next to the
 * server's bundle; the CLI's bundle finds it as its sibling folder's. Run from the sources (tests,
 * the benchmark) it is the package's own `elk.bundled.js`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ElkGraphNode, ElkLike } from '../diagram/types';

/** How long one elkjs layout may take before the channel layout is drawn instead. */
export const defaultElkTimeoutMs = 8_000;

/** A layout elkjs did not finish in time (its thread was terminated). */
export class ElkTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`elkjs did not finish within ${timeoutMs / 1000} s`);
    this.name = 'ElkTimeoutError';
  }
}

export interface ElkRunner extends ElkLike {
  /** Threads started so far (0 until the first layout: elkjs has not been loaded). */
  readonly threadsStarted: number;
  /** Layouts abandoned because they took longer than the timeout. */
  readonly timeouts: number;
  /** Ends the thread, if one runs; a later layout starts another. */
  dispose(): Promise<void>;
}

export interface ElkRunnerOptions {
  /** Milliseconds one layout may take (default `defaultElkTimeoutMs`). */
  readonly timeoutMs?: number;
  /** The elkjs file the thread loads (default: `elkBundlePath()`). */
  readonly elkPath?: string;
  /** Told each time a thread has loaded elkjs, with the milliseconds it took (for the server's log). */
  readonly onLoaded?: (ms: number) => void;
}

/** Where elkjs lies: beside the server's bundle, beside the CLI's sibling, or in node_modules. */
export function elkBundlePath(): string {
  for (const candidate of [join(__dirname, 'elk.js'), join(__dirname, '..', 'server', 'elk.js')]) {
    if (existsSync(candidate)) return candidate;
  }
  // A name in a variable: the bundler must not pull elkjs into the bundle that asks.
  const fromPackage = 'elkjs/lib/elk.bundled.js';
  return require.resolve(fromPackage);
}

/**
 * The thread's program. Plain JavaScript evaluated by the thread (our own text, never a
 * document's): the same code runs from the built bundle and from the TypeScript sources.
 */
const threadSource = `
const { parentPort, workerData } = require('node:worker_threads');
const started = performance.now();
const loaded = require(workerData.elkPath);
const ELK = typeof loaded === 'function' ? loaded : loaded.default;
const elk = new ELK();
parentPort.postMessage({ loadedMs: performance.now() - started });
const describe = (error) => (error instanceof Error ? error.name + ': ' + error.message : String(error));
parentPort.on('message', (message) => {
  Promise.resolve()
    .then(() => elk.layout(message.graph))
    .then(
      (graph) => parentPort.postMessage({ id: message.id, graph }),
      (error) => parentPort.postMessage({ id: message.id, error: describe(error) }),
    );
});
`;

type ThreadReply =
  { readonly id: number; readonly graph: ElkGraphNode } | { readonly id: number; readonly error: string } | { readonly loadedMs: number };

interface Pending {
  readonly resolve: (graph: ElkGraphNode) => void;
  readonly reject: (error: Error) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

/** An elkjs that lays out in a thread of its own, with a timeout; nothing is loaded until the first layout. */
export function createElkRunner(options: ElkRunnerOptions = {}): ElkRunner {
  const timeoutMs = options.timeoutMs ?? defaultElkTimeoutMs;
  let thread: Worker | undefined;
  let nextId = 1;
  let threadsStarted = 0;
  let timeouts = 0;
  const pending = new Map<number, Pending>();

  /** Every layout waiting on a thread that is gone fails with `error`. */
  const abandon = (gone: Worker, error: Error) => {
    if (thread !== gone) return;
    thread = undefined;
    for (const [id, waiter] of pending) {
      clearTimeout(waiter.timer);
      pending.delete(id);
      waiter.reject(error);
    }
  };

  const start = (): Worker => {
    const started = new Worker(threadSource, { eval: true, workerData: { elkPath: options.elkPath ?? elkBundlePath() } });
    threadsStarted++;
    started.on('message', (reply: ThreadReply) => {
      if ('loadedMs' in reply) {
        options.onLoaded?.(reply.loadedMs);
        return;
      }
      const waiter = pending.get(reply.id);
      if (!waiter) return;
      pending.delete(reply.id);
      clearTimeout(waiter.timer);
      // An idle thread must not keep a command-line process alive.
      if (pending.size === 0) started.unref();
      if ('error' in reply) waiter.reject(new Error(reply.error));
      else waiter.resolve(reply.graph);
    });
    started.on('error', (error: Error) => abandon(started, new Error(`elkjs stopped: ${error.name}: ${error.message}`)));
    started.on('exit', (code) => abandon(started, new Error(`elkjs stopped (exit code ${code})`)));
    return started;
  };

  return {
    get threadsStarted() {
      return threadsStarted;
    },
    get timeouts() {
      return timeouts;
    },
    layout(graph) {
      return new Promise<ElkGraphNode>((resolve, reject) => {
        const running = (thread ??= start());
        running.ref();
        const id = nextId++;
        const timer = setTimeout(() => {
          timeouts++;
          abandon(running, new ElkTimeoutError(timeoutMs));
          void running.terminate();
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer });
        running.postMessage({ id, graph });
      });
    },
    async dispose() {
      const running = thread;
      if (!running) return;
      abandon(running, new Error('elkjs was stopped'));
      await running.terminate();
    },
  };
}
