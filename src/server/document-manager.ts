/**
 * The open documents and their analysis: the last parse (handed to the next parse as `previous`
 * so only edited resources are re-read), the last live evaluation, and the scheduling of both.
 *
 * Scheduling, per document:
 * - Every change is sent to the evaluation worker at once, unless an evaluation of the document is
 *   already running: then the newest version is sent when it finishes (a burst of typing coalesces
 *   into one evaluation per round trip, and never waits on a fixed delay).
 * - The parse and its diagnostics run on the server's thread, at once when the incremental check is
 *   cheap or after a quiet spell, otherwise after the debounce.
 * - The parse diagnostics wait briefly (`combineWaitMs`) for the evaluation of the same version, so
 *   the editor gets both in ONE publication instead of the findings vanishing and coming back.
 *   When the evaluation takes longer, the parse diagnostics go out with the previous evaluation's
 *   findings carried over to the lines the edit did not touch, and a second publication follows.
 *
 * Stale work is dropped by version: a result is published only if its document is still open and
 * still at the version the work started from. Closing a document cancels its timers and clears its
 * diagnostics; work already running for it finds the document gone and publishes nothing.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ArchDocument } from '../core/document';
import { carryOverDiagnostics } from '../language/carry-over';
import type { LanguageService } from '../language/language-service';
import type { EncodedDiagnostics, EvaluationFigures } from '../language/live-evaluation';
import { EvaluationTimeoutError, type Evaluator } from './evaluation-loader';
import type { LiveEvaluation } from './evaluation-worker';
import { decodeDiagnostics } from './raw-json';
import type { ServerSettings } from './settings';

/** What the manager needs from the connection: publishing and logging. */
export interface DocumentManagerHost {
  /**
   * Publishes the complete diagnostics of a version: `diagnostics` as objects, followed by the
   * evaluation's diagnostics as ready-made JSON when given (the host may splice the JSON in as it is).
   */
  publishDiagnostics(uri: string, version: number | undefined, diagnostics: Diagnostic[], evaluation?: EncodedDiagnostics): void;
  /** Called after an evaluation of the current version is published (refresh CodeLens, inlay hints, status bar). */
  evaluated(uri: string, version: number): void;
  logError(message: string, error: unknown): void;
  /** An expected condition the user may want to know about (the output channel, not an error). */
  logWarning(message: string): void;
}

interface StoredEvaluation {
  readonly version: number;
  readonly text: string;
  readonly live: LiveEvaluation;
  /** The diagnostics as objects, decoded only when they must be carried over to an edited text. */
  decoded?: Diagnostic[];
}

interface DocumentState {
  readonly uri: string;
  textDocument: TextDocument;
  parsed?: { readonly version: number; readonly doc: ArchDocument };
  /** The parse diagnostics of `version`, not yet published because they wait for its evaluation. */
  parseDiagnostics?: { readonly version: number; readonly diagnostics: Diagnostic[] };
  /** The most recent live evaluation, of whatever version. */
  evaluation?: StoredEvaluation;
  /** The version being evaluated, if any. */
  evaluating?: number;
  /** Resolves when the evaluation in flight settles. */
  evaluationSettled?: Promise<void>;
  /** Whether a newer version must be evaluated once the one in flight finishes. */
  evaluationWanted: boolean;
  /** Set when an evaluation of this document held the worker too long: it is no longer evaluated live. */
  evaluationTooSlow?: boolean;
  /** The version whose complete diagnostics (parse and evaluation) have been published. */
  completeVersion?: number;
  validateTimer?: ReturnType<typeof setTimeout>;
  /** Publishes the parse diagnostics alone if the evaluation does not come in time. */
  combineTimer?: ReturnType<typeof setTimeout>;
  /** When the last change arrived (ms, performance clock), to tell a lone edit from a burst of typing. */
  lastChangeAt: number;
  /** How long the last check took (ms): cheap documents are checked on every keystroke. */
  lastCheckMs: number;
  /** How long the last evaluation took in the worker (ms): a quick one is worth waiting for. */
  lastEvaluationMs: number;
  /** Whether a check is scheduled and has not run yet. */
  checkPending: boolean;
  /** The version the last scheduled check was asked for. */
  scheduledVersion?: number;
}

/** A check faster than this (ms) runs on every keystroke instead of waiting for the debounce. */
const cheapCheckMs = 30;

/**
 * How long (ms) the parse diagnostics wait for the evaluation of the same version, so both arrive
 * in one publication. Only when the evaluation is usually that quick; otherwise they go at once.
 */
