/**
 * Checks that run on the raw text before any YAML parsing, so that hostile input is refused while it
 * is still a string. The YAML composer is recursive: nesting a few thousand levels deep exhausts it,
 * and in yaml 2.9.1 a second such parse kills the process outright (see parsing-perf notes). These
 * scans are iterative and linear, and decide whether the text may be handed to yaml at all.
 */

/** Files larger than this are refused with one diagnostic (10 MiB; 10,000 resources is about 5 MiB). */
export const maxFileSize = 10 * 1024 * 1024;
/** Nesting deeper than this is refused; real architectures nest about eight levels. */
export const maxNestingDepth = 64;
/** At most this many anchors or aliases per file (yaml's own limit is also applied). */
export const maxAliasCount = 100;
/** At most this many invalid characters are reported one by one; the rest are summarised. */
const maxReportedCharacters = 20;

/** A problem found by a scan, located by offsets into the text. */
export interface ScanProblem {
  readonly kind: 'invalid-character' | 'byte-order-mark';
  readonly offset: number;
  readonly length: number;
  readonly message: string;
}

/**
 * Characters that YAML 1.2 does not allow in a stream, unpaired UTF-16 surrogates, and a lone `\r`
 * (which LSP counts as a line break and yaml does not, so it is read as `\n` to keep both in step).
 */
const invalidCharacter = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|\p{Cs}|\r(?!\n)/u;

/** Whether `sanitize` would change anything in the text (a byte-order mark aside). */
export function hasInvalidCharacters(text: string): boolean {
  return invalidCharacter.test(text);
}

/**
 * Replaces every character YAML would reject by a harmless one of the same UTF-16 length, so that
 * offsets and ranges stay exactly those of the original text, and reports each replacement.
 */
export function sanitize(text: string): { text: string; problems: ScanProblem[] } {
  const problems: ScanProblem[] = [];
  if (text.charCodeAt(0) === 0xfeff) {
    problems.push({
      kind: 'byte-order-mark',
      offset: 0,
      length: 1,
      message: 'The file starts with a byte-order mark; UTF-8 files do not need one, and some tools read it as part of the first key.',
    });
  }
  if (!invalidCharacter.test(text)) return { text, problems };
  let invalidCount = 0;
  // A global copy per call: a shared global expression would carry its `lastIndex` from call to call.
  const cleaned = text.replace(new RegExp(invalidCharacter.source, 'gu'), (match: string, offset: number) => {
    if (match === '\r') return '\n';
    invalidCount++;
    const code = match.charCodeAt(0);
    // A surrogate or a noncharacter (U+FFFE, U+FFFF) becomes U+FFFD, as a decoder would read it;
    // a control character a space. The message says which, since the user sees the value.
    const replacement = code >= 0xd800 ? '\ufffd' : ' ';
    if (invalidCount <= maxReportedCharacters) {
      const what =
        code >= 0xd800 && code <= 0xdfff
          ? `an unpaired UTF-16 surrogate (U+${hex(code)})`
          : code === 0
            ? 'a NUL character (U+0000)'
            : code >= 0xfffe
              ? `the noncharacter U+${hex(code)}`
              : `the control character U+${hex(code)}`;
      problems.push({
        kind: 'invalid-character',
        offset,
        length: match.length,
        message: `The file contains ${what}, which YAML does not allow; it is read as ${replacement === ' ' ? 'a space' : 'U+FFFD, the replacement character'}.`,
      });
    }
    return replacement;
  });
  if (invalidCount > maxReportedCharacters) {
    const last = problems[problems.length - 1]!;
    problems.push({
      kind: 'invalid-character',
      offset: last.offset,
      length: last.length,
      message: `${invalidCount - maxReportedCharacters} more invalid characters are not listed.`,
    });
  }
  return { text: cleaned, problems };
}

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/** What the structure scan learned about the text. */
export interface StructureScan {
  /** The deepest nesting seen (block indentation levels, compact `- ` entries and flow brackets). */
  readonly depth: number;
  /** Where the nesting first went deeper than the limit, when it did. */
  readonly tooDeepAt: number | undefined;
  /** Whether an anchor (`&a`) or alias (`*a`) appears where a value starts. */
  readonly hasAnchorsOrAliases: boolean;
  /** Number of anchors and aliases seen. */
  readonly aliasCount: number;
}

const SPACE = 32;
const TAB = 9;
const NEWLINE = 10;
const RETURN = 13;

/**
 * One linear pass over the text approximating YAML's nesting: an indentation stack for block
 * collections, compact `- ` entries on one line, and flow brackets outside quoted scalars, comments
 * and block scalars. It over-counts rather than under-counts: a legitimate file is nowhere near
 * the limit, and input that is near it is refused before it can reach the recursive composer.
 */
