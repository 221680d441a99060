/**
 * The evaluations run in a worker thread, so a large architecture never blocks the server's event
 * loop: completion and hover stay instant while availability, cost and security are computed. The
 * worker receives the document's text, parses it itself (incrementally, from its previous parse of
 * the same document); ranges agree with the server's because both sides parse the same text with the
 * same parser.
 *
 * The worker keeps each document's full result and answers typing with only what typing needs (see
 * src/language/live-evaluation.ts): the headline and per-resource figures and the diagnostics as
 * ready-made JSON. Reports, savings and fix previews are computed from the kept result on demand.
 * Requests for a version the editor has already moved past are dropped, before the work and before
 * the answer: the server writes each document's latest version into shared memory.
 */
import { parentPort } from 'node:worker_threads';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { ArchDocument, FixPayload } from '../core/document';
import type { EvaluationResult, FindingSeverity } from '../evaluate/types';
import type { DiagramResult } from '../protocol/diagram';
import type { ReportKind } from '../protocol/requests';
import type { DiagramRequestOptions } from './diagram-maker';
import type { DiagnosticsEncoder, EncodedDiagnostics, EvaluationFigures } from '../language/live-evaluation';

/** What the worker is asked. `slot` indexes the shared latest-version table (-1: no staleness check). */
export type EvaluationRequest =
  | {
      readonly id: number;
      readonly kind: 'live';
      readonly key: string;
      readonly slot: number;
      readonly version: number;
      readonly text: string;
      readonly minimumSeverity: FindingSeverity;
      /** The serials of the lists the server already holds for this document: equal lists are not sent again. */
      readonly held?: { readonly diagnostics?: number; readonly parseDiagnostics?: number };
    }
  | { readonly id: number; readonly kind: 'report'; readonly key: string; readonly version: number; readonly text: string; readonly report: ReportKind; readonly monteCarloSamples: number }
  | { readonly id: number; readonly kind: 'savings'; readonly key: string; readonly version: number; readonly range: Range; readonly only?: readonly string[] }
  /** The fixes of live findings the client sent back with a code-action request (their `data` says only how many). */
  | { readonly id: number; readonly kind: 'fixes'; readonly key: string; readonly version: number; readonly diagnostics: readonly Diagnostic[] }
  /** A fix preview: `baseKey` names the document the edited text comes from, so its parse is incremental. */
  | { readonly id: number; readonly kind: 'figures'; readonly key: string; readonly baseKey: string; readonly text: string }
  /** The diagram of the text (layout and SVG); answered asynchronously, elkjs is loaded on the first one. */
  | { readonly id: number; readonly kind: 'diagram'; readonly key: string; readonly version: number; readonly text: string; readonly options: DiagramRequestOptions }
  | { readonly id: number; readonly kind: 'forget'; readonly key: string }
  | { readonly id: number; readonly kind: 'init'; readonly latestVersions: SharedArrayBuffer };

/** In a live answer, instead of a list: the list with this serial, which the server said it holds. */
export interface HeldList {
  readonly held: number;
}

/** A live evaluation as it crosses the thread boundary: lists the server holds are named, not sent. */
export type LiveEvaluationMessage = Omit<LiveEvaluation, 'diagnostics' | 'parseDiagnostics'> & {
  readonly diagnostics: EncodedDiagnostics | HeldList;
  readonly parseDiagnostics: EncodedDiagnostics | HeldList;
};

/** The figures and diagnostics of one evaluated version: all the server needs while the user types. */
export interface LiveEvaluation {
  readonly version: number;
  readonly figures: EvaluationFigures;
  readonly diagnostics: EncodedDiagnostics;
  /** The document's own diagnostics (syntax, schema, references) of the same parse. */
  readonly parseDiagnostics: EncodedDiagnostics;
  /** How many of those are errors (the status bar shows it). */
  readonly errors: number;
  /** Milliseconds the worker spent (parse and evaluations), for scheduling decisions. */
  readonly workMs: number;
}