const combineWaitMs = 25;

export class DocumentManager {
  private readonly states = new Map<string, DocumentState>();

  constructor(
    private readonly service: LanguageService,
    private readonly evaluator: Evaluator | undefined,
    private readonly host: DocumentManagerHost,
    private settings: ServerSettings,
  ) {}

  updateSettings(settings: ServerSettings): void {
    const severityChanged = settings.liveMinimumSeverity !== this.settings.liveMinimumSeverity || settings.evaluations !== this.settings.evaluations;
    this.settings = settings;
    for (const state of this.states.values()) {
      if (severityChanged) {
        state.evaluation = undefined;
        state.completeVersion = undefined;
      }
      this.requestEvaluation(state);
      this.schedule(state, 0);
    }
  }

  /** A document was opened or changed: evaluate it and re-check it. */
  changed(textDocument: TextDocument, opened: boolean): void {
    let state = this.states.get(textDocument.uri);
    if (!state) {
      state = { uri: textDocument.uri, textDocument, lastChangeAt: 0, lastCheckMs: 0, lastEvaluationMs: 0, checkPending: false, evaluationWanted: false };
      this.states.set(textDocument.uri, state);
    }
    // TextDocuments reports an open twice (open, then content change): the second brings nothing new.
    if (!opened && state.textDocument === textDocument && state.textDocument.version === state.scheduledVersion) return;
    state.textDocument = textDocument;
    state.scheduledVersion = textDocument.version;
    // The worker starts on the new text before this thread parses it: the two run side by side.
    this.evaluator?.noteVersion(state.uri, textDocument.version);
    this.requestEvaluation(state);
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
    clearTimeout(state.combineTimer);
    this.states.delete(uri);
    this.evaluator?.forget(uri);
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
   * The parse of the document's current version, parsing now if the scheduled check has not run yet.
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

  /** The figures of the evaluation of the current version if it has finished (never starts one). */
  currentEvaluation(uri: string): { figures: EvaluationFigures; version: number } | undefined {
    const state = this.states.get(uri);
    const evaluation = state?.evaluation;
    if (!state || !evaluation || evaluation.version !== state.textDocument.version) return undefined;
    return { figures: evaluation.live.figures, version: evaluation.version };
  }

  /** The figures of the most recent evaluation, possibly of an older version. */
  lastEvaluation(uri: string): EvaluationFigures | undefined {
    return this.states.get(uri)?.evaluation?.live.figures;
  }

  /** Waits until the evaluation of the current version has been stored (or cannot be). */
  async settledEvaluation(uri: string): Promise<void> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const state = this.states.get(uri);
      if (!state || state.evaluation?.version === state.textDocument.version || !state.evaluationSettled) return;
      await state.evaluationSettled;
    }
  }

  private ensureParsed(state: DocumentState): ArchDocument {
    const version = state.textDocument.version;
    if (state.parsed?.version === version) return state.parsed.doc;
    const doc = this.service.parse(state.textDocument.getText(), state.parsed?.doc);
    state.parsed = { version, doc };
    return doc;
  }

  /** Whether the document is evaluated while typing (setting, and the size limit on the last parse). */
  private evaluatesLive(state: DocumentState): boolean {
    if (!this.evaluator || !this.settings.evaluations || state.evaluationTooSlow) return false;
    const resources = state.parsed?.doc.resources.length;
    return resources === undefined || resources <= this.settings.maxResourcesForLiveEvaluation;
  }

  /** Sends the current version to the worker unless an evaluation is in flight (it will follow). */
  private requestEvaluation(state: DocumentState): void {
    if (!this.evaluator || !this.evaluatesLive(state)) return;
    if (state.evaluating !== undefined) {
      state.evaluationWanted = state.evaluating !== state.textDocument.version;
      return;
    }
    const version = state.textDocument.version;
    if (state.evaluation?.version === version) return;
    state.evaluating = version;
    state.evaluationWanted = false;
    const text = state.textDocument.getText();
    state.evaluationSettled = this.evaluator
      .live(state.uri, version, text, this.settings.liveMinimumSeverity)
      .then(
        (live) => {
          if (live) this.evaluationArrived(state, text, live);
        },
        (error: unknown) => {
          if (error instanceof EvaluationTimeoutError) {
            state.evaluationTooSlow = true;
            this.host.logWarning(error.message);
          } else {
            this.host.logError(`Evaluating ${state.uri} failed`, error);
          }
        },
      )
      .finally(() => {
        state.evaluating = undefined;
        if (this.states.get(state.uri) !== state) return;
        if (state.evaluationWanted || state.evaluation?.version !== state.textDocument.version) this.requestEvaluation(state);
      });
  }

  private evaluationArrived(state: DocumentState, text: string, live: LiveEvaluation): void {
    if (this.states.get(state.uri) !== state) return;
    state.lastEvaluationMs = live.workMs;
    // Kept even when the editor has moved on: its figures and findings still serve hover, inlay
    // hints and the carry-over until the next one lands.
    state.evaluation = { version: live.version, text, live };
    if (live.version !== state.textDocument.version) return;
    // The evaluation of the current version: publish it with the parse diagnostics of the same
    // version, parsing now if the scheduled check has not run yet (the user waits for both).
    let parseDiagnostics = state.parseDiagnostics?.version === live.version ? state.parseDiagnostics.diagnostics : undefined;
    if (!parseDiagnostics) {
      clearTimeout(state.validateTimer);
      state.checkPending = false;
      parseDiagnostics = this.checkNow(state);
      if (!parseDiagnostics) return;
    }
    clearTimeout(state.combineTimer);
    state.completeVersion = live.version;
    this.host.publishDiagnostics(state.uri, live.version, parseDiagnostics, live.diagnostics);
    this.host.evaluated(state.uri, live.version);
  }

  private schedule(state: DocumentState, delayMs: number): void {
    clearTimeout(state.validateTimer);
    // Every document gets its own timer task, so the event loop (and other requests) run between documents.
    state.checkPending = true;
    state.validateTimer = setTimeout(() => {
      state.checkPending = false;
      this.validate(state);
    }, delayMs);
  }

  /** Parses the current version and returns its diagnostics (remembered until published). */
  private checkNow(state: DocumentState): Diagnostic[] | undefined {
    const version = state.textDocument.version;
    if (state.parseDiagnostics?.version === version) return state.parseDiagnostics.diagnostics;
    const started = performance.now();
    try {
      const doc = this.ensureParsed(state);
      const diagnostics = this.service.diagnostics(doc, state.uri);
      state.parseDiagnostics = { version, diagnostics };
      return diagnostics;
    } catch (error) {
      this.host.logError(`Checking ${state.uri} failed`, error);
      return undefined;
    } finally {
      state.lastCheckMs = performance.now() - started;
    }
  }

  private validate(state: DocumentState): void {
    if (this.states.get(state.uri) !== state) return;
    const version = state.textDocument.version;
    if (state.completeVersion === version) return;
    const diagnostics = this.checkNow(state);
    if (!diagnostics) return;
    // A document that just crossed the live-evaluation size limit (either way) is now known from its parse.
    this.requestEvaluation(state);
    const evaluation = state.evaluation;
    if (evaluation?.version === version) {
      // The evaluation landed before the parse: both go out together now.
      state.completeVersion = version;
      this.host.publishDiagnostics(state.uri, version, diagnostics, evaluation.live.diagnostics);
      this.host.evaluated(state.uri, version);
      return;
    }
    const coming = this.evaluatesLive(state) && state.evaluating !== undefined;
    const quickEnough = state.lastEvaluationMs > 0 && state.lastEvaluationMs <= combineWaitMs * 2;
    clearTimeout(state.combineTimer);
    if (coming && quickEnough) {
      state.combineTimer = setTimeout(() => this.publishWithCarriedOver(state, version), combineWaitMs);
      return;
    }
    this.publishWithCarriedOver(state, version);
  }

  /** The parse diagnostics of `version` with the last evaluation's findings on the lines the edits left alone. */
  private publishWithCarriedOver(state: DocumentState, version: number): void {
    if (this.states.get(state.uri) !== state || state.textDocument.version !== version || state.completeVersion === version) return;
    const diagnostics = state.parseDiagnostics?.version === version ? state.parseDiagnostics.diagnostics : undefined;
    if (!diagnostics) return;
    const evaluation = state.evaluation;
    if (!evaluation || !this.evaluatesLive(state)) {
      this.host.publishDiagnostics(state.uri, version, diagnostics);
      return;
    }
    const text = state.textDocument.getText();
    evaluation.decoded ??= decodeDiagnostics(evaluation.live.diagnostics);
    this.host.publishDiagnostics(state.uri, version, [...diagnostics, ...carryOverDiagnostics(evaluation.text, text, evaluation.decoded)]);
  }
}
