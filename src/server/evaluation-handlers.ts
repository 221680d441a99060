/**
 * The evaluation worker's answers, one handler per kind of `evaluationRequests`
 * (evaluation-requests.ts says how to add one). Handlers read the document through the session: its
 * parse and evaluation are made once per version and shared by every kind.
 */
import { exportCloudFormation } from '../cloudformation/export';
import { ImportError, importCloudFormation } from '../cloudformation/import';
import { TemplateError } from '../cloudformation/template';
import type { ArchDocument } from '../core/document';
import { readScenarios } from '../core/scenarios';
import { isSpecError, parseSimulationSpec, type SimulationSpec } from '../core/simulation-spec';
import { maxSimulatedDays, SimulationInputError, simulate, specTargetsOf } from '../evaluate/simulate';
import { simulationMarkdown } from '../evaluate/simulate/report';
import type { SimulateResult } from '../protocol/simulation';
import type { EvaluationRequestKind, LiveEvaluationMessage, RequestOf, ResponseOf, SimulateRequest } from './evaluation-requests';
import type { EncodedDiagnostics, HeldList } from './diagnostics-encoder';
import { StaleRequestError, type WorkerSession } from './worker-session';

/** The handler of one kind. */
export type EvaluationHandler<K extends EvaluationRequestKind> = (
  request: RequestOf<K>,
  session: WorkerSession,
) => ResponseOf<K> | Promise<ResponseOf<K>>;

/** Every kind's handler; the type makes a kind without a handler a compile error. */
export type EvaluationHandlers = { readonly [K in EvaluationRequestKind]: EvaluationHandler<K> };

/** The worker's diagram maker, created by the first diagram request (a closed document's last picture is let go). */
function diagramsOf(session: WorkerSession): { maker?: ReturnType<typeof import('./diagram-maker').createDiagramMaker> } {
  return session.shared('diagrams', () => ({}));
}

/**
 * The worker's one elkjs runner, shared by the diagram and the export: made when a layout first
 * asks for elkjs (making it starts nothing; its thread and elkjs load on its first layout).
 */
