/**
 * What the evaluation worker holds between requests: per open document, its last parse, its last
 * evaluation and its diagnostics encoder, as one explicit value (`WorkerDocument`) that each new
 * version is computed from (`parse(text, { previous })`, `evaluate(doc, { previous })`). One worker
 * serves every open document; nothing of one document's state is seen by another's requests.
 *
 * This is the one place the worker parses and evaluates: every request kind reads the document
 * through `parsed` / `evaluated`, so a version is parsed once and evaluated once whichever kinds ask.
 */
import type { ArchDocument } from '../core/document';
import type { EvaluationResult } from '../evaluate/types';
import type { LanguageService } from '../language/language-service';
import { DiagnosticsEncoder } from './diagnostics-encoder';
import type { VersionRequest } from './evaluation-requests';

/** One document's state in the worker. Each field is replaced, never mutated, by a newer version. */
export interface WorkerDocument {
  /** The last parse, the `previous` of the next one. */
  parse?: { readonly version: number; readonly doc: ArchDocument };
  /** The last live evaluation (no Monte Carlo), the `previous` of the next one. */
  evaluation?: { readonly version: number; readonly doc: ArchDocument; readonly result: EvaluationResult };
  /** Remembers the JSON of the diagnostics it encoded (see diagnostics-encoder.ts). */
  encoder?: DiagnosticsEncoder;
}

/** Thrown by a handler when the editor moved past the request's version: the worker answers `stale`. */
export class StaleRequestError extends Error {
  constructor() {
    super('The editor has moved past this version.');
    this.name = 'StaleRequestError';
  }
}

/** Documents the server forgot to close must not pile up: the worker keeps the most recent few. */
const documentLimit = 16;

export class WorkerSession {
  private readonly documents = new Map<string, WorkerDocument>();
  private readonly slots = new Map<string, number>();
  private readonly sharedValues = new Map<string, unknown>();
  private latestVersions: Int32Array | undefined;
  private lastSerial = 0;

  constructor(readonly service: LanguageService) {}

  /** The shared table where the server writes each document's latest version. */
  useVersionTable(buffer: SharedArrayBuffer): void {
    this.latestVersions = new Int32Array(buffer);
  }

  /** Records which slot of the version table holds `uri`'s latest version (-1: none). */
  noteSlot(uri: string, slot: number): void {
    if (slot >= 0) this.slots.set(uri, slot);
  }

  /** Whether the editor already has a newer version of `uri` than `version`. */
  isStale(uri: string, version: number): boolean {
    const slot = this.slots.get(uri);
    return this.latestVersions !== undefined && slot !== undefined && Atomics.load(this.latestVersions, slot) > version;
  }

  /** The state of `uri`, created empty the first time (and moved to the most recent end). */
  document(uri: string): WorkerDocument {
    const state = this.documents.get(uri) ?? {};
    this.documents.delete(uri);
    this.documents.set(uri, state);
    while (this.documents.size > documentLimit) {
      const oldest = this.documents.keys().next().value!;
      this.documents.delete(oldest);
      this.slots.delete(oldest);
    }
    return state;
  }

  /** The parse of the request's text, incremental from the document's previous parse; once per version. */
  parsed(request: VersionRequest): ArchDocument {
    const state = this.document(request.uri);
    const last = state.parse;
    if (last && last.doc.text === request.text) {
      if (last.version !== request.version) state.parse = { version: request.version, doc: last.doc };
      return last.doc;
    }
    const doc = this.service.parse(request.text, last?.doc);
    state.parse = { version: request.version, doc };
    return doc;
  }

  /** The parse and live evaluation of the request's version, from the document's previous evaluation; once per version. */
  evaluated(request: VersionRequest): { readonly doc: ArchDocument; readonly result: EvaluationResult } {
    const state = this.document(request.uri);
    const doc = this.parsed(request);
    const last = state.evaluation;
    if (last && last.doc === doc) {
      if (last.version !== request.version) state.evaluation = { ...last, version: request.version };
      return last;
    }
    const result = this.service.evaluate(doc, { monteCarloSamples: 0, previous: last?.result });
    if (!result) throw new Error('The language service of the evaluation worker has no evaluation engine.');
    state.evaluation = { version: request.version, doc, result };
    return state.evaluation;
  }

  /** The document's live evaluation if it is of `version` (never evaluates). */
  evaluationOf(uri: string, version: number): { readonly doc: ArchDocument; readonly result: EvaluationResult } | undefined {
    const evaluation = this.documents.get(uri)?.evaluation;
    return evaluation?.version === version ? evaluation : undefined;
  }

  /**
   * The evaluation of an edited copy of the document's text (a fix preview), parsed and evaluated
   * from the document's state without changing it: the live state stays the editor's text.
   */
  previewed(uri: string, text: string): EvaluationResult | undefined {
    const state = this.documents.get(uri);
    const doc = this.service.parse(text, state?.parse?.doc);
    return this.service.evaluate(doc, { monteCarloSamples: 0, previous: state?.evaluation?.result });
  }

  /** The document's diagnostics encoder. */
  encoder(uri: string): DiagnosticsEncoder {
    const state = this.document(uri);
    state.encoder ??= new DiagnosticsEncoder(uri, this.service.lspDiagnostic, () => ++this.lastSerial);
    return state.encoder;
  }

  /** Lets go of everything held for `uri`. */
  forget(uri: string): void {
    this.documents.delete(uri);
    this.slots.delete(uri);
  }

  /**
   * One value for the worker's life, created on first use: for what is costly to load and holds no
   * document's state (the diagram maker: `session.shared('diagrams', ...)`).
   */
  shared<T>(name: string, create: () => T): T {
    if (!this.sharedValues.has(name)) this.sharedValues.set(name, create());
    return this.sharedValues.get(name) as T;
  }
}
