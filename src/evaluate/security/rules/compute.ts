/**
 * EC2 instances, Auto Scaling groups and EBS volumes: public addresses, instance metadata,
 * encryption of block storage, secrets in user data, zone spread and health checks.
 */
import type { ResourceNode } from '../../../core/document';
import { buildSetPropertyFix } from '../fixes';
import {
  customRule,
  finding,
  isTrue,
  listItemRule,
  propertyRule,
  shown,
  switchRule,
  type RuleContext,
  type RuleMeta,
  type SecurityRule,
} from '../rule';

const EC2 = 'aws.ec2.instance';
const ASG = 'aws.autoscaling.group';
const EBS = 'aws.ebs.volume';

/** The zones a "spread across zones" fix writes: the resource's own zone plus the next of the file's zones. */
export function twoZones(resource: ResourceNode, context: RuleContext): readonly string[] | undefined {
  const own = Array.isArray(resource.props.zones) ? resource.props.zones.filter((zone): zone is string => typeof zone === 'string') : [];
  const available = context.doc.zones.filter((zone) => !own.includes(zone));
  const result = [...own];
  for (const zone of available) {
    if (result.length >= 2) break;
    result.push(zone);
  }
  return result.length >= 2 ? result : undefined;
}

/** The zones a resource is placed in: its own `zones`, else the file's. */
export function zonesOf(resource: ResourceNode, context: RuleContext): readonly string[] {
  const own = resource.props.zones;
  if (Array.isArray(own)) return own.filter((zone): zone is string => typeof zone === 'string');
  return context.doc.zones;
}

/** Patterns that reveal a credential written in clear text. */
const SECRET_PATTERNS: readonly { readonly pattern: RegExp; readonly what: string }[] = [
  { pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/, what: 'an AWS access key id' },
  { pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/, what: 'a private key' },
  // No word boundary before the name: `DB_PASSWORD=` must match, and `_` is a word character.
  {
    pattern: /(aws_secret_access_key|secret[_-]?key|password|passwd|pwd|api[_-]?key|token)["']?\s*[:=]\s*["']?[^\s"'$]{4,}/i,
    what: 'a password or secret assignment',
  },
];

/** What secret, if any, a text contains (never the secret itself: messages must not repeat it). */
export function secretIn(text: string): string | undefined {
  return SECRET_PATTERNS.find(({ pattern }) => pattern.test(text))?.what;
}

const imdsRule = (id: string, types: readonly string[], securityHub: readonly string[]): SecurityRule =>
  propertyRule({
    id,
    title: types.includes(ASG) ? 'Auto Scaling launch template does not require IMDSv2' : 'EC2 instance does not require IMDSv2',
    description:
      "IMDSv1 answers unauthenticated GET requests, so a server-side request forgery bug can read the instance role's credentials; IMDSv2 requires a session token.",
    severity: 'high',
    concern: 'security',
    types,
    remediation: 'Set `imdsv2: required` (HttpTokens=required on the instance or launch template).',
    checkov: ['CKV_AWS_79'],
    securityHub,
    responsibility: 'customer',
    path: ['imdsv2'],
    assumedDefault: 'optional',
    ok: (value) => value === 'required',
    message: (resource, value) =>
      `\`${resource.name}\` has imdsv2 ${shown(value)}, so instance metadata answers IMDSv1 requests without a token.`,
    fix: { value: 'required', title: 'Require IMDSv2 (imdsv2: required)' },
  });

const publicIpRule = (id: string, types: readonly string[], securityHub: readonly string[], title: string): SecurityRule =>
  propertyRule({
    id,
    title,
    description:
      'A public IPv4 address makes the instance directly reachable from the internet, bypassing load balancers and WAF; only its security groups stand in the way.',
    severity: 'high',
    concern: 'security',
    types,
    remediation:
      'Place instances in private subnets without public IPs and reach them through a load balancer, NAT gateway or Session Manager.',
    checkov: ['CKV_AWS_88'],
    securityHub,
    responsibility: 'customer',
    path: ['publicIp'],
    assumedDefault: false,
    ok: (value) => !isTrue(value),
    message: (resource) =>
      `\`${resource.name}\` assigns a public IP address (publicIp: true)${resource.props.subnet === 'public' ? ' in a public subnet' : ''}.`,
    fix: { value: false, title: 'Remove the public IP (publicIp: false)' },
  });

