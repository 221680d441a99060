/**
 * Cutting an edited file incrementally (`splitEdited`: only the pieces around the change are cut
 * again) gives exactly the cut of a fresh `splitPieces`, and parsing with `previous` gives exactly
 * a fresh parse, for edits that move piece boundaries: a resource typed in the middle, one deleted,
 * indentation changed, a resource name line joined to the one above, pieces merged and split.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { generateArchitecture } from '../../../bench/generate';
import { splitEdited, splitPieces, type Piece, type Split, type SplitChange } from '../../../src/core/blocks';
import { parseArchitecture, type ArchDocument } from '../../../src/core';

/** Everything a consumer can see, as comparable data (catalog entries by id only). */
function snapshot(doc: ArchDocument): string {
  return JSON.stringify(
    {
      root: doc.root,
      resources: doc.resources,
      names: [...doc.resourceByName.keys()],
      references: doc.references,
      diagnostics: doc.diagnostics,
    },
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
  {
    title: 'a new resource typed in the middle',
    edit: (text) => text.slice(0, lineOf(text, 'web-1')) + '  cache-x:\n    type: aws.s3.bucket\n' + text.slice(lineOf(text, 'web-1')),
  },
  { title: 'a resource deleted', edit: (text) => text.slice(0, lineOf(text, 'web-1')) + text.slice(lineOf(text, 'lb-1')) },
  {
    title: 'a resource name indented (it joins the resource above)',
    edit: (text) => text.slice(0, lineOf(text, 'web-2')) + '  ' + text.slice(lineOf(text, 'web-2')),
  },
  {
    title: 'a property outdented to resource level (it becomes a resource)',
    edit: (text) => text.replace('\n    label: Web tier 2', '\n  label: Web tier 2'),
  },
  {
    title: 'a resource name outdented to the top level',
    edit: (text) => text.slice(0, lineOf(text, 'web-2')) + text.slice(lineOf(text, 'web-2') + 2),
  },
  {
    title: 'the line break before a resource removed',
    edit: (text) => text.slice(0, lineOf(text, 'web-2') - 1) + ' ' + text.slice(lineOf(text, 'web-2')),
  },
  {
    title: 'two resources pasted at the end of one',
    edit: (text) =>
      text.slice(0, lineOf(text, 'lb-2')) +
      '  p1:\n    type: external.users\n  p2:\n    type: external.users\n' +
      text.slice(lineOf(text, 'lb-2')),
  },
  {
    title: 'a tab typed in indentation',
    edit: (text) => text.slice(0, lineOf(text, 'lb-2') + 2) + '\t' + text.slice(lineOf(text, 'lb-2') + 2),
  },
  {
    title: 'a comment line added between resources',
    edit: (text) => text.slice(0, lineOf(text, 'lb-2')) + '  # note\n' + text.slice(lineOf(text, 'lb-2')),
  },
  { title: 'the last resource deleted', edit: (text) => text.slice(0, text.lastIndexOf('\n  ', text.length - 2) + 1) },
  { title: 'a character typed in the first resource name', edit: (text) => text.replace('\n  lb-sg-0:', '\n  lb-sgx-0:') },
];

/**
 * Cuts `next` from `text` incrementally and checks both answers: the cut equals a fresh one, and the
 * change it reports is true (pieces before it are the previous objects; pieces after it are the
 * previous texts, moved by the reported number of lines).
 */
function cutAndCheck(next: string, text: string, previous: Split): Split {
  const { split, change } = splitEdited(next, text, previous);
  assert.deepEqual(split, splitPieces(next));
  if (change !== undefined) {
    if (split.kind !== 'pieces' || previous.kind !== 'pieces') return assert.fail('a reported change is between two cuts in pieces');
    const nowPieces = split.resources;
    const thenPieces = previous.resources;
    for (let index = 0; index < change.from; index++)
      assert.equal(nowPieces[index], thenPieces[index], `piece ${index} before the change is kept`);
    assert.equal(nowPieces.length - change.newEnd, thenPieces.length - change.oldEnd, 'as many pieces after the change as before');
    for (let offset = 0; change.newEnd + offset < nowPieces.length; offset++) {
      const now: Piece = nowPieces[change.newEnd + offset]!;
      const then: Piece = thenPieces[change.oldEnd + offset]!;
      assert.equal(now.text, then.text, `piece ${change.newEnd + offset} after the change has the same text`);
      assert.equal(now.startLine, then.startLine + change.lineDelta, `piece ${change.newEnd + offset} moved by the reported lines`);
    }
  }
  return split;
}

describe('incremental cut', () => {
  for (const { title, edit } of boundaryEdits) {
    it(`${title}: the same pieces and the same document as a fresh parse`, () => {
      const after = edit(base);
      assert.notEqual(after, base);
      cutAndCheck(after, base, splitPieces(base));
      const previous = parseArchitecture(base);
      assert.equal(snapshot(parseArchitecture(after, { previous })), snapshot(parseArchitecture(after)));
    });
  }

  it('re-cuts only the resource pieces an edit inside the resources touches, and says which', () => {
    // What the parser re-reads on a keystroke: the pieces of the reported change, no others. (A
    // deleted resource's change takes in the next piece: its name line starts like the deleted one's,
    // so the compared text differs from there; the parser finds that piece again by its text.)
    const previous = splitPieces(base);
    assert.equal(previous.kind, 'pieces');
    if (previous.kind !== 'pieces') return;
    const web = previous.resources.findIndex((piece) => piece.text.startsWith('  web-1:\n'));
    const lines = previous.resources[web]!.text.split('\n').length - 1;
    const at = lineOf(base, 'web-1');
    const edits: [string, string, SplitChange | undefined][] = [
      ['the same text', base, { from: 0, oldEnd: 0, newEnd: 0, lineDelta: 0 }],
      [
        'a character typed',
        base.replace('\n  web-1:\n    type: ', '\n  web-1:\n    type: x'),
        { from: web, oldEnd: web + 1, newEnd: web + 1, lineDelta: 0 },
      ],
      [
        'a line added',
        base.slice(0, at) + '  web-1:\n    label: added\n' + base.slice(at + '  web-1:\n'.length),
        { from: web, oldEnd: web + 1, newEnd: web + 1, lineDelta: 1 },
      ],
      ['a resource typed above it', boundaryEdits[0]!.edit(base), { from: web, oldEnd: web + 1, newEnd: web + 2, lineDelta: 2 }],
      [
        'the resource deleted',
        base.slice(0, at) + base.slice(at + previous.resources[web]!.text.length),
        { from: web, oldEnd: web + 2, newEnd: web + 1, lineDelta: -lines },
      ],
      ['a key typed at the top level', `${base}zones: [a]\n`, undefined],
      ['a tab typed in indentation', boundaryEdits[7]!.edit(base), undefined],
    ];
    for (const [title, text, expected] of edits) {
      const { split, change } = splitEdited(text, base, previous);
      assert.deepEqual(change, expected, title);
      assert.deepEqual(split, splitPieces(text), title);
      if (title === 'the same text') assert.equal(split, previous, 'the same text keeps the same cut');
    }
  });

  it('equals a fresh cut after random edits (typed text, deletions, line breaks, indentation)', function () {
    this.timeout(60_000);
    const snippets = [
      'a',
      ' ',
      '  ',
      '\n',
      '\n  ',
      '\n    ',
      '\n  x:\n    type: external.users\n',
      ':',
      '#',
      '- ',
      '\t',
      'resources:\n',
      '\nz: 1\n',
      '[',
      '&a ',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...snippets), fc.nat({ max: 40 })), { minLength: 1, maxLength: 5 }),
        (edits) => {
          let text = base;
          let split = splitPieces(text);
          for (const [at, insert, remove] of edits) {
            const offset = at % (text.length + 1);
            const next = text.slice(0, offset) + insert + text.slice(offset + remove);
            split = cutAndCheck(next, text, split);
            text = next;
          }
        },
      ),
      { numRuns: 400, seed: 11 },
    );
  });
});
