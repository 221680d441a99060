/**
 * Keeps the evaluation's diagnostics in place while the user types. Evaluations run after a pause,
 * so between a keystroke and the next evaluation the editor would otherwise see every security
 * finding vanish and come back. Diagnostics on lines the edit did not touch are carried over to the
 * new text (shifted by the lines the edit added or removed); those on touched lines are dropped
 * until the evaluation catches up.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { EncodedDiagnostics } from './diagnostics-encoder';

/** The lines an edit from `before` to `after` touched: a common head and tail of lines are unchanged. */
function changedLines(before: string, after: string): { firstChanged: number; unchangedTailLines: number; lineDelta: number } {
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  const count = (text: string, from: number, to: number) => {
    let lines = 0;
    for (let index = text.indexOf('\n', from); index !== -1 && index < to; index = text.indexOf('\n', index + 1)) lines++;
    return lines;
  };
  // The unchanged tail starts at a line start at or after the end of the change. When the change
  // ends exactly at a line start in both texts (an inserted or deleted whole line), that line is intact.
  const atLineStart = (text: string, offset: number) => offset === 0 || text.charCodeAt(offset - 1) === 10;
  let tailStart: number;
  if (atLineStart(before, endBefore) && atLineStart(after, endAfter)) tailStart = endBefore;
  else {
    const newline = before.indexOf('\n', endBefore);
    tailStart = newline === -1 ? before.length + 1 : newline + 1;
  }
  const unchangedTailLines = tailStart > before.length ? 0 : count(before, tailStart, before.length) + 1;
  return {
    firstChanged: count(before, 0, start),
    unchangedTailLines,
    lineDelta: count(after, 0, after.length) - count(before, 0, before.length),
  };
}

/**
 * The same as `carryOverDiagnostics` for diagnostics encoded as JSON elements with their layout
 * (see diagnostics-encoder.ts), without decoding them: when the edit kept the number of lines (typing
 * within a line), the elements on untouched lines are kept as they are. Returns `undefined` when
 * lines moved (the caller decodes and uses `carryOverDiagnostics`).
 */
export function carryOverEncoded(before: string, after: string, encoded: EncodedDiagnostics): EncodedDiagnostics | undefined {
  if (!encoded.layout) return undefined;
  if (before === after || encoded.count === 0) return encoded;
  const { firstChanged, unchangedTailLines, lineDelta } = changedLines(before, after);
  if (lineDelta !== 0) return undefined;
  const firstTailLine = before.split('\n').length - unchangedTailLines;
  const layout = encoded.layout;
  const kept: string[] = [];
  let runStart = 0;
  let count = 0;
  let start = 0;
  // Consecutive kept elements are copied as one slice: usually the whole list but a few elements.
  for (let index = 0; index < encoded.count; index++) {
    const end = layout[index * 3]!;
    const startLine = layout[index * 3 + 1]!;
    const endLine = layout[index * 3 + 2]!;
    const keep = endLine < firstChanged || startLine >= firstTailLine;
    if (!keep) {
      if (start > runStart) kept.push(encoded.json.slice(runStart, start - (start > 0 ? 1 : 0)));
      runStart = end + 1;
    } else {
      count++;
    }
    start = end + 1;
  }
  if (runStart < encoded.json.length) kept.push(encoded.json.slice(runStart));
  return { json: kept.filter((slice) => slice !== '').join(','), count };
}

/** The diagnostics of `before` that still apply to `after`, moved to their new lines. */
export function carryOverDiagnostics(before: string, after: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  if (before === after) return [...diagnostics];
  const { firstChanged, unchangedTailLines, lineDelta } = changedLines(before, after);
  const totalLinesBefore = before.split('\n').length;
  const firstTailLine = totalLinesBefore - unchangedTailLines;
  const carried: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.range.end.line < firstChanged) carried.push(diagnostic);
    else if (diagnostic.range.start.line >= firstTailLine) {
      carried.push({
        ...diagnostic,
        range: {
          start: { line: diagnostic.range.start.line + lineDelta, character: diagnostic.range.start.character },
          end: { line: diagnostic.range.end.line + lineDelta, character: diagnostic.range.end.character },
        },
        // Related locations move with the text too, but they may point anywhere: drop them rather than mislead.
        relatedInformation: undefined,
      });
    }
  }
  return carried;
}
