/**
 * Ranges as a user sees them (keys, values, flow style, quoted scalars, CRLF, characters outside
 * the BMP), what `locate` answers under a caret, and edits that keep the text's formatting.
 * Carets are written `|` in the fixtures below and removed before parsing.
 */
import { strict as assert } from 'node:assert';
import {
  insertListItemEdit,
  locate,
  parseArchitecture,
  rangeOfPath,
  renameResourceEdits,
  setPropertyEdit,
  type Position,
  type Range,
  type TextEdit,
} from '../../../src/core';

function caret(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const before = text.slice(0, offset).split(/\r\n|\n/);
  return { text, position: { line: before.length - 1, character: before[before.length - 1]!.length } };
}

function slice(text: string, range: Range): string {
  const lines = text.split(/\r\n|\n/);
  if (range.start.line === range.end.line) return lines[range.start.line]!.slice(range.start.character, range.end.character);
  return [
    lines[range.start.line]!.slice(range.start.character),
    ...lines.slice(range.start.line + 1, range.end.line),
    lines[range.end.line]!.slice(0, range.end.character),
  ].join('\n');
}

function apply(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offsetOf = (position: Position) =>
    lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
  return [...edits]
    .sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start))
    .reduce((result, edit) => result.slice(0, offsetOf(edit.range.start)) + edit.newText + result.slice(offsetOf(edit.range.end)), text);
}

const base = `cloudarch: "1"
name: Ranges
zones: [a, b]
resources:
  web:
    type: aws.autoscaling.group   # the app
    instanceType: "t3.medium"
    zones: [a, b]
    min: 2
    max: 4
    connectsTo: [db:5432, { to: cache, optional: true }]
    volumes:
      - { volumeType: gp3, sizeGB: 20 }
  db:
    type: aws.rds.instance
    engine: postgres
    instanceClass: db.r5.large
    zones: [a, b]
  cache: { type: external.onprem-server, label: "Ça 😀 cache" }
`;

