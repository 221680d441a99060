/**
 * The engine: the language service with the evaluations plugged in. It is the one way into parsing,
 * evaluation and the views for the evaluation worker, the CLI and the tests. The server's own thread
 * creates the plain language service instead (its evaluations run in the worker), so the evaluators
 * never load there.
 */
import { evaluateAll } from '../evaluate/index';
import { createLanguageService, type LanguageService, type LanguageServiceOptions } from './language-service';

/** A language service that evaluates with `evaluateAll`. */
export function createEngineLanguageService(options: Omit<LanguageServiceOptions, 'evaluate'> = {}): LanguageService {
  return createLanguageService({ ...options, evaluate: (doc, evaluateOptions) => evaluateAll(doc, evaluateOptions) });
}
