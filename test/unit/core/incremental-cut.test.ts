/**
 * Cutting an edited file incrementally (`splitEdited`: only the pieces around the change are cut
 * again) gives exactly the cut of a fresh `splitPieces`, and parsing with `previous` gives exactly
 * a fresh parse, for edits that move piece boundaries: a resource typed in the middle, one deleted,
 * indentation changed, a resource name line joined to the one above, pieces merged and split.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { generateArchitecture } from '../../../bench/generate';
import { splitEdited, splitPieces } from '../../../src/core/blocks';
import { parseArchitecture, type ArchDocument } from '../../../src/core';

/** Everything a consumer can see, as comparable data (catalog entries by id only). */
function snapshot(doc: ArchDocument): string {
  return JSON.stringify(
    { root: doc.root, resources: doc.resources, names: [...doc.resourceByName.keys()], references: doc.references, diagnostics: doc.diagnostics },
    (key, value: unknown) => (key === 'typeDef' ? ((value as { id?: string } | undefined)?.id ?? null) : value),
  );
}

const base = generateArchitecture(40);

/** The offset of the line of resource `name`. */
function lineOf(text: string, name: string): number {
  const at = text.indexOf(`\n  ${name}:\n`);
  assert.ok(at >= 0, `resource ${name} exists`);
  return at + 1;
}

/** Edits that change where pieces start and end, as functions of the text. */
const boundaryEdits: { title: string; edit: (text: string) => string }[] = [
  { title: 'a new resource typed in the middle', edit: (text) => text.slice(0, lineOf(text, 'web-1')) + '  cache-x:\n    type: aws.s3.bucket\n' + text.slice(lineOf(text, 'web-1')) },
  { title: 'a resource deleted', edit: (text) => text.slice(0, lineOf(text, 'web-1')) + text.slice(lineOf(text, 'lb-1')) },
  { title: 'a resource name indented (it joins the resource above)', edit: (text) => text.slice(0, lineOf(text, 'web-2')) + '  ' + text.slice(lineOf(text, 'web-2')) },
  { title: 'a property outdented to resource level (it becomes a resource)', edit: (text) => text.replace('\n    label: Web tier 2', '\n  label: Web tier 2') },
  { title: 'a resource name outdented to the top level', edit: (text) => text.slice(0, lineOf(text, 'web-2')) + text.slice(lineOf(text, 'web-2') + 2) },
  { title: 'the line break before a resource removed', edit: (text) => text.slice(0, lineOf(text, 'web-2') - 1) + ' ' + text.slice(lineOf(text, 'web-2')) },
  { title: 'two resources pasted at the end of one', edit: (text) => text.slice(0, lineOf(text, 'lb-2')) + '  p1:\n    type: external.users\n  p2:\n    type: external.users\n' + text.slice(lineOf(text, 'lb-2')) },
  { title: 'a tab typed in indentation', edit: (text) => text.slice(0, lineOf(text, 'lb-2') + 2) + '\t' + text.slice(lineOf(text, 'lb-2') + 2) },
  { title: 'a comment line added between resources', edit: (text) => text.slice(0, lineOf(text, 'lb-2')) + '  # note\n' + text.slice(lineOf(text, 'lb-2')) },
  { title: 'the last resource deleted', edit: (text) => text.slice(0, text.lastIndexOf('\n  ', text.length - 2) + 1) },
  { title: 'a character typed in the first resource name', edit: (text) => text.replace('\n  lb-sg-0:', '\n  lb-sgx-0:') },
];

describe('incremental cut', () => {
  for (const { title, edit } of boundaryEdits) {
    it(`${title}: the same pieces and the same document as a fresh parse`, () => {
      const after = edit(base);
      assert.notEqual(after, base);
      assert.deepEqual(splitEdited(after, base, splitPieces(base)), splitPieces(after));
      const previous = parseArchitecture(base);
      assert.equal(snapshot(parseArchitecture(after, { previous })), snapshot(parseArchitecture(after)));
    });
  }

  it('equals a fresh cut after random edits (typed text, deletions, line breaks, indentation)', function () {
    this.timeout(60_000);
    const snippets = ['a', ' ', '  ', '\n', '\n  ', '\n    ', '\n  x:\n    type: external.users\n', ':', '#', '- ', '\t', 'resources:\n', '\nz: 1\n', '[', '&a '];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.constantFrom(...snippets), fc.nat({ max: 40 })), { minLength: 1, maxLength: 5 }), (edits) => {
        let text = base;
        let split = splitPieces(text);
        for (const [at, insert, remove] of edits) {
          const offset = at % (text.length + 1);
          const next = text.slice(0, offset) + insert + text.slice(offset + remove);
          const incremental = splitEdited(next, text, split);
          assert.deepEqual(incremental, splitPieces(next));
          text = next;
          split = incremental;
        }
      }),
      { numRuns: 400, seed: 11 },
    );
  });
});
