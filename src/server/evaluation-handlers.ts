/**
 * The evaluation worker's answers, one handler per kind of `evaluationRequests`
 * (evaluation-requests.ts says how to add one). Handlers read the document through the session: its
 * parse and evaluation are made once per version and shared by every kind.
 */
import { exportCloudFormation } from '../cloudformation/export';
import { ImportError, importCloudFormation } from '../cloudformation/import';
import { TemplateError } from '../cloudformation/template';
import type { EvaluationRequestKind, LiveEvaluationMessage, RequestOf, ResponseOf } from './evaluation-requests';
import type { EncodedDiagnostics, HeldList } from './diagnostics-encoder';
import { StaleRequestError, type WorkerSession } from './worker-session';

/** The handler of one kind. */
export type EvaluationHandler<K extends EvaluationRequestKind> = (request: RequestOf<K>, session: WorkerSession) => ResponseOf<K> | Promise<ResponseOf<K>>;

/** Every kind's handler; the type makes a kind without a handler a compile error. */
export type EvaluationHandlers = { readonly [K in EvaluationRequestKind]: EvaluationHandler<K> };

export const evaluationHandlers: EvaluationHandlers = {
  live(request, session): LiveEvaluationMessage {
    const started = performance.now();
    const { doc, result } = session.evaluated(request);
    // The editor may have moved on while this version was evaluated: its diagnostics are not wanted.
    if (session.isStale(request.uri, request.version)) throw new StaleRequestError();
    const encoder = session.encoder(request.uri);
    const diagnostics = encoder.encode(result, request.minimumSeverity);
    const parseDiagnostics = encoder.encodeDocument(doc);
    const errors = doc.diagnostics.reduce((count, diagnostic) => count + (diagnostic.severity === 'error' ? 1 : 0), 0);
    // Most keystrokes change no diagnostic: then the server is told which list it already holds.
    const orHeld = (list: EncodedDiagnostics, held: number | undefined): EncodedDiagnostics | HeldList => (list.serial !== undefined && list.serial === held ? { held } : list);
    return {
      version: request.version,
      figures: session.service.figures(result),
      diagnostics: orHeld(diagnostics, request.held?.diagnostics),
      parseDiagnostics: orHeld(parseDiagnostics, request.held?.parseDiagnostics),
      errors,
      workMs: performance.now() - started,
    };
  },

  report(request, session) {
    // The availability report shows the Monte Carlo cross-check, which live evaluation skips.
    if (request.report === 'availability') {
      const doc = session.parsed(request);
      const result = session.service.evaluate(doc, { monteCarloSamples: request.monteCarloSamples });
      return session.service.report(request.report, doc, result);
    }
    const { doc, result } = session.evaluated(request);
    return session.service.report(request.report, doc, result);
  },

  savings(request, session) {
    const evaluation = session.evaluationOf(request.uri, request.version);
    return evaluation ? session.service.costSavingActions(request.uri, evaluation.doc, evaluation.result, request.range, request.only) : [];
  },

  fixes(request, session) {
    // Only from the evaluation of the version the editor has: other fixes would edit other text.
    const evaluation = session.evaluationOf(request.uri, request.version);
    return evaluation ? session.service.keptFixes(evaluation.result, request.diagnostics) : request.diagnostics.map(() => []);
  },

  preview(request, session) {
    const result = session.previewed(request.uri, request.text);
    return result ? session.service.figures(result) : undefined;
  },

  importCloudFormation(request) {
    const sourceName = decodeURIComponent(request.uri.replace(/^.*\//, ''));
    try {
      const { text, report } = importCloudFormation(request.text, { params: request.params ?? {}, sourceName });
      const summary = `${report.mapped.length} resources imported, ${report.absorbed.length} folded into them, ${report.unmapped.length} not mapped, ${report.skipped.length} left out by their condition.`;
      return { ok: true, text, summary, unmapped: report.unmapped, notes: report.notes };
    } catch (error) {
      if (error instanceof TemplateError || error instanceof ImportError) {
        return { ok: false, message: error.message.replace(/^line \d+, column \d+: /, ''), line: error.line, column: error.column };
      }
      throw error;
    }
  },

  exportCloudFormation(request, session) {
    const doc = session.parsed(request);
    const errors = doc.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    if (errors.length > 0) return { ok: false, message: `the architecture has ${errors.length} error${errors.length === 1 ? '' : 's'} (see the Problems panel); fix ${errors.length === 1 ? 'it' : 'them'} before exporting.` };
    const { text, report } = exportCloudFormation(doc);
    const notes = [
      ...report.safeDefaults.map((item) => `Safe default: ${item.resource}.${item.property} = ${String(item.value)} (${item.why})`),
      ...(report.parameters.length > 0 ? [`Parameters to give at deploy time (or keep their defaults): ${report.parameters.join(', ')}.`] : []),
      ...report.notes,
    ];
    return { ok: true, text, notes };
  },

  forget(request, session) {
    session.forget(request.uri);
    return null;
  },
};
