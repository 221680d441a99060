/**
 * A cheap line scan that cuts a file into pieces the parser can read one at a time: each top-level
 * key with its value is a section, and inside a block-style `resources:` map each resource is a
 * piece of its own. An edit then changes the text of one piece, and only that piece is re-read.
 *
 * The cut is only made where it cannot change the meaning of the YAML. Anything unusual (several
 * documents, directives, anchors and aliases that may cross pieces, tabs in indentation, a top
 * level that is not a plain block map, odd indentation inside `resources:`) makes the scan answer
 * `whole`, and the file is read in one go with the same result shape.
 */

/** A piece of the text: whole lines, from `start` (a line start) to `end`. */
export interface Piece {
  readonly start: number;
  readonly end: number;
  readonly startLine: number;
  readonly text: string;
}

/** How the file is cut. */
export type Split =
  | { readonly kind: 'whole' }
  | {
      readonly kind: 'pieces';
      /** Top-level sections other than a block-style `resources:` (each one key and its value). */
      readonly sections: readonly Piece[];
      /** The `resources:` header line, when the resources are in block style. */
      readonly resourcesHeader:
        { readonly keyStart: number; readonly keyEnd: number; readonly line: number; readonly order: number } | undefined;
      /** One piece per resource, in file order. */
      readonly resources: readonly Piece[];
      /** The indentation of the resource names (-1 when there are no resources). */
      readonly childIndent: number;
    };

