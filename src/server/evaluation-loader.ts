/**
 * Runs the evaluations away from the server's event loop, in a worker thread started on first use
 * (the same bundle, in its worker role: see evaluation-worker.ts). Nothing of the evaluations loads
 * at start-up, so the server answers `initialize` fast. If a worker cannot be started, the
 * evaluations run in-process instead.
 */
import { Worker } from 'node:worker_threads';
import type { ArchDocument } from '../core/document';
import type { EvaluationResult } from '../evaluate/types';
import { evaluationWorkerMarker, type EvaluationRequest, type EvaluationResponse } from './evaluation-worker';

/**
 * `live`: while typing, without the Monte Carlo cross-check (it costs half a second; the exact
 * figure needs none). `report`: everything, for the report the user opened.
 */
export type EvaluationPurpose = 'live' | 'report';

export interface Evaluator {
  evaluate(doc: ArchDocument, purpose: EvaluationPurpose, monteCarloSamples: number, documentKey: string): Promise<EvaluationResult>;
  dispose(): void;
}

/** Evaluates in a worker thread. `entryPoint` is the bundled server file (it plays the worker role too). */
export function createEvaluator(entryPoint: string, logError: (message: string, error: unknown) => void): Evaluator {
  let worker: Worker | undefined;
  let workerFailed = false;
  let nextId = 1;
  const pending = new Map<number, { resolve: (result: EvaluationResult) => void; reject: (error: Error) => void }>();

  const failAll = (error: Error) => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };

  const start = (): Worker | undefined => {
    if (worker || workerFailed) return worker;
    try {
      worker = new Worker(entryPoint, { workerData: { [evaluationWorkerMarker]: true } });
      worker.unref();
      worker.on('message', (response: EvaluationResponse) => {
        const waiter = pending.get(response.id);
        if (!waiter) return;
        pending.delete(response.id);
        if ('error' in response) waiter.reject(new Error(response.error));
        else waiter.resolve(response.result);
      });
      worker.on('error', (error) => {
        logError('The evaluation worker failed', error);
        failAll(error);
        worker = undefined;
      });
      worker.on('exit', () => {
        failAll(new Error('The evaluation worker stopped.'));
        worker = undefined;
      });
    } catch (error) {
      logError('Could not start the evaluation worker; evaluating in-process', error);
      workerFailed = true;
      worker = undefined;
    }
    return worker;
  };

  return {
    async evaluate(doc, purpose, monteCarloSamples, documentKey) {
      const samples = purpose === 'live' ? 0 : monteCarloSamples;
      const running = start();
      if (!running) {
        const { evaluateAll } = await import('../evaluate/index');
        return evaluateAll(doc, { monteCarloSamples: samples });
      }
      const id = nextId++;
      return new Promise<EvaluationResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        running.postMessage({ id, key: documentKey, text: doc.text, monteCarloSamples: samples } satisfies EvaluationRequest);
      });
    },
    dispose() {
      void worker?.terminate();
      worker = undefined;
    },
  };
}
