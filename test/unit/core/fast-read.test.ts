/**
 * Differential test of the fast reader (src/core/fast-read.ts) against `readYaml` (yaml's parser and
 * composer): whenever the fast reader answers, its tree, plain values and ranges must equal
 * `readYaml`'s exactly, and `readYaml` must have found nothing to report. Inputs: every fixture and
 * example, each cut into the pieces the parser reads, generated architectures, and random edits of
 * them (fast-check). The fast reader must also accept nearly every piece of an ordinary file, or the
 * speed it exists for is silently lost.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { generateArchitecture } from '../../../bench/generate';
import { splitPieces } from '../../../src/core/blocks';
import { fastReadYaml } from '../../../src/core/fast-read';
import { shiftValue } from '../../../src/core/shift';
import { readYaml } from '../../../src/core/yaml-read';

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.cloudarch\.ya?ml$/.test(name) ? [path] : [];
  });
}

const root = join(__dirname, '..', '..', '..');
/** test/fixtures/fast-read/cases.yaml: the forms the fast reader must read itself, and near misses. */
const fixture = parse(readFileSync(join(root, 'test', 'fixtures', 'fast-read', 'cases.yaml'), 'utf8')) as {
  readonly readsItself: readonly string[];
  readonly edgeCases: readonly string[];
};
const files = [...filesUnder(join(root, 'examples')), ...filesUnder(join(root, 'test', 'fixtures'))].map((path) =>
  readFileSync(path, 'utf8'),
);

/** A text and every piece the parser would read of it. */
function withPieces(text: string): string[] {
  const split = splitPieces(text);
  return split.kind === 'pieces'
    ? [text, ...split.sections.map((piece) => piece.text), ...split.resources.map((piece) => piece.text)]
    : [text];
}

/** Asserts the two readers agree on `text`; answers whether the fast reader accepted it. */
function agree(text: string): boolean {
  const fast = fastReadYaml(text);
  if (fast === undefined) return false;
  assert.deepEqual(fast.diagnostics, [], `the fast reader reported on ${JSON.stringify(text)}`);
  assert.deepEqual(fast.extraDocuments, []);
  const reference = readYaml(text);
  assert.deepEqual(reference.diagnostics, [], `the fast reader accepted a text yaml reports on: ${JSON.stringify(text)}`);
  assert.deepEqual(reference.extraDocuments, []);
  assert.deepEqual(fast.value, reference.value, `trees differ for ${JSON.stringify(text)}`);
  assert.deepEqual(fast.plain, reference.plain, `plain values differ for ${JSON.stringify(text)}`);
  return true;
}

