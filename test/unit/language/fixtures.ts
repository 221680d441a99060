/**
 * Data-driven language tests: each case is `<name>.cloudarch.yaml` with a caret marker (`|^|` or
 * `<|>`) and a sibling `<name>.expected.json` saying what the user should see there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Position, TextEdit } from 'vscode-languageserver-types';

export const fixturesRoot = join(__dirname, '..', '..', 'fixtures', 'language');

export interface Fixture<Expected> {
  readonly name: string;
  /** The text without the caret marker. */
  readonly text: string;
  /** Where the marker was (undefined when the file has none). */
  readonly caret: Position | undefined;
  readonly expected: Expected;
}

/** Removes the caret marker and reports its position. */
export function withoutCaret(source: string): { text: string; caret: Position | undefined } {
  const match = /\|\^\||<\|>/.exec(source);
  if (!match) return { text: source, caret: undefined };
  const before = source.slice(0, match.index);
  const lines = before.split('\n');
  return {
    text: source.slice(0, match.index) + source.slice(match.index + match[0].length),
    caret: { line: lines.length - 1, character: lines.at(-1)!.length },
  };
}

/** Every fixture of a feature folder, sorted by name. */
export function loadFixtures<Expected>(feature: string): Fixture<Expected>[] {
  const folder = join(fixturesRoot, feature);
  return readdirSync(folder)
    .filter((file) => file.endsWith('.cloudarch.yaml') && !file.endsWith('.after.cloudarch.yaml'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.cloudarch\.yaml$/, '');
      const { text, caret } = withoutCaret(readFileSync(join(folder, file), 'utf8'));
      const expected = JSON.parse(readFileSync(join(folder, `${name}.expected.json`), 'utf8')) as Expected;
      return { name, text, caret, expected };
    });
}

/** Reads a sibling file of a fixture. */
export function readSibling(feature: string, file: string): string {
  return readFileSync(join(fixturesRoot, feature, file), 'utf8');
}

/** Offset of a position in a text. */
function offsetAt(text: string, position: Position): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let line = 0; line < position.line; line++) offset += lines[line]!.length + 1;
  return offset + position.character;
}

/** Applies non-overlapping edits to a text, as an editor would. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  let result = text;
  for (const edit of sorted)
    result = result.slice(0, offsetAt(result, edit.range.start)) + edit.newText + result.slice(offsetAt(result, edit.range.end));
  return result;
}
