/**
 * The whole-pipeline check that the robustness tests and the fuzz campaign share: one text goes
 * through parse (fresh and incremental), every language feature at the given positions, and the
 * evaluations with their editor views; every output is then walked for the invariants a hostile
 * file must never break. The check never throws: it returns the list of broken invariants, so a
 * property test can print them and the campaign can save them with the input.
 */
import type { CompletionItem, Diagnostic, Position, Range } from 'vscode-languageserver-types';
import type { ArchDocument } from '../../src/core/document';
import { parseArchitecture } from '../../src/core/parse';
import { evaluateAll } from '../../src/evaluate/index';
import type { EvaluationResult } from '../../src/evaluate/types';
import { createLanguageService, type LanguageService } from '../../src/language/language-service';
import { reportKinds } from '../../src/protocol/requests';

/** The URI every checked document is given (the pipeline never reads it). */
export const checkUri = 'file:///robustness/check.cloudarch.yaml';

export interface CheckOptions {
  /** Where the position-based features are asked; clamped positions and far-off ones are added. */
  readonly positions?: readonly Position[];
  /** The text before the edit that produced `text`: its parse is handed over as `previous`. */
  readonly previousText?: string;
  /** Run the evaluations and their views (default true). */
  readonly evaluate?: boolean;
  /** Monte Carlo samples of the availability evaluation (default 0: the exact figure only). */
  readonly monteCarloSamples?: number;
  /** The names a rename is tried with (default: one valid and one invalid name). */
  readonly renameTo?: readonly string[];
  /**
   * A run that uses more CPU time than this is a problem: the pipeline must stay interactive
   * (default 3000 ms). CPU time rather than wall time, so a busy machine does not fail the check.
   */
  readonly budgetMs?: number;
  /** How many quick fixes are applied and the result re-parsed (default 3). */
  readonly maxFixesApplied?: number;
}

export interface CheckReport {
  /** Each broken invariant, as a sentence naming the step and the offending path. */
  readonly problems: string[];
  readonly doc: ArchDocument | undefined;
  readonly evaluation: EvaluationResult | undefined;
  readonly elapsedMs: number;
  /** Milliseconds per kind of step, to find what makes a run slow. */
  readonly timings: Readonly<Record<string, number>>;
}

/** One language service for every check: it is stateless apart from its settings. */
let sharedService: LanguageService | undefined;
function service(): LanguageService {
  sharedService ??= createLanguageService({});
  return sharedService;
}

