/**
 * Where the caret is in the YAML structure, read from the text around it by indentation.
 *
 * Completion runs on text that is being typed and is usually not valid YAML (`instanceType: ` with
 * nothing after it, a half-typed key, an empty line inside a map). A parser recovers from such text
 * in ways that differ from what the user means; the indentation of the lines above the caret is what
 * the user means. This module reads it directly, so it never depends on the last parse.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import { splitLines } from './text-utils';

/** One step of a path: a map key, or `-1` for "an item of a sequence". */
export type PathStep = string | -1;

export interface CursorContext {
  /** The keys from the top of the file down to the map or sequence the caret is in. */
  readonly path: readonly PathStep[];
  /**
   * `key`: the caret is where a key of the map at `path` is written.
   * `value`: the caret is in the value of `key` (`path` does not include `key`).
   * `item`: the caret is in a scalar item of the sequence at `path` (its last step is `-1`).
   */
  readonly kind: 'key' | 'value' | 'item';
  /** For `value`: the key whose value is being written. */
  readonly key?: string;
  /** The partial word before the caret. */
  readonly prefix: string;
  /** The text a proposal replaces: the partial word, extended to the end of the word after the caret. */
  readonly replaceRange: Range;
  /** Keys already written in the map at `path` (other than the one being typed), with their values as written. */
  readonly siblings: ReadonlyMap<string, string>;
  /** The column at which keys of the map at `path` start (for indenting multi-line insertions). */
  readonly keyColumn: number;
  /** Whether the value is being written inside a flow collection on the caret's line (`[a, b|`, `{ a: |`). */
  readonly inFlow: boolean;
  /** Whether a space must be inserted before a value (the caret is right after `key:`). */
  readonly needsLeadingSpace: boolean;
}

interface LineShape {
  /** Column of the first character that is not a space. */
  readonly indent: number;
  /** Column where the content after any `- ` markers begins. */
  readonly contentColumn: number;
  /** Whether the line starts a sequence item. */
  readonly dash: boolean;
  /** The key when the content is `key:` or `key: value`. */
  readonly key?: string;
  /** The value text after `key:`, trimmed, without a trailing comment. */
  readonly value?: string;
  /** Blank or comment only. */
  readonly empty: boolean;
}

const keyPattern = /^("[^"]*"|'[^']*'|[^\s#'"{}[\],][^#]*?)\s*:(?:\s+|$)/;

function stripComment(text: string): string {
  // A `#` starts a comment only at the start or after whitespace (YAML 1.2); quotes are rare enough
  // in this format's values that a simple scan is right for completion purposes.
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '#' && (index === 0 || /\s/.test(text[index - 1]!))) {
      return text.slice(0, index);
    }
  }
  return text;
}

