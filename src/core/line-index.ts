/**
 * Conversions between UTF-16 offsets and LSP positions. JavaScript strings are UTF-16 already, so an
 * offset into the string is exactly what LSP calls a character count; the only work is finding line
 * starts. Line breaks follow LSP: `\n`, `\r\n` and a lone `\r` each end a line.
 */
import type { Position, Range } from 'vscode-languageserver-types';

/** Line lengths by line number: what edit builders need to insert at the end of a line. */
export interface LineLengths {
  lineLength(line: number): number;
}

/** Line starts of one text, computed once, answering offset <-> position in O(log lines). */
export class LineIndex implements LineLengths {
  /** Offset of the first character of each line; always starts with 0. */
  readonly lineStarts: readonly number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) starts.push(i + 1);
      else if (code === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The position of an offset; offsets beyond the text clamp to its end, offsets in a line break to the line's end. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= clamped) low = middle;
      else high = middle - 1;
    }
    // An offset inside a `\r\n` (or on the line break itself) belongs to the end of its line: a
    // position never lies past the line's last character.
    return { line: low, character: Math.min(clamped, this.lineEndOffset(low)) - this.lineStarts[low]! };
  }

  /** The offset of a position; characters past the end of a line clamp to the line's end. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line]!;
    const end = this.lineEndOffset(position.line);
    return Math.max(start, Math.min(start + Math.max(0, position.character), end));
  }

  /** The offset just after the last character of a line, before its line break. */
  lineEndOffset(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length;
    let end = next;
    if (end > this.lineStarts[line]! && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line]! && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The number of characters of a line, without its line break. */
  lineLength(line: number): number {
    return this.lineEndOffset(line) - this.lineStarts[line]!;
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    if (line < 0 || line >= this.lineStarts.length) return '';
    return this.text.slice(this.lineStarts[line]!, this.lineEndOffset(line));
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** A range moved down by `lines` lines (blocks are parsed alone and placed back into the file). */
export function shiftRange(range: Range, lines: number): Range {
  if (lines === 0) return range;
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}

/** Whether `position` lies inside `range` (start inclusive, end inclusive: a caret after a word is on it). */
export function rangeContains(range: Range, position: Position): boolean {
  if (position.line < range.start.line || position.line > range.end.line) return false;
  if (position.line === range.start.line && position.character < range.start.character) return false;
  if (position.line === range.end.line && position.character > range.end.character) return false;
  return true;
}
