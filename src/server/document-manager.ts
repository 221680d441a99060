/**
 * The open documents and their analysis: the last parse (handed to the next parse as `previous`
 * so only edited resources are re-read), the last evaluation, and the timers that debounce both.
 *
 * Stale work is dropped by version: a result is published only if its document is still open and
 * still at the version the work started from. Closing a document cancels its timers and clears its
 * diagnostics; work already running for it finds the document gone and publishes nothing.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ArchDocument } from '../core/document';
import type { EvaluationResult } from '../evaluate/types';
import { carryOverDiagnostics } from '../language/carry-over';
import type { LanguageService } from '../language/language-service';
import type { ServerSettings } from './settings';

/** What the manager needs from the connection: publishing and logging. */
export interface DocumentManagerHost {
  publishDiagnostics(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void;
  /** Called after an evaluation result is stored (refresh CodeLens, inlay hints, status bar). */
  evaluated(uri: string, version: number): void;
  logError(message: string, error: unknown): void;
}

interface DocumentState {
  readonly uri: string;
  textDocument: TextDocument;
  parsed?: { readonly version: number; readonly doc: ArchDocument };
  evaluation?: { readonly version: number; readonly text: string; readonly result: EvaluationResult | undefined };
  /** Resolves when the evaluation of `version` finishes (for the report request). */
  pendingEvaluation?: { readonly version: number; readonly promise: Promise<EvaluationResult | undefined> };
  parseDiagnostics: Diagnostic[];
  validateTimer?: ReturnType<typeof setTimeout>;
  /** When the last change arrived (ms, performance clock), to tell a lone edit from a burst of typing. */
  lastChangeAt: number;
  /** How long the last check took (ms): cheap documents are checked on every keystroke. */
  lastCheckMs: number;
  /** Whether a check is scheduled and has not run yet. */
  checkPending: boolean;
  /** The version the last scheduled check was asked for. */
  scheduledVersion?: number;
  evaluateTimer?: ReturnType<typeof setTimeout>;
}

/** A check faster than this (ms) runs on every keystroke instead of waiting for the debounce. */
const cheapCheckMs = 30;

export class DocumentManager {
  private readonly states = new Map<string, DocumentState>();

  constructor(
    private readonly service: LanguageService,
    private readonly host: DocumentManagerHost,
    private settings: ServerSettings,
  ) {}

  updateSettings(settings: ServerSettings): void {
    this.settings = settings;
    for (const state of this.states.values()) this.schedule(state, 0);
  }

  /** A document was opened or changed: re-check it at once after a quiet spell, else after the debounce. */
  changed(textDocument: TextDocument, opened: boolean): void {
    let state = this.states.get(textDocument.uri);
    if (!state) {
      state = { uri: textDocument.uri, textDocument, parseDiagnostics: [], lastChangeAt: 0, lastCheckMs: 0, checkPending: false };
      this.states.set(textDocument.uri, state);
    }
    // TextDocuments reports an open twice (open, then content change): the second brings nothing new.
    if (!opened && state.textDocument === textDocument && state.textDocument.version === state.scheduledVersion) return;
    state.textDocument = textDocument;
    state.scheduledVersion = textDocument.version;
    // A change after a quiet spell is checked at once, and so is every change to a document whose
    // (incremental) check is cheap and not already waiting: feedback is then as fast as the parse.
    // Otherwise the keystrokes of a burst wait for the debounce, which coalesces them.
    const now = performance.now();
    const quiet = now - state.lastChangeAt > this.settings.debounceMs;
    const cheap = !state.checkPending && state.lastCheckMs < cheapCheckMs;
    state.lastChangeAt = now;
    this.schedule(state, opened || quiet || cheap ? 0 : this.settings.debounceMs);
  }

  /** A document was closed: stop its work and clear what was published for it. */
  closed(uri: string): void {
    const state = this.states.get(uri);
    if (!state) return;
    clearTimeout(state.validateTimer);
    clearTimeout(state.evaluateTimer);
    this.states.delete(uri);
    this.host.publishDiagnostics(uri, undefined, []);
  }

  isOpen(uri: string): boolean {
    return this.states.has(uri);
  }

  /** The text document as the editor has it now. */
  textDocument(uri: string): TextDocument | undefined {
    return this.states.get(uri)?.textDocument;
  }

  /**
   * The parse of the document's current version, parsing now if the debounced check has not run yet.
   * The parse is incremental, so this is cheap after a small edit.
   */
  current(uri: string): { doc: ArchDocument; version: number; text: string } | undefined {
    const state = this.states.get(uri);
    if (!state) return undefined;
    return { doc: this.ensureParsed(state), version: state.textDocument.version, text: state.textDocument.getText() };
  }