const inlineVolumeEncryption: SecurityRule = listItemRule(
  {
    id: 'CA-EC2-003',
    title: 'Instance block device (inline EBS volume) is not encrypted',
    description:
      'Unencrypted EBS volumes leave data, snapshots made from them and the volumes created from those snapshots readable to anyone who obtains a copy.',
    severity: 'medium',
    concern: 'security',
    types: [EC2, ASG],
    remediation: 'Set `encrypted: true` on every entry of `volumes` (and turn on EBS encryption by default in the account).',
    checkov: ['CKV_AWS_8'],
    securityHub: ['EC2.3'],
    responsibility: 'customer',
    fixable: true,
  },
  'volumes',
  // A volume given by name (not a map) is an aws.ebs.volume of its own and is checked by CA-EBS-001.
  ({ encrypted }, index, resource) =>
    encrypted === true
      ? undefined
      : {
          key: 'encrypted',
          message: `Volume ${index + 1} of \`${resource.name}\` is not encrypted (encrypted: ${shown(encrypted)}).`,
          fix: { value: true, title: 'Encrypt the volume (encrypted: true)' },
        },
);

const userDataSecrets: SecurityRule = customRule(
  {
    id: 'CA-EC2-004',
    title: 'Secret written in EC2 user data',
    description:
      'User data is readable by anyone who can describe the instance or reach its metadata service, and it is stored in launch templates and logs.',
    severity: 'high',
    concern: 'security',
    types: [EC2, ASG],
    remediation:
      'Fetch secrets at boot from AWS Secrets Manager or SSM Parameter Store with the instance role; never write them into user data.',
    checkov: ['CKV_AWS_46'],
    securityHub: [],
    responsibility: 'customer',
    fixable: false,
  },
  (meta) => (resource) => {
    const userData = resource.props.userData;
    if (typeof userData !== 'string') return [];
    const what = secretIn(userData);
    return what === undefined
      ? []
      : [finding(meta, resource, { path: ['userData'], message: `The user data of \`${resource.name}\` contains ${what}.` })];
  },
);

const asgHealthCheck: SecurityRule = propertyRule({
  id: 'CA-ASG-003',
  title: 'Auto Scaling group behind a load balancer uses EC2 health checks',
  description:
    'With EC2 health checks the group keeps instances whose application is failing as long as the VM runs; ELB health checks replace them.',
  severity: 'low',
  concern: 'availability',
  types: [ASG],
  remediation: 'Set `healthCheck: elb` on groups that are targets of a load balancer.',
  checkov: ['CKV2_AWS_15'],
  securityHub: ['AutoScaling.1'],
  responsibility: 'customer',
  path: ['healthCheck'],
  assumedDefault: 'ec2',
  appliesTo: (resource, context) => context.targetedBy(resource.name).some((source) => source.type?.startsWith('aws.elb.') === true),
  ok: (value) => value === 'elb',
  message: (resource, value) =>
    `\`${resource.name}\` is a load balancer target but uses healthCheck ${shown(value)}, so failing applications are not replaced.`,
  fix: { value: 'elb', title: "Use the load balancer's health checks (healthCheck: elb)" },
});