function elkOf(session: WorkerSession): import('../node/elk-runner').ElkRunner {
  return session.shared('elk', () =>
    (require('../node/elk-runner') as typeof import('../node/elk-runner')).createElkRunner({
      // The server's log (stderr) says when elkjs is loaded: never at start-up, only for an elkjs layout.
      onLoaded: (ms) => console.error(`elkjs loaded for the diagram layout in ${Math.round(ms)} ms`),
    }),
  );
}

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
    const orHeld = (list: EncodedDiagnostics, held: number | undefined): EncodedDiagnostics | HeldList =>
      list.serial !== undefined && list.serial === held ? { held } : list;
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
    if (errors.length > 0)
      return {
        ok: false,
        message: `the architecture has ${errors.length} error${errors.length === 1 ? '' : 's'} (see the Problems panel); fix ${errors.length === 1 ? 'it' : 'them'} before exporting.`,
      };
    const { text, report } = exportCloudFormation(doc);
    const notes = [
      ...report.safeDefaults.map((item) => `Safe default: ${item.resource}.${item.property} = ${String(item.value)} (${item.why})`),
      ...(report.parameters.length > 0
        ? [`Parameters to give at deploy time (or keep their defaults): ${report.parameters.join(', ')}.`]
        : []),
      ...report.notes,
    ];
    return { ok: true, text, notes };
  },

  async diagram(request, session) {
    // The maker (and the diagram core, which it loads on its first picture) lives as long as the worker.
    const { createDiagramMaker, firstParseError } = require('./diagram-maker') as typeof import('./diagram-maker');
    const maker = (diagramsOf(session).maker ??= createDiagramMaker({ loadElk: () => elkOf(session) }));
    const doc = session.parsed(request);
    // A text that does not parse is not evaluated: the maker answers with the last good picture.
    const evaluation = firstParseError(doc) ? undefined : session.evaluated(request).result;
    return maker.make(request.uri, request.version, doc, evaluation, request.options);
  },

  async export(request, session) {
    const doc = session.parsed(request);
    const firstError = doc.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
    if (firstError) return { refused: `Line ${firstError.range.start.line + 1}: ${firstError.message}` };
    // A review shows the Monte Carlo cross-check (as the reports do); a picture uses the live evaluation.
    const { exportArchitecture, exportFormats } = await import('../diagram/export');
    // The rasteriser loads on the first PNG export, never when the worker starts; the
    // rasteriser's WebAssembly compiles while the evaluation and the layout run.
    const rasteriser = request.format === 'png' ? await import('../node/rasterise-png') : undefined;
    rasteriser?.preloadRasteriser();
    const review = exportFormats[request.format].kind === 'review';
    const evaluation = review
      ? session.service.evaluate(doc, { monteCarloSamples: request.monteCarloSamples })
      : session.evaluated(request).result;
    const rasterise = rasteriser?.rasterisePng;
    const services = {
      ...(rasterise ? { rasterise } : {}),
      ...(request.layout === 'elkjs' ? { elk: elkOf(session) } : {}),
    };
    const output = await exportArchitecture(doc, request.format, services, {
      ...(evaluation ? { evaluation } : {}),
      ...(request.theme !== undefined ? { theme: request.theme } : {}),
      ...(request.overlays !== undefined ? { overlays: request.overlays } : {}),
      ...(request.layers !== undefined ? { layers: request.layers } : {}),
      ...(request.scale !== undefined ? { scale: request.scale } : {}),
      ...(request.outputName !== undefined ? { outputName: request.outputName } : {}),
      ...(request.date !== undefined ? { date: request.date } : {}),
      ...(request.layout === 'elkjs' ? { layoutProfile: 'fast' as const } : {}),
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

  simulate(request, session) {
    return simulationOf(session.parsed(request), request);
  },

  scenarios(request, session) {
    const doc = session.parsed(request);
    const targets = specTargetsOf(doc);
    const { scenarios } = readScenarios(doc.root, targets);
    // Zone letters of the default region read best in a picker; full names only for other regions.
    const zones = [...targets.zones]
      .filter((zone) => !(zone.startsWith(doc.region) && targets.zones.has(zone.slice(doc.region.length))))
      .sort();
    return {
      scenarios: scenarios.map((scenario) => ({
        name: scenario.name,
        days: scenario.days,
        ...(scenario.description !== undefined ? { description: scenario.description } : {}),
        events: scenario.events.map((event) => event.text),
      })),
      zones,
    };
  },

  forget(request, session) {
    diagramsOf(session).maker?.forget(request.uri);
    session.forget(request.uri);
    return null;
  },
};

/**
 * One simulation for the editor: the scenario's events first, then the request's; every bad input
 * (spec, scenario, days, a file with errors) is an `ok: false` answer with the reason, never a throw.
 */
function simulationOf(doc: ArchDocument, request: SimulateRequest): SimulateResult {
  const errors = doc.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0)
    return {
      ok: false,
      message: `the architecture has ${errors.length} error${errors.length === 1 ? '' : 's'} (see the Problems panel); fix ${errors.length === 1 ? 'it' : 'them'} before simulating.`,
    };
  const targets = specTargetsOf(doc);
  const { scenarios } = readScenarios(doc.root, targets);
  const names = scenarios.map((scenario) => scenario.name);
  const scenario = request.scenario === undefined ? undefined : scenarios.find((candidate) => candidate.name === request.scenario);
  if (request.scenario !== undefined && scenario === undefined) {
    return {
      ok: false,
      message: `no scenario '${request.scenario}' in this file${names.length > 0 ? ` (scenarios: ${names.join(', ')})` : ' (it has no scenarios: key)'}.`,
    };
  }
  if (request.days !== undefined && !(typeof request.days === 'number' && request.days > 0 && request.days <= maxSimulatedDays)) {
    return { ok: false, message: `days must be a number above 0 and at most ${maxSimulatedDays}, not ${String(request.days)}.` };
  }
  if (request.seed !== undefined && !(Number.isInteger(request.seed) && request.seed >= 0 && request.seed <= 0xffffffff)) {
    return { ok: false, message: `seed must be a whole number from 0 to 4294967295, not ${String(request.seed)}.` };
  }
  const events: SimulationSpec[] = [...(scenario?.events ?? [])];
  for (const text of request.events) {
    if (typeof text !== 'string')
      return { ok: false, message: `an event must be a spec string such as zone:a@1d+2h, not ${JSON.stringify(text)}.` };
    const spec = parseSimulationSpec(text);
    if (isSpecError(spec)) return { ok: false, message: `event ${spec.message}` };
    events.push(spec);
  }
  try {
    const result = simulate(doc, { days: request.days ?? scenario?.days ?? 30, seed: request.seed ?? scenario?.seed ?? 1, events });
    const file = decodeURIComponent(request.uri.replace(/^.*\//, ''));
    return { ok: true, version: request.version, result, markdown: simulationMarkdown(result, file), scenarios: names };
  } catch (error) {
    if (error instanceof SimulationInputError) return { ok: false, message: error.message };
    throw error;
  }
}
