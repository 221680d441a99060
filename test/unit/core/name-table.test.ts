/**
 * References resolved against the file's names, kept, carried over or moved from one parse to the
 * next (src/core/name-table.ts): after each edit of a typing session the document, with its
 * diagnostics, did-you-mean fixes and references, is the one a fresh parse gives, and the
 * diagnostics a user sees are pinned at the steps that change them.
 */
import { strict as assert } from 'node:assert';
import { parseArchitecture, type ArchDocument } from '../../../src/core';
import { assertEqualsFreshParse } from './fresh-parse';

const base = [
  'cloudarch: "1"',
  'name: names',
  'zones: [a, b]',
  'resources:',
  '  api:',
  '    type: aws.lambda.function',
  '    dependsOn: [db, cache]',
  '    connectsTo: [queue:443]',
  '  db:',
  '    type: aws.rds.instance',
  '    engine: postgres',
  '    instanceClass: db.r5.large',
  '  sg:',
  '    type: aws.ec2.security-group',
  '    ingress: [{ from: sg, port: 443 }]',
  '  vol:',
  '    type: aws.ebs.volume',
  '    sizeGB: 10',
  '    zones: [a]',
  '    attachedTo: [vm]',
  '  vm:',
  '    type: aws.ec2.instance',
  '    instanceType: t3.micro',
  '    zones: [a]',
  '    securityGroups: [sg]',
  '',
].join('\n');

