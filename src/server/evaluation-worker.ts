/**
 * The evaluations run in a worker thread, so a large architecture never blocks the server's event
 * loop: completion and hover stay instant while availability, cost and security are computed. The
 * worker receives the document's text and parses it itself (incrementally, from its previous parse
 * of the same document); ranges agree with the server's because both sides parse the same text with
 * the same parser.
 *
 * What the worker is asked is the table of evaluation-requests.ts; each kind's answer is its handler
 * in evaluation-handlers.ts, over the documents the session holds (worker-session.ts). Requests for a
 * version the editor has already moved past are dropped, before the work and before the answer: the
 * server writes each document's latest version into shared memory.
 */
import { parentPort } from 'node:worker_threads';
import { evaluationHandlers, type EvaluationHandler as KindHandler } from './evaluation-handlers';
import {
  evaluationRequests,
  type EvaluationRequestKind,
  type WorkerInit,
  type WorkerMessage,
  type WorkerReply,
} from './evaluation-requests';
import { StaleRequestError, WorkerSession } from './worker-session';

/** Answers worker messages; independent of the thread, so the server can run it in-process when no worker starts. */
export interface EvaluationHandler {
  /** Reads the shared latest-version table. */
  init(message: WorkerInit): void;
  /** Whether the message may be dropped unanswered: its kind is `latestOnly` and the editor moved past its version. */
  isStale(message: WorkerMessage): boolean;
  handle(message: WorkerMessage): Promise<WorkerReply>;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** The worker's logic over one session of documents. The engine (language service with evaluations) loads here, on first use. */
export function createEvaluationHandler(): EvaluationHandler {
  let session: WorkerSession | undefined;
  let versionTable: SharedArrayBuffer | undefined;
  const sessionOf = (): WorkerSession => {
    if (!session) {
      const { createEngineLanguageService } = require('../language/engine') as typeof import('../language/engine');
      session = new WorkerSession(createEngineLanguageService());
      if (versionTable) session.useVersionTable(versionTable);
    }
    return session;
  };
  const versionOf = (message: WorkerMessage): number | undefined => {
    const version = (message.request as { version?: unknown }).version;
    return typeof version === 'number' ? version : undefined;
  };
  return {
    init(message) {
      versionTable = message.init;
      session?.useVersionTable(message.init);
    },
    isStale(message) {
      const version = versionOf(message);
      if (!evaluationRequests[message.kind].latestOnly || version === undefined) return false;
      const current = sessionOf();
      current.noteSlot(message.request.uri, message.slot);
      return current.isStale(message.request.uri, version);
    },
    async handle(message) {
      try {
        const current = sessionOf();
        current.noteSlot(message.request.uri, message.slot);
        const handler = evaluationHandlers[message.kind] as KindHandler<EvaluationRequestKind>;
        return { id: message.id, response: await handler(message.request, current) };
      } catch (error) {
        if (error instanceof StaleRequestError) return { id: message.id, stale: true };
        return { id: message.id, error: describe(error) };
      }
    },
  };
}

/** The body of the worker thread. */
export function runEvaluationWorker(): void {
  const port = parentPort;
  if (!port) return;
  // A worker's stdout is the process's stdout, which over `--stdio` is the protocol stream: anything
  // a module prints here goes to stderr (the editor's output channel) instead.
  console.log = console.info = console.debug = console.warn = (...values: unknown[]) => console.error(...values);
  const handler = createEvaluationHandler();
  // Requests are queued and served in order, one at a time, on a later turn: a burst of live requests
  // that arrived while the worker was busy is seen whole, and only the newest of a document is computed.
  const queue: WorkerMessage[] = [];
  let serving = false;
  const serve = async () => {
    serving = true;
    while (queue.length > 0) {
      const message = queue.shift()!;
      const superseded =
        evaluationRequests[message.kind].latestOnly &&
        queue.some((later) => later.kind === message.kind && later.request.uri === message.request.uri);
      if (superseded || handler.isStale(message)) {
        port.postMessage({ id: message.id, stale: true } satisfies WorkerReply);
        continue;
      }
      const reply = await handler.handle(message);
      try {
        port.postMessage(reply);
      } catch (error) {
        // An answer that cannot cross the thread boundary is a defect of its handler: say so, do not hang.
        port.postMessage({
          id: message.id,
          error: `The ${message.kind} answer could not be sent: ${describe(error)}`,
        } satisfies WorkerReply);
      }
      // Let messages that arrived meanwhile join the queue before the next one is picked.
      await new Promise((resolve) => setImmediate(resolve));
    }
    serving = false;
  };
  port.on('message', (message: WorkerMessage | WorkerInit) => {
    if ('init' in message) {
      handler.init(message);
      return;
    }
    queue.push(message);
    if (!serving) {
      serving = true;
      setImmediate(() => void serve());
    }
  });
}
