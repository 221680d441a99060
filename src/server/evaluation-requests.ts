/**
 * The requests between the server thread and the evaluation worker, each kind declared ONCE here
 * with its request and response types. The server asks with `evaluator.ask(kind, request)`
 * (evaluation-loader.ts); the worker answers with the handler of that kind
 * (evaluation-handlers.ts), which the type below forces to exist.
 *
 * How to add a kind (for example `diagram`, `export`, `simulate`):
 *
 * 1. Declare it in `evaluationRequests` below: `diagram: requestKind<DiagramRequest, DiagramResponse>()`.
 *    The request type extends `DocumentRequest` (it names its document by `uri`). Say
 *    `{ latestOnly: true }` only for requests sent on every keystroke, whose older versions may be
 *    dropped unanswered (the caller then gets `undefined`).
 * 2. Write its handler in `evaluation-handlers.ts` (one function; the compiler lists a missing
 *    one). A handler gets the request and the `WorkerSession`: `session.evaluated(request)` parses and
 *    evaluates the document's text once per version (the same parse and result every kind shares),
 *    `session.service` is the language service (the engine API), and
 *    `session.shared(name, create)` keeps one lazily created value for the worker's life (e.g. the
 *    diagram maker, loaded with `require` inside `create` so the server's start-up never pays for it).
 *    A handler may be `async`; the worker serves requests one at a time, in order.
 * 3. Call it where the server needs it: `await evaluator.ask('diagram', { uri, version, text, ... })`.
 *
 * Requests and responses cross a thread boundary (structured clone): plain data only, and small:
 * the worker keeps the full `EvaluationResult`, and a kind answers with the view it needs.
 */
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { FixPayload } from '../core/document';
import type { EvaluationFigures } from '../evaluate/figures';
import type { FindingSeverity } from '../evaluate/types';
import type { ExportCloudFormationResult, ImportCloudFormationParams, ImportCloudFormationResult } from '../protocol/cloudformation';
import type { DiagramResult } from '../protocol/diagram';
import type { ExportParams, ExportResult } from '../protocol/export';
import type { ReportKind } from '../protocol/requests';
import type { DiagramRequestOptions } from './diagram-maker';
import type { ScenariosResult, SimulateParams, SimulateResult } from '../protocol/simulation';
import type { EncodedDiagnostics, HeldList } from './diagnostics-encoder';

/** Every request names its document. */
export interface DocumentRequest {
  readonly uri: string;
}

/** A request about one version of a document, with its text (the worker parses it at most once). */
export interface VersionRequest extends DocumentRequest {
  readonly version: number;
  readonly text: string;
}

/** One kind of request: its types (compile time only) and how the worker schedules it. */
export interface RequestKind<Request extends DocumentRequest, Response> {
  /**
   * The worker computes only the newest request of this kind per document and drops a request whose
   * document the editor has already moved past (see the shared version table): the caller's promise
   * resolves to `undefined`. Requests of such a kind need a `version`.
   */
  readonly latestOnly: boolean;
  /** Never set: carries the types. */
  readonly types?: { readonly request: Request; readonly response: Response };
}

function requestKind<Request extends DocumentRequest, Response>(options: { latestOnly?: boolean } = {}): RequestKind<Request, Response> {
  return { latestOnly: options.latestOnly ?? false };
}

/** `live`: what typing needs, sent on every change. */
export interface LiveRequest extends VersionRequest {
  readonly minimumSeverity: FindingSeverity;
  /** The serials of the lists the server already holds for this document: equal lists are not sent again. */
  readonly held?: { readonly diagnostics?: number; readonly parseDiagnostics?: number };
}

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

/** A live evaluation as it crosses the thread boundary: lists the server holds are named, not sent. */
export type LiveEvaluationMessage = Omit<LiveEvaluation, 'diagnostics' | 'parseDiagnostics'> & {
  readonly diagnostics: EncodedDiagnostics | HeldList;
  readonly parseDiagnostics: EncodedDiagnostics | HeldList;
};

