/**
 * The CloudArch language service: every language feature over a text and its last parse, as one
 * factory with injected I/O (house style). The language server, the CLI and the tests all create it;
 * only the server adds a connection around it.
 */
import type {
  CodeAction,
  CodeLens,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Position,
  Range,
  TextEdit,
} from 'vscode-languageserver-types';
import type { ArchDiagnostic, ArchDocument, FixPayload } from '../core/document';
import { renameResourceEdits } from '../core/edits';
import { parseArchitecture } from '../core/parse';
import type { EvaluateOptions } from '../evaluate/index';
import { figuresOf, type EvaluationFigures } from '../evaluate/figures';
import type { EvaluationResult } from '../evaluate/types';
import { allDbInstanceClasses } from '../model/db-instance-classes';
import { allInstanceTypes } from '../model/instance-types';
import { maxResourcesForLiveEvaluation } from '../model/limits';
import type { ReportKind, SummaryResult } from '../protocol/requests';
import { codeActions, costSavingActions, effectPreview, type EffectFigures } from './code-actions';
import { complete, type CatalogTables } from './completion';
import { fixesOfKeptFindings, toLspDiagnostic, type LspDiagnosticOptions } from './diagnostics';
import { codeLenses, inlayHints, report, summary } from './evaluation-views';
import { hover } from './hover';
import { definition, prepareRename, references, rename } from './navigation';
import { documentSymbols, foldingRanges } from './symbols';
import { applyTextEdits } from './text-utils';

/** The knobs of the language service; the server fills them from the client's settings. */
export interface LanguageSettings {
  /** Run the availability, cost and security evaluations (CodeLens, inlay hints, findings). */
  readonly evaluations: boolean;
  /** Files with more resources than this are parsed and checked, but not evaluated while typing. */
  readonly maxResourcesForLiveEvaluation: number;
}

export const defaultLanguageSettings: LanguageSettings = {
  evaluations: true,
  maxResourcesForLiveEvaluation,
};

export interface LanguageServiceOptions {
  /**
   * Runs the evaluations (`evaluateAll`: see engine.ts). Injected because they are heavy: the
   * server's thread never loads them (its evaluations run in the worker); tests pass a fake. Without
   * it, no evaluation views are produced.
   */
  readonly evaluate?: (doc: ArchDocument, options: EvaluateOptions) => EvaluationResult;
  /**
   * The figures of the document at `uri` with its text replaced by `text` (a fix preview). The server
   * passes it so a preview is parsed and evaluated in the worker only; `evaluate` is used otherwise.
   */
  readonly previewFigures?: (uri: string, text: string) => Promise<EvaluationFigures | undefined>;
  /** The catalog tables completion and hover list (instance types, DB classes). */
  readonly tables?: Partial<CatalogTables>;
  /** Rename edits; the core's renameResourceEdits by default. */
  readonly renameEdits?: (doc: ArchDocument, oldName: string, newName: string) => readonly TextEdit[];
  readonly settings?: Partial<LanguageSettings>;
}

