/**
 * A fast reader for the plain subset of YAML that architecture files are almost entirely written
 * in: block maps and lists, single-line plain and quoted scalars, and single-line flow collections
 * (`[a, b]`, `{ port: 443, from: web }`), with comments and blank lines. It builds the same
 * `ValueNode` tree, with the same ranges, as `readYaml` (yaml's parser and composer plus our walk),
 * about ten times faster, because it makes one pass over the lines and allocates only the result.
 *
 * It never guesses: anything outside the subset, and anything that would need a diagnostic (a
 * duplicate or forbidden key, an octal-looking or non-finite number, a syntax error, an empty value,
 * a comment whose indentation would stretch a collection's range), makes it answer `undefined`,
 * and the caller reads the text with `readYaml`. A differential test
 * (test/unit/core/fast-read.test.ts) holds the two readers to identical results.
 */
import type { MapEntry, MapNode, Position, Range, ScalarNode, SeqNode, ValueNode } from './document';
import { forbiddenKeys, type ReadResult } from './yaml-read';

/** Thrown inside the reader to give up on the text; caught by `fastReadYaml`. */
class OutsideSubset {}
const outside = new OutsideSubset();

/** A value read with its plain form and where the node ends (yaml's `range[2]`). */
interface Read {
  readonly node: ValueNode;
  readonly plain: unknown;
  /** Where the node ends for its parent's range: after its last line's break, or at the text's end. */
  readonly end: Position;
  /** The line after the node's last line. */
  readonly afterLine: number;
}

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/** Plain keys the reader accepts: names, never values such as `true`, `null`, numbers or `<<`. */
const plainKey = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
const nonStringWords = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
/** Characters a plain scalar may not start with (YAML indicators), plus those we leave to yaml. */
/** Decimals read by this reader: up to 15 digits, no leading zero, no exponent. */
const simpleNumber = /^-?(0|[1-9][0-9]{0,14})(\.[0-9]{1,15})?$/;
/** Everything YAML 1.2's core schema reads as a number (or that is close enough to leave to yaml). */
const coreNumber = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$|^0o|^0x|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$/;
const indicatorStart = new Set([...'-?:,[]{}#&*!|>\'"%@`~.+0123456789'].map((character) => character.charCodeAt(0)));

class Reader {
  /** Offset of the first character of each line. */
  readonly starts: number[] = [];
  /** Offset just after each line's content (before `\r\n` or `\n`). */
  private readonly ends: number[] = [];
  /** Indentation of each line, or -1 for a blank line, -2 - indent for a comment-only line. */
  readonly indents: number[] = [];

