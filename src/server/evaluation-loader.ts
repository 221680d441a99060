/**
 * Runs the evaluations away from the server's event loop, in a worker thread started on first use
 * (the same bundle, in its worker role: see evaluation-worker.ts). Nothing of the evaluations loads
 * at start-up, so the server answers `initialize` fast. If a worker cannot be started, the
 * evaluations run in-process instead, through the same handler.
 */
import { Worker } from 'node:worker_threads';
import type { FindingSeverity } from '../evaluate/types';
import type { EncodedDiagnostics, HeldList } from './diagnostics-encoder';
import {
  evaluationRequests,
  evaluationWorkerMarker,
  type EvaluationRequestKind,
  type LiveEvaluation,
  type RequestOf,
  type ResponseOf,
  type WorkerInit,
  type WorkerMessage,
  type WorkerReply,
} from './evaluation-requests';
import { createEvaluationHandler, type EvaluationHandler } from './evaluation-worker';

/** What the server asks of the evaluations. Every request names its document by URI. */
export interface Evaluator {
  /**
   * Asks the worker one request of the table (evaluation-requests.ts). Resolves to `undefined` when
   * the kind is `latestOnly` and the editor moved past the request's version first.
   */
  ask<K extends EvaluationRequestKind>(kind: K, request: RequestOf<K>): Promise<ResponseOf<K> | undefined>;
  /** The live evaluation of `version` with the lists the worker named resolved, or `undefined` when the editor moved past it first. */
  live(uri: string, version: number, text: string, minimumSeverity: FindingSeverity): Promise<LiveEvaluation | undefined>;
  /** Tells the worker the editor now has `version`: queued or running work for older ones is dropped. */
  noteVersion(uri: string, version: number): void;
  /** The document was closed: the worker lets go of its state. */
  forget(uri: string): void;
  dispose(): void;
}

/** How many documents the shared latest-version table tracks; beyond that, stale work is simply done. */
const versionSlots = 1024;

/**
 * How long (ms) one request may occupy the worker while requests of OTHER documents wait behind it.
 * Past that, the worker is restarted and the request fails with `EvaluationTimeoutError`: one
 * pathological file (an availability model with billions of states) must not starve the others.
 * A slow request with nobody waiting is left to finish (the first evaluation of a huge file).
 */
const starvationLimitMs = 10_000;

/** A request that held the worker too long while other documents waited; its document is not evaluated live again. */
export class EvaluationTimeoutError extends Error {
  constructor(readonly uri: string) {
    super(
      `Evaluating ${uri} took longer than ${starvationLimitMs / 1000} s while other documents waited; it is not evaluated while typing any more.`,
    );
    this.name = 'EvaluationTimeoutError';
  }
}