export interface ReportRequest extends VersionRequest {
  readonly report: ReportKind;
  readonly monteCarloSamples: number;
}

export interface RenderedReport {
  readonly title: string;
  readonly markdown: string;
  readonly html: string;
}

/** The cost evaluation's savings for the resources in `range`, if `version` is the evaluated one. */
export interface SavingsRequest extends DocumentRequest {
  readonly version: number;
  readonly range: Range;
  readonly only?: readonly string[];
}

/** The fixes of live findings the client sent back with a code-action request (their `data` says only how many). */
export interface FixesRequest extends DocumentRequest {
  readonly version: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** A fix preview: the figures of the document's text with a fix applied (`text`). */
export interface PreviewRequest extends DocumentRequest {
  readonly text: string;
}

/** `diagram`: the picture of one version (layout and SVG), for `cloudarch/diagram`. */
export interface DiagramWorkerRequest extends VersionRequest {
  readonly options: DiagramRequestOptions;
}
/** A simulation of one version of a document (the `cloudarch/simulate` request with the document's text). */
export type SimulateRequest = VersionRequest & Omit<SimulateParams, 'uri' | 'version'>;

/** `export`: one export of a version of the document (protocol/export.ts). */
export interface ExportRequest extends VersionRequest, Omit<ExportParams, 'uri'> {
  readonly monteCarloSamples: number;
}

/** The export, or why the document cannot be exported (it has errors: the first is named). */
export type ExportResponse = Omit<ExportResult, 'version'> | { readonly refused: string };

/** The table: every kind the worker answers. */
export const evaluationRequests = {
  live: requestKind<LiveRequest, LiveEvaluationMessage>({ latestOnly: true }),
  report: requestKind<ReportRequest, RenderedReport>(),
  savings: requestKind<SavingsRequest, CodeAction[]>(),
  fixes: requestKind<FixesRequest, (readonly FixPayload[])[]>(),
  preview: requestKind<PreviewRequest, EvaluationFigures | undefined>(),
  /** A CloudFormation template (not an open document: `uri` names the template) to an architecture's text. */
  importCloudFormation: requestKind<ImportCloudFormationParams, ImportCloudFormationResult>(),
  /** An architecture document, at one version, to a CloudFormation template. */
  exportCloudFormation: requestKind<VersionRequest, ExportCloudFormationResult>(),
  diagram: requestKind<DiagramWorkerRequest, DiagramResult>(),
  export: requestKind<ExportRequest, ExportResponse>(),
  /** A seeded simulation of one version (src/evaluate/simulate): the result and its Markdown summary. */
  simulate: requestKind<SimulateRequest, SimulateResult>(),
  /** The scenarios saved in one version and the zones in use (for the editor's Simulate… picker). */
  scenarios: requestKind<VersionRequest, ScenariosResult>(),
  /** The document was closed: the worker lets go of its state. */
  forget: requestKind<DocumentRequest, null>(),
};

export type EvaluationRequestKind = keyof typeof evaluationRequests;
export type RequestOf<K extends EvaluationRequestKind> = NonNullable<(typeof evaluationRequests)[K]['types']>['request'];
export type ResponseOf<K extends EvaluationRequestKind> = NonNullable<(typeof evaluationRequests)[K]['types']>['response'];

/** One request as posted to the worker. `slot` indexes the shared latest-version table (-1: none). */
export type WorkerMessage = {
  readonly [K in EvaluationRequestKind]: { readonly id: number; readonly kind: K; readonly slot: number; readonly request: RequestOf<K> };
}[EvaluationRequestKind];

/** The first message a worker gets: the table where the server writes each document's latest version. */
export interface WorkerInit {
  readonly id: 0;
  readonly init: SharedArrayBuffer;
}

/** The worker's answer to one message. */
export type WorkerReply =
  | { readonly id: number; readonly response: unknown }
  | { readonly id: number; readonly stale: true }
  | { readonly id: number; readonly error: string };

/** Marks the worker in `workerData`, so the bundle's entry point knows which role to play. */
export const evaluationWorkerMarker = 'cloudarchEvaluationWorker';
