/**
 * Runs the evaluations away from the server's event loop, in a worker thread started on first use
 * (the same bundle, in its worker role: see evaluation-worker.ts). Nothing of the evaluations loads
 * at start-up, so the server answers `initialize` fast. If a worker cannot be started, the
 * evaluations run in-process instead, through the same handler.
 */
import { Worker } from 'node:worker_threads';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { FixPayload } from '../core/document';
import type { FindingSeverity } from '../evaluate/types';
import type { EvaluationFigures } from '../language/live-evaluation';
import type { DiagramResult } from '../protocol/diagram';
import type { ReportKind } from '../protocol/requests';
import type { DiagramRequestOptions } from './diagram-maker';
import type { EncodedDiagnostics } from '../language/live-evaluation';
import { createEvaluationHandler, evaluationWorkerMarker, type EvaluationRequest, type EvaluationResponse, type HeldList, type LiveEvaluation } from './evaluation-worker';

/** What the server asks of the evaluations. Every method is keyed by the document's URI. */
export interface Evaluator {
  /** The live evaluation of `version`, or `undefined` when the editor moved past it first. */
  live(uri: string, version: number, text: string, minimumSeverity: FindingSeverity): Promise<LiveEvaluation | undefined>;
  /** Tells the worker the editor now has `version`: queued or running work for older ones is dropped. */
  noteVersion(uri: string, version: number): void;
  report(uri: string, version: number, text: string, kind: ReportKind, monteCarloSamples: number): Promise<{ title: string; markdown: string; html: string }>;
  /** The cost evaluation's savings for the resources in `range`, if `version` is the evaluated one. */
  savings(uri: string, version: number, range: Range, only: readonly string[] | undefined): Promise<CodeAction[]>;
  /** The fixes of live findings (in the order given), from the evaluation of `version`; none for another version. */
  fixes(uri: string, version: number, diagnostics: readonly Diagnostic[]): Promise<(readonly FixPayload[])[]>;
  /** The figures of an edited copy of the document (fix previews). */
  figures(uri: string, text: string): Promise<EvaluationFigures | undefined>;
  /** The diagram of `version` (layout and SVG in the worker). */
  diagram(uri: string, version: number, text: string, options: DiagramRequestOptions): Promise<DiagramResult>;
  /** The document was closed: the worker lets go of its parse and result. */
  forget(uri: string): void;
  dispose(): void;
}

/** Distributes request-ids without the request body (it is built per kind). */
type RequestBody = EvaluationRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

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
    super(`Evaluating ${uri} took longer than ${starvationLimitMs / 1000} s while other documents waited; it is not evaluated while typing any more.`);
    this.name = 'EvaluationTimeoutError';
  }
}

