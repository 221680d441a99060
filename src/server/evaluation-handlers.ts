/**
 * The evaluation worker's answers, one handler per kind of `evaluationRequests`
 * (evaluation-requests.ts says how to add one). Handlers read the document through the session: its
 * parse and evaluation are made once per version and shared by every kind.
 */
import type { EvaluationRequestKind, LiveEvaluationMessage, RequestOf, ResponseOf } from './evaluation-requests';
import type { EncodedDiagnostics, HeldList } from './diagnostics-encoder';
import { StaleRequestError, type WorkerSession } from './worker-session';

/** The handler of one kind. */
export type EvaluationHandler<K extends EvaluationRequestKind> = (request: RequestOf<K>, session: WorkerSession) => ResponseOf<K> | Promise<ResponseOf<K>>;

/** Every kind's handler; the type makes a kind without a handler a compile error. */
export type EvaluationHandlers = { readonly [K in EvaluationRequestKind]: EvaluationHandler<K> };

/** The last segment of a URI, decoded (`my%20arch.cloudarch.yaml` -> `my arch.cloudarch.yaml`). */
function fileNameOf(uri: string): string {
  const segment = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

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

  async export(request, session) {
    const doc = session.parsed(request);
    const firstError = doc.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
    if (firstError) return { refused: `Line ${firstError.range.start.line + 1}: ${firstError.message}` };
    // A review shows the Monte Carlo cross-check (as the reports do); a picture uses the live evaluation.
    const { exportArchitecture, exportFormats } = await import('../diagram/export');
    const review = exportFormats[request.format].kind === 'review';
    const evaluation = review ? session.service.evaluate(doc, { monteCarloSamples: request.monteCarloSamples }) : session.evaluated(request).result;
    // elkjs and the rasteriser load on the first export, never when the worker starts.
    const elk = session.shared('elk', () => (require('../node/elk') as typeof import('../node/elk')).loadElk());
    const rasterise = request.format === 'png' ? (await import('../node/rasterise-png')).rasterisePng : undefined;
    const output = await exportArchitecture(doc, request.format, { elk, ...(rasterise ? { rasterise } : {}) }, {
      ...(evaluation ? { evaluation } : {}),
      ...(request.theme !== undefined ? { theme: request.theme } : {}),
      ...(request.overlays !== undefined ? { overlays: request.overlays } : {}),
      ...(request.scale !== undefined ? { scale: request.scale } : {}),
      ...(request.outputName !== undefined ? { outputName: request.outputName } : {}),
      ...(request.date !== undefined ? { date: request.date } : {}),
      file: fileNameOf(request.uri),
    });
    return {
      format: request.format,
      encoding: output.bytes ? 'base64' : 'utf8',
      data: output.bytes ? Buffer.from(output.bytes).toString('base64') : (output.text ?? ''),
      attachments: output.attachments.map((attachment) => ({ name: attachment.name, data: attachment.text })),
      notes: output.notes,
    };
  },

  forget(request, session) {
    session.forget(request.uri);
    return null;
  },
};
