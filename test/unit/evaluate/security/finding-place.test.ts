/**
 * Where a finding points and what value a rule reads, for paths into one resource: the helpers every
 * rule uses (src/evaluate/security/rule.ts), read from a table. A finding about a written value
 * covers that value; about a key missing inside a written list item, the item; about anything else
 * not written (a missing property, an item past the end of a list, a step into a scalar), the
 * resource's name, never an error that would drop the finding. A rule reads values leniently the
 * same way: a path that does not fit what is written gives `undefined`, not an exception.
 *
 * The rule tables (finding-table.test.ts) cover the paths rules use today; this table also covers
 * the shapes no rule reaches yet (a step into a scalar or a list by name), so that a rule added later
 * gets the same answers.
 */
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseArchitecture } from '../../../../src/core';
import type { ResourceNode, ValuePath } from '../../../../src/core';
import { effective, rangeFor, valueAt } from '../../../../src/evaluate/security/rule';

const text = [
  'cloudarch: "1"',
  'name: finding places',
  'resources:',
  '  web:',
  '    type: aws.ec2.instance',
  '    instanceType: t3.micro',
  '    volumes:',
  '      - { sizeGB: 8, encrypted: false }',
  '      - sizeGB: 20',
  '    tags: ~',
  '  lb:',
  '    type: aws.elb.application',
  '  gadget:',
  '    type: acme.widget',
  '    colour: red',
  '',
].join('\n');

interface PlaceCase {
  readonly path: ValuePath;
  /** The text the range covers. */
  readonly covers: string;
  /** Its line (0-based), to tell a value from the same text elsewhere. */
  readonly line: number;
  /** What `valueAt` reads there. */
  readonly value: unknown;
}

const places: readonly PlaceCase[] = [
  { path: ['instanceType'], covers: 't3.micro', line: 5, value: 't3.micro' },
  { path: ['volumes', 0, 'encrypted'], covers: 'false', line: 7, value: false },
  { path: ['volumes', 0, 'sizeGB'], covers: '8', line: 7, value: 8 },
  { path: ['volumes', 1, 'sizeGB'], covers: '20', line: 8, value: 20 },
  // A key missing in a written item: the item, which tells the volumes apart.
  { path: ['volumes', 1, 'encrypted'], covers: 'sizeGB: 20', line: 8, value: undefined },
  { path: ['volumes', 0, 'iops'], covers: '{ sizeGB: 8, encrypted: false }', line: 7, value: undefined },
  // Nothing written to point at: the resource's name.
  { path: ['volumes', 5, 'encrypted'], covers: 'web', line: 3, value: undefined },
  { path: ['imdsv2'], covers: 'web', line: 3, value: undefined },
  { path: ['missing', 'deeper'], covers: 'web', line: 3, value: undefined },
  { path: ['missing', 0, 'deeper'], covers: 'web', line: 3, value: undefined },
  // Written with no value: the key's null is no map to step into.
  { path: ['tags', 'team'], covers: 'web', line: 3, value: undefined },
  // Steps that do not fit what is written: a position in a scalar, a name in a list or a scalar.
  { path: ['instanceType', 0], covers: 'web', line: 3, value: undefined },
  { path: ['volumes', 'length'], covers: 'web', line: 3, value: undefined },
  { path: ['instanceType', 'length'], covers: 'web', line: 3, value: undefined },
  { path: ['volumes', 0, 'sizeGB', 'x'], covers: '{ sizeGB: 8, encrypted: false }', line: 7, value: undefined },
];

/** The text a range covers and its first line. */
function covered(range: { start: { line: number; character: number }; end: { line: number; character: number } }): {
  covers: string;
  line: number;
} {
  const document = TextDocument.create('file:///places.cloudarch.yaml', 'cloudarch', 1, text);
  return { covers: text.slice(document.offsetAt(range.start), document.offsetAt(range.end)).trimEnd(), line: range.start.line };
}

describe('security rules: where a finding about a path points, and the value read there', () => {
  const resource = (name: string): ResourceNode => parseArchitecture(text).resourceByName.get(name)!;

  for (const item of places) {
    it(`${JSON.stringify(item.path)}: covers ${JSON.stringify(item.covers)}, reads ${JSON.stringify(item.value) ?? 'nothing'}`, () => {
      const web = resource('web');
      assert.deepEqual(covered(rangeFor(web, item.path)), { covers: item.covers, line: item.line });
      assert.equal(valueAt(web, item.path), item.value);
    });
  }

  it("reads a property as the file means it: written, else the catalog's default, else nothing (also for a type the catalog lacks)", () => {
    assert.equal(effective(resource('web'), 'instanceType'), 't3.micro');
    // The catalog's default for an application load balancer (src/model/types/networking.ts).
    assert.equal(effective(resource('lb'), 'scheme'), 'internet-facing');
    assert.equal(effective(resource('lb'), 'colour'), undefined);
    assert.equal(effective(resource('gadget'), 'colour'), 'red');
    assert.equal(effective(resource('gadget'), 'scheme'), undefined);
  });
});
