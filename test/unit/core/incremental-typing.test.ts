/**
 * The incremental parse while a user types, one keystroke at a time: a new resource written line by
 * line at the end of a resource (its name is a piece that holds no resource until the `:` is
 * typed), a name typed and deleted again, a referenced resource renamed character by character,
 * onto an existing name and back, and the did-you-mean answers those renames change. After every
 * keystroke the incremental document must be deep-equal to a fresh parse of the same text.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { generateArchitecture } from '../../../bench/generate';
import { parseArchitecture, type ArchDocument } from '../../../src/core';
import { assertEqualsFreshParse } from './fresh-parse';

const base = generateArchitecture(30);

/** The offset of the line break that ends the resource before the first name line after `from`. */
function endOfResourceBefore(text: string, from: number): number {
  const pattern = /\n  [a-z]/g;
  pattern.lastIndex = from;
  return pattern.exec(text)!.index;
}

/**
 * Types `typed` at `at` one character per parse, then deletes it again one character per parse
 * (backspace from its end), checking every document; answers the documents in order.
 */
function typeAndDelete(text: string, at: number, typed: string): ArchDocument[] {
  let previous = parseArchitecture(text);
  const documents: ArchDocument[] = [];
  const step = (next: string, label: string): void => {
    previous = parseArchitecture(next, { previous });
    assertEqualsFreshParse(previous, label);
    documents.push(previous);
  };
  for (let length = 1; length <= typed.length; length++)
    step(text.slice(0, at) + typed.slice(0, length) + text.slice(at), `typed ${JSON.stringify(typed.slice(0, length))}`);
  for (let length = typed.length - 1; length >= 0; length--)
    step(text.slice(0, at) + typed.slice(0, length) + text.slice(at), `deleted back to ${JSON.stringify(typed.slice(0, length))}`);
  return documents;
}

/** The offset just after a resource's name (where its `:` is). */
function nameEnd(text: string, name: string): number {
  return text.indexOf(`\n  ${name}:`) + 3 + name.length;
}