export interface LanguageService {
  readonly settings: LanguageSettings;
  /** Parses a text, reusing the unchanged resources of the previous parse of the same document (by object identity) */
  parse(text: string, previous?: ArchDocument): ArchDocument;
  diagnostics(doc: ArchDocument, uri: string): Diagnostic[];
  /** One diagnostic as LSP (`keepFixes`: live findings leave their fixes with the evaluation). */
  lspDiagnostic(diagnostic: ArchDiagnostic, uri: string, options?: LspDiagnosticOptions): Diagnostic;
  /** Whether the evaluations run for this document while typing (size limit, setting, injected engine). */
  shouldEvaluate(doc: ArchDocument): boolean;
  /**
   * Evaluates `doc` (undefined without an evaluation engine). `previous`, the result of the same
   * document's previous version, lets the work of unchanged resources be reused; while typing,
   * `monteCarloSamples: 0` skips the cross-check.
   */
  evaluate(doc: ArchDocument, options?: EvaluateOptions): EvaluationResult | undefined;
  /** The figures the views read, cut from a full result. */
  figures(result: EvaluationResult): EvaluationFigures;
  evaluationDiagnostics(result: EvaluationResult, uri: string): Diagnostic[];
  /** The fixes `result` keeps for the live findings the client sent back (see `keptFixes` in diagnostics.ts). */
  keptFixes(result: EvaluationResult, diagnostics: readonly Diagnostic[]): (readonly FixPayload[])[];
  /** `doc` may be the parse of an older version of `text`; completion reads the text around the caret. */
  completion(text: string, doc: ArchDocument | undefined, position: Position): CompletionList;
  /** `result`: the last evaluation, whose figures a reference's summary shows. */
  hover(doc: ArchDocument, position: Position, result?: EvaluationFigures): Hover | null;
  codeActions(uri: string, diagnostics: readonly Diagnostic[], only?: readonly string[]): CodeAction[];
  /** The cost evaluation's savings for the resources in `range` (`result` must be of `doc`'s text). */
  costSavingActions(
    uri: string,
    doc: ArchDocument,
    result: EvaluationResult | undefined,
    range: Range,
    only?: readonly string[],
  ): CodeAction[];
  /**
   * Appends to each security fix's title what applying it does to cost and availability (the fixed
   * text is parsed and evaluated). `baseline` is the evaluation of `doc`; at most `limit` previews.
   */
  previewSecurityFixes(
    actions: CodeAction[],
    uri: string,
    doc: ArchDocument,
    baseline: EvaluationFigures,
    options?: { limit?: number; isCancelled?: () => boolean },
  ): Promise<CodeAction[]>;
  documentSymbols(doc: ArchDocument): DocumentSymbol[];
  foldingRanges(doc: ArchDocument): FoldingRange[];
  definition(doc: ArchDocument, position: Position): { origin: Range; target: Range; targetSelection: Range } | undefined;
  references(doc: ArchDocument, position: Position, includeDeclaration: boolean): Range[];
  prepareRename(doc: ArchDocument, position: Position): { range: Range; placeholder: string } | undefined;
  /** Throws RenameError with a message for the user when the rename is not possible. */
  rename(doc: ArchDocument, position: Position, newName: string): TextEdit[];
  codeLenses(doc: ArchDocument, result: EvaluationFigures | undefined, uri: string): CodeLens[];
  inlayHints(doc: ArchDocument, result: EvaluationFigures | undefined, range: Range): InlayHint[];
  report(kind: ReportKind, doc: ArchDocument, result: EvaluationResult | undefined): { title: string; markdown: string; html: string };
  /** `doc` may be just the number of error diagnostics, when the caller knows it without parsing. */
  summary(
    uri: string,
    version: number,
    doc: ArchDocument | { readonly errorCount: number },
    result: EvaluationFigures | undefined,
  ): SummaryResult;
}

/** Creates the language service. */
export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const settings: LanguageSettings = { ...defaultLanguageSettings, ...options.settings };
  const tables: CatalogTables = {
    instanceTypes: options.tables?.instanceTypes ?? allInstanceTypes,
    dbInstanceClasses: options.tables?.dbInstanceClasses ?? allDbInstanceClasses,
  };
  const renameEdits = options.renameEdits ?? renameResourceEdits;
  const evaluate = options.evaluate;
  return {
    settings,
    parse: (text, previous) => parseArchitecture(text, { previous }),
    diagnostics: (doc, uri) => doc.diagnostics.map((diagnostic) => toLspDiagnostic(diagnostic, uri)),
    lspDiagnostic: toLspDiagnostic,
    shouldEvaluate: (doc) =>
      settings.evaluations && evaluate !== undefined && doc.resources.length <= settings.maxResourcesForLiveEvaluation,
    evaluate: (doc, evaluateOptions = {}) => evaluate?.(doc, evaluateOptions),
    figures: figuresOf,
    evaluationDiagnostics: (result, uri) => result.diagnostics.map((diagnostic) => toLspDiagnostic(diagnostic, uri)),
    keptFixes: fixesOfKeptFindings,
    completion: (text, doc, position) => complete(text, doc, position, tables),
    hover: (doc, position, result) => hover(doc, position, tables, result),
    codeActions,
    costSavingActions,
    previewSecurityFixes: async (actions, uri, doc, baseline, previewOptions = {}) => {
      const previewFigures =
        options.previewFigures ??
        (evaluate
          ? (_uri: string, text: string) => Promise.resolve(evaluate(parseArchitecture(text, { previous: doc }), { monteCarloSamples: 0 }))
          : undefined);
      if (!previewFigures) return actions;
      const figures = (result: EvaluationFigures): EffectFigures => ({
        monthlyUSD: result.cost?.monthlyUSD,
        availabilityPercent: result.availability?.percent,
      });
      let budget = previewOptions.limit ?? 5;
      const previewed: CodeAction[] = [];
      for (const action of actions) {
        const edits = action.edit?.changes?.[uri];
        const isSecurity = action.diagnostics?.some((diagnostic) => diagnostic.source === 'cloudarch.security');
        if (!isSecurity || !edits || budget <= 0 || previewOptions.isCancelled?.()) {
          previewed.push(action);
          continue;
        }
        budget--;
        const after = await previewFigures(uri, applyTextEdits(doc.text, edits));
        const preview = after ? effectPreview(figures(baseline), figures(after)) : undefined;
        previewed.push(preview ? { ...action, title: `${action.title} — ${preview}` } : action);
      }
      return previewed;
    },
    documentSymbols,
    foldingRanges,
    definition,
    references,
    prepareRename,
    rename: (doc, position, newName) => rename(doc, position, newName, renameEdits),
    codeLenses,
    inlayHints,
    report,
    summary,
  };
}