/** Runs `text` through the whole pipeline and reports every broken invariant. */
export function checkPipeline(text: string, options: CheckOptions = {}): CheckReport {
  const problems: string[] = [];
  const timings: Record<string, number> = {};
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let fixesApplied = 0;
  const prototypesBefore = prototypeSnapshot();
  const lines = lineLengths(text);
  /** Each output with the line lengths its positions must fit (undefined: positions not checked). */
  const outputs: [string, unknown, readonly number[] | null][] = [];
  const step = <T>(
    name: string,
    run: () => T,
    allowed?: (error: unknown) => boolean,
    linesOf: readonly number[] | null = lines,
  ): T | undefined => {
    const stepStarted = performance.now();
    try {
      const value = run();
      const kind = name.replace(/ (at|after|to) .*$/, '');
      timings[kind] = (timings[kind] ?? 0) + performance.now() - stepStarted;
      outputs.push([name, value, linesOf]);
      return value;
    } catch (error) {
      if (allowed?.(error)) return undefined;
      problems.push(`${name} threw: ${describeError(error)}`);
      return undefined;
    }
  };
  const language = service();

  const doc = step('parse', () => parseArchitecture(text));
  if (doc !== undefined) {
    if (doc.text !== text) problems.push('parse: the document does not keep the text it was parsed from');
    for (const diagnostic of doc.diagnostics) {
      if (typeof diagnostic.message !== 'string' || diagnostic.message.trim() === '')
        problems.push(`parse: a diagnostic without a message (${diagnostic.code})`);
    }
  }
  let previousDoc: ArchDocument | undefined;
  if (options.previousText !== undefined) {
    const previousText = options.previousText;
    previousDoc = step('parse of the previous text', () => parseArchitecture(previousText), undefined, lineLengths(previousText));
    const incremental = step('incremental parse', () => parseArchitecture(text, { previous: previousDoc }));
    if (doc !== undefined && incremental !== undefined) {
      const difference = documentDifference(doc, incremental);
      if (difference !== undefined) problems.push(`incremental parse differs from a fresh parse: ${difference}`);
    }
  }

  if (doc !== undefined) {
    const diagnostics = step('diagnostics', () => language.diagnostics(doc, checkUri)) ?? [];
    const symbols = step('document symbols', () => language.documentSymbols(doc)) ?? [];
    // LSP: a symbol's selection range lies inside its range (editors reject the outline otherwise).
    const pending = [...symbols];
    while (pending.length > 0) {
      const symbol = pending.pop()!;
      if (!rangeInside(symbol.selectionRange, symbol.range))
        problems.push(`document symbol ${JSON.stringify(symbol.name)}: its selection range is not inside its range`);
      pending.push(...(symbol.children ?? []));
    }
    step('folding ranges', () => language.foldingRanges(doc));
    const positions = [...(options.positions ?? []), { line: 0, character: 0 }, endPosition(lines), ...farPositions(lines)];
    for (const position of positions) {
      const at = `${position.line}:${position.character}`;
      // A position outside the document (a misbehaving client) must not crash anything; what the
      // answer's ranges are then is not judged.
      const inside = position.line < lines.length && position.character <= lines[position.line]!;
      const linesOf = inside ? lines : null;
      const completions = [
        step(`completion at ${at}`, () => language.completion(text, doc, position), undefined, linesOf),
        previousDoc === undefined
          ? undefined
          : step(`completion at ${at} over the previous parse`, () => language.completion(text, previousDoc, position), undefined, linesOf),
        step(`completion at ${at} without a parse`, () => language.completion(text, undefined, position), undefined, linesOf),
      ];
      if (inside) for (const list of completions) checkCompletionEdits(list?.items ?? [], position, at);
      step(`hover at ${at}`, () => language.hover(doc, position), undefined, linesOf);
      step(`definition at ${at}`, () => language.definition(doc, position), undefined, linesOf);
      step(`references at ${at}`, () => language.references(doc, position, true), undefined, linesOf);
      step(`prepare rename at ${at}`, () => language.prepareRename(doc, position), undefined, linesOf);
      // Renaming re-parses the whole file: once, at the first position, is enough per run.
      for (const newName of position === positions[0] ? (options.renameTo ?? ['renamed-resource', 'Not A Name']) : []) {
        const edits = step(
          `rename at ${at} to ${JSON.stringify(newName)}`,
          () => language.rename(doc, position, newName),
          (error) => error instanceof Error && error.name === 'RenameError',
          linesOf,
        );
        if (edits !== undefined && edits.length > 0) reparse(`the rename at ${at}`, edits);
      }
    }
    checkCodeActions('code actions', diagnostics);

    let evaluation: EvaluationResult | undefined;
    if (options.evaluate !== false) {
      evaluation = step('evaluateAll', () => evaluateAll(doc, { monteCarloSamples: options.monteCarloSamples ?? 0, seed: 7 }));
      if (evaluation !== undefined) {
        const result = evaluation;
        const findings = step('evaluation diagnostics', () => language.evaluationDiagnostics(result, checkUri)) ?? [];
        checkCodeActions('code actions of the evaluations', findings);
      }
    }
    // The server shows the last evaluation it has, which can be of an older version of the text.
    if (previousDoc !== undefined && options.evaluate !== false) {
      const stale = step('evaluateAll of the previous text', () => evaluateAll(previousDoc, { monteCarloSamples: 0 }), undefined, null);
      if (stale !== undefined) {
        step('code lenses from a stale evaluation', () => language.codeLenses(doc, stale, checkUri));
        step('inlay hints from a stale evaluation', () =>
          language.inlayHints(doc, stale, { start: { line: 0, character: 0 }, end: endPosition(lines) }),
        );
        step('summary from a stale evaluation', () => language.summary(checkUri, 2, doc, stale));
      }
    }
    step('code lenses', () => language.codeLenses(doc, evaluation, checkUri));
    step('inlay hints', () => language.inlayHints(doc, evaluation, { start: { line: 0, character: 0 }, end: endPosition(lines) }));
    for (const kind of reportKinds) step(`${kind} report`, () => language.report(kind, doc, evaluation));
    step('summary', () => language.summary(checkUri, 1, doc, evaluation));

    const echoesNonFinite = /nan|inf/i.test(text) || /nan|inf/i.test(options.previousText ?? '');
    for (const [name, value, linesOf] of outputs) {
      walk(value, name, linesOf, problems, { checkStrings: !echoesNonFinite });
    }
    if (problems.length > 40) problems.splice(40, problems.length - 40, '... more problems left out');
    const elapsedMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuStarted);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    if (cpuMs > (options.budgetMs ?? 3000))
      problems.push(`the pipeline used ${cpuMs.toFixed(0)} ms of CPU time (budget ${options.budgetMs ?? 3000} ms)`);
    problems.push(...prototypeChanges(prototypesBefore));
    return { problems, doc, evaluation, elapsedMs, timings };
  }
  problems.push(...prototypeChanges(prototypesBefore));
  return { problems, doc, evaluation: undefined, elapsedMs: performance.now() - started, timings };

  function checkCodeActions(name: string, diagnostics: readonly Diagnostic[]): void {
    const actions = step(name, () => language.codeActions(checkUri, diagnostics)) ?? [];
    for (const action of actions) {
      const edits = action.edit?.changes?.[checkUri] ?? [];
      if (edits.length === 0 || fixesApplied >= (options.maxFixesApplied ?? 3)) continue;
      fixesApplied++;
      // Applying a quick fix is ordinary typing: the result must parse like any other text, and
      // a fix of a validation problem must make that problem go away.
      const fixed = reparse(`"${action.title}"`, edits);
      const target = action.diagnostics?.[0];
      if (fixed !== undefined && target !== undefined && target.source === 'cloudarch') {
        const same = fixed.diagnostics.find(
          (diagnostic) =>
            diagnostic.code === target.code &&
            diagnostic.message === target.message &&
            diagnostic.range.start.line === target.range.start.line &&
            diagnostic.range.start.character === target.range.start.character,
        );
        if (same !== undefined)
          problems.push(
            `the quick fix "${action.title}" leaves its diagnostic in place: ${target.code} at ${target.range.start.line}:${target.range.start.character} "${target.message}"`,
          );
      }
    }
  }

  /** LSP: a completion item's edit covers one line, the caret's, and contains the caret. */
  function checkCompletionEdits(items: readonly CompletionItem[], position: Position, at: string): void {
    for (const item of items) {
      const edit = item.textEdit;
      if (edit === undefined) continue;
      const ranges = 'range' in edit ? [edit.range] : [edit.insert, edit.replace];
      for (const range of ranges) {
        const onCaretLine = range.start.line === position.line && range.end.line === position.line;
        if (!onCaretLine || range.start.character > position.character || range.end.character < position.character) {
          problems.push(
            `completion at ${at}: the edit of ${JSON.stringify(item.label)} (${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}) does not contain the caret on its line`,
          );
          return;
        }
      }
    }
  }

  /** Applies edits the pipeline produced and parses the result, fresh and over the old parse. */
  function reparse(
    what: string,
    edits: readonly { range: { start: Position; end: Position }; newText: string }[],
  ): ArchDocument | undefined {
    const edited = step(`applying ${what}`, () => applyEdits(text, edits), undefined, null);
    if (edited === undefined) return undefined;
    const editedLines = lineLengths(edited);
    const fresh = step(`parse after ${what}`, () => parseArchitecture(edited), undefined, editedLines);
    const incremental = step(`incremental parse after ${what}`, () => parseArchitecture(edited, { previous: doc }), undefined, editedLines);
    if (fresh !== undefined && incremental !== undefined) {
      const difference = documentDifference(fresh, incremental);
      if (difference !== undefined) problems.push(`after ${what}, the incremental parse differs from a fresh parse: ${difference}`);
    }
    return fresh;
  }
}