  constructor(
    private readonly text: string,
    /** Added to every line number, so a piece can be read directly at its place in the file. */
    private readonly lineOffset: number,
  ) {
    const length = text.length;
    // A carriage return not followed by a line feed is a line break to YAML but not to the line
    // split below: leave such text to the full reader (one scan, and only when a CR is present).
    if (text.includes('\r') && /\r(?!\n)/.test(text)) throw outside;
    // A tab is white space to YAML wherever it separates (before a comment, after a value, inside
    // brackets) and an error where it indents; the scans below know only spaces, so text with a
    // tab is left to the full reader (one scan; architecture files are indented with spaces).
    if (text.includes('\t')) throw outside;
    let start = 0;
    while (start <= length) {
      let newline = text.indexOf('\n', start);
      const last = newline < 0;
      if (last) newline = length;
      let end = newline;
      if (end > start && text.charCodeAt(end - 1) === 13) end--;
      let position = start;
      while (position < end && text.charCodeAt(position) === SPACE) position++;
      const indent = position - start;
      const first = position < end ? text.charCodeAt(position) : -1;
      this.starts.push(start);
      this.ends.push(end);
      this.indents.push(first === -1 ? -1 : first === HASH ? -2 - indent : indent);
      if (last) break;
      start = newline + 1;
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  private position(offset: number, line: number): Position {
    return { line: line + this.lineOffset, character: offset - this.starts[line]! };
  }

  private range(start: number, end: number, line: number): Range {
    return { start: this.position(start, line), end: this.position(end, line) };
  }

  /** Where a node that ends its line ends: after the line break, or at the text's end on the last line. */
  private endPosition(line: number): Position {
    return line + 1 < this.starts.length ? { line: line + 1 + this.lineOffset, character: 0 } : this.position(this.text.length, line);
  }

  /** The first line at or after `line` with content, and the deepest comment indentation passed on the way. */
  nextContent(line: number): { line: number; commentIndent: number } {
    let commentIndent = -1;
    while (line < this.starts.length) {
      const indent = this.indents[line]!;
      if (indent >= 0) break;
      if (indent <= -2) commentIndent = Math.max(commentIndent, -2 - indent);
      line++;
    }
    return { line, commentIndent };
  }

  /**
   * Reads the block map whose entries sit at column `indent`, starting on `line` (whose entry may
   * start after a `- ` at `column`). Answers the map and the first line after it.
   */
  blockMap(line: number, indent: number, column: number): { read: Read; next: number } {
    const entries: MapEntry[] = [];
    const plain: Record<string, unknown> = {};
    const seen = new Set<string>();
    const firstLine = line;
    for (;;) {
      const at = line === firstLine ? column : this.starts[line]! + indent;
      const lineEnd = this.ends[line]!;
      const text = this.text;
      // The key: a plain name followed by `:` and a space or the line's end.
      let colon = at;
      while (colon < lineEnd && text.charCodeAt(colon) !== COLON) colon++;
      if (colon >= lineEnd) throw outside;
      const afterColon = colon + 1 < lineEnd ? text.charCodeAt(colon + 1) : -1;
      if (afterColon !== -1 && afterColon !== SPACE) throw outside;
      const key = text.slice(at, colon);
      if (!plainKey.test(key) || nonStringWords.has(key) || forbiddenKeys.has(key) || seen.has(key)) throw outside;
      seen.add(key);
      const keyRange = this.range(at, colon, line);
      let value = colon + 1;
      while (value < lineEnd && text.charCodeAt(value) === SPACE) value++;
      let read: Read;
      if (value >= lineEnd || text.charCodeAt(value) === HASH) {
        // A nested block on the following lines, more indented than the key.
        const content = this.nextContent(line + 1);
        if (content.line >= this.lineCount) throw outside;
        const childIndent = this.indents[content.line]!;
        if (childIndent <= indent) throw outside;
        const childStart = this.starts[content.line]! + childIndent;
        read =
          text.charCodeAt(childStart) === DASH
            ? this.blockSeq(content.line, childIndent).read
            : this.blockMap(content.line, childIndent, childStart).read;
      } else {
        read = this.inlineValue(value, line);
      }
      entries.push({ key, keyRange, value: read.node });
      plain[key] = read.plain;
      // The next entry, or the end of this map.
      const content = this.nextContent(read.afterLine);
      const nextIndent = content.line < this.lineCount ? this.indents[content.line]! : -1;
      if (nextIndent === indent && this.text.charCodeAt(this.starts[content.line]! + indent) !== DASH) {
        line = content.line;
        continue;
      }
      if (nextIndent > indent) throw outside;
      // A comment deeper than this map after its last entry would stretch yaml's range of it.
      if (content.commentIndent > indent) throw outside;
      if (nextIndent === indent) throw outside; // `- ` at the map's own indentation
      const node: MapNode = { kind: 'map', range: { start: this.position(column, firstLine), end: read.end }, entries, flow: false };
      return { read: { node, plain, end: read.end, afterLine: read.afterLine }, next: content.line };
    }
  }

  /** Reads the block list whose `- ` markers sit at column `indent`, starting on `line`. */
  blockSeq(line: number, indent: number): { read: Read; next: number } {
    const items: ValueNode[] = [];
    const plain: unknown[] = [];
    const firstLine = line;
    const text = this.text;
    for (;;) {
      const dash = this.starts[line]! + indent;
      const lineEnd = this.ends[line]!;
      if (text.charCodeAt(dash) !== DASH || dash + 1 >= lineEnd || text.charCodeAt(dash + 1) !== SPACE) throw outside;
      let value = dash + 1;
      while (value < lineEnd && text.charCodeAt(value) === SPACE) value++;
      if (value >= lineEnd || text.charCodeAt(value) === HASH || text.charCodeAt(value) === DASH) throw outside;
      const read = this.startsCompactMap(value, lineEnd)
        ? this.blockMap(line, value - this.starts[line]!, value).read
        : this.inlineValue(value, line);
      items.push(read.node);
      plain.push(read.plain);
      const content = this.nextContent(read.afterLine);
      const nextIndent = content.line < this.lineCount ? this.indents[content.line]! : -1;
      if (nextIndent === indent && text.charCodeAt(this.starts[content.line]! + indent) === DASH) {
        line = content.line;
        continue;
      }
      if (nextIndent > indent || content.commentIndent > indent) throw outside;
      const node: SeqNode = {
        kind: 'seq',
        range: { start: this.position(this.starts[firstLine]! + indent, firstLine), end: read.end },
        items,
        flow: false,
      };
      return { read: { node, plain, end: read.end, afterLine: read.afterLine }, next: content.line };
    }
  }

  /** Whether a list item's text is `key: value` or `key:` (a map written after the `- `). */
  private startsCompactMap(at: number, lineEnd: number): boolean {
    const first = this.text.charCodeAt(at);
    if (first === 91 || first === 123 || first === 34 || first === 39) return false;
    for (let position = at; position < lineEnd; position++) {
      const code = this.text.charCodeAt(position);
      if (code === HASH && this.text.charCodeAt(position - 1) === SPACE) return false;
      if (code === COLON && (position + 1 >= lineEnd || this.text.charCodeAt(position + 1) === SPACE)) return true;
    }
    return false;
  }

  /** A value written on the line after `key: ` or `- `: a scalar or a flow collection, then maybe a comment. */
  inlineValue(at: number, line: number): Read {
    const lineEnd = this.ends[line]!;
    const text = this.text;
    let node: ValueNode;
    let plain: unknown;
    let after: number;
    const first = text.charCodeAt(at);
    if (first === 91 /* [ */ || first === 123 /* { */) {
      const flow = this.flow(at, line, lineEnd);
      node = flow.node;
      plain = flow.plain;
      after = flow.after;
    } else if (first === 34 /* " */ || first === 39 /* ' */) {
      const quoted = this.quoted(at, line, lineEnd);
      node = quoted.node;
      plain = quoted.node.value;
      after = quoted.after;
    } else {
      // A plain scalar runs to a comment or the line's end; `: ` inside it would be a nested map.
      let end = at;
      let position = at;
      while (position < lineEnd) {
        const code = text.charCodeAt(position);
        if (code === HASH && text.charCodeAt(position - 1) === SPACE) break;
        if (code === COLON && (position + 1 >= lineEnd || text.charCodeAt(position + 1) === SPACE)) throw outside;
        position++;
        if (code !== SPACE) end = position;
      }
      const scalar = this.plainScalar(at, end, line);
      node = scalar;
      plain = scalar.value;
      after = end;
    }
    while (after < lineEnd && text.charCodeAt(after) === SPACE) after++;
    if (after < lineEnd && !(text.charCodeAt(after) === HASH && text.charCodeAt(after - 1) === SPACE)) throw outside;
    return { node, plain, end: this.endPosition(line), afterLine: line + 1 };
  }

  /** A plain scalar from `start` to `end`, resolved as YAML 1.2's core schema does (the subset of it we accept). */
  private plainScalar(start: number, end: number, line: number): ScalarNode {
    const source = this.text.slice(start, end);
    const first = source.charCodeAt(0);
    let value: string | number | boolean | null;
    if (first === DASH || (first >= 48 && first <= 57)) {
      // Plain decimals are read here; other numbers (`0x1f`, `1e3`, `0755`, `-0`) are left to
      // yaml, and text that merely starts with a digit (`10.0.0.0/16`) is text.
      if (simpleNumber.test(source) && source !== '-0') value = Number(source);
      else if (coreNumber.test(source) || (first === DASH && (source.length === 1 || source.charCodeAt(1) === SPACE))) throw outside;
      else value = source;
    } else if (indicatorStart.has(first)) throw outside;
    else if (source === 'true' || source === 'True' || source === 'TRUE') value = true;
    else if (source === 'false' || source === 'False' || source === 'FALSE') value = false;
    else if (source === 'null' || source === 'Null' || source === 'NULL') value = null;
    else value = source;
    return { kind: 'scalar', range: this.range(start, end, line), value, source };
  }

  /** A quoted scalar on one line, without escapes other than `''` in single quotes. */
  private quoted(start: number, line: number, lineEnd: number): { node: ScalarNode; after: number } {
    const text = this.text;
    const quote = text.charCodeAt(start);
    let position = start + 1;
    let value = '';
    let from = position;
    for (;;) {
      if (position >= lineEnd) throw outside;
      const code = text.charCodeAt(position);
      if (code === 92 /* \ */ && quote === 34) throw outside;
      if (code === quote) {
        if (quote === 39 && text.charCodeAt(position + 1) === 39) {
          value += text.slice(from, position + 1);
          position += 2;
          from = position;
          continue;
        }
        value += text.slice(from, position);
        break;
      }
      position++;
    }
    const after = position + 1;
    return { node: { kind: 'scalar', range: this.range(start, after, line), value, source: text.slice(start, after) }, after };
  }

  /** A flow collection that opens and closes on this line. */
  private flow(start: number, line: number, lineEnd: number): { node: ValueNode; plain: unknown; after: number } {
    const text = this.text;
    const isMap = text.charCodeAt(start) === 123;
    const close = isMap ? 125 : 93;
    let position = start + 1;
    const skip = (): void => {
      while (position < lineEnd && text.charCodeAt(position) === SPACE) position++;
    };
    const items: ValueNode[] = [];
    const itemsPlain: unknown[] = [];
    const entries: MapEntry[] = [];
    const mapPlain: Record<string, unknown> = {};
    const seen = new Set<string>();
    skip();
    if (text.charCodeAt(position) === close) position++;
    else {
      for (;;) {
        skip();
        if (isMap) {
          const keyStart = position;
          // The key runs to the first `:`; a bracket or comma before it makes a key `plainKey` refuses.
          while (position < lineEnd && text.charCodeAt(position) !== COLON) position++;
          const key = text.slice(keyStart, position).trimEnd();
          if (text.charCodeAt(position) !== COLON || text.charCodeAt(position + 1) !== SPACE) throw outside;
          if (!plainKey.test(key) || nonStringWords.has(key) || forbiddenKeys.has(key) || seen.has(key)) throw outside;
          seen.add(key);
          const keyRange = this.range(keyStart, keyStart + key.length, line);
          position += 2;
          skip();
          const value = this.flowItem(position, line, lineEnd);
          entries.push({ key, keyRange, value: value.node });
          mapPlain[key] = value.plain;
          position = value.after;
        } else {
          const value = this.flowItem(position, line, lineEnd);
          items.push(value.node);
          itemsPlain.push(value.plain);
          position = value.after;
        }
        skip();
        const code = text.charCodeAt(position);
        if (code === close) {
          position++;
          break;
        }
        if (code !== 44 /* , */) throw outside;
        // A trailing comma, or a comma without an item, is left to yaml: the next item or key
        // then reads as empty (`flowItem`) or without its colon, and refuses.
        position++;
      }
    }
    const range = this.range(start, position, line);
    const node: ValueNode = isMap ? { kind: 'map', range, entries, flow: true } : { kind: 'seq', range, items, flow: true };
    return { node, plain: isMap ? mapPlain : itemsPlain, after: position };
  }

  /** One item or map value inside a flow collection. */
  private flowItem(at: number, line: number, lineEnd: number): { node: ValueNode; plain: unknown; after: number } {
    const text = this.text;
    const first = text.charCodeAt(at);
    if (first === 91 || first === 123) return this.flow(at, line, lineEnd);
    if (first === 34 || first === 39) {
      const quoted = this.quoted(at, line, lineEnd);
      return { node: quoted.node, plain: quoted.node.value, after: quoted.after };
    }
    let position = at;
    let end = at;
    while (position < lineEnd) {
      const code = text.charCodeAt(position);
      if (code === 44 || code === 93 || code === 125) break;
      if (code === 91 || code === 123) throw outside;
      if (code === HASH && text.charCodeAt(position - 1) === SPACE) throw outside;
      // `a: b` inside a flow list is a one-pair map, and `a:]` a key; both are left to yaml.
      if (code === COLON) {
        const next = text.charCodeAt(position + 1);
        if (position + 1 >= lineEnd || next === SPACE || next === 44 || next === 93 || next === 125) throw outside;
      }
      position++;
      if (code !== SPACE) end = position;
    }
    if (end === at) throw outside;
    const scalar = this.plainScalar(at, end, line);
    return { node: scalar, plain: scalar.value, after: end };
  }
}

/**
 * Reads `text` when it lies inside the subset; `undefined` means "use `readYaml`". The answer, when
 * there is one, equals `readYaml(text)` (no diagnostics, one document) with `lineOffset` added to
 * every line.
 */
export function fastReadYaml(text: string, lineOffset = 0): (ReadResult & { readonly extraDocuments: readonly Range[] }) | undefined {
  try {
    const reader = new Reader(text, lineOffset);
    const content = reader.nextContent(0);
    if (content.line >= reader.lineCount) return undefined;
    // Leading comments are fine; the top level must be a block map, indented or not.
    const line = content.line;
    const indent = reader.indents[line]!;
    const column = reader.starts[line]! + indent;
    if (text.charCodeAt(column) === DASH) return undefined;
    const map = reader.blockMap(line, indent, column);
    if (map.next < reader.lineCount) return undefined;
    return { value: map.read.node, plain: map.read.plain, diagnostics: [], extraDocuments: [] };
  } catch (error) {
    if (error === outside) return undefined;
    throw error;
  }
}
