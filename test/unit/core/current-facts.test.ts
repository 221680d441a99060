/**
 * The dated AWS facts of the catalog as a user meets them: limits that changed in 2025, services
 * closed to new customers, defaults that follow other properties, and the quick fixes that come with
 * the diagnostics about them.
 */
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Codes, parseArchitecture } from '../../../src/core';
import type { ArchDiagnostic } from '../../../src/core/document';
import { evaluateAvailabilityAfresh } from '../../../src/evaluate/availability';
import { ALL_DATED_FACTS, DEPRECATED_LAMBDA_RUNTIME_IDS, FACTS_AS_OF, LAMBDA_RUNTIMES } from '../../../src/model/aws-facts';
import { resourceType } from '../../../src/model/catalog';

function file(...resourceLines: string[]): string {
  return ['cloudarch: "1"', 'name: facts', 'zones: [a, b]', 'resources:', ...resourceLines, ''].join('\n');
}

function codes(text: string): string[] {
  return parseArchitecture(text).diagnostics.map((diagnostic) => diagnostic.code);
}

/** Applies the first fix of the first diagnostic with the code, and returns the new text. */
function applyFirstFix(text: string, code: string): string {
  const diagnostic = parseArchitecture(text).diagnostics.find((candidate) => candidate.code === code) as ArchDiagnostic | undefined;
  assert.ok(diagnostic, `expected a ${code} diagnostic`);
  const fix = diagnostic.fixes?.[0];
  assert.ok(fix, `${code} offers a fix`);
  return TextDocument.applyEdits(TextDocument.create('file:///x.cloudarch.yaml', 'cloudarch', 1, text), [...fix.edits]);
}