/** Evaluates in a worker thread. `entryPoint` is the bundled server file (it plays the worker role too). */
export function createEvaluator(entryPoint: string, logError: (message: string, error: unknown) => void): Evaluator {
  let worker: Worker | undefined;
  let workerFailed = false;
  let inProcess: EvaluationHandler | undefined;
  let nextId = 1;
  interface Waiter {
    readonly message: WorkerMessage;
    readonly resolve: (reply: WorkerReply) => void;
    readonly reject: (error: Error) => void;
  }
  // In the order the worker serves them: the first is the one it is working on.
  const pending = new Map<number, Waiter>();
  /** When the worker last answered (or was handed work while idle). */
  let lastProgressAt = 0;
  let watchdog: ReturnType<typeof setInterval> | undefined;
  const latestVersions = new Int32Array(new SharedArrayBuffer(versionSlots * Int32Array.BYTES_PER_ELEMENT));
  const slots = new Map<string, number>();
  /**
   * Per document, the last lists the worker sent (or named): the next request says which it holds,
   * and the worker names a list instead of sending it again when it is unchanged. Cleared with the
   * worker, so a new worker (which holds nothing) is never asked to name a list.
   */
  const heldLists = new Map<string, { diagnostics?: EncodedDiagnostics; parseDiagnostics?: EncodedDiagnostics }>();
  const freeSlots: number[] = Array.from({ length: versionSlots }, (_unused, index) => versionSlots - 1 - index);

  const slotOf = (uri: string): number => {
    let slot = slots.get(uri);
    if (slot === undefined) {
      slot = freeSlots.pop() ?? -1;
      if (slot >= 0) Atomics.store(latestVersions, slot, 0);
      slots.set(uri, slot);
    }
    return slot;
  };

  const failAll = (error: Error) => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };

  const start = (): Worker | undefined => {
    if (worker || workerFailed) return worker;
    try {
      const started = new Worker(entryPoint, {
        workerData: { [evaluationWorkerMarker]: true },
      });
      started.unref();
      started.on('message', (reply: WorkerReply) => {
        lastProgressAt = performance.now();
        const waiter = pending.get(reply.id);
        if (!waiter) return;
        pending.delete(reply.id);
        if ('error' in reply) waiter.reject(new Error(reply.error));
        else waiter.resolve(reply);
      });
      started.on('error', (error) => {
        if (worker !== started) return;
        logError('The evaluation worker failed', error);
        failAll(error);
        worker = undefined;
      });
      started.on('exit', () => {
        if (worker !== started) return;
        failAll(new Error('The evaluation worker stopped.'));
        worker = undefined;
      });
      started.postMessage(init());
      heldLists.clear();
      worker = started;
    } catch (error) {
      logError('Could not start the evaluation worker; evaluating in-process', error);
      workerFailed = true;
      worker = undefined;
    }
    return worker;
  };

  const init = (): WorkerInit => ({ id: 0, init: latestVersions.buffer as SharedArrayBuffer });

  /** Posts one message and resolves to the worker's reply (an error reply rejects). */
  const send = <K extends EvaluationRequestKind>(kind: K, request: RequestOf<K>): Promise<WorkerReply> => {
    const id = nextId++;
    const slot = evaluationRequests[kind].latestOnly ? slotOf(request.uri) : (slots.get(request.uri) ?? -1);
    const message = { id, kind, slot, request } as WorkerMessage;
    const running = start();
    if (!running) {
      const local = inProcess ?? createEvaluationHandler();
      if (!inProcess) {
        local.init(init());
        inProcess = local;
      }
      if (local.isStale(message)) return Promise.resolve({ id, stale: true });
      return local.handle(message).then((reply) => ('error' in reply ? Promise.reject(new Error(reply.error)) : reply));
    }
    return new Promise<WorkerReply>((resolve, reject) => {
      if (pending.size === 0) lastProgressAt = performance.now();
      pending.set(id, { message, resolve, reject });
      running.postMessage(message);
      watchdog ??= setInterval(checkStarvation, 500);
      watchdog.unref?.();
    });
  };

  /** Restarts a worker stuck on one document while others wait, and hands the others to the new one. */
  function checkStarvation(): void {
    if (pending.size === 0) {
      clearInterval(watchdog);
      watchdog = undefined;
      return;
    }
    const [headId, head] = pending.entries().next().value as [number, Waiter];
    const headUri = head.message.request.uri;
    const othersWait = [...pending.values()].some((waiter) => waiter.message.request.uri !== headUri && waiter.message.kind !== 'forget');
    if (!othersWait || performance.now() - lastProgressAt < starvationLimitMs || !worker) return;
    const stuck = worker;
    worker = undefined;
    void stuck.terminate();
    pending.delete(headId);
    head.reject(new EvaluationTimeoutError(headUri));
    const waiting = [...pending.values()];
    pending.clear();
    const restarted = start();
    for (const waiter of waiting) {
      if (!restarted) {
        waiter.reject(new Error('The evaluation worker could not be restarted.'));
        continue;
      }
      pending.set(waiter.message.id, waiter);
      // The new worker made none of the lists the old one named: it must send them whole.
      restarted.postMessage(
        waiter.message.kind === 'live' ? { ...waiter.message, request: { ...waiter.message.request, held: undefined } } : waiter.message,
      );
    }
    lastProgressAt = performance.now();
  }

  const ask = async <K extends EvaluationRequestKind>(kind: K, request: RequestOf<K>): Promise<ResponseOf<K> | undefined> => {
    const reply = await send(kind, request);
    return 'response' in reply ? (reply.response as ResponseOf<K>) : undefined;
  };

  return {
    ask,
    async live(uri, version, text, minimumSeverity) {
      const slot = slotOf(uri);
      if (slot >= 0 && Atomics.load(latestVersions, slot) < version) Atomics.store(latestVersions, slot, version);
      // Start the worker first: a new one holds nothing of the old one's, and starting it clears the table.
      start();
      const held = heldLists.get(uri);
      const message = await ask('live', {
        uri,
        version,
        text,
        minimumSeverity,
        held: { diagnostics: held?.diagnostics?.serial, parseDiagnostics: held?.parseDiagnostics?.serial },
      });
      if (!message) return undefined;
      const resolve = (list: EncodedDiagnostics | HeldList, holding: EncodedDiagnostics | undefined): EncodedDiagnostics => {
        if (!('held' in list)) return list;
        if (holding?.serial !== list.held)
          throw new Error(`The evaluation worker named diagnostics list ${list.held}, which the server does not hold.`);
        return holding;
      };
      const evaluation: LiveEvaluation = {
        ...message,
        diagnostics: resolve(message.diagnostics, held?.diagnostics),
        parseDiagnostics: resolve(message.parseDiagnostics, held?.parseDiagnostics),
      };
      if (slots.has(uri)) heldLists.set(uri, { diagnostics: evaluation.diagnostics, parseDiagnostics: evaluation.parseDiagnostics });
      return evaluation;
    },
    noteVersion(uri, version) {
      const slot = slotOf(uri);
      if (slot >= 0) Atomics.store(latestVersions, slot, version);
    },
    forget(uri) {
      const slot = slots.get(uri);
      slots.delete(uri);
      heldLists.delete(uri);
      if (slot !== undefined && slot >= 0) freeSlots.push(slot);
      if (!worker && !inProcess) return;
      void send('forget', { uri }).catch(() => undefined);
    },
    dispose() {
      void worker?.terminate();
      worker = undefined;
    },
  };
}