function unquote(key: string): string {
  return /^(["']).*\1$/.test(key) ? key.slice(1, -1) : key;
}

function shapeOf(line: string): LineShape {
  const indent = line.length - line.trimStart().length;
  let rest = stripComment(line.slice(indent));
  let contentColumn = indent;
  let dash = false;
  // `- - x` nests sequences; the format never needs it, but reading every marker keeps columns right.
  while (/^-(\s+|$)/.test(rest)) {
    const marker = /^-\s*/.exec(rest)![0];
    contentColumn += marker.length;
    rest = rest.slice(marker.length);
    dash = true;
  }
  const trimmed = rest.trimEnd();
  if (trimmed === '' && !dash) return { indent, contentColumn, dash, empty: true };
  if (trimmed.startsWith('---') || trimmed.startsWith('...')) return { indent, contentColumn, dash, empty: true };
  const match = keyPattern.exec(trimmed + (trimmed.endsWith(':') ? '' : ''));
  if (match && !trimmed.startsWith('{') && !trimmed.startsWith('[')) {
    return { indent, contentColumn, dash, key: unquote(match[1]!.trim()), value: trimmed.slice(match[0].length).trim(), empty: false };
  }
  return { indent, contentColumn, dash, empty: false };
}

/** Whether the line starts with at least `count` spaces (its indentation is at least `count`). */
function indentedAtLeast(line: string, count: number): boolean {
  if (line.length <= count) return false;
  for (let index = 0; index < count; index++) if (line.charCodeAt(index) !== 32) return false;
  return true;
}

/** The keys (with values) of the block map whose keys start at `column`, around `lineIndex`. */
function collectSiblings(lines: readonly string[], lineIndex: number, column: number): Map<string, string> {
  const siblings = new Map<string, string>();
  const visit = (index: number): 'continue' | 'stop' => {
    const shape = shapeOf(lines[index]!);
    if (shape.empty) return 'continue';
    if (shape.contentColumn === column && shape.key !== undefined) {
      siblings.set(shape.key, shape.value ?? '');
      // A `- key:` line opens the item map: nothing above it belongs to the same map.
      return shape.dash && shape.indent < column ? 'stop' : 'continue';
    }
    if (shape.indent < column) return 'stop';
    return 'continue';
  };
  for (let index = lineIndex - 1; index >= 0; index--) {
    const shape = shapeOf(lines[index]!);
    if (visit(index) === 'stop') break;
    if (shape.dash && shape.indent < column) break;
  }
  for (let index = lineIndex + 1; index < lines.length; index++) {
    const shape = shapeOf(lines[index]!);
    if (shape.empty) continue;
    if (shape.indent < column) break;
    if (shape.contentColumn === column && shape.key !== undefined && !(shape.dash && shape.indent < column))
      siblings.set(shape.key, shape.value ?? '');
    else if (shape.dash && shape.indent <= column && shape.contentColumn === column) break;
  }
  return siblings;
}

/**
 * The path of the container whose content starts at `column`, found by walking up from `lineIndex`:
 * each less-indented `key:` line is a parent map entry, each less-indented `- ` an item marker.
 * `inItem`: the container is a sequence whose dashes sit at `column` (its key may share that column).
 */
function parentPath(lines: readonly string[], lineIndex: number, column: number, inItem: boolean): PathStep[] {
  const path: PathStep[] = [];
  let threshold = column;
  let afterItem = inItem;
  for (let index = lineIndex - 1; index >= 0; index--) {
    // Lines nested deeper than the threshold are skipped below anyway; telling them by their leading
    // spaces alone keeps the walk up a 10,000-resource file to `resources:` cheap.
    if (indentedAtLeast(lines[index]!, afterItem ? threshold + 1 : threshold)) continue;
    const shape = shapeOf(lines[index]!);
    if (shape.empty) continue;
    const opensBlock = shape.key !== undefined && shape.value === '';
    if (afterItem && !shape.dash && shape.indent === threshold && opensBlock) {
      // `key:` followed by `- item` lines at the same column.
      path.unshift(shape.key!);
      afterItem = false;
      continue;
    }
    if (shape.indent >= threshold) continue; // A sibling, or something nested in a sibling.
    if (shape.dash) {
      if (shape.contentColumn === threshold) {
        path.unshift(-1); // The caret's map is this item's map.
      } else if (shape.contentColumn < threshold && opensBlock) {
        path.unshift(-1, shape.key!); // Nested under `- key:`.
      } else {
        break; // Indentation that does not nest: give up rather than guess.
      }
      threshold = shape.indent;
      afterItem = true;
      continue;
    }
    if (!opensBlock) break;
    path.unshift(shape.key!);
    threshold = shape.indent;
    afterItem = false;
    if (threshold === 0) break;
  }
  return path;
}

const wordBefore = /[A-Za-z0-9_.\-/*]*$/;
const wordAfter = /^[A-Za-z0-9_.\-/*]*/;

/** Reads the structure around the caret. Returns undefined inside comments and multi-line scalars it cannot place. */
export function cursorContext(text: string, position: Position, lines: readonly string[] = splitLines(text)): CursorContext | undefined {
  const line = lines[position.line];
  if (line === undefined) return undefined;
  const before = line.slice(0, position.character);
  if (stripComment(before) !== before) return undefined;
  const after = line.slice(position.character);

  const indent = before.length - before.trimStart().length;
  let rest = before.slice(indent);
  let contentColumn = indent;
  let dash = false;
  while (/^-(\s+)/.test(rest)) {
    const marker = /^-\s*/.exec(rest)![0];
    contentColumn += marker.length;
    rest = rest.slice(marker.length);
    dash = true;
  }
  // On a blank line, the caret's column says which map the user means.
  const blank = line.trim() === '';
  if (blank) contentColumn = position.character;

  const path: PathStep[] = dash
    ? [...parentPath(lines, position.line, indent, true), -1 as const]
    : parentPath(lines, position.line, contentColumn, false);
  const siblingColumn = contentColumn;

  const prefixOf = (segment: string, pattern = wordBefore): string => pattern.exec(segment)![0];
  const rangeFor = (prefix: string): Range => ({
    start: { line: position.line, character: position.character - prefix.length },
    end: { line: position.line, character: position.character + wordAfter.exec(after)![0].length },
  });

  const keyMatch = /^("[^"]*"|'[^']*'|[^\s#'"{}[\],][^:#]*?)\s*:(\s*)(.*)$/.exec(rest);
  if (keyMatch) {
    const key = unquote(keyMatch[1]!.trim());
    const valueText = keyMatch[3]!;
    const siblings = collectSiblings(lines, position.line, siblingColumn);
    siblings.delete(key);
    const flow = flowContext(valueText);
    if (flow) return flowCursor(flow, [...path, key], position, after, siblingColumn);
    const prefix = prefixOf(valueText);
    return {
      path,
      kind: 'value',
      key,
      prefix,
      replaceRange: rangeFor(prefix),
      siblings,
      keyColumn: siblingColumn,
      inFlow: false,
      needsLeadingSpace: keyMatch[2] === '' && valueText === '',
    };
  }

  if (dash && /^[[{]/.test(rest)) {
    const flow = flowContext(rest);
    if (flow) return flowCursor(flow, path.slice(0, -1), position, after, siblingColumn, true);
  }
  const prefix = prefixOf(rest);
  if (prefix !== rest.trimEnd() && rest.trim() !== '') return undefined; // Something that is neither a key nor a scalar.
  const siblings = collectSiblings(lines, position.line, siblingColumn);
  return {
    path,
    // `- partial`: a scalar item, or the first key of an item map; the caller decides from the shape.
    kind: dash ? 'item' : 'key',
    prefix,
    replaceRange: rangeFor(prefix),
    siblings,
    keyColumn: siblingColumn,
    inFlow: false,
    needsLeadingSpace: false,
  };
}

/** The cursor inside a flow collection that belongs to `ownerPath` (the key or item holding it). */
function flowCursor(
  flow: FlowContext,
  ownerPath: readonly PathStep[],
  position: Position,
  after: string,
  keyColumn: number,
  ownerIsItem = false,
): CursorContext {
  const owner: PathStep[] = ownerIsItem ? [...ownerPath, -1] : [...ownerPath];
  const rangeFor = (prefix: string): Range => ({
    start: { line: position.line, character: position.character - prefix.length },
    end: { line: position.line, character: position.character + wordAfter.exec(after)![0].length },
  });
  const none = new Map<string, string>();
  if (flow.kind === 'seq') {
    const prefix = /[A-Za-z0-9_.\-/*:]*$/.exec(flow.segment)![0];
    return {
      path: [...owner, -1],
      kind: 'item',
      prefix,
      replaceRange: rangeFor(prefix),
      siblings: none,
      keyColumn,
      inFlow: true,
      needsLeadingSpace: false,
    };
  }
  // Inside `{ ... }`: either a key of the flow map or the value of one of its keys.
  const siblings = new Map<string, string>();
  for (const entry of flow.entries) {
    const pair = /^\s*([A-Za-z0-9_-]+)\s*:\s*(.*?)\s*$/.exec(entry);
    if (pair) siblings.set(pair[1]!, pair[2]!);
  }
  const mapPath: PathStep[] = [...owner, ...(flow.inSeq ? [-1 as const] : [])];
  const inner = /^\s*([A-Za-z0-9_-]+)\s*:\s*(.*)$/.exec(flow.segment);
  const prefix = wordBefore.exec(inner ? inner[2]! : flow.segment)![0];
  return {
    path: mapPath,
    ...(inner ? { kind: 'value' as const, key: inner[1]! } : { kind: 'key' as const }),
    prefix,
    replaceRange: rangeFor(prefix),
    siblings,
    keyColumn,
    inFlow: true,
    needsLeadingSpace: false,
  };
}

interface FlowContext {
  readonly kind: 'seq' | 'map';
  /** The text of the entry being written, from the last `[`, `{` or `,` to the caret. */
  readonly segment: string;
  /** The complete entries before it in the same flow collection. */
  readonly entries: readonly string[];
  /** For a map: whether it is itself an item of a flow sequence (`[{ a: 1 }, { |`). */
  readonly inSeq: boolean;
}

/** The innermost unclosed flow collection in a value, if any. */
function flowContext(valueText: string): FlowContext | undefined {
  const stack: { kind: 'seq' | 'map'; start: number }[] = [];
  for (let index = 0; index < valueText.length; index++) {
    const char = valueText[index]!;
    if (char === '[') stack.push({ kind: 'seq', start: index + 1 });
    else if (char === '{') stack.push({ kind: 'map', start: index + 1 });
    else if ((char === ']' || char === '}') && stack.length > 0) stack.pop();
  }
  const open = stack.at(-1);
  if (!open) return undefined;
  const inside = valueText.slice(open.start);
  const parts = inside.split(',');
  const segment = parts.pop()!;
  return { kind: open.kind, segment, entries: parts, inSeq: open.kind === 'map' && stack.length > 1 && stack.at(-2)!.kind === 'seq' };
}
