/**
 * The evaluations run in a worker thread, so a large architecture never blocks the server's event
 * loop: completion and hover stay instant while availability, cost and security are computed. The
 * worker receives the document's text, parses it itself (incrementally, from its previous parse of
 * the same document) and answers with the plain-data EvaluationResult; ranges agree because both
 * sides parse the same text with the same parser.
 */
import { parentPort } from 'node:worker_threads';
import type { ArchDocument } from '../core/document';
import type { EvaluationResult } from '../evaluate/types';

/** A request to the worker. */
export interface EvaluationRequest {
  readonly id: number;
  /** Identifies the document, so the worker can parse incrementally from its previous version. */
  readonly key: string;
  readonly text: string;
  readonly monteCarloSamples: number;
}

/** The worker's answer: a result, or the message of what went wrong. */
export type EvaluationResponse = { readonly id: number; readonly result: EvaluationResult } | { readonly id: number; readonly error: string };

/** Marks the worker in `workerData`, so the bundle's entry point knows which role to play. */
export const evaluationWorkerMarker = 'cloudarchEvaluationWorker';

/** The body of the worker thread. */
export function runEvaluationWorker(): void {
  const port = parentPort;
  if (!port) return;
  const { parseArchitecture } = require('../core/parse') as typeof import('../core/parse');
  const { evaluateAll } = require('../evaluate/index') as typeof import('../evaluate/index');
  // Only the last few documents are kept: they exist to make the next parse incremental.
  const previous = new Map<string, ArchDocument>();
  port.on('message', (request: EvaluationRequest) => {
    try {
      const doc = parseArchitecture(request.text, { previous: previous.get(request.key) });
      previous.delete(request.key);
      previous.set(request.key, doc);
      while (previous.size > 8) previous.delete(previous.keys().next().value!);
      const result = evaluateAll(doc, { monteCarloSamples: request.monteCarloSamples });
      port.postMessage({ id: request.id, result } satisfies EvaluationResponse);
    } catch (error) {
      port.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies EvaluationResponse);
    }
  });
}