export function scanStructure(text: string, limit = maxNestingDepth): StructureScan {
  const indents: number[] = [];
  let flowDepth = 0;
  let quote = 0; // the open quote character code, 0 when none
  let blockScalarIndent = -1; // indentation of the key owning a `|` or `>` scalar, -1 when none
  let maxDepth = 0;
  let tooDeepAt: number | undefined;
  let aliasCount = 0;
  let hasAnchorsOrAliases = false;
  const length = text.length;
  let lineStart = 0;

  const note = (depth: number, offset: number): void => {
    if (depth > maxDepth) maxDepth = depth;
    if (depth > limit && tooDeepAt === undefined) tooDeepAt = offset;
  };

  while (lineStart < length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = length;
    let position = lineStart;
    while (position < lineEnd && (text.charCodeAt(position) === SPACE || text.charCodeAt(position) === TAB)) position++;
    const indent = position - lineStart;
    const first = position < lineEnd ? text.charCodeAt(position) : NEWLINE;
    const blank = first === NEWLINE || first === RETURN || first === 35; /* # */

    if (blockScalarIndent >= 0) {
      if (blank && first !== 35) {
        lineStart = lineEnd + 1;
        continue;
      }
      if (indent > blockScalarIndent) {
        lineStart = lineEnd + 1;
        continue;
      }
      blockScalarIndent = -1;
    }

    let depth = 0;
    if (quote === 0 && flowDepth === 0) {
      if (blank) {
        lineStart = lineEnd + 1;
        continue;
      }
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
    }
    depth = indents.length;
    let valueStart = quote === 0 && flowDepth === 0;

    for (; position < lineEnd; position++) {
      const code = text.charCodeAt(position);
      if (quote !== 0) {
        if (code === 92 /* \ */ && quote === 34) position++;
        else if (code === quote) {
          if (quote === 39 && text.charCodeAt(position + 1) === 39) position++;
          else quote = 0;
        }
        continue;
      }
      if (code === 35 /* # */ && (position === lineStart || isBlankCode(text.charCodeAt(position - 1)))) break;
      if (flowDepth > 0) {
        if (code === 91 || code === 123) {
          flowDepth++;
          note(depth + flowDepth, position);
        } else if (code === 93 || code === 125) flowDepth--;
        else if ((code === 34 || code === 39) && isFlowTokenStart(text.charCodeAt(position - 1))) quote = code;
        else if ((code === 38 || code === 42) && isFlowTokenStart(text.charCodeAt(position - 1))) {
          hasAnchorsOrAliases = true;
          aliasCount++;
        }
        continue;
      }
      if (valueStart) {
        if (code === SPACE || code === TAB) continue;
        if ((code === 45 /* - */ || code === 63 /* ? */ || code === 58) /* : */ && isBlankOrEnd(text.charCodeAt(position + 1))) {
          depth++;
          note(depth, position);
          continue;
        }
        if (code === 91 || code === 123) {
          flowDepth = 1;
          note(depth + 1, position);
          valueStart = false;
          continue;
        }
        if (code === 34 || code === 39) {
          quote = code;
          valueStart = false;
          continue;
        }
        if (code === 38 || code === 42) {
          hasAnchorsOrAliases = true;
          aliasCount++;
          // An anchor is followed by the value it names; keep looking for the value's start.
          while (position + 1 < lineEnd && !isBlankCode(text.charCodeAt(position + 1))) position++;
          continue;
        }
        if (code === 33 /* ! */) {
          // A tag is followed by the value it applies to.
          while (position + 1 < lineEnd && !isBlankCode(text.charCodeAt(position + 1))) position++;
          continue;
        }
        if (code === 124 || code === 62 /* | > */) {
          blockScalarIndent = indent;
          break;
        }
        valueStart = false;
      }
      // Inside a plain scalar or a key: `: ` ends the key and starts a value.
      if (code === 58 && isBlankOrEnd(text.charCodeAt(position + 1))) {
        depth++;
        note(depth, position);
        valueStart = true;
      }
    }
    note(depth, lineStart + indent);
    lineStart = lineEnd + 1;
  }
  return { depth: maxDepth, tooDeepAt, hasAnchorsOrAliases, aliasCount };
}

function isBlankCode(code: number): boolean {
  return code === SPACE || code === TAB || code === NEWLINE || code === RETURN;
}

function isBlankOrEnd(code: number): boolean {
  return Number.isNaN(code) || isBlankCode(code);
}

function isFlowTokenStart(code: number): boolean {
  return Number.isNaN(code) || isBlankCode(code) || code === 91 || code === 123 || code === 44 || code === 58;
}