/** The diagnostics of the names, as a user reads them: code, where, and the message. */
function nameDiagnostics(doc: ArchDocument): string[] {
  return doc.diagnostics
    .filter((d) => ['unknown-reference', 'wrong-reference-kind', 'self-reference', 'invalid-port'].includes(d.code))
    .map((d) => {
      const related = d.related?.map((r) => ` (related ${r.range.start.line}:${r.range.start.character})`).join('') ?? '';
      return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}${related}`;
    });
}

/** Parses each text with the previous document, checking each against a fresh parse; the last document. */
function session(texts: readonly string[]): ArchDocument[] {
  const docs: ArchDocument[] = [];
  let previous: ArchDocument | undefined;
  texts.forEach((text, step) => {
    const doc = parseArchitecture(text, previous === undefined ? {} : { previous });
    assertEqualsFreshParse(doc, `step ${step}`);
    docs.push(doc);
    previous = doc;
  });
  return docs;
}

describe('the name table across parses', () => {
  it('resolves a name once it is added, and offers it again once it is renamed away', () => {
    const added = `${base}  cache:\n    type: aws.elasticache.cluster\n`;
    const renamed = added.replace('  cache:\n', '  cachex:\n');
    const [first, second, third] = session([base, added, renamed]);
    assert.deepEqual(nameDiagnostics(first!), [
      '6:20-6:25 No resource is named `cache` in this file.',
      '7:17-7:22 No resource is named `queue` in this file.',
    ]);
    assert.deepEqual(nameDiagnostics(second!), ['7:17-7:22 No resource is named `queue` in this file.']);
    assert.deepEqual(nameDiagnostics(third!), [
      '6:20-6:25 No resource is named `cache`; did you mean `cachex`?',
      '7:17-7:22 No resource is named `queue` in this file.',
    ]);
    assert.deepEqual(
      third!.diagnostics.find((d) => d.message.includes('`cachex`'))!.fixes!.map((fix) => fix.edits),
      [[{ range: { start: { line: 6, character: 20 }, end: { line: 6, character: 25 } }, newText: 'cachex' }]],
    );
  });

  it('moves every reference and diagnostic with lines inserted above, the other resource named too', () => {
    const wrongKind = base.replace('securityGroups: [sg]', 'securityGroups: [db]');
    const moved = wrongKind.replace('resources:\n', 'resources:\n  # the API first\n\n');
    const movedMore = moved.replace('  db:\n', '  # the database\n  db:\n');
    const docs = session([wrongKind, moved, movedMore]);
    const wrong = (doc: ArchDocument) => nameDiagnostics(doc).filter((line) => line.includes('expects'));
    assert.deepEqual(wrong(docs[0]!), [
      '24:21-24:23 `db` is an aws.rds.instance; `securityGroups` expects an aws.ec2.security-group. (related 8:2)',
    ]);
    assert.deepEqual(wrong(docs[1]!), [
      '26:21-26:23 `db` is an aws.rds.instance; `securityGroups` expects an aws.ec2.security-group. (related 10:2)',
    ]);
    assert.deepEqual(wrong(docs[2]!), [
      '27:21-27:23 `db` is an aws.rds.instance; `securityGroups` expects an aws.ec2.security-group. (related 11:2)',
    ]);
    const attachment = docs[2]!.references.find((reference) => reference.from === 'vol')!;
    assert.deepEqual(attachment.range, { start: { line: 22, character: 17 }, end: { line: 22, character: 19 } });
  });

  it('keeps answers right through many renames of another resource, and of a referenced one', () => {
    const texts = [base];
    for (let step = 1; step <= 20; step++) texts.push(base.replace('  sg:\n', `  sg-${step}:\n`));
    texts.push(base.replace(/\bdb\b(?!\.)/g, 'database'));
    texts.push(base);
    const docs = session(texts);
    // While the group is renamed, its own rule and the instance's list no longer find it.
    assert.deepEqual(nameDiagnostics(docs[20]!), [
      '6:20-6:25 No resource is named `cache` in this file.',
      '7:17-7:22 No resource is named `queue` in this file.',
      '14:22-14:24 No resource is named `sg` in this file.',
      '24:21-24:23 No resource is named `sg` in this file.',
    ]);
    assert.deepEqual(nameDiagnostics(docs[21]!), [
      '6:26-6:31 No resource is named `cache` in this file.',
      '7:17-7:22 No resource is named `queue` in this file.',
    ]);
    assert.deepEqual(nameDiagnostics(docs[22]!), nameDiagnostics(docs[0]!));
  });

  it('offers a name that another resource is renamed to for an unknown reference elsewhere', () => {
    // `api` looks up none of the changed names (`sg`, `queues`), but its did-you-mean depends on every name.
    const [, renamed] = session([base, base.replace('  sg:\n', '  queues:\n')]);
    assert.deepEqual(nameDiagnostics(renamed!).slice(0, 2), [
      '6:20-6:25 No resource is named `cache` in this file.',
      '7:17-7:22 No resource is named `queue`; did you mean `queues`?',
    ]);
  });

  it('reports a resource that refers to itself, but not a security group whose rule names its group', () => {
    const self = base.replace('dependsOn: [db, cache]', 'dependsOn: [db, api]');
    const [doc] = session([self]);
    assert.deepEqual(nameDiagnostics(doc!), [
      '6:20-6:23 `api` refers to itself in `dependsOn`; a resource cannot depend on or connect to itself.',
      '7:17-7:22 No resource is named `queue` in this file.',
    ]);
  });

  it('reports a bad port beside the unknown name, and drops both once fixed', () => {
    const badPort = base.replace('connectsTo: [queue:443]', 'connectsTo: [db:99999]');
    const fixed = badPort.replace('db:99999', 'db:5432');
    const [bad, good] = session([base, badPort, fixed]).slice(1);
    assert.deepEqual(nameDiagnostics(bad!), [
      '6:20-6:25 No resource is named `cache` in this file.',
      '7:20-7:25 `99999` is not a port; write `name:port` with a port from 0 to 65535.',
    ]);
    assert.deepEqual(nameDiagnostics(good!), ['6:20-6:25 No resource is named `cache` in this file.']);
  });

  it('follows resources added, removed, retyped and duplicated in the middle of the list', () => {
    const texts = [
      base,
      base.replace('  sg:\n', '  extra:\n    type: aws.s3.bucket\n  sg:\n'),
      base.replace('  db:\n    type: aws.rds.instance\n    engine: postgres\n    instanceClass: db.r5.large\n', ''),
      base.replace('  vm:\n    type: aws.ec2.instance', '  vm:\n    type: aws.autoscaling.group'),
      base.replace('  sg:\n', '  db:\n'),
      base,
      base.replace('  vol:\n', '  vm:\n'),
    ];
    const docs = session(texts);
    assert.deepEqual(
      docs.map((doc) => doc.references.filter((reference) => !reference.resolved).map((reference) => reference.target)),
      [
        ['cache', 'queue'],
        ['cache', 'queue'],
        ['db', 'cache', 'queue'],
        ['cache', 'queue'],
        // The second `db` is a duplicate, read no further: only the instance still names `sg`.
        ['cache', 'queue', 'sg'],
        ['cache', 'queue'],
        ['cache', 'queue'],
      ],
    );
  });
});