describe('ranges, locate and edits', () => {
  const doc = parseArchitecture(base);

  it('places keys, values, quoted and flow values exactly', () => {
    const web = doc.resourceByName.get('web')!;
    assert.equal(slice(base, web.nameRange), 'web');
    assert.equal(slice(base, web.typeRange!), 'aws.autoscaling.group');
    assert.equal(slice(base, rangeOfPath(doc, 'web', ['instanceType'])!), '"t3.medium"');
    assert.equal(slice(base, rangeOfPath(doc, 'web', ['volumes', 0, 'sizeGB'])!), '20');
    const cache = doc.resourceByName.get('cache')!;
    assert.equal(slice(base, rangeOfPath(doc, 'cache', ['label'])!), '"Ça 😀 cache"');
    assert.equal(cache.props.label, 'Ça 😀 cache');
  });

  it('places a missing property at its nearest written ancestor, a key without a value at the key', () => {
    // The range a diagnostic about a property shows (the cost of an unpriced property, for one).
    assert.equal(slice(base, rangeOfPath(doc, 'web', ['volumes', 0, 'iops'])!), '{ volumeType: gp3, sizeGB: 20 }');
    assert.equal(slice(base, rangeOfPath(doc, 'web', ['scaling'])!), 'web');
    assert.equal(rangeOfPath(doc, 'nobody', ['type']), undefined);
    const bare = 'resources:\n  web:\n    type: aws.ec2.instance\n    tags:\n';
    assert.equal(slice(bare, rangeOfPath(parseArchitecture(bare), 'web', ['tags', 'team'])!), 'tags');
  });

  it('records references with the name range only, ports and optional flags', () => {
    const fromWeb = doc.references.filter((reference) => reference.from === 'web');
    const db = fromWeb.find((reference) => reference.target === 'db')!;
    assert.equal(slice(base, db.range), 'db');
    assert.equal(db.port, 5432);
    const cache = fromWeb.find((reference) => reference.target === 'cache')!;
    assert.equal(cache.optional, true);
    assert.equal(cache.role, 'hard');
  });

  it('keeps ranges right with CRLF line ends and characters outside the BMP', () => {
    const crlf = base.replace(/\n/g, '\r\n');
    const other = parseArchitecture(crlf);
    assert.deepEqual(other.resourceByName.get('cache')!.nameRange, doc.resourceByName.get('cache')!.nameRange);
    const emoji = parseArchitecture(base.replace('"Ça 😀 cache" }', '"Ça 😀 cache", connectsTo: [nowhere] }'));
    const unknown = emoji.diagnostics.find((diagnostic) => diagnostic.code === 'unknown-reference')!;
    // 😀 is two UTF-16 code units, as LSP counts characters.
    assert.equal(unknown.range.start.character, '  cache: { type: external.onprem-server, label: "Ça 😀 cache", connectsTo: ['.length);
  });

  it('locates a value, a key, a reference and a blank line inside a resource', () => {
    const onValue = caret(base.replace('engine: postgres', 'engine: post|gres'));
    const value = locate(parseArchitecture(onValue.text), onValue.position);
    assert.equal(value.resource?.name, 'db');
    assert.deepEqual(value.path, ['engine']);
    assert.equal(value.onKey, false);

    const onKey = caret(base.replace('instanceClass:', 'instance|Class:'));
    const key = locate(parseArchitecture(onKey.text), onKey.position);
    assert.equal(key.onKey, true);
    assert.equal(key.keyName, 'instanceClass');

    const onReference = caret(base.replace('[db:5432', '[d|b:5432'));
    assert.equal(locate(parseArchitecture(onReference.text), onReference.position).reference?.target, 'db');

    const blank = caret(base.replace('    max: 4\n', '    max: 4\n    |\n'));
    const spot = locate(parseArchitecture(blank.text), blank.position);
    assert.equal(spot.resource?.name, 'web');
    assert.deepEqual(spot.path, []);
    assert.equal(spot.onKey, true);
    assert.equal(spot.map?.kind, 'map');

    const nested = caret(
      base.replace('    volumes:\n      - { volumeType: gp3, sizeGB: 20 }\n', '    scaling:\n      metric: cpu\n      |\n'),
    );
    const inside = locate(parseArchitecture(nested.text), nested.position);
    assert.deepEqual(inside.path, ['scaling']);
  });

  it('sets a scalar, inserts a missing key in block and flow style, and appends list items', () => {
    assert.ok(apply(base, [setPropertyEdit(doc, 'web', ['max'], 6)!]).includes('    max: 6\n'));
    const inserted = apply(base, [setPropertyEdit(doc, 'db', ['multiAZ'], true)!]);
    assert.ok(inserted.includes('    zones: [a, b]\n    multiAZ: true\n  cache:'), inserted);
    const flow = apply(base, [setPropertyEdit(doc, 'cache', ['count'], 2)!]);
    assert.ok(flow.includes('label: "Ça 😀 cache", count: 2 }'), flow);
    const appended = apply(base, [insertListItemEdit(doc, 'db', ['zones'], 'c')!]);
    assert.ok(appended.includes('    zones: [a, b, c]\n  cache'), appended);
    assert.ok(
      apply(base, [setPropertyEdit(doc, 'web', ['type'], 'aws.ec2.instance')!]).includes('type: aws.ec2.instance   # the app'),
      'the comment stays',
    );
  });

  it('renames a resource and every reference, including name:port forms', () => {
    const renamed = apply(base, renameResourceEdits(doc, 'db', 'database'));
    assert.ok(renamed.includes('  database:\n'));
    assert.ok(renamed.includes('[database:5432,'));
    const again = parseArchitecture(renamed);
    assert.equal(again.diagnostics.filter((diagnostic) => diagnostic.code === 'unknown-reference').length, 0);
  });

  it('fixes carried by diagnostics apply cleanly (unknown zone adds the zone)', () => {
    const text = base.replace('    zones: [a, b]\n    min', '    zones: [a, d]\n    min');
    const withZone = parseArchitecture(text);
    const diagnostic = withZone.diagnostics.find((candidate) => candidate.code === 'unknown-zone')!;
    const fixed = apply(text, diagnostic.fixes![0]!.edits);
    assert.ok(fixed.startsWith('cloudarch: "1"\nname: Ranges\nzones: [a, b, d]\n'), fixed);
    assert.equal(parseArchitecture(fixed).diagnostics.filter((candidate) => candidate.code === 'unknown-zone').length, 0);
  });
});
