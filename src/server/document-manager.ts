/**
 * The open documents and their analysis: the last parse (handed to the next parse as `previous`
 * so only edited resources are re-read), the last live evaluation, and the scheduling of both.
 *
 * Scheduling, per document:
 * - Every change is sent to the evaluation worker at once, unless an evaluation of the document is
 *   already running: then the newest version is sent when it finishes (a burst of typing coalesces
 *   into one evaluation per round trip, and never waits on a fixed delay).
 * - The worker parses the text too (incrementally), so its answer carries the document's own
 *   diagnostics as well as the findings: the server publishes both in ONE publication, without
 *   parsing on its own thread, and the editor never sees the findings vanish and come back.
 * - Only if the worker is late (it is busy with an older version, or the file is slow to evaluate)
 *   does the server parse on its own thread after a grace period that follows the worker's recent
 *   round trips, and publish the parse diagnostics with the previous findings carried over to the
 *   lines the edit did not touch; the complete publication follows. Documents that are not
 *   evaluated live are parsed here at once when the check is cheap, else after the debounce.
 *
 * Stale work is dropped by version: a result is published only if its document is still open and
 * still at the version the work started from. Closing a document cancels its timers and clears its
 * diagnostics; work already running for it finds the document gone and publishes nothing.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ArchDocument } from '../core/document';
import type { EvaluationFigures } from '../evaluate/figures';
import { carryOverDiagnostics, carryOverEncoded } from './carry-over';
import type { LanguageService } from '../language/language-service';
import type { EncodedDiagnostics } from './diagnostics-encoder';
import { EvaluationTimeoutError, type Evaluator } from './evaluation-loader';
import type { LiveEvaluation } from './evaluation-requests';
import { decodeDiagnostics } from './raw-json';
import type { ServerSettings } from './settings';

/** What the manager needs from the connection: publishing and logging. */
export interface DocumentManagerHost {
  /**
   * Publishes the complete diagnostics of a version: `diagnostics` as objects, followed by lists
   * already encoded as JSON by the worker (the host may splice the JSON in as it is).
   */
  publishDiagnostics(uri: string, version: number | undefined, diagnostics: Diagnostic[], ...encoded: EncodedDiagnostics[]): void;
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
  /** When the evaluation in flight was requested (ms, performance clock). */
  evaluationRequestedAt: number;
  /** How long the last evaluation took from request to answer (ms), to size the grace period. */
  lastRoundTripMs: number;
  /** When the last change arrived (ms, performance clock), to tell a lone edit from a burst of typing. */
  lastChangeAt: number;
  /**
   * How long the last three checks took (ms), newest last: a document whose fastest recent check is
   * cheap is checked on every keystroke. The fastest, so that one check slowed by a garbage
   * collection does not make the next keystroke wait for the debounce.
   */
  recentCheckMs: number[];
  /** Whether a check is scheduled and has not run yet. */
  checkPending: boolean;
  /** When the scheduled check is due (ms, performance clock). */
  checkDueAt: number;
  /** The version the last scheduled check was asked for. */
  scheduledVersion?: number;
}

/**
 * A check faster than this (ms) runs as soon as a keystroke arrives instead of waiting for the
 * debounce. Checks are incremental, so this covers files of ten thousand resources (about 40 ms a
 * keystroke): the user sees each edit's diagnostics at once, and a request that arrives during a
 * check waits for one check at most, because keystrokes that arrive while a check is due are
 * folded into it (see `schedule`).
 */
const cheapCheckMs = 100;

/**
 * How long (ms) the server waits for the worker's complete answer before it parses on its own thread
 * and publishes the parse diagnostics alone: twice the recent round trip, within these bounds.
 */
const minimumGraceMs = 100;

/** Texts longer than this (characters, about 2,000 generated resources) are parsed before the first evaluation is asked for. */
const largeTextLength = 400_000;
const maximumGraceMs = 300;

export class DocumentManager {
  private readonly states = new Map<string, DocumentState>();

  constructor(
    private readonly service: LanguageService,
    private readonly evaluator: Evaluator | undefined,
    private readonly host: DocumentManagerHost,
    private settings: ServerSettings,
  ) {}