/** Evaluates in a worker thread. `entryPoint` is the bundled server file (it plays the worker role too). */
export function createEvaluator(entryPoint: string, logError: (message: string, error: unknown) => void): Evaluator {
  let worker: Worker | undefined;
  let workerFailed = false;
  let inProcess: ReturnType<typeof createEvaluationHandler> | undefined;
  let nextId = 1;
  interface Waiter {
    readonly request: EvaluationRequest;
    readonly resolve: (response: EvaluationResponse) => void;
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
      const started = new Worker(entryPoint, { workerData: { [evaluationWorkerMarker]: true } });
      started.unref();
      started.on('message', (response: EvaluationResponse) => {
        lastProgressAt = performance.now();
        const waiter = pending.get(response.id);
        if (!waiter) return;
        pending.delete(response.id);
        if ('error' in response) waiter.reject(new Error(response.error));
        else waiter.resolve(response);
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
      started.postMessage({ id: 0, kind: 'init', latestVersions: latestVersions.buffer as SharedArrayBuffer } satisfies EvaluationRequest);
      heldLists.clear();
      worker = started;
    } catch (error) {
      logError('Could not start the evaluation worker; evaluating in-process', error);
      workerFailed = true;
      worker = undefined;
    }
    return worker;
  };

  const send = (body: RequestBody): Promise<EvaluationResponse> => {
    const id = nextId++;
    const request = { ...body, id } as EvaluationRequest;
    const running = start();
    if (!running) {
      inProcess ??= createEvaluationHandler();
      inProcess.handle({ id: 0, kind: 'init', latestVersions: latestVersions.buffer as SharedArrayBuffer });
      try {
        return Promise.resolve(inProcess.isStale(request) ? { id, stale: true } : inProcess.handle(request));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    return new Promise<EvaluationResponse>((resolve, reject) => {
      if (pending.size === 0) lastProgressAt = performance.now();
      pending.set(id, { request, resolve, reject });
      running.postMessage(request);
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
    const headKey = 'key' in head.request ? head.request.key : undefined;
    const othersWait = [...pending.values()].some((waiter) => 'key' in waiter.request && waiter.request.key !== headKey && waiter.request.kind !== 'forget');
    if (!othersWait || performance.now() - lastProgressAt < starvationLimitMs || !worker) return;
    const stuck = worker;
    worker = undefined;
    void stuck.terminate();
    pending.delete(headId);
    head.reject(new EvaluationTimeoutError(headKey?.replace(/#fix-preview$/, '') ?? 'a document'));
    const waiting = [...pending.values()];
    pending.clear();
    const restarted = start();
    for (const waiter of waiting) {
      if (!restarted) {
        waiter.reject(new Error('The evaluation worker could not be restarted.'));
        continue;
      }
      pending.set(waiter.request.id, waiter);
      // The new worker made none of the lists the old one named: it must send them whole.
      restarted.postMessage(waiter.request.kind === 'live' ? { ...waiter.request, held: undefined } : waiter.request);
    }
    lastProgressAt = performance.now();
  }

  return {
    async live(uri, version, text, minimumSeverity) {
      const slot = slotOf(uri);
      if (slot >= 0 && Atomics.load(latestVersions, slot) < version) Atomics.store(latestVersions, slot, version);
      // Start the worker first: a new one holds nothing of the old one's, and starting it clears the table.
      start();
      const held = heldLists.get(uri);
      const response = await send({ kind: 'live', key: uri, slot, version, text, minimumSeverity, held: { diagnostics: held?.diagnostics?.serial, parseDiagnostics: held?.parseDiagnostics?.serial } });
      if (!('live' in response)) return undefined;
      const message = response.live;
      const resolve = (list: EncodedDiagnostics | HeldList, holding: EncodedDiagnostics | undefined): EncodedDiagnostics => {
        if (!('held' in list)) return list;
        if (holding?.serial !== list.held) throw new Error(`The evaluation worker named diagnostics list ${list.held}, which the server does not hold.`);
        return holding;
      };
      const evaluation: LiveEvaluation = { ...message, diagnostics: resolve(message.diagnostics, held?.diagnostics), parseDiagnostics: resolve(message.parseDiagnostics, held?.parseDiagnostics) };
      if (slots.has(uri)) heldLists.set(uri, { diagnostics: evaluation.diagnostics, parseDiagnostics: evaluation.parseDiagnostics });
      return evaluation;
    },
    noteVersion(uri, version) {
      const slot = slotOf(uri);
      if (slot >= 0) Atomics.store(latestVersions, slot, version);
    },
    async report(uri, version, text, kind, monteCarloSamples) {
      const response = await send({ kind: 'report', key: uri, version, text, report: kind, monteCarloSamples });
      if (!('report' in response)) throw new Error('The evaluation worker gave no report.');
      return response.report;
    },
    async savings(uri, version, range, only) {
      const response = await send({ kind: 'savings', key: uri, version, range, ...(only ? { only } : {}) });
      return 'actions' in response ? response.actions : [];
    },
    async fixes(uri, version, diagnostics) {
      const response = await send({ kind: 'fixes', key: uri, version, diagnostics });
      return 'fixes' in response ? response.fixes : diagnostics.map(() => []);
    },
    async figures(uri, text) {
      const response = await send({ kind: 'figures', key: `${uri}#fix-preview`, baseKey: uri, text });
      return 'figures' in response ? response.figures : undefined;
    },
    async diagram(uri, version, text, options) {
      const response = await send({ kind: 'diagram', key: uri, version, text, options });
      if (!('diagram' in response)) throw new Error('The evaluation worker gave no diagram.');
      return response.diagram;
    },
    forget(uri) {
      const slot = slots.get(uri);
      slots.delete(uri);
      heldLists.delete(uri);
      if (slot !== undefined && slot >= 0) freeSlots.push(slot);
      if (!worker && !inProcess) return;
      void send({ kind: 'forget', key: uri }).catch(() => undefined);
      void send({ kind: 'forget', key: `${uri}#fix-preview` }).catch(() => undefined);
    },
    dispose() {
      void worker?.terminate();
      worker = undefined;
    },
  };
}
