/**
 * The exposure analysis is reused, not searched again, when every resource's facts (its name, type
 * and the properties the analysis reads) are what a recent analysis read; and only then. A wrong
 * reuse shows stale paths (a renamed or deleted store still named in a CA-NET finding); a missed
 * reuse costs a graph search on every keystroke. Reuse is visible as the very path objects of the
 * earlier analysis; a fresh search builds new ones.
 */
import { strict as assert } from 'node:assert';
import { parseArchitecture } from '../../../../src/core';
import type { ArchDocument } from '../../../../src/core/document';
import { findExposurePathsAmong, type RecentExposureAnalyses } from '../../../../src/evaluate/security/exposure';
import type { ExposurePath } from '../../../../src/evaluate/types';

/** A public instance in front of one store; `store` is the last resource of the file. */
function design(options: { store?: string; storeType?: string; withStore?: boolean; instanceType?: string } = {}): ArchDocument {
  const store = options.store ?? 'vault';
  return parseArchitecture(
    [
      'cloudarch: "1"',
      'name: reuse',
      'resources:',
      '  web:',
      '    type: aws.ec2.instance',
      `    instanceType: ${options.instanceType ?? 't3.micro'}`,
      '    subnet: public',
      '    publicIp: true',
      `    connectsTo: [${store}]`,
      ...(options.withStore === false ? [] : [`  ${store}:`, `    type: ${options.storeType ?? 'aws.dynamodb.table'}`]),
      '',
    ].join('\n'),
  );
}

const text = (paths: readonly ExposurePath[]): string[] =>
  paths.map((path) => path.hops.map((hop) => (hop.port === undefined ? hop.resource : `${hop.resource}:${hop.port}`)).join(' > '));

/** Whether `later` hands back the path objects of `earlier` (a reuse) rather than new ones. */
function reused(earlier: readonly ExposurePath[], later: readonly ExposurePath[]): boolean {
  return earlier.length > 0 && later.length === earlier.length && later.every((path, index) => path === earlier[index]);
}

describe('security exposure analysis: reuse of a recent analysis', () => {
  it('reuses the analysis of an unchanged file, and of an edit to a property it does not read', () => {
    const first = findExposurePathsAmong(design(), undefined);
    assert.deepEqual(text(first.paths), ['web:all > vault:443']);
    const again = findExposurePathsAmong(design(), first.recent);
    assert.ok(reused(first.paths, again.paths), 'the same file parsed again reuses the paths');
    assert.equal(again.recent.length, 1, 'a reuse adds no analysis to the recent ones');
    assert.equal(again.recent[0], first.recent[0]);
    const resized = findExposurePathsAmong(design({ instanceType: 't3.large' }), again.recent);
    assert.ok(reused(first.paths, resized.paths), 'the instance type is not an exposure fact');
  });

  it('searches again when a store is deleted, renamed or changes type', () => {
    const first = findExposurePathsAmong(design(), undefined);
    // The store is the last resource: the facts that remain are those of the earlier analysis, minus one.
    const deleted = findExposurePathsAmong(design({ withStore: false }), first.recent);
    assert.deepEqual(text(deleted.paths), []);
    const renamed = findExposurePathsAmong(design({ store: 'safe' }), first.recent);
    assert.deepEqual(text(renamed.paths), ['web:all > safe:443']);
    const retyped = findExposurePathsAmong(design({ storeType: 'aws.efs.filesystem' }), first.recent);
    assert.deepEqual(text(retyped.paths), ['web:all > vault:2049']);
    const notAStore = findExposurePathsAmong(design({ storeType: 'aws.sqs.queue' }), first.recent);
    assert.deepEqual(text(notAStore.paths), []);
  });

  it('searches again when a resource is renamed and nothing refers to it', () => {
    const publicDatabase = (name: string) =>
      parseArchitecture(
        [
          'cloudarch: "1"',
          'name: rename',
          'resources:',
          `  ${name}:`,
          '    type: aws.rds.instance',
          '    engine: postgres',
          '    instanceClass: db.r5.large',
          '    publiclyAccessible: true',
          '',
        ].join('\n'),
      );
    const first = findExposurePathsAmong(publicDatabase('orders'), undefined);
    assert.deepEqual(text(first.paths), ['orders:5432']);
    const renamed = findExposurePathsAmong(publicDatabase('billing'), first.recent);
    assert.deepEqual(text(renamed.paths), ['billing:5432']);
  });

  it('keeps the four most recent analyses, the last one used first', () => {
    const a = findExposurePathsAmong(design({ store: 'alpha' }), undefined);
    const b = findExposurePathsAmong(design({ store: 'bravo' }), a.recent);
    assert.equal(b.recent.length, 2);
    // Back to the first version (an undo), then forward again (a redo): both are reuses.
    const undo = findExposurePathsAmong(design({ store: 'alpha' }), b.recent);
    assert.ok(reused(a.paths, undo.paths), 'the undo reuses the first analysis');
    assert.deepEqual(undo.recent, [a.recent[0], b.recent[0]], 'the reused analysis moves to the front, the other stays');
    const redo = findExposurePathsAmong(design({ store: 'bravo' }), undo.recent);
    assert.ok(reused(b.paths, redo.paths), 'the redo reuses the second analysis');
    assert.equal(redo.recent.length, 2);

    let recent: RecentExposureAnalyses = redo.recent;
    for (const store of ['charlie', 'delta', 'echo']) recent = findExposurePathsAmong(design({ store }), recent).recent;
    assert.equal(recent.length, 4, 'five versions, four kept');
    const oldest = findExposurePathsAmong(design({ store: 'alpha' }), recent);
    assert.ok(!reused(a.paths, oldest.paths), 'the oldest version is forgotten and searched again');
    assert.deepEqual(text(oldest.paths), text(a.paths));
  });
});