describe('fast reader (differential against yaml)', () => {
  it('agrees with yaml on every fixture and example, whole and in pieces', () => {
    let accepted = 0;
    let total = 0;
    for (const text of files) {
      for (const piece of withPieces(text)) {
        total++;
        if (agree(piece)) accepted++;
      }
    }
    assert.ok(total > 500, `only ${total} texts`);
    assert.ok(accepted > total / 2, `the fast reader accepted only ${accepted} of ${total}`);
  });

  it('reads nearly every piece of a generated architecture itself', () => {
    const pieces = withPieces(generateArchitecture(300)).slice(1);
    const accepted = pieces.filter(agree).length;
    assert.ok(accepted >= pieces.length * 0.97, `accepted ${accepted} of ${pieces.length}`);
  });

  it('agrees with yaml on hand-picked edge cases', () => {
    const cases = [
      'a: b\n',
      'a: b',
      '  a: b\n\n',
      'a:\n  b: 1\n  c: [x, y]\n',
      'a: 1.50\n',
      'a: -0.5\n',
      'a: -0\n',
      'a: 0\n',
      'a: 10.0.0.0/16\n',
      'a: 1e3\n',
      'a: 0x1f\n',
      'a: "x"  # c\n',
      "a: 'it''s'\n",
      'a: "a\\"b"\n',
      'a: b # c\n',
      'a: b#c\n',
      'a: b:c\n',
      'a: b: c\n',
      'a: [a:b]\n',
      'a: [a: b]\n',
      'a: {a: b}\n',
      'a: {a:b}\n',
      'a: [ ]\n',
      'a: {}\n',
      'a: [a, ]\n',
      'a: [a,,b]\n',
      'a: [[a], {b: c}]\n',
      'a:\n- x\n',
      'a:\n  - x\n  - y: 1\n    z: 2\n  -  w: 3\n',
      'a:\n  - x\n    # c\n',
      'a:\n  - x\n  # c\n',
      'a:\n  b: 1\n    # deeper\n',
      'a:\n  b: 1\n# shallower\n',
      'a: b\n  c\n',
      'a:\n    b: 1\n  c: 2\n',
      'a: true\nb: False\nc: NULL\nd: ~\ne: yes\n',
      'true: 1\n',
      'a: b\na: c\n',
      '__proto__: 1\n',
      'a: |\n  x\n',
      'a: >\n  x\n',
      'a: &x 1\nb: *x\n',
      'a: !t 1\n',
      '---\na: 1\n',
      'a: 1\n---\nb: 2\n',
      'a: b\r\nc: d\r\n',
      'a:\r\n  - x\r\n',
      '- a\n',
      'a: b\n- c\n',
      'a:\n',
      'a:\nb: 1\n',
      'a: x y  z \n',
      'a: "unterminated\n',
      'a: [unterminated\n',
      'a: 12345678901234567890\n',
      'a: .5\n',
      'a: 1.\n',
      'a: +1\n',
      'a: -x\n',
      'a: - x\n',
      'a: 😀 é\n',
      'a:\t1\n',
      'a: %x\n',
      'a: @x\n',
    ];
    for (const text of cases) agree(text);
  });

  // The counts in these titles change when the fixture gains texts, so that Stryker's incremental
  // mode, which reuses results while test titles are unchanged, tests the survivors again.
  it(`reads every form of its subset itself, as yaml does (${fixture.readsItself.length} texts)`, () => {
    for (const text of fixture.readsItself) assert.ok(agree(text), `the fast reader declined ${JSON.stringify(text)}`);
  });

  it(`agrees with yaml on near misses of its subset (${fixture.edgeCases.length} texts)`, () => {
    for (const text of fixture.edgeCases) agree(text);
  });

  it("places a piece read at its line in the file where yaml's reading, moved there, puts it", () => {
    for (const text of fixture.readsItself) {
      const fast = fastReadYaml(text, 7);
      const reference = readYaml(text).value;
      assert.ok(fast !== undefined && reference !== undefined, JSON.stringify(text));
      assert.deepEqual(fast.value, shiftValue(reference, 7), `ranges differ for ${JSON.stringify(text)}`);
    }
  });

  it('agrees with yaml after random edits of ordinary pieces', function () {
    this.timeout(120_000);
    const pieces = [...withPieces(generateArchitecture(24)).slice(1), ...files.slice(0, 8).flatMap(withPieces)];
    let accepted = 0;
    let runs = 0;
    const snippets = [
      ' ',
      '  ',
      '\n',
      ':',
      ': ',
      '- ',
      '#',
      ' #',
      '[',
      ']',
      '{',
      '}',
      ',',
      '"',
      "'",
      'x',
      '1',
      '0',
      '.',
      '-',
      '\r\n',
      '\n  ',
      '\n    ',
      '\n      # c\n',
      'a: b\n',
      '~',
      '\\',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...pieces),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...snippets), fc.nat({ max: 3 })), { minLength: 1, maxLength: 4 }),
        (piece, edits) => {
          let text = piece;
          for (const [at, insert, remove] of edits) {
            const offset = at % (text.length + 1);
            text = text.slice(0, offset) + insert + text.slice(offset + remove);
          }
          runs++;
          if (agree(text)) accepted++;
        },
      ),
      { numRuns: 3000, seed: 7 },
    );
    // The edits must exercise the fast path, not only the fallback.
    assert.ok(accepted > runs / 10, `the fast reader accepted only ${accepted} of ${runs} edited texts`);
  });
});