/** Positions a misbehaving client could send: past the last line, past a line's end, negative. */
function farPositions(lines: readonly number[]): Position[] {
  return [
    { line: lines.length + 3, character: 2 },
    { line: 0, character: 10_000 },
    { line: lines.length - 1, character: lines[lines.length - 1]! + 1 },
  ];
}

/** Applies LSP text edits to a text; overlapping edits are a problem of the producer. */
export function applyEdits(text: string, edits: readonly { range: { start: Position; end: Position }; newText: string }[]): string {
  const starts = lineStartOffsets(text);
  const offsetOf = (position: Position): number => {
    const lineStart = starts[position.line];
    if (lineStart === undefined) throw new Error(`edit position ${position.line}:${position.character} is past the last line`);
    return lineStart + position.character;
  };
  const sorted = edits
    .map((edit) => ({ start: offsetOf(edit.range.start), end: offsetOf(edit.range.end), newText: edit.newText }))
    .sort((left, right) => left.start - right.start || left.end - right.end);
  for (let index = 1; index < sorted.length; index++) {
    if (sorted[index]!.start < sorted[index - 1]!.end) throw new Error('two edits of one change overlap');
  }
  let result = text;
  for (const edit of sorted.reverse()) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

/** Offsets of line starts, with LSP line breaks (`\n`, `\r\n`, a lone `\r`). */
export function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) starts.push(index + 1);
    else if (code === 13) {
      if (text.charCodeAt(index + 1) === 10) index++;
      starts.push(index + 1);
    }
  }
  return starts;
}