/** The worker's answers, by request kind. */
export type EvaluationResponse =
  | { readonly id: number; readonly live: LiveEvaluationMessage }
  | { readonly id: number; readonly stale: true }
  | { readonly id: number; readonly report: { readonly title: string; readonly markdown: string; readonly html: string } }
  | { readonly id: number; readonly actions: CodeAction[] }
  | { readonly id: number; readonly fixes: (readonly FixPayload[])[] }
  | { readonly id: number; readonly figures: EvaluationFigures | undefined }
  | { readonly id: number; readonly diagram: DiagramResult }
  | { readonly id: number; readonly done: true }
  | { readonly id: number; readonly error: string };

/** Marks the worker in `workerData`, so the bundle's entry point knows which role to play. */
export const evaluationWorkerMarker = 'cloudarchEvaluationWorker';

interface KeptDocument {
  doc: ArchDocument;
  /** The version `result` belongs to (the parse may be newer when a report parsed it). */
  version: number;
  result?: EvaluationResult;
  encoder?: DiagnosticsEncoder;
}

/**
 * The worker's logic, independent of the thread: the server runs it in-process when a worker
 * cannot be started. `handle` answers one request; `isStale` reads the shared version table.
 */
export function createEvaluationHandler(): { handle(request: EvaluationRequest): EvaluationResponse | Promise<EvaluationResponse>; isStale(request: EvaluationRequest): boolean } {
  const { parseArchitecture } = require('../core/parse') as typeof import('../core/parse');
  const { evaluateAll } = require('../evaluate/index') as typeof import('../evaluate/index');
  const live = require('../language/live-evaluation') as typeof import('../language/live-evaluation');
  const views = require('../language/evaluation-views') as typeof import('../language/evaluation-views');
  const actions = require('../language/code-actions') as typeof import('../language/code-actions');
  // The documents the server has open: their last parse (for incremental parses) and last result.
  const kept = new Map<string, KeptDocument>();
  let latestVersions: Int32Array | undefined;
  let diagrams: ReturnType<typeof import('./diagram-maker').createDiagramMaker> | undefined;

  const remember = (key: string, entry: KeptDocument) => {
    kept.delete(key);
    kept.set(key, entry);
    // Documents the server forgot to close must not pile up: keep the most recent few.
    while (kept.size > 16) kept.delete(kept.keys().next().value!);
  };

  const parse = (key: string, text: string): KeptDocument => {
    const previous = kept.get(key);
    if (previous && previous.doc.text === text) return previous;
    const doc = parseArchitecture(text, { previous: previous?.doc });
    const entry: KeptDocument = { doc, version: -1, encoder: previous?.encoder };
    remember(key, entry);
    return entry;
  };

  const isStale = (request: EvaluationRequest): boolean =>
    request.kind === 'live' && latestVersions !== undefined && request.slot >= 0 && Atomics.load(latestVersions, request.slot) > request.version;

  const handle = (request: EvaluationRequest): EvaluationResponse | Promise<EvaluationResponse> => {
    switch (request.kind) {
      case 'init':
        latestVersions = new Int32Array(request.latestVersions);
        return { id: request.id, done: true };
      case 'forget':
        kept.delete(request.key);
        diagrams?.forget(request.key);
        return { id: request.id, done: true };
      case 'diagram': {
        const entry = parse(request.key, request.text);
        diagrams ??= (require('./diagram-maker') as typeof import('./diagram-maker')).createDiagramMaker();
        const { firstParseError } = require('./diagram-maker') as typeof import('./diagram-maker');
        // A text that does not parse is not evaluated: the maker answers with the last good picture.
        let evaluation: EvaluationResult | undefined;
        if (!firstParseError(entry.doc)) {
          evaluation = entry.version === request.version && entry.result ? entry.result : evaluateAll(entry.doc, { monteCarloSamples: 0 });
          entry.version = request.version;
          entry.result = evaluation;
        }
        return diagrams.make(request.key, request.version, entry.doc, evaluation, request.options).then((diagram) => ({ id: request.id, diagram }));
      }
      case 'live': {
        const started = performance.now();
        const entry = parse(request.key, request.text);
        const result = entry.version === request.version && entry.result ? entry.result : evaluateAll(entry.doc, { monteCarloSamples: 0 });
        entry.version = request.version;
        entry.result = result;
        if (isStale(request)) return { id: request.id, stale: true };
        entry.encoder ??= new live.DiagnosticsEncoder(request.key);
        const diagnostics = entry.encoder.encode(result, request.minimumSeverity);
        const parseDiagnostics = entry.encoder.encodeDocument(entry.doc);
        const errors = entry.doc.diagnostics.reduce((count, diagnostic) => count + (diagnostic.severity === 'error' ? 1 : 0), 0);
        // Most keystrokes change no diagnostic: then the server is told which list it already holds.
        const orHeld = (list: EncodedDiagnostics, held: number | undefined): EncodedDiagnostics | HeldList => (list.serial !== undefined && list.serial === held ? { held } : list);
        return {
          id: request.id,
          live: {
            version: request.version,
            figures: live.figuresOf(result),
            diagnostics: orHeld(diagnostics, request.held?.diagnostics),
            parseDiagnostics: orHeld(parseDiagnostics, request.held?.parseDiagnostics),
            errors,
            workMs: performance.now() - started,
          },
        };
      }
      case 'report': {
        const entry = parse(request.key, request.text);
        // The availability report shows the Monte Carlo cross-check, which live evaluation skips.
        const reuse = request.report !== 'availability' && entry.version === request.version && entry.result !== undefined;
        const result = reuse ? entry.result! : evaluateAll(entry.doc, { monteCarloSamples: request.report === 'availability' ? request.monteCarloSamples : 0 });
        return { id: request.id, report: views.report(request.report, entry.doc, result) };
      }
      case 'savings': {
        const entry = kept.get(request.key);
        if (!entry?.result || entry.version !== request.version) return { id: request.id, actions: [] };
        return { id: request.id, actions: actions.costSavingActions(request.key, entry.doc, entry.result, request.range, request.only) };
      }
      case 'fixes': {
        const entry = kept.get(request.key);
        // Only from the evaluation of the version the editor has: other fixes would edit other text.
        if (!entry?.result || entry.version !== request.version) return { id: request.id, fixes: request.diagnostics.map(() => []) };
        return { id: request.id, fixes: live.fixesOfKeptFindings(entry.result, request.diagnostics) };
      }
      case 'figures': {
        const doc = parseArchitecture(request.text, { previous: kept.get(request.baseKey)?.doc ?? kept.get(request.key)?.doc });
        remember(request.key, { doc, version: -1 });
        return { id: request.id, figures: live.figuresOf(evaluateAll(doc, { monteCarloSamples: 0 })) };
      }
    }
  };
  return { handle, isStale };
}

