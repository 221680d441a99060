/**
 * Findings reused from the previous evaluation follow the edits that change them, even when the
 * resource they belong to is untouched: the file's zones (a group placed in the file's zones), a
 * neighbour (the load balancer in front of a group), the bucket that names this one as its
 * replica, a property of a neighbour edited in place (the references stay as they were, so the
 * security evaluation updates its reference index instead of building it again), a security group
 * that opens an exposure path to an unchanged database, and comment lines
 * inserted above an exposed database (its finding must move with it, not be served from the cache). Each case evaluates the edited file with the previous parse and result handed on, and
 * must give what a fresh evaluation gives, and a different finding than before the edit (so the
 * comparison has something to compare).
 */
import { strict as assert } from 'node:assert';
import { parseArchitecture } from '../../../../src/core';
import { evaluateSecurity } from '../../../../src/evaluate/security';
import type { SecurityResult } from '../../../../src/evaluate/types';

interface Case {
  readonly name: string;
  readonly before: string;
  /** `[text, replacement]`, applied once, outside the resource whose finding changes. */
  readonly edit: readonly [string, string];
  /** The finding (`RULE resource`) that appears, disappears or moves with the edit. */
  readonly changed: string;
}

const group = [
  '  web:',
  '    type: aws.autoscaling.group',
  '    instanceType: t3.micro',
  '    healthCheck: ec2',
  '    minSize: 2',
  '    maxSize: 4',
].join('\n');

const cases: readonly Case[] = [
  {
    name: "the file gains a second zone (a group without its own zones spans the file's)",
    before: ['cloudarch: "1"', 'name: zones', 'zones: [a]', 'resources:', group, ''].join('\n'),
    edit: ['zones: [a]', 'zones: [a, b]'],
    changed: 'CA-ASG-001 web',
  },
  {
    name: 'the load balancer in front of the group stops targeting it',
    before: [
      'cloudarch: "1"',
      'name: neighbour',
      'zones: [a, b]',
      'resources:',
      group,
      '  lb:',
      '    type: aws.elb.application',
      '    scheme: internal',
      '    targets: [web]',
      '',
    ].join('\n'),
    edit: ['    targets: [web]', '    targets: []'],
    changed: 'CA-ASG-003 web',
  },
  {
    name: 'another bucket starts replicating into this one (it becomes the disaster-recovery copy)',
    before: [
      'cloudarch: "1"',
      'name: replica',
      'resources:',
      '  primary:',
      '    type: aws.s3.bucket',
      '    versioning: true',
      '  copy:',
      '    type: aws.s3.bucket',
      '    versioning: true',
      '',
    ].join('\n'),
    edit: ['  primary:\n    type: aws.s3.bucket\n', '  primary:\n    type: aws.s3.bucket\n    replication: { to: copy, kind: CRR }\n'],
    changed: 'CA-S3-007 copy',
  },
  {
    name: 'the CloudFront distribution in front of a load balancer turns its WAF on (same references, a neighbour edited in place)',
    before: [
      'cloudarch: "1"',
      'name: neighbour-property',
      'resources:',
      '  cdn:',
      '    type: aws.cloudfront.distribution',
      '    origins: [lb]',
      '    waf: false',
      '  lb:',
      '    type: aws.elb.application',
      '    scheme: internet-facing',
      '',
    ].join('\n'),
    edit: ['    waf: false', '    waf: true '],
    changed: 'CA-ELB-007 lb',
  },
  {
    name: "the database's security group starts admitting the public instance (an exposure path appears)",
    before: [
      'cloudarch: "1"',
      'name: exposure',
      'resources:',
      '  bastion:',
      '    type: aws.ec2.instance',
      '    instanceType: t3.micro',
      '    subnet: public',
      '    publicIp: true',
      '    securityGroups: [bastion-sg]',
      '    connectsTo: [db]',
      '  bastion-sg:',
      '    type: aws.ec2.security-group',
      '    ingress:',
      '      - { port: 22, protocol: tcp, from: 0.0.0.0/0, description: ssh }',
      '  db:',
      '    type: aws.rds.instance',
      '    engine: mysql',
      '    instanceClass: db.r5.large',
      '    securityGroups: [db-sg]',
      '  db-sg:',
      '    type: aws.ec2.security-group',
      '    ingress:',
      '      - { port: 3306, protocol: tcp, from: app-sg, description: the app }',
      '  app-sg:',
      '    type: aws.ec2.security-group',
      '',
    ].join('\n'),
    edit: ['from: app-sg', 'from: bastion-sg'],
    changed: 'CA-NET-002 db',
  },
  {
    name: 'comment lines are inserted above an exposed database (the same paths, but the finding moves with its name)',
    before: [
      'cloudarch: "1"',
      'name: moved',
      'resources:',
      '  db:',
      '    type: aws.rds.instance',
      '    engine: mysql',
      '    instanceClass: db.r5.large',
      '    publiclyAccessible: true',
      '',
    ].join('\n'),
    edit: ['resources:\n', 'resources:\n  # The database below is public on purpose:\n  # it is a test.\n'],
    changed: 'CA-NET-001 db',
  },
];

function keys(result: SecurityResult): string[] {
  return result.findings.map(
    (item) => `${item.ruleId} ${item.resource} ${item.path.join('.')} ${JSON.stringify(item.range)} ${item.message}`,
  );
}

describe('security findings reused across edits', () => {
  for (const item of cases) {
    it(`follows the edit when ${item.name}`, () => {
      const before = parseArchitecture(item.before);
      const first = evaluateSecurity(before);
      assert.equal(item.before.split(item.edit[0]).length, 2, 'the edit text occurs once');
      const afterText = item.before.replace(item.edit[0], item.edit[1]);
      const after = parseArchitecture(afterText, { previous: before });
      const reused = evaluateSecurity(after, { previous: first });
      const fresh = evaluateSecurity(parseArchitecture(afterText));
      assert.deepEqual(keys(reused), keys(fresh));
      const where = (result: SecurityResult) =>
        result.findings
          .filter((finding) => `${finding.ruleId} ${finding.resource}` === item.changed)
          .map((finding) => JSON.stringify(finding.range));
      assert.notDeepEqual(where(first), where(fresh), `${item.changed} must appear, disappear or move with the edit`);
    });
  }
});
