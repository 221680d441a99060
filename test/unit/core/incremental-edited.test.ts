/**
 * Property: the edit-sized path of the incremental parse (an edit inside the resources re-reads
 * only the pieces it replaced and slices the rest) gives exactly the document a fresh parse gives,
 * deep-equal, for edits aimed at its corners: piece boundaries, renames onto existing names
 * (duplicates) and back, inserted and removed lines, anchors and aliases appearing, characters
 * that need cleaning up, and two parses made from the same previous document.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { generateArchitecture } from '../../../bench/generate';
import { parseArchitecture } from '../../../src/core';
import { assertEqualsFreshParse } from './fresh-parse';

const base = generateArchitecture(30);

/** Line starts of the resource name lines (two-space indented keys), where boundary edits aim. */
function nameLineStarts(text: string): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf('\n  '); at >= 0; at = text.indexOf('\n  ', at + 1)) {
    if (text[at + 3] !== ' ' && text[at + 3] !== '#') starts.push(at + 1);
  }
  return starts;
}

type Edit =
  | { kind: 'type'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'boundary'; piece: number; text: string }
  | { kind: 'rename'; piece: number; to: number | string }
  | { kind: 'line'; at: number; op: 'duplicate' | 'remove' | 'blank' | 'comment' };

const typed = ['1', 'x', ' ', '\n', ': ', '- ', '#', '&a ', '*a', '\u0000', '\r', '\t', '[', '{', '"', 'é'];
const atBoundary = [
  '  extra-1:\n    type: external.users\n',
  '  # between\n',
  '\n',
  '    label: x\n',
  '  x',
  'resources:\n',
  '  web-0:\n    type: aws.s3.bucket\n',
];

const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), at: fc.nat(), text: fc.constantFrom(...typed) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('boundary' as const), piece: fc.nat(), text: fc.constantFrom(...atBoundary) }),
  fc.record({
    kind: fc.constant('rename' as const),
    piece: fc.nat(),
    to: fc.oneof(fc.nat(), fc.constantFrom('renamed', 'Bad_Name', 'web-0')),
  }),
  fc.record({
    kind: fc.constant('line' as const),
    at: fc.nat(),
    op: fc.constantFrom('duplicate' as const, 'remove' as const, 'blank' as const, 'comment' as const),
  }),
);

/** Applies an edit; positions are taken modulo the text so every edit lands somewhere. */
function apply(text: string, edit: Edit): string {
  const starts = nameLineStarts(text);
  switch (edit.kind) {
    case 'type': {
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + edit.text + text.slice(at);
    }
    case 'delete': {
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + edit.length);
    }
    case 'boundary': {
      if (starts.length === 0) return text + edit.text;
      const at = starts[edit.piece % starts.length]!;
      return text.slice(0, at) + edit.text + text.slice(at);
    }
    case 'rename': {
      if (starts.length === 0) return text;
      const at = starts[edit.piece % starts.length]! + 2;
      const end = text.indexOf(':', at);
      if (end < 0 || text.lastIndexOf('\n', end) >= at) return text;
      const name =
        typeof edit.to === 'string'
          ? edit.to
          : text.slice(starts[edit.to % starts.length]! + 2, text.indexOf(':', starts[edit.to % starts.length]!));
      return text.slice(0, at) + name + text.slice(end);
    }
    case 'line': {
      const lines = text.split('\n');
      const at = edit.at % lines.length;
      if (edit.op === 'duplicate') lines.splice(at, 0, lines[at]!);
      else if (edit.op === 'remove') lines.splice(at, 1);
      else lines.splice(at, 0, edit.op === 'blank' ? '' : '    # note');
      return lines.join('\n');
    }
  }
}

describe('incremental parsing: the edit-sized path (property)', () => {
  it('equals a fresh parse after any sequence of edits aimed at pieces, names and lines', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(fc.array(editArbitrary, { minLength: 1, maxLength: 8 }), (edits) => {
        let text = base;
        let previous = parseArchitecture(text);
        for (const edit of edits) {
          text = apply(text, edit);
          const incremental = parseArchitecture(text, { previous });
          assertEqualsFreshParse(incremental);
          previous = incremental;
        }
      }),
      { numRuns: 150, seed: 20250301 },
    );
  });

  it('gives two parses from the same previous document their own results, and both stay reusable', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(editArbitrary, editArbitrary, editArbitrary, (left, right, next) => {
        const previous = parseArchitecture(apply(base, { kind: 'type', at: base.indexOf('sizeGB: ') + 8, text: '2' }));
        const snapshotBefore = JSON.stringify(previous.diagnostics) + JSON.stringify(previous.resources.map((resource) => resource.range));
        const first = parseArchitecture(apply(previous.text, left), { previous });
        const second = parseArchitecture(apply(previous.text, right), { previous });
        assertEqualsFreshParse(first);
        assertEqualsFreshParse(second);
        // The shared previous document is left as it was, and the first result still works as a base.
        assert.equal(
          JSON.stringify(previous.diagnostics) + JSON.stringify(previous.resources.map((resource) => resource.range)),
          snapshotBefore,
        );
        assertEqualsFreshParse(parseArchitecture(apply(first.text, next), { previous: first }));
        assertEqualsFreshParse(parseArchitecture(previous.text, { previous: second }));
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('keeps the unchanged resources as the same objects when a line is inserted (those above) or a name changes (all)', () => {
    const before = parseArchitecture(base);
    const middle = Math.floor(before.resources.length / 2);
    const lines = base.split('\n');
    lines.splice(before.resources[middle]!.nameRange.start.line + 1, 0, '    # a note');
    const inserted = parseArchitecture(lines.join('\n'), { previous: before });
    assertEqualsFreshParse(inserted);
    assert.deepEqual(
      inserted.resources.flatMap((resource, at) => (resource === before.resources[at] ? [at] : [])),
      before.resources.slice(0, middle).map((_, at) => at),
    );
    const rename = before.resources[3]!.nameRange.start;
    const lineStart = base.split('\n').slice(0, rename.line).join('\n').length + 1;
    const renamedText = base.slice(0, lineStart + rename.character) + 'z' + base.slice(lineStart + rename.character);
    const renamed = parseArchitecture(renamedText, { previous: before });
    assertEqualsFreshParse(renamed);
    assert.deepEqual(
      renamed.resources.flatMap((resource, at) => (resource === before.resources[at] ? [] : [at])),
      [3],
    );
  });

  it("reports a wrong-kind reference at its target's new place when lines move the target only", () => {
    // `lb-0` names `app-0` as a security group: the diagnostic points at `app-0`'s name as well,
    // and a line inserted between the two moves only that name.
    const wrong = base.replace('securityGroups: [lb-sg-0]', 'securityGroups: [app-0]');
    const before = parseArchitecture(wrong);
    assert.ok(before.diagnostics.some((diagnostic) => diagnostic.code === 'wrong-reference-kind'));
    const lines = wrong.split('\n');
    const app = before.resourceByName.get('app-0')!;
    lines.splice(app.nameRange.start.line, 0, '  # moves app-0 down');
    const after = parseArchitecture(lines.join('\n'), { previous: before });
    assertEqualsFreshParse(after);
  });
});
