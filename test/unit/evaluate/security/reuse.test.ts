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
  /**
   * Resources the edit leaves alone, with all their neighbours: their findings are the very objects
   * of the previous result (so the editor keeps their diagnostics instead of rebuilding them).
   */
  readonly kept?: readonly string[];
}

/** A bucket with findings of its own, written first so that no edit below moves it. */
const bystander = ['  logs:', '    type: aws.s3.bucket'].join('\n');

/** A group that is not a load balancer target yet: it checks its instances itself. */
const plainGroup = (name: string) =>
  [`  ${name}:`, '    type: aws.autoscaling.group', '    instanceType: t3.micro', '    healthCheck: ec2'].join('\n');

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
  {
    name: 'the distribution in front of a load balancer that also has a target turns its WAF off (the edited neighbour is not the last one)',
    before: [
      'cloudarch: "1"',
      'name: two-neighbours',
      'resources:',
      bystander,
      '  cdn:',
      '    type: aws.cloudfront.distribution',
      '    origins: [lb]',
      '    waf: true ',
      '  lb:',
      '    type: aws.elb.application',
      '    scheme: internet-facing',
      '    targets: [web]',
      plainGroup('web'),
      '',
    ].join('\n'),
    edit: ['    waf: true ', '    waf: false'],
    changed: 'CA-ELB-007 lb',
    kept: ['logs', 'web'],
  },
  {
    name: "the load balancer's target changes from one group to another (as many references, the target changed in place)",
    before: [
      'cloudarch: "1"',
      'name: target-changed',
      'resources:',
      bystander,
      '  lb:',
      '    type: aws.elb.application',
      '    scheme: internal',
      '    targets: [web]',
      plainGroup('web'),
      plainGroup('api'),
      '',
    ].join('\n'),
    edit: ['targets: [web]', 'targets: [api]'],
    changed: 'CA-ASG-003 web',
    kept: ['logs'],
  },
  {
    name: 'the origin moves from the distribution with a WAF to the one without (as many references, another holder)',
    before: [
      'cloudarch: "1"',
      'name: holder-changed',
      'resources:',
      bystander,
      '  guarded:',
      '    type: aws.cloudfront.distribution',
      '    waf: true',
      '    origins: [lb]',
      '  open:',
      '    type: aws.cloudfront.distribution',
      '    waf: false',
      '    origins: []',
      '  lb:',
      '    type: aws.elb.application',
      '    scheme: internet-facing',
      '',
    ].join('\n'),
    edit: [
      '    origins: [lb]\n  open:\n    type: aws.cloudfront.distribution\n    waf: false\n    origins: []',
      '    origins: []\n  open:\n    type: aws.cloudfront.distribution\n    waf: false\n    origins: [lb]',
    ],
    changed: 'CA-ELB-007 lb',
    kept: ['logs'],
  },
  {
    name: "the load balancer's reference to the group changes kind (targets becomes dependsOn: the group is no target any more)",
    before: [
      'cloudarch: "1"',
      'name: kind-changed',
      'resources:',
      bystander,
      plainGroup('web'),
      '  lb:',
      '    type: aws.elb.application',
      '    scheme: internal',
      '    targets: [web]',
      '',
    ].join('\n'),
    edit: ['    targets: [web]', '    dependsOn: [web]'],
    changed: 'CA-ASG-003 web',
    kept: ['logs'],
  },
  {
    name: 'a load balancer is added in front of a group that already had a neighbour (its neighbour list grows)',
    before: [
      'cloudarch: "1"',
      'name: neighbour-added',
      'resources:',
      bystander,
      plainGroup('web'),
      '    dependsOn: [logs]',
      '  # More resources below.',
      '',
    ].join('\n'),
    edit: [
      '  # More resources below.',
      ['  lb:', '    type: aws.elb.application', '    scheme: internal', '    targets: [web]'].join('\n'),
    ],
    changed: 'CA-ASG-003 web',
  },
];

function keys(result: SecurityResult): string[] {
  return result.findings.map(
    (item) => `${item.ruleId} ${item.resource} ${item.path.join('.')} ${JSON.stringify(item.range)} ${item.message}`,
  );
}

/** The counts a summary shows: findings per severity, every severity named. */
function tally(result: SecurityResult): Record<string, number> {
  const counts: Record<string, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const item of result.findings) counts[item.severity]!++;
  return counts;
}

describe('security findings reused across edits', () => {
  for (const item of cases) {
    it(`gives a fresh evaluation's findings, counts and paths, reusing the untouched resources' findings, when ${item.name}`, () => {
      const before = parseArchitecture(item.before);
      const first = evaluateSecurity(before);
      assert.equal(item.before.split(item.edit[0]).length, 2, 'the edit text occurs once');
      const afterText = item.before.replace(item.edit[0], item.edit[1]);
      const after = parseArchitecture(afterText, { previous: before });
      const reused = evaluateSecurity(after, { previous: first });
      const fresh = evaluateSecurity(parseArchitecture(afterText));
      assert.deepEqual(keys(reused), keys(fresh));
      assert.deepEqual(reused.counts, tally(fresh));
      assert.deepEqual(fresh.counts, tally(fresh));
      assert.deepEqual(reused.exposurePaths, fresh.exposurePaths);
      for (const name of item.kept ?? []) {
        const own = (result: SecurityResult) => result.findings.filter((finding) => finding.resource === name);
        assert.ok(own(first).length > 0, `${name} has findings to keep`);
        assert.equal(own(reused).length, own(first).length, `${name} keeps its findings`);
        own(reused).forEach((finding, index) =>
          assert.equal(finding, own(first)[index], `${name}'s finding ${finding.ruleId} is the previous object`),
        );
      }
      const where = (result: SecurityResult) =>
        result.findings
          .filter((finding) => `${finding.ruleId} ${finding.resource}` === item.changed)
          .map((finding) => JSON.stringify(finding.range));
      assert.notDeepEqual(where(first), where(fresh), `${item.changed} must appear, disappear or move with the edit`);
    });
  }
});