describe('incremental parsing while typing', () => {
  const middle = endOfResourceBefore(base, Math.floor(base.length / 2));

  it('types a new resource line by line at the end of a resource, and deletes it again', function () {
    this.timeout(60_000);
    const documents = typeAndDelete(
      base,
      middle,
      '\n  new-resource:\n    type: aws.s3.bucket\n    versioning: true\n    connectsTo: [db-0, cach]',
    );
    const count = parseArchitecture(base).resources.length;
    // While the name is typed before its `:`, the piece holds no resource and reports why.
    const partial = documents.find((document) => document.text.includes('\n  new-reso\n'))!;
    assert.equal(partial.resources.length, count);
    assert.ok(partial.diagnostics.some((diagnostic) => diagnostic.message.includes('Expected a resource name followed by `:`')));
    const complete = documents.find((document) => document.text.includes('connectsTo: [db-0, cach]'))!;
    assert.equal(complete.resources.length, count + 1);
    assert.ok(complete.diagnostics.some((diagnostic) => diagnostic.message.startsWith('No resource is named `cach`')));
  });

  it('types a name that repeats an existing one, and one typed at the first and at the last resource', function () {
    this.timeout(60_000);
    typeAndDelete(base, middle, '\n  web-0:\n    type: aws.s3.bucket');
    typeAndDelete(base, endOfResourceBefore(base, base.indexOf('resources:') + 12), '\n  ne:\n    type: aws.s3.bucket');
    typeAndDelete(base, base.length - 1, '\n  last-one:\n    type: aws.s3.bucket');
  });

  it('types two names in a row that hold no resource, and a name between two resources', function () {
    this.timeout(60_000);
    typeAndDelete(base, middle, '\n  a\n  b\n  c:\n    type: aws.s3.bucket');
    const start = middle + 1;
    typeAndDelete(base, start, '  fresh:\n    type: aws.sqs.queue\n');
  });

  it('renames a referenced resource one character at a time, onto an existing name and back', function () {
    this.timeout(60_000);
    const documents = typeAndDelete(base, nameEnd(base, 'db-0'), '-primary');
    // One character on, the references to `db-0` suggest the new name; further on, no longer.
    assert.ok(
      documents[0]!.diagnostics.some(
        (diagnostic) =>
          diagnostic.message === 'No resource is named `db-0`; did you mean `db-0-`?' || diagnostic.message.includes('`db-0-`'),
      ),
    );
    assert.ok(!documents[4]!.diagnostics.some((diagnostic) => diagnostic.message.includes('`db-0-pr')));
    // `db-0` to `db-1` (a name that exists) and back, through `db-`.
    let previous = parseArchitecture(base);
    const at = nameEnd(base, 'db-0') - 1;
    for (const text of [
      base.slice(0, at) + base.slice(at + 1),
      base.slice(0, at) + '1' + base.slice(at + 1),
      base.slice(0, at) + base.slice(at + 1),
      base,
    ]) {
      previous = parseArchitecture(text, { previous });
      assertEqualsFreshParse(previous, text.slice(at - 3, at + 3));
    }
  });

  it('suggests names that renames brought in and drops those they took away', function () {
    this.timeout(60_000);
    // `cdm` is unknown throughout: `cdn` is its answer until `cdn` is renamed to `cdnq`, and again after.
    const withTypo = base.replace('targets: [cdn]', 'targets: [cdm]');
    assert.notEqual(withTypo, base);
    const documents = typeAndDelete(withTypo, nameEnd(withTypo, 'cdn'), 'q');
    const message = (document: ArchDocument): string =>
      document.diagnostics.find((diagnostic) => diagnostic.message.startsWith('No resource is named `cdm`'))?.message ?? '';
    assert.equal(message(parseArchitecture(withTypo)), 'No resource is named `cdm`; did you mean `cdn`?');
    assert.equal(message(documents[0]!), 'No resource is named `cdm` in this file.');
    assert.equal(message(documents[1]!), 'No resource is named `cdm`; did you mean `cdn`?');
  });

  it('finds a dependency cycle again after names change around it, and loses it when a member is renamed', function () {
    this.timeout(60_000);
    const cyclic = base.replace(
      '\nresources:\n',
      (start) =>
        `${start}  loop-a:\n    type: aws.lambda.function\n    connectsTo: [loop-b]\n  loop-b:\n    type: aws.lambda.function\n    dependsOn: [loop-a]\n`,
    );
    const documents = typeAndDelete(cyclic, middle + (cyclic.length - base.length), '\n  spare:\n    type: aws.s3.bucket');
    for (const document of documents) assert.ok(document.diagnostics.some((diagnostic) => diagnostic.code === 'dependency-cycle'));
    const renamed = typeAndDelete(cyclic, nameEnd(cyclic, 'loop-b'), 'z');
    assert.ok(!renamed[0]!.diagnostics.some((diagnostic) => diagnostic.code === 'dependency-cycle'));
  });

  it('finds a dependency cycle that a rename closes, where there was none before, and loses it when the rename is undone', function () {
    this.timeout(60_000);
    // loop-b waits for `loopx`, which does not exist yet; typing `x` after `loop` names it, and
    // loop-a -> loop-b -> loopx -> loop-a becomes a cycle.
    const open = base.replace(
      '\nresources:\n',
      (start) =>
        `${start}  loop-a:\n    type: aws.lambda.function\n    connectsTo: [loop-b]\n  loop-b:\n    type: aws.lambda.function\n    dependsOn: [loopx]\n  loop:\n    type: aws.lambda.function\n    dependsOn: [loop-a]\n`,
    );
    assert.ok(!parseArchitecture(open).diagnostics.some((diagnostic) => diagnostic.code === 'dependency-cycle'));
    const [closed, reopened] = typeAndDelete(open, nameEnd(open, 'loop'), 'x');
    assert.ok(
      closed!.diagnostics.some((diagnostic) => diagnostic.code === 'dependency-cycle'),
      'the rename closes the cycle',
    );
    assert.ok(!reopened!.diagnostics.some((diagnostic) => diagnostic.code === 'dependency-cycle'), 'undoing it opens the cycle again');
  });

  it('keeps the resources above a name being typed as the same objects', () => {
    const before = parseArchitecture(base);
    const text = base.slice(0, middle) + '\n  ne' + base.slice(middle);
    const after = parseArchitecture(text, { previous: before });
    assertEqualsFreshParse(after, 'typed `  ne`');
    const above = before.resources.filter(
      (resource) =>
        resource.range.end.line <
        after.diagnostics.find((diagnostic) => diagnostic.message.includes('Expected a resource name'))!.range.start.line,
    );
    assert.ok(above.length > 5);
    for (const resource of above) assert.equal(after.resourceByName.get(resource.name), resource, resource.name);
  });

  it('gives two parses from a document with a name being typed their own results', () => {
    const typing = parseArchitecture(base.slice(0, middle) + '\n  ne' + base.slice(middle), { previous: parseArchitecture(base) });
    const left = parseArchitecture(base.slice(0, middle) + '\n  new:' + base.slice(middle), { previous: typing });
    const right = parseArchitecture(base.slice(0, middle) + base.slice(middle), { previous: typing });
    assertEqualsFreshParse(typing, 'shared previous');
    assertEqualsFreshParse(left, 'left');
    assertEqualsFreshParse(right, 'right');
    assertEqualsFreshParse(parseArchitecture(typing.text, { previous: left }), 'back from left');
  });

  it('equals a fresh parse after any keystrokes typed and deleted around a name line (property)', function () {
    this.timeout(120_000);
    const keys = ['a', 'b', '-', ':', ' ', '\n', 'db-0', 'db-1', '[', ']', ',', '#', 'x'];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...keys), fc.constant(undefined)), { minLength: 1, maxLength: 24 }),
        fc.nat(),
        (strokes, place) => {
          const starts = [middle, nameEnd(base, 'db-0'), nameEnd(base, 'cache-1'), endOfResourceBefore(base, 0)];
          let cursor = starts[place % starts.length]!;
          let text = base;
          let previous = parseArchitecture(text);
          for (const stroke of strokes) {
            if (stroke === undefined) {
              if (cursor === 0) continue;
              text = text.slice(0, cursor - 1) + text.slice(cursor);
              cursor--;
            } else {
              text = text.slice(0, cursor) + stroke + text.slice(cursor);
              cursor += stroke.length;
            }
            previous = parseArchitecture(text, { previous });
            assertEqualsFreshParse(previous, JSON.stringify(text.slice(Math.max(0, cursor - 20), cursor + 5)));
          }
        },
      ),
      { numRuns: 60, seed: 424242 },
    );
  });
});
