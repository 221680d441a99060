/**
 * Loads the evaluations on first use. They are the heaviest part of the server, and the server must
 * answer `initialize` fast, so nothing of them runs at start-up: esbuild keeps a dynamically imported
 * module in the bundle but initialises it only when the import runs.
 */
import type { ArchDocument } from '../core/document';
import type { EvaluationResult } from '../evaluate/types';

/** Runs every evaluation on a parsed document; undefined while the evaluation engine is not built in. */
export type Evaluate = (doc: ArchDocument) => Promise<EvaluationResult | undefined>;

export const loadEvaluations: Evaluate = async () => undefined;