const resourcesHeaderPattern = /^resources[ \t]*:[ \t]*(#.*)?$/;
/** First characters that make a top-level line something other than a plain key. */
const unusualStarts = new Set(['-', '[', '{', '?', '&', '*', '!', '|', '>', '"', "'", '%', ':', '@', '`', ',', '\t', ' ']);

/** Cuts the text into pieces, or answers `whole` when a cut could change the meaning. */
export function splitPieces(text: string): Split {
  const sections: Piece[] = [];
  const resources: Piece[] = [];
  let resourcesHeader: { keyStart: number; keyEnd: number; line: number; order: number } | undefined;

  let sectionStart = -1;
  let sectionLine = 0;
  let inResources = false;
  let childIndent = -1;
  let resourceStart = -1;
  let resourceLine = 0;

  const closeResource = (end: number): void => {
    if (resourceStart >= 0) resources.push({ start: resourceStart, end, startLine: resourceLine, text: text.slice(resourceStart, end) });
    resourceStart = -1;
  };
  const closeSection = (end: number): void => {
    if (inResources) closeResource(end);
    else if (sectionStart >= 0) sections.push({ start: sectionStart, end, startLine: sectionLine, text: text.slice(sectionStart, end) });
    sectionStart = -1;
    inResources = false;
  };

  let line = 0;
  let lineStart = 0;
  const length = text.length;
  while (lineStart < length) {
    let lineEnd = text.indexOf('\n', lineStart);
    const next = lineEnd < 0 ? length : lineEnd + 1;
    if (lineEnd < 0) lineEnd = length;
    const contentEnd = contentEndOf(text, lineStart, lineEnd);
    const indent = spacesAt(text, lineStart, contentEnd);
    const firstOffset = lineStart + indent;
    const first = firstOffset < contentEnd ? text[firstOffset]! : '';
    if (first === '\t') return { kind: 'whole' };
    const isBlankOrComment = first === '' || first === '#';

    if (!isBlankOrComment) {
      if (indent === 0) {
        const content = text.slice(lineStart, contentEnd);
        // The BOM is a zero-width prefix of the first key, not part of it.
        const key = line === 0 && content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
        if (unusualStarts.has(key[0] ?? '') || key.startsWith('---') || key.startsWith('...')) return { kind: 'whole' };
        closeSection(lineStart);
        if (resourcesHeaderPattern.test(key)) {
          if (resourcesHeader !== undefined) return { kind: 'whole' };
          const keyStart = lineStart + (content.length - key.length);
          resourcesHeader = { keyStart, keyEnd: keyStart + 'resources'.length, line, order: sections.length };
          inResources = true;
          childIndent = -1;
        } else {
          sectionStart = lineStart;
          sectionLine = line;
        }
      } else if (inResources) {
        if (childIndent < 0) childIndent = indent;
        if (indent < childIndent) return { kind: 'whole' };
        if (indent === childIndent) {
          if (unusualStarts.has(first)) return { kind: 'whole' };
          closeResource(lineStart);
          resourceStart = lineStart;
          resourceLine = line;
        } else if (resourceStart < 0) return { kind: 'whole' };
      } else if (sectionStart < 0) {
        // Indented content before any top-level key: let yaml explain what is wrong.
        return { kind: 'whole' };
      }
    }
    line++;
    lineStart = next;
  }
  closeSection(length);
  return { kind: 'pieces', sections, resourcesHeader, resources, childIndent: resources.length > 0 ? childIndent : -1 };
}

/**
 * Which resource pieces an incremental cut replaced: the previous pieces `from` to `oldEnd`
 * (exclusive) became the new pieces `from` to `newEnd`; every piece before `from` is the very same
 * object, and every piece from `oldEnd` on is the same text moved by `lineDelta` lines (the same
 * object when `lineDelta` and the length change are 0). Sections may have moved too.
 */
export interface SplitChange {
  readonly from: number;
  readonly oldEnd: number;
  readonly newEnd: number;
  readonly lineDelta: number;
}

/**
 * Cuts `text`, an edited version of `previousText` whose cut was `previous`, doing only the work
 * the edit calls for: the text the two share at the start and at the end is found by comparing
 * them, the resource pieces around the changed span are cut again, and every other piece is kept
 * (moved by the edit's length and line count when it lies after the change, with the same text
 * string, so lookups keyed by it stay cheap). Answers exactly what `splitPieces(text)` would; any
 * edit outside the resources, or one that changes the structure around them, is cut afresh.
 *
 * It also says which resource pieces changed (`change`, undefined when the file was cut afresh), so
 * the parser re-reads only those.
 */
export function splitEdited(text: string, previousText: string, previous: Split): { split: Split; change: SplitChange | undefined } {
  const oldLength = previousText.length;
  const newLength = text.length;
  const shortest = Math.min(oldLength, newLength);
  const prefix = commonPrefix(text, previousText, shortest);
  if (prefix === shortest && oldLength === newLength)
    return { split: previous, change: previous.kind === 'pieces' ? { from: 0, oldEnd: 0, newEnd: 0, lineDelta: 0 } : undefined };
  if (previous.kind !== 'pieces' || previous.resources.length === 0) return { split: splitPieces(text), change: undefined };
  const suffix = commonSuffix(text, previousText, shortest - prefix);
  const changeEnd = oldLength - suffix;
  const resources = previous.resources;
  const first = resources[0]!;
  const last = resources[resources.length - 1]!;
  // Only edits strictly inside the resources, after the first resource's name line starts.
  if (prefix <= first.start || changeEnd >= last.end) return { split: splitPieces(text), change: undefined };
  // From the piece before the one the change starts in (an indented first line joins the piece
  // above), to the piece holding the change's end, so the cut after it is an unchanged line start.
  const from = Math.max(0, pieceAt(resources, prefix) - 1);
  const to = pieceAt(resources, changeEnd);
  const regionStart = resources[from]!.start;
  const delta = newLength - oldLength;
  const regionEnd = resources[to]!.end + delta;
  const lineDelta = countLines(text, prefix, newLength - suffix) - countLines(previousText, prefix, changeEnd);
  const region = splitResourceRegion(text, regionStart, regionEnd, resources[from]!.startLine, previous.childIndent);
  if (region === undefined) return { split: splitPieces(text), change: undefined };
  const moved = (piece: Piece): Piece =>
    delta === 0 && lineDelta === 0
      ? piece
      : { start: piece.start + delta, end: piece.end + delta, startLine: piece.startLine + lineDelta, text: piece.text };
  const after = resources.slice(to + 1).map(moved);
  const sections = previous.sections.map((piece) => (piece.start >= changeEnd ? moved(piece) : piece));
  // The first pieces of the region are often unchanged (the cut starts one piece early): leave them out of the change.
  let same = 0;
  while (same < region.length - 1 && same < to - from && region[same]!.text === resources[from + same]!.text) same++;
  const split: Split = {
    kind: 'pieces',
    sections,
    resourcesHeader: previous.resourcesHeader,
    resources: resources.slice(0, from + same).concat(region.slice(same), after),
    childIndent: previous.childIndent,
  };
  return { split, change: { from: from + same, oldEnd: to + 1, newEnd: from + region.length, lineDelta } };
}

/**
 * The length of the start `text` and `other` share (at most `limit`). Blocks are compared as
 * substrings, which V8 does as one memory compare, from 64 KiB down to single characters.
 */
function commonPrefix(text: string, other: string, limit: number): number {
  let prefix = 0;
  for (let block = 65536; block >= 16; block >>= 2) {
    while (prefix + block <= limit && text.slice(prefix, prefix + block) === other.slice(prefix, prefix + block)) prefix += block;
  }
  while (prefix < limit && text.charCodeAt(prefix) === other.charCodeAt(prefix)) prefix++;
  return prefix;
}

/** The length of the end `text` and `other` share (at most `limit`), compared like `commonPrefix`. */
function commonSuffix(text: string, other: string, limit: number): number {
  const textLength = text.length;
  const otherLength = other.length;
  let suffix = 0;
  for (let block = 65536; block >= 16; block >>= 2) {
    while (
      suffix + block <= limit &&
      text.slice(textLength - suffix - block, textLength - suffix) === other.slice(otherLength - suffix - block, otherLength - suffix)
    )
      suffix += block;
  }
  while (suffix < limit && text.charCodeAt(textLength - 1 - suffix) === other.charCodeAt(otherLength - 1 - suffix)) suffix++;
  return suffix;
}

/** The index of the piece whose span holds `offset` (pieces are contiguous and in order). */
function pieceAt(pieces: readonly Piece[], offset: number): number {
  let low = 0;
  let high = pieces.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (pieces[middle]!.start <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

function countLines(text: string, start: number, end: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', start); at >= 0 && at < end; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** Where the line from `lineStart` to `lineEnd` (its `\n`) ends without its `\r`, if it has one. */
function contentEndOf(text: string, lineStart: number, lineEnd: number): number {
  return lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
}

/** How many spaces the line at `lineStart` begins with. */
function spacesAt(text: string, lineStart: number, contentEnd: number): number {
  let indent = 0;
  while (lineStart + indent < contentEnd && text.charCodeAt(lineStart + indent) === 32) indent++;
  return indent;
}

/**
 * Cuts `text` from `start` to `end` (both line starts inside the resources) into resource pieces,
 * as `splitPieces` would there; undefined when the span holds anything but resources at
 * `childIndent` (a top-level key, a tab, odd indentation), which needs the whole file cut again.
 */
function splitResourceRegion(text: string, start: number, end: number, startLine: number, childIndent: number): Piece[] | undefined {
  const pieces: Piece[] = [];
  let pieceStart = -1;
  let pieceLine = 0;
  let line = startLine;
  let lineStart = start;
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart);
    const next = lineEnd < 0 || lineEnd >= end ? end : lineEnd + 1;
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const contentEnd = contentEndOf(text, lineStart, lineEnd);
    const indent = spacesAt(text, lineStart, contentEnd);
    const firstOffset = lineStart + indent;
    const first = firstOffset < contentEnd ? text[firstOffset]! : '';
    if (first === '\t') return undefined;
    if (first !== '' && first !== '#') {
      if (indent < childIndent) return undefined;
      if (indent === childIndent) {
        if (unusualStarts.has(first)) return undefined;
        if (pieceStart >= 0)
          pieces.push({ start: pieceStart, end: lineStart, startLine: pieceLine, text: text.slice(pieceStart, lineStart) });
        pieceStart = lineStart;
        pieceLine = line;
      } else if (pieceStart < 0) return undefined;
    } else if (pieceStart < 0) return undefined;
    line++;
    lineStart = next;
  }
  if (pieceStart < 0) return undefined;
  pieces.push({ start: pieceStart, end, startLine: pieceLine, text: text.slice(pieceStart, end) });
  return pieces;
}