  /** The last parse, whatever its version (completion reads the text and tolerates a lagging parse). */
  lastParse(uri: string): ArchDocument | undefined {
    return this.states.get(uri)?.parsed?.doc;
  }

  /** The evaluation of the current version if it has finished (never starts one). */
  currentEvaluation(uri: string): { result: EvaluationResult; version: number } | undefined {
    const state = this.states.get(uri);
    const evaluation = state?.evaluation;
    if (!state || !evaluation?.result || evaluation.version !== state.textDocument.version) return undefined;
    return { result: evaluation.result, version: evaluation.version };
  }

  /** The most recent evaluation result, possibly of an older version. */
  lastEvaluation(uri: string): EvaluationResult | undefined {
    return this.states.get(uri)?.evaluation?.result;
  }

  /**
   * The evaluation of the current version, running it now if needed. A `report` evaluation is
   * complete (Monte Carlo included) and is not kept: live results stay the cheap kind.
   */
  async evaluationNow(uri: string, purpose: 'live' | 'report'): Promise<{ result: EvaluationResult | undefined; version: number } | undefined> {
    const state = this.states.get(uri);
    if (!state) return undefined;
    const version = state.textDocument.version;
    if (purpose === 'report') return { result: await this.service.evaluate(this.ensureParsed(state), 'report', state.uri), version };
    if (state.evaluation?.version === version) return { result: state.evaluation.result, version };
    const result = await this.evaluate(state, version, true);
    return { result, version };
  }

  private ensureParsed(state: DocumentState): ArchDocument {
    const version = state.textDocument.version;
    if (state.parsed?.version === version) return state.parsed.doc;
    const doc = this.service.parse(state.textDocument.getText(), state.parsed?.doc);
    state.parsed = { version, doc };
    return doc;
  }

  private schedule(state: DocumentState, delayMs: number): void {
    clearTimeout(state.validateTimer);
    clearTimeout(state.evaluateTimer);
    // Every document gets its own timer task, so the event loop (and other requests) run between documents.
    state.checkPending = true;
    state.validateTimer = setTimeout(() => {
      state.checkPending = false;
      const started = performance.now();
      try {
        this.validate(state);
      } catch (error) {
        this.host.logError(`Checking ${state.uri} failed`, error);
      }
      state.lastCheckMs = performance.now() - started;
    }, delayMs);
  }

  private validate(state: DocumentState): void {
    if (this.states.get(state.uri) !== state) return;
    const version = state.textDocument.version;
    let doc: ArchDocument;
    try {
      doc = this.ensureParsed(state);
      state.parseDiagnostics = this.service.diagnostics(doc, state.uri);
    } catch (error) {
      this.host.logError(`Checking ${state.uri} failed`, error);
      return;
    }
    // Findings of the last evaluation stay on the lines the edits did not touch until the next one lands.
    const evaluation = state.evaluation;
    const evaluationDiagnostics = evaluation?.result ? carryOverDiagnostics(evaluation.text, doc.text, this.service.evaluationDiagnostics(evaluation.result, state.uri)) : [];
    this.host.publishDiagnostics(state.uri, version, [...state.parseDiagnostics, ...evaluationDiagnostics]);
    if (this.settings.evaluations && this.service.shouldEvaluate(doc)) {
      state.evaluateTimer = setTimeout(() => {
        void this.evaluate(state, version, false);
      }, this.settings.evaluationDebounceMs);
    }
  }

  private evaluate(state: DocumentState, version: number, force: boolean): Promise<EvaluationResult | undefined> {
    if (state.pendingEvaluation?.version === version) return state.pendingEvaluation.promise;
    const promise = (async () => {
      if (this.states.get(state.uri) !== state || state.textDocument.version !== version) return undefined;
      const doc = this.ensureParsed(state);
      if (!force && !this.service.shouldEvaluate(doc)) return undefined;
      let result: EvaluationResult | undefined;
      try {
        result = await this.service.evaluate(doc, 'live', state.uri);
      } catch (error) {
        this.host.logError(`Evaluating ${state.uri} failed`, error);
        return undefined;
      }
      // Closed, or edited while the evaluation ran: the result is stale, publish nothing.
      if (this.states.get(state.uri) !== state || state.textDocument.version !== version) return result;
      state.evaluation = { version, text: doc.text, result };
      if (result) {
        this.host.publishDiagnostics(state.uri, version, [...state.parseDiagnostics, ...this.service.evaluationDiagnostics(result, state.uri)]);
      }
      this.host.evaluated(state.uri, version);
      return result;
    })().finally(() => {
      if (state.pendingEvaluation?.promise === promise) state.pendingEvaluation = undefined;
    });
    state.pendingEvaluation = { version, promise };
    return promise;
  }
}