const gp2Volumes: SecurityRule = (() => {
  const meta: RuleMeta = {
    id: 'CA-EBS-002',
    title: 'EBS volume uses gp2 instead of gp3',
    description:
      'gp3 gives a 3,000 IOPS baseline regardless of size for about 20% less per GB than gp2; gp2 small volumes also depend on burst credits.',
    severity: 'info',
    // A price recommendation: gp2 is neither less secure nor less available than gp3.
    concern: 'cost',
    types: [EBS, EC2, ASG, 'aws.rds.instance'],
    remediation: 'Change the volume type to gp3 (an online modification for EBS).',
    checkov: [],
    securityHub: [],
    responsibility: 'customer',
    fixable: true,
  };
  const paths = (resource: ResourceNode): (readonly (string | number)[])[] => {
    if (resource.type === EBS) return [['volumeType']];
    if (resource.type === 'aws.rds.instance') return [['storage', 'volumeType']];
    const volumes = resource.props.volumes;
    return Array.isArray(volumes) ? volumes.map((_, index) => ['volumes', index, 'volumeType']) : [];
  };
  return {
    ...meta,
    check(resource, context) {
      return paths(resource).flatMap((path) => {
        let value: unknown = resource.props;
        for (const step of path)
          value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[step] : undefined;
        if (value !== 'gp2') return [];
        const fix = buildSetPropertyFix(context.doc, resource, path, 'gp3', 'Switch to gp3 (volumeType: gp3)');
        return [
          finding(meta, resource, {
            path,
            message: `\`${resource.name}\` uses a gp2 volume; gp3 is cheaper with a higher baseline.`,
            ...(fix ? { fix } : {}),
          }),
        ];
      });
    },
  };
})();

export const computeRules: readonly SecurityRule[] = [
  publicIpRule('CA-EC2-001', [EC2], ['EC2.9'], 'EC2 instance has a public IP address'),
  imdsRule('CA-EC2-002', [EC2], ['EC2.8']),
  inlineVolumeEncryption,
  userDataSecrets,
  propertyRule({
    id: 'CA-EC2-005',
    title: 'EC2 instance has no IAM role',
    description: 'Without an instance role, software on the instance needs long-lived access keys stored on disk to call AWS.',
    severity: 'low',
    concern: 'security',
    types: [EC2, ASG],
    remediation: 'Set `iamRole` to a role with only the permissions the instance needs.',
    checkov: ['CKV2_AWS_41'],
    securityHub: [],
    responsibility: 'customer',
    path: ['iamRole'],
    assumedDefault: undefined,
    ok: (value) => typeof value === 'string' && value.trim() !== '',
    message: (resource) => `\`${resource.name}\` has no IAM role, so AWS calls from it need stored access keys.`,
  }),
  switchRule({
    id: 'CA-EC2-006',
    title: 'EC2 detailed monitoring is off',
    description: 'Basic monitoring reports every five minutes, too coarse to catch short spikes or to scale quickly.',
    severity: 'info',
    concern: 'availability',
    types: [EC2, ASG],
    remediation: 'Set `detailedMonitoring: true` (one-minute metrics).',
    checkov: ['CKV_AWS_126'],
    securityHub: [],
    property: 'detailedMonitoring',
    message: (resource) => `\`${resource.name}\` reports metrics every five minutes only (detailedMonitoring is not true).`,
    fixTitle: 'Turn on detailed monitoring (detailedMonitoring: true)',
  }),
  propertyRule({
    id: 'CA-EC2-007',
    title: 'Instance metadata hop limit is above 1',
    description:
      "A hop limit above 1 lets containers and forwarded traffic on the instance reach the metadata service and the role's credentials.",
    severity: 'high',
    concern: 'security',
    types: [EC2, ASG],
    remediation: 'Set `metadataHopLimit: 1` unless containers on the instance genuinely need the metadata service (then 2).',
    checkov: ['CKV_AWS_341'],
    securityHub: ['AutoScaling.4'],
    responsibility: 'customer',
    path: ['metadataHopLimit'],
    assumedDefault: 1,
    ok: (value) => typeof value !== 'number' || value <= 1,
    message: (resource, value) => `\`${resource.name}\` lets metadata requests travel ${shown(value)} network hops (metadataHopLimit).`,
    fix: { value: 1, title: 'Limit metadata to the instance (metadataHopLimit: 1)' },
  }),
  propertyRule({
    id: 'CA-ASG-001',
    title: 'Auto Scaling group does not span multiple availability zones',
    description: 'A group in a single zone goes down with that zone; spreading it lets the group rebalance and keep serving.',
    severity: 'medium',
    concern: 'availability',
    types: [ASG],
    remediation: 'List at least two zones in `zones`.',
    checkov: [],
    securityHub: ['AutoScaling.2'],
    responsibility: 'customer',
    path: ['zones'],
    assumedDefault: undefined,
    ok: (_value, resource, context) => zonesOf(resource, context).length >= 2,
    message: (resource, _value, written) =>
      `\`${resource.name}\` runs in ${written ? 'only one zone' : "the file's only zone"}, so a zone outage stops it.`,
    fix: { compute: (resource, context) => twoZones(resource, context), title: 'Spread across two zones' },
  }),
  imdsRule('CA-ASG-002', [ASG], ['AutoScaling.3']),
  asgHealthCheck,
  publicIpRule('CA-ASG-004', [ASG], ['EC2.25'], 'Auto Scaling launch template assigns public IP addresses'),
  switchRule({
    id: 'CA-EBS-001',
    title: 'EBS volume is not encrypted',
    description: 'Unencrypted EBS volumes leave data and every snapshot of it readable to anyone who obtains a copy.',
    severity: 'medium',
    concern: 'security',
    types: [EBS],
    remediation: 'Create the volume with `encrypted: true` (copy an existing volume through an encrypted snapshot).',
    checkov: ['CKV_AWS_3'],
    securityHub: ['EC2.3'],
    property: 'encrypted',
    message: (resource, value) => `EBS volume \`${resource.name}\` is not encrypted (encrypted: ${shown(value)}).`,
    fixTitle: 'Encrypt the volume (encrypted: true)',
  }),
  gp2Volumes,
  switchRule({
    id: 'CA-EBS-003',
    title: 'EBS volume is not covered by a backup plan',
    description: 'A volume outside AWS Backup has no scheduled recovery point; a deletion or corruption is final.',
    severity: 'low',
    concern: 'availability',
    types: [EBS],
    remediation: 'Set `backupPlan: true` to include the volume in an AWS Backup plan.',
    checkov: [],
    securityHub: ['EC2.28'],
    property: 'backupPlan',
    message: (resource) => `EBS volume \`${resource.name}\` is not in a backup plan.`,
    fixTitle: 'Add to a backup plan (backupPlan: true)',
  }),
];