/** The length of each line without its line break. */
export function lineLengths(text: string): number[] {
  const starts = lineStartOffsets(text);
  return starts.map((start, line) => {
    let end = line + 1 < starts.length ? starts[line + 1]! : text.length;
    if (end > start && text.charCodeAt(end - 1) === 10) end--;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    return end - start;
  });
}

/** The LSP position of a UTF-16 offset. */
export function positionAt(text: string, offset: number): Position {
  const starts = lineStartOffsets(text);
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= clamped) line++;
  return { line, character: clamped - starts[line]! };
}

function endPosition(lines: readonly number[]): Position {
  return { line: lines.length - 1, character: lines[lines.length - 1]! };
}

interface WalkOptions {
  /** Look for `NaN`/`Infinity` printed into strings (off when the input itself spells them). */
  readonly checkStrings: boolean;
}

/**
 * Walks an output for non-finite numbers, positions outside the document and inverted ranges.
 * Objects are visited once (outputs share the document's nodes), catalog entries are skipped.
 */
function walk(root: unknown, name: string, lines: readonly number[] | null, problems: string[], options: WalkOptions): void {
  const seen = new Set<object>();
  const stack: [unknown, string][] = [[root, name]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) problems.push(`${path} is ${value}`);
      continue;
    }
    if (typeof value === 'string') {
      if (options.checkStrings && /\bNaN\b|\bInfinity\b/.test(value))
        problems.push(`${path} prints a non-finite number: ${JSON.stringify(value.slice(0, 200))}`);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (seen.has(value)) continue;
    seen.add(value);
    if (value instanceof Map) {
      for (const [key, item] of value) stack.push([item, `${path}.get(${JSON.stringify(key)})`]);
      continue;
    }
    const record = value as Record<string, unknown>;
    if (lines !== null && isPosition(value)) checkPosition(value, path, lines, problems);
    if (isPosition(record['start']) && isPosition(record['end'])) {
      const start = record['start'] as Position;
      const end = record['end'] as Position;
      if (start.line > end.line || (start.line === end.line && start.character > end.character))
        problems.push(`${path} is an inverted range ${start.line}:${start.character}-${end.line}:${end.character}`);
    }
    for (const key of Object.keys(record)) {
      // Catalog entries are shared, static data; the catalog's own tests check them.
      if (key === 'typeDef') continue;
      stack.push([record[key], `${path}.${key}`]);
    }
  }
}