describe('current AWS facts', () => {
  it('dates every fact and names its source', () => {
    for (const fact of ALL_DATED_FACTS) {
      assert.match(fact.checked, /^\d{4}-\d{2}-\d{2}$/, fact.statement);
      assert.match(fact.source, /^https:\/\//, fact.statement);
    }
  });

  it('accepts gp3 volumes up to 64 TiB, 80,000 IOPS and 2,000 MiB/s', () => {
    const ok = file(
      '  data:',
      '    type: aws.ebs.volume',
      '    zones: [a]',
      '    volumeType: gp3',
      '    sizeGB: 65536',
      '    iops: 80000',
      '    throughputMBps: 2000',
    );
    assert.deepEqual(codes(ok), []);
    const tooMany = file(
      '  data:',
      '    type: aws.ebs.volume',
      '    zones: [a]',
      '    volumeType: gp3',
      '    sizeGB: 100',
      '    iops: 80000',
    );
    assert.deepEqual(codes(tooMany), [Codes.volumeIopsOutOfRange], 'still 500 IOPS per GiB');
  });

  it('treats io2 as Block Express: 64 TiB and 1,000 IOPS per GiB', () => {
    assert.deepEqual(
      codes(file('  data:', '    type: aws.ebs.volume', '    zones: [a]', '    volumeType: io2', '    sizeGB: 65536', '    iops: 256000')),
      [],
    );
    assert.deepEqual(
      codes(file('  data:', '    type: aws.ebs.volume', '    zones: [a]', '    volumeType: io2', '    sizeGB: 100', '    iops: 100000')),
      [],
    );
    assert.deepEqual(
      codes(file('  data:', '    type: aws.ebs.volume', '    zones: [a]', '    volumeType: io2', '    sizeGB: 100', '    iops: 100001')),
      [Codes.volumeIopsOutOfRange],
    );
  });

  it('names a volume type the user did not write as the default, and offers gp3', () => {
    const text = file('  data:', '    type: aws.ebs.volume', '    zones: [a]', '    sizeGB: 100', '    iops: 4000');
    const diagnostic = parseArchitecture(text).diagnostics.find((candidate) => candidate.code === Codes.volumeIopsNotSettable);
    assert.match(diagnostic?.message ?? '', /`volumeType` is not written; the default is gp2/);
    assert.deepEqual(codes(applyFirstFix(text, Codes.volumeIopsNotSettable)), []);
  });

  it('flags nodejs18.x, python3.9 and nodejs20.x as deprecated on the fact date, and knows the current runtimes', () => {
    for (const id of ['nodejs18.x', 'python3.9', 'nodejs20.x']) assert.ok(DEPRECATED_LAMBDA_RUNTIME_IDS.includes(id), id);
    for (const id of ['nodejs24.x', 'nodejs22.x', 'python3.14', 'python3.13', 'java25', 'dotnet10', 'ruby3.4']) {
      assert.ok(
        LAMBDA_RUNTIMES.some((runtime) => runtime.id === id),
        id,
      );
      assert.ok(!DEPRECATED_LAMBDA_RUNTIME_IDS.includes(id), id);
    }
    const runtime = resourceType('aws.lambda.function')!.properties.runtime!;
    assert.ok(!DEPRECATED_LAMBDA_RUNTIME_IDS.includes(String(runtime.default)), 'the default runtime is supported');
    assert.equal(FACTS_AS_OF, '2026-12-03');
  });

  it('warns about Timestream for LiveAnalytics and Snowball Edge in a new design, with a fix for existing customers', () => {
    const text = file(
      '  metrics:',
      '    type: aws.timestream.database',
      '  move:',
      '    type: aws.snow.device',
      '    family: snowball-edge-storage',
    );
    assert.deepEqual(codes(text), [Codes.closedToNewCustomers, Codes.closedToNewCustomers]);
    const fixed = applyFirstFix(applyFirstFix(text, Codes.closedToNewCustomers), Codes.closedToNewCustomers);
    assert.deepEqual(codes(fixed), []);
    assert.ok(resourceType('aws.timestream.database')!.docs.limits[0]!.includes('no longer open to new customers'));
  });

  it('requires versioning for S3 replication and Object Lock, and fixes it', () => {
    const text = file('  records:', '    type: aws.s3.bucket', '    objectLock: true');
    assert.deepEqual(codes(text), [Codes.s3VersioningRequired]);
    assert.deepEqual(codes(applyFirstFix(text, Codes.s3VersioningRequired)), []);
  });

  it('raises RDS gp3 IOPS to the striped baseline', () => {
    const text = file(
      '  db:',
      '    type: aws.rds.instance',
      '    engine: mysql',
      '    instanceClass: db.m5.large',
      '    storage: { volumeType: gp3, sizeGB: 400, iops: 3000 }',
    );
    assert.deepEqual(codes(text), [Codes.rdsGp3IopsBelowBaseline]);
    assert.deepEqual(codes(applyFirstFix(text, Codes.rdsGp3IopsBelowBaseline)), []);
    assert.deepEqual(
      codes(
        file(
          '  db:',
          '    type: aws.rds.instance',
          '    engine: mysql',
          '    instanceClass: db.m5.large',
          '    storage: { volumeType: gp3, sizeGB: 399, iops: 3000 }',
        ),
      ),
      [],
    );
  });

  it('knows FSx for NetApp ONTAP and OpenZFS, with Multi-AZ figures for their Multi-AZ types', () => {
    assert.deepEqual(
      codes(
        file(
          '  shares:',
          '    type: aws.fsx.filesystem',
          '    kind: ontap',
          '    deploymentType: multi-az-2',
          '    storageCapacityGB: 1024',
          '    zones: [a, b]',
          '    protocols: [nfs, smb, iscsi]',
        ),
      ),
      [],
    );
    assert.deepEqual(
      codes(
        file(
          '  scratch:',
          '    type: aws.fsx.filesystem',
          '    kind: openzfs',
          '    deploymentType: single-az-ha-2',
          '    storageCapacityGB: 64',
          '    zones: [a]',
        ),
      ),
      [],
    );
  });
});

describe('auto scaling defaults', () => {
  it('accepts `desired` alone: min defaults to min(1, desired), max to max(desired, min)', () => {
    const text = file('  web:', '    type: aws.autoscaling.group', '    instanceType: t3.medium', '    zones: [a, b]', '    desired: 4');
    assert.deepEqual(codes(text), []);
    const model = evaluateAvailabilityAfresh(parseArchitecture(text));
    assert.ok(model.percent > 0);
  });

  it('runs `min` instances when only `min` is written', () => {
    const asg = resourceType('aws.autoscaling.group')!;
    assert.equal(asg.properties.desired!.derivedDefault!.value({ min: 3 }), 3);
    assert.equal(asg.properties.max!.derivedDefault!.value({ min: 3 }), 3);
    assert.equal(asg.properties.min!.derivedDefault!.value({ desired: 0 }), 0);
    assert.equal(asg.properties.max!.derivedDefault!.value({ desired: 0 }), 1, 'max is at least 1');
  });

  it('says which bound is a default in its message, and fixes the written value', () => {
    const text = file(
      '  web:',
      '    type: aws.autoscaling.group',
      '    instanceType: t3.medium',
      '    zones: [a, b]',
      '    min: 2',
      '    desired: 1',
    );
    const diagnostic = parseArchitecture(text).diagnostics.find((candidate) => candidate.code === Codes.asgCapacityOrder);
    assert.match(diagnostic?.message ?? '', /`max` \(2, the default\)/);
    assert.equal(diagnostic?.fixes?.[0]?.title, 'Set desired to 2');
    assert.deepEqual(codes(applyFirstFix(text, Codes.asgCapacityOrder)), []);
  });
});

describe('DynamoDB multi-Region strong consistency', () => {
  it('accepts three regions, and offers eventual consistency or two regions otherwise', () => {
    const table = (regions: string) =>
      file('  orders:', '    type: aws.dynamodb.table', `    globalTables: ${regions}`, '    globalConsistency: strong');
    assert.deepEqual(codes(table('[us-east-2, us-west-2]')), []);
    const tooMany = table('[us-east-2, us-west-2, eu-west-1]');
    assert.deepEqual(codes(tooMany), [Codes.dynamodbStrongConsistencyRegions]);
    assert.deepEqual(codes(applyFirstFix(tooMany, Codes.dynamodbStrongConsistencyRegions)), []);
    assert.deepEqual(codes(applyFirstFix(table('[us-east-2]'), Codes.dynamodbStrongConsistencyRegions)), []);
  });
});