/** The body of the worker thread. */
export function runEvaluationWorker(): void {
  const port = parentPort;
  if (!port) return;
  // A worker's stdout is the process's stdout, which over `--stdio` is the protocol stream: anything
  // a module prints here goes to stderr (the editor's output channel) instead.
  console.log = console.info = console.debug = console.warn = (...values: unknown[]) => console.error(...values);
  const handler = createEvaluationHandler();
  // Requests are queued and served on the next turn, so a burst of live requests that arrived while
  // the worker was busy is seen whole: only the newest live request of a document is computed.
  const queue: EvaluationRequest[] = [];
  let scheduled = false;
  const fail = (request: EvaluationRequest, error: unknown) =>
    port.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies EvaluationResponse);
  const answer = (request: EvaluationRequest, compute: () => EvaluationResponse | Promise<EvaluationResponse>) => {
    try {
      const response = compute();
      // Only the diagram answers later (elkjs's layout is a promise); its failure is an answer too.
      if (response instanceof Promise) response.then((value) => port.postMessage(value), (error: unknown) => fail(request, error));
      else port.postMessage(response);
    } catch (error) {
      fail(request, error);
    }
  };
  const drain = () => {
    scheduled = false;
    const batch = queue.splice(0);
    for (let index = 0; index < batch.length; index++) {
      const request = batch[index]!;
      const superseded = request.kind === 'live' && batch.some((later, laterIndex) => laterIndex > index && later.kind === 'live' && later.key === request.key);
      if (superseded || handler.isStale(request)) {
        port.postMessage({ id: request.id, stale: true } satisfies EvaluationResponse);
        continue;
      }
      answer(request, () => handler.handle(request));
    }
  };
  port.on('message', (request: EvaluationRequest) => {
    queue.push(request);
    if (!scheduled) {
      scheduled = true;
      setImmediate(drain);
    }
  });
}
