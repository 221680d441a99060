/**
 * Property: reading a file incrementally (reusing the previous parse's pieces) gives exactly the
 * document a fresh parse gives, after any sequence of random edits: typed characters, deleted
 * spans, inserted, removed and duplicated lines, in any resource or section.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseArchitecture, type ArchDocument } from '../../src/core';

const examples = join(__dirname, '..', '..', 'examples');
const bases = readdirSync(examples)
  .filter((name) => name.endsWith('.cloudarch.yaml'))
  .slice(0, 4)
  .map((name) => readFileSync(join(examples, name), 'utf8'));
const fixtureBase = readFileSync(join(__dirname, '..', 'fixtures', 'validate', 'ebs-zone-mismatch.cloudarch.yaml'), 'utf8');
const texts = [fixtureBase, ...bases];

/** Everything a consumer can see, as comparable data (catalog entries by id only). */
function snapshot(doc: ArchDocument): string {
  return JSON.stringify(
    {
      root: doc.root,
      top: [doc.formatVersion, doc.name, doc.description, doc.region, doc.zones, doc.workload, doc.assumptions, doc.targets],
      resources: doc.resources,
      names: [...doc.resourceByName.keys()],
      references: doc.references,
      diagnostics: doc.diagnostics,
    },
    (key, value: unknown) => (key === 'typeDef' ? ((value as { id?: string } | undefined)?.id ?? null) : value),
  );
}

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'line'; at: number; op: 'duplicate' | 'remove' | 'blank' };

const snippets = [
  'a',
  ' ',
  '\n',
  ':',
  '- ',
  '  x: 1\n',
  '[',
  ']',
  '{',
  '#',
  'type: aws.s3.bucket',
  '\n  extra:\n    type: external.users\n',
  '"',
  '\t',
  'é',
  '😀',
  '*a',
  '&a ',
];

const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...snippets) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({
    kind: fc.constant('line' as const),
    at: fc.nat(),
    op: fc.constantFrom('duplicate' as const, 'remove' as const, 'blank' as const),
  }),
);

function apply(text: string, edit: Edit): string {
  if (edit.kind === 'insert') {
    const at = edit.at % (text.length + 1);
    return text.slice(0, at) + edit.text + text.slice(at);
  }
  if (edit.kind === 'delete') {
    const at = edit.at % (text.length + 1);
    return text.slice(0, at) + text.slice(at + edit.length);
  }
  const lines = text.split('\n');
  const at = edit.at % lines.length;
  if (edit.op === 'duplicate') lines.splice(at, 0, lines[at]!);
  else if (edit.op === 'remove') lines.splice(at, 1);
  else lines.splice(at, 0, '');
  return lines.join('\n');
}

describe('incremental parsing (property)', () => {
  it('equals a fresh parse after any sequence of edits', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(editArbitrary, { minLength: 1, maxLength: 6 }), (base, edits) => {
        let text = base;
        let previous = parseArchitecture(text);
        for (const edit of edits) {
          text = apply(text, edit);
          const incremental = parseArchitecture(text, { previous });
          const fresh = parseArchitecture(text);
          assert.equal(snapshot(incremental), snapshot(fresh));
          previous = incremental;
        }
      }),
      { numRuns: 60, seed: 20240611 },
    );
  });

  it("reuses unchanged resources: a one-line edit leaves other resources' nodes identical", () => {
    const base = texts[1]!;
    const first = parseArchitecture(base);
    const last = first.resources[first.resources.length - 1]!;
    const lines = base.split('\n');
    lines.splice(last.range.end.line + 1, 0, '    # a new comment');
    const second = parseArchitecture(lines.join('\n'), { previous: first });
    assert.equal(second.resources[0], first.resources[0], 'the first resource is the same object');
  });
});
