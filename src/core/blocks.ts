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
      readonly resourcesHeader: { readonly keyStart: number; readonly keyEnd: number; readonly line: number; readonly order: number } | undefined;
      /** One piece per resource, in file order. */
      readonly resources: readonly Piece[];
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
    let contentEnd = lineEnd;
    if (contentEnd > lineStart && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;

    let indent = 0;
    while (lineStart + indent < contentEnd && text.charCodeAt(lineStart + indent) === 32) indent++;
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
  return { kind: 'pieces', sections, resourcesHeader, resources };
}
