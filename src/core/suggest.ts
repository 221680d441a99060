/**
 * Did-you-mean: the candidates closest to a misspelt word, by Damerau-Levenshtein distance (the
 * optimal-string-alignment variant: insertions, deletions, substitutions and swaps of neighbours).
 */

/**
 * Rows of the distance table. A search against thousands of names makes one and hands it to every
 * `editDistance` call, so the rows are allocated once per search, not once per name.
 */
export class DistanceRows {
  rows: readonly [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

  /** Rows at least `width` long. */
  atLeast(width: number): readonly [Int32Array, Int32Array, Int32Array] {
    if (this.rows[0].length < width) this.rows = [new Int32Array(width * 2), new Int32Array(width * 2), new Int32Array(width * 2)];
    return this.rows;
  }
}

/** The edit distance between two strings, or `limit + 1` as soon as it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = Number.MAX_SAFE_INTEGER, scratch: DistanceRows = new DistanceRows()): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  const width = b.length + 1;
  const rows = scratch.atLeast(width);
  let previousPrevious = rows[0];
  let previous = rows[1];
  let current = rows[2];
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    const left = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = left === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && left === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        value = Math.min(value, previousPrevious[j - 2]! + 1);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    const spare = previousPrevious;
    previousPrevious = previous;
    previous = current;
    current = spare;
  }
  return previous[b.length]!;
}

/** A candidate close to a word, and how close. */
export interface ScoredMatch {
  readonly candidate: string;
  readonly distance: number;
}

/** The largest distance at which a candidate still counts as close to `word`. */
export function matchLimit(word: string): number {
  return Math.max(1, Math.min(4, Math.floor(word.length / 3)));
}

/**
 * Every candidate within `matchLimit(word)` of `word` (the word itself aside), closest first and
 * alphabetical among equals. Kept whole (not cut to the few shown) so that a caller whose candidate
 * list changes by a few names can update the answer without comparing against every name again.
 */
export function scoredMatches(word: string, candidates: Iterable<string>): ScoredMatch[] {
  const lower = word.toLowerCase();
  const limit = matchLimit(word);
  const scored: ScoredMatch[] = [];
  const rows = new DistanceRows();
  for (const candidate of candidates) {
    // Lengths further apart than the limit cannot be close; skip them before lower-casing.
    if (candidate === word || Math.abs(candidate.length - word.length) > limit) continue;
    const distance = editDistance(lower, candidate.toLowerCase(), limit, rows);
    if (distance <= limit) scored.push({ candidate, distance });
  }
  return scored.sort(compareScored);
}

/** Closest first, then alphabetical: the order did-you-mean answers are shown in. */
export function compareScored(left: ScoredMatch, right: ScoredMatch): number {
  return left.distance - right.distance || left.candidate.localeCompare(right.candidate);
}

/**
 * The candidates within a distance that grows with the word's length (1 for short words, up to a
 * third of the length), closest first, at most `max` of them. Case is ignored for the distance.
 */
export function closestMatches(word: string, candidates: Iterable<string>, max = 3): string[] {
  const scored = scoredMatches(word, candidates);
  const shown: string[] = [];
  for (let index = 0; index < scored.length && index < max; index++) shown.push(scored[index]!.candidate);
  return shown;
}

/** `a`, `a and b`, `a, b and c`: names in running text, each in backticks. */
export function andList(names: readonly string[]): string {
  const quoted = names.map((name) => `\`${name}\``);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** `a`, `a or b`, `a, b or c`: a list of names in running text, each in backticks. */
export function orList(names: readonly string[]): string {
  const quoted = names.map((name) => `\`${name}\``);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
