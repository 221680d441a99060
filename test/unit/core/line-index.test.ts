/**
 * Offsets and LSP positions (src/core/line-index.ts): every diagnostic range, every edit of a quick
 * fix and every hover or completion position goes through these conversions. Each text below is
 * checked at every offset, every line and past both ends against lines cut independently here,
 * with LSP's line breaks: `\n`, `\r\n` and a lone `\r`.
 */
import { strict as assert } from 'node:assert';
import { LineIndex, rangeContains, shiftRange } from '../../../src/core/line-index';

/** The lines of a text as LSP reads them: start offset, content end, and the text without its break. */
function linesOf(text: string): { start: number; end: number; content: string }[] {
  const lines: { start: number; end: number; content: string }[] = [];
  let start = 0;
  for (const match of text.matchAll(/\r\n|\r|\n/g)) {
    lines.push({ start, end: match.index, content: text.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  lines.push({ start, end: text.length, content: text.slice(start) });
  return lines;
}

const texts: Record<string, string> = {
  'an empty text': '',
  'one line without a break': 'name: x',
  'LF lines, the last one ended': 'a: 1\nbb: 2\n',
  'CRLF lines with an empty one': 'a: 1\r\n\r\nccc: 3',
  'lone CRs': 'a\rb\r\rc',
  'a CR, then LF, kept apart by a character': 'a\rx\nb',
  'mixed breaks at the very end': 'x\r\n\n\r',
  'a line of only a break after text with surrogates': 'é😀\n\n',
};

describe('line index', () => {
  for (const [title, text] of Object.entries(texts)) {
    describe(title, () => {
      const index = new LineIndex(text);
      const lines = linesOf(text);

      it('has a start for each line, and counts them', () => {
        assert.deepEqual(
          index.lineStarts,
          lines.map((line) => line.start),
        );
        assert.equal(index.lineCount, lines.length);
      });

      it('gives each line its end, length and text', () => {
        lines.forEach((line, number) => {
          assert.equal(index.lineEndOffset(number), line.end, `end of line ${number}`);
          assert.equal(index.lineLength(number), line.end - line.start, `length of line ${number}`);
          assert.equal(index.lineText(number), line.content, `text of line ${number}`);
        });
        assert.equal(index.lineText(-1), '');
        assert.equal(index.lineText(lines.length), '');
      });

      it('places every offset, an offset in a line break at the end of its line, and clamps the others', () => {
        for (let offset = -2; offset <= text.length + 2; offset++) {
          const clamped = Math.max(0, Math.min(offset, text.length));
          const line = lines.reduce((found, candidate, number) => (candidate.start <= clamped ? number : found), 0);
          const character = Math.min(clamped, lines[line]!.end) - lines[line]!.start;
          assert.deepEqual(index.positionAt(offset), { line, character }, `offset ${offset}`);
        }
        assert.deepEqual(index.rangeOf(0, text.length), { start: { line: 0, character: 0 }, end: index.positionAt(text.length) });
      });

      it('finds the offset of every position, clamping characters to the line and lines to the text', () => {
        lines.forEach((line, number) => {
          for (let character = -1; character <= line.end - line.start + 2; character++) {
            const expected = line.start + Math.max(0, Math.min(character, line.end - line.start));
            assert.equal(index.offsetAt({ line: number, character }), expected, `${number}:${character}`);
          }
        });
        assert.equal(index.offsetAt({ line: -1, character: 3 }), 0);
        assert.equal(index.offsetAt({ line: lines.length, character: 0 }), text.length);
      });
    });
  }
});

describe('ranges', () => {
  const range = { start: { line: 2, character: 4 }, end: { line: 4, character: 1 } };

  it('moves a range down and up by whole lines, and not at all by 0', () => {
    assert.deepEqual(shiftRange(range, 3), { start: { line: 5, character: 4 }, end: { line: 7, character: 1 } });
    assert.deepEqual(shiftRange(range, -2), { start: { line: 0, character: 4 }, end: { line: 2, character: 1 } });
    assert.equal(shiftRange(range, 0), range);
  });

  it('holds the positions from its start to its end, both included', () => {
    const inside = (line: number, character: number): boolean => rangeContains(range, { line, character });
    assert.deepEqual(
      [inside(2, 4), inside(2, 9), inside(3, 0), inside(4, 0), inside(4, 1)],
      [true, true, true, true, true],
      'inside, ends included',
    );
    assert.deepEqual([inside(1, 9), inside(2, 3), inside(4, 2), inside(5, 0)], [false, false, false, false], 'outside');
  });
});
