/**
 * Loads the evaluations on first use. They are the heaviest part of the server, and the server must
 * answer `initialize` fast, so nothing of them runs at start-up: esbuild keeps a dynamically imported
 * module in the bundle but initialises it only when the import runs.
 */
import type { ArchDocument } from '../core/document';
import type { EvaluationResult } from '../evaluate/types';

/**
 * `live`: while typing, without the Monte Carlo cross-check (it costs half a second; the exact
 * figure needs none). `report`: everything, for the report the user opened.
 */
export type EvaluationPurpose = 'live' | 'report';

/** Runs every evaluation on a parsed document. */
export async function loadEvaluations(doc: ArchDocument, purpose: EvaluationPurpose, monteCarloSamples: number): Promise<EvaluationResult> {
  const { evaluateAll } = await import('../evaluate/index');
  return evaluateAll(doc, { monteCarloSamples: purpose === 'live' ? 0 : monteCarloSamples });
}