function rangeInside(inner: Range, outer: Range): boolean {
  const before = (left: Position, right: Position) =>
    left.line < right.line || (left.line === right.line && left.character < right.character);
  return !before(inner.start, outer.start) && !before(outer.end, inner.end);
}

function isPosition(value: unknown): value is Position {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Position).line === 'number' &&
    typeof (value as Position).character === 'number' &&
    Object.keys(value).length === 2
  );
}

function checkPosition(position: Position, path: string, lines: readonly number[], problems: string[]): void {
  const { line, character } = position;
  if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0) {
    problems.push(`${path} is not a valid position: ${line}:${character}`);
    return;
  }
  if (line >= lines.length) problems.push(`${path} is past the last line: ${line}:${character} (the document has ${lines.length} lines)`);
  else if (character > lines[line]!)
    problems.push(`${path} is past the end of line ${line}: ${line}:${character} (the line has ${lines[line]} characters)`);
}

/** The first difference between two parses of the same text, or undefined when they agree. */
export function documentDifference(fresh: ArchDocument, incremental: ArchDocument): string | undefined {
  const parts: [string, (doc: ArchDocument) => unknown][] = [
    ['diagnostics', (doc) => doc.diagnostics],
    ['resources', (doc) => doc.resources],
    ['resource names', (doc) => [...doc.resourceByName.keys()]],
    ['references', (doc) => doc.references],
    ['root', (doc) => doc.root],
    [
      'top level',
      (doc) => [doc.formatVersion, doc.name, doc.description, doc.region, doc.zones, doc.workload, doc.assumptions, doc.targets],
    ],
  ];
  for (const [part, read] of parts) {
    const left = stableJson(read(fresh));
    const right = stableJson(read(incremental));
    if (left !== right) return `${part}: fresh ${firstDifference(left, right)}`;
  }
  return undefined;
}

/** JSON with catalog entries reduced to their id and non-finite numbers spelled out. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (key, item: unknown) => {
    if (key === 'typeDef') return (item as { id?: string } | undefined)?.id;
    if (typeof item === 'number' && !Number.isFinite(item)) return String(item);
    if (Object.is(item, -0)) return '-0';
    return item;
  });
}

function firstDifference(left: string, right: string): string {
  let index = 0;
  while (index < left.length && left[index] === right[index]) index++;
  const from = Math.max(0, index - 80);
  return `…${left.slice(from, index + 80)}… vs incremental …${right.slice(from, index + 80)}…`;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return (error.stack ?? `${error.name}: ${error.message}`).split('\n').slice(0, 8).join('\n');
  return String(error);
}

type PrototypeSnapshot = Map<string, string[]>;

const watchedPrototypes: [string, object][] = [
  ['Object', Object],
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Map.prototype', Map.prototype],
];

function prototypeSnapshot(): PrototypeSnapshot {
  return new Map(watchedPrototypes.map(([name, prototype]) => [name, Reflect.ownKeys(prototype).map(String).sort()]));
}

/** Properties added to or removed from the built-in prototypes since the snapshot. */
function prototypeChanges(before: PrototypeSnapshot): string[] {
  const problems: string[] = [];
  const after = prototypeSnapshot();
  for (const [name, keys] of after) {
    const old = new Set(before.get(name));
    const added = keys.filter((key) => !old.has(key));
    if (added.length > 0) problems.push(`${name} gained ${added.join(', ')} (pollution of a built-in)`);
  }
  if (({} as Record<string, unknown>)['polluted'] !== undefined) problems.push('({}).polluted is defined (prototype pollution)');
  return problems;
}