const BEANSTALK = ['aws.elasticbeanstalk.environment'];

/** Elastic Beanstalk (listed after the application rules in the rule table). */
export const beanstalkRules: readonly SecurityRule[] = [
  switchRule({
    id: 'CA-EB-001',
    title: 'Elastic Beanstalk managed platform updates are off',
    description: "Without managed updates the environment's platform misses security patches until someone updates it by hand.",
    severity: 'high',
    concern: 'security',
    types: BEANSTALK,
    remediation: 'Set `managedUpdates: true`.',
    checkov: ['CKV_AWS_340'],
    securityHub: ['ElasticBeanstalk.2'],
    property: 'managedUpdates',
    message: (resource) => `Elastic Beanstalk environment \`${resource.name}\` does not apply platform updates automatically.`,
    fixTitle: 'Turn on managed updates (managedUpdates: true)',
  }),
  propertyRule({
    id: 'CA-EB-002',
    title: 'Elastic Beanstalk enhanced health reporting is off',
    description: 'Basic health sees only load balancer checks; enhanced health reports instance and request-level problems.',
    severity: 'low',
    concern: 'availability',
    types: BEANSTALK,
    remediation: 'Set `enhancedHealth: true`.',
    checkov: ['CKV_AWS_312'],
    securityHub: ['ElasticBeanstalk.1'],
    responsibility: 'customer',
    path: ['enhancedHealth'],
    assumedDefault: true,
    ok: isTrue,
    message: (resource) => `Elastic Beanstalk environment \`${resource.name}\` uses basic health reporting only.`,
    fix: { value: true, title: 'Turn on enhanced health (enhancedHealth: true)' },
  }),
];