  updateSettings(settings: ServerSettings): void {
    const severityChanged =
      settings.liveMinimumSeverity !== this.settings.liveMinimumSeverity || settings.evaluations !== this.settings.evaluations;
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
      state = {
        uri: textDocument.uri,
        textDocument,
        lastChangeAt: 0,
        recentCheckMs: [],
        evaluationRequestedAt: 0,
        lastRoundTripMs: 0,
        checkPending: false,
        checkDueAt: 0,
        evaluationWanted: false,
      };
      this.states.set(textDocument.uri, state);
    }
    // TextDocuments reports an open twice (open, then content change): the second brings nothing new.
    if (!opened && state.textDocument === textDocument && state.textDocument.version === state.scheduledVersion) return;
    state.textDocument = textDocument;
    state.scheduledVersion = textDocument.version;
    // The worker starts on the new text before this thread parses it: the two run side by side. A
    // large file opened for the first time waits for its parse, which tells whether it is small
    // enough to be evaluated while typing.
    this.evaluator?.noteVersion(state.uri, textDocument.version);
    if (state.parsed || textDocument.getText().length < largeTextLength) this.requestEvaluation(state);
    // A change after a quiet spell is checked at once, and so is every change to a document whose
    // recent incremental checks were cheap: feedback is then as fast as the parse, and keystrokes
    // that arrive while a check is due fold into it. Otherwise the keystrokes of a burst wait for
    // the debounce, which coalesces them.
    const now = performance.now();
    const quiet = now - state.lastChangeAt > this.settings.debounceMs;
    const cheap = state.recentCheckMs.length === 0 || Math.min(...state.recentCheckMs) < cheapCheckMs;
    state.lastChangeAt = now;
    if (!opened && this.evaluatesLive(state) && state.evaluating === textDocument.version) {
      // The worker is on this very version and its answer brings the parse diagnostics too: parse
      // here only if it is late. (When it is still busy with an older version, this version's
      // answer is a whole evaluation away: the parse diagnostics go out first, as below.)
      const grace = Math.min(maximumGraceMs, Math.max(minimumGraceMs, 2 * state.lastRoundTripMs));
      this.schedule(state, Math.max(grace, cheap || quiet ? 0 : this.settings.debounceMs));
      return;
    }
    this.schedule(state, opened || quiet || cheap ? 0 : this.settings.debounceMs, { keepSooner: true });
  }

  /** A document was closed: stop its work and clear what was published for it. */
  closed(uri: string): void {
    const state = this.states.get(uri);
    if (!state) return;
    clearTimeout(state.validateTimer);
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

  /** The number of error diagnostics of the current version, if known without parsing here. */
  currentErrorCount(uri: string): number | undefined {
    const state = this.states.get(uri);
    const evaluation = state?.evaluation;
    return state && evaluation?.version === state.textDocument.version ? evaluation.live.errors : undefined;
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
    state.evaluationRequestedAt = performance.now();
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
    state.lastRoundTripMs = performance.now() - state.evaluationRequestedAt;
    // Kept even when the editor has moved on: its figures and findings still serve hover, inlay
    // hints and the carry-over until the next one lands.
    state.evaluation = { version: live.version, text, live };
    if (live.version !== state.textDocument.version) return;
    // The evaluation of the current version, with the worker's parse diagnostics of the same text:
    // the complete picture in one publication. A check scheduled on this thread is not needed.
    clearTimeout(state.validateTimer);
    state.checkPending = false;
    state.completeVersion = live.version;
    this.host.publishDiagnostics(state.uri, live.version, [], live.parseDiagnostics, live.diagnostics);
    this.host.evaluated(state.uri, live.version);
  }

  /**
   * Schedules a check of the document's newest version in `delayMs`. With `keepSooner`, a check that
   * is already due sooner is left as it is: it reads the newest text when it runs, so the keystrokes
   * of a burst fold into it instead of postponing it (the first key is answered without waiting, and
   * the event loop serves requests between two checks).
   */
  private schedule(state: DocumentState, delayMs: number, options: { keepSooner?: boolean } = {}): void {
    const dueAt = performance.now() + delayMs;
    if (options.keepSooner && state.checkPending && state.checkDueAt <= dueAt) return;
    clearTimeout(state.validateTimer);
    // Every document gets its own timer task, so the event loop (and other requests) run between documents.
    state.checkPending = true;
    state.checkDueAt = dueAt;
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
    // The first parse reads the whole file; only the incremental checks that follow tell what a keystroke costs.
    const incremental = state.parsed !== undefined;
    try {
      const doc = this.ensureParsed(state);
      const diagnostics = this.service.diagnostics(doc, state.uri);
      state.parseDiagnostics = { version, diagnostics };
      return diagnostics;
    } catch (error) {
      this.host.logError(`Checking ${state.uri} failed`, error);
      return undefined;
    } finally {
      if (incremental) state.recentCheckMs.push(performance.now() - started);
      if (state.recentCheckMs.length > 3) state.recentCheckMs.shift();
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
    // Typing within a line keeps the findings' JSON as it is, minus those on the edited lines.
    const kept = carryOverEncoded(evaluation.text, text, evaluation.live.diagnostics);
    if (kept) {
      this.host.publishDiagnostics(state.uri, version, diagnostics, kept);
      return;
    }
    evaluation.decoded ??= decodeDiagnostics(evaluation.live.diagnostics);
    this.host.publishDiagnostics(state.uri, version, [...diagnostics, ...carryOverDiagnostics(evaluation.text, text, evaluation.decoded)]);
  }
}
