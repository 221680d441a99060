/**
 * Rules for types whose properties invite them but that had none: Lightsail instances (the default
 * firewall opens SSH to the world), Batch compute environments (IMDSv2), Image Builder pipelines
 * (image encryption, vulnerability scanning), Route 53 zones (DNSSEC, query logging), FSx encryption
 * in transit, and NAT gateways (a public gateway must sit in a public subnet).
 *
 * Cross-references were checked on 2026-12-03: CKV2_AWS_38 (DNSSEC on public zones), CKV2_AWS_39
 * (query logging) and CKV_AWS_199 (Image Builder AMIs encrypted with KMS) in Checkov's policy index;
 * Route53.2 (public hosted zones should log DNS queries, Medium) in Security Hub. Lightsail, Batch,
 * NAT gateways and Image Builder scanning have no Checkov check or Security Hub control found.
 */
import type { ResourceNode } from '../../../core/document';
import { buildSetPropertyFix } from '../fixes';
import { customRule, finding, propertyRule, switchRule, type SecurityRule } from '../rule';
import { isWorld } from '../security-group-rules';

const LIGHTSAIL = ['aws.lightsail.instance'];
const BATCH = ['aws.batch.environment'];
const IMAGE_BUILDER = ['aws.imagebuilder.pipeline'];
const ROUTE53 = ['aws.route53.zone'];
const NAT = ['aws.vpc.nat-gateway'];
const FSX = ['aws.fsx.filesystem'];

/** A Lightsail firewall rule as the file means it, with the catalog's defaults filled in. */
interface FirewallRule {
  readonly port: unknown;
  readonly protocol: string;
  readonly from: string;
}

function firewallOf(resource: ResourceNode): { rules: FirewallRule[]; written: boolean } {
  const written = Array.isArray(resource.props.firewall);
  const raw = written
    ? (resource.props.firewall as unknown[])
    : ((resource.typeDef?.properties.firewall?.default as unknown[] | undefined) ?? []);
  const rules = raw.flatMap((item): FirewallRule[] => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return [];
    const record = item as Record<string, unknown>;
    return [
      {
        port: record.port,
        protocol: typeof record.protocol === 'string' ? record.protocol : 'tcp',
        from: typeof record.from === 'string' ? record.from : '0.0.0.0/0',
      },
    ];
  });
  return { rules, written };
}

/** Whether a Lightsail port value (a number, `all` or a `from-to` range) covers the given port. */
function lightsailPortCovers(port: unknown, wanted: number): boolean {
  if (port === 'all') return true;
  if (typeof port === 'number') return port === wanted;
  if (typeof port === 'string') {
    const range = /^(\d{1,5})-(\d{1,5})$/.exec(port);
    if (range) return Number(range[1]) <= wanted && wanted <= Number(range[2]);
  }
  return false;
}

const lightsailAdminPorts: SecurityRule = customRule(
  {
    id: 'CA-LIGHTSAIL-001',
    title: 'Lightsail firewall allows SSH or RDP from the internet',
    description:
      "Lightsail opens SSH (22) to every address by default, and RDP (3389) on Windows blueprints, so password-guessing and exploit traffic reaches the instance's login service.",
    severity: 'high',
    concern: 'security',
    types: LIGHTSAIL,
    remediation:
      'Restrict SSH and RDP to your own address range in `firewall`, or remove them and connect through the Lightsail browser client or a VPN.',
    checkov: [],
    securityHub: [],
    responsibility: 'customer',
    fixable: true,
  },
  (meta) => (resource, context) => {
    const { rules, written } = firewallOf(resource);
    const open = rules.filter(
      (rule) =>
        rule.protocol !== 'udp' && isWorld(rule.from) && (lightsailPortCovers(rule.port, 22) || lightsailPortCovers(rule.port, 3389)),
    );
    if (open.length === 0) return [];
    // The mechanical fix writes the firewall without the world-open admin rules, keeping every other rule as it is.
    const kept = rules
      .filter((rule) => !open.includes(rule))
      .map((rule) => ({ port: rule.port, protocol: rule.protocol, from: rule.from }));
    const fix = buildSetPropertyFix(
      context.doc,
      resource,
      ['firewall'],
      kept,
      'Close SSH and RDP to the internet (keep the other firewall rules)',
    );
    const ports = open.map((rule) => String(rule.port)).join(', ');
    const message = written
      ? `Lightsail instance \`${resource.name}\` lets anyone on the internet reach port ${ports} (SSH/RDP).`
      : `Lightsail instance \`${resource.name}\` keeps the default firewall, which opens SSH (22) to the whole internet. \`firewall\` is not written, so it takes the default (22 and 80 from 0.0.0.0/0).`;
    const index = written ? rules.indexOf(open[0]!) : -1;
    return [finding(meta, resource, { path: index >= 0 ? ['firewall', index] : ['firewall'], message, ...(fix ? { fix } : {}) })];
  },
);

export const coverageRules: readonly SecurityRule[] = [
  lightsailAdminPorts,
  switchRule({
    id: 'CA-LIGHTSAIL-002',
    title: 'Lightsail automatic snapshots are off',
    description:
      "Without automatic snapshots a Lightsail instance's disk has no recovery point: a failed instance or a bad change loses its data.",
    severity: 'low',
    concern: 'availability',
    types: LIGHTSAIL,
    remediation: 'Set `automaticSnapshots: true` (daily snapshots kept for seven days).',
    checkov: [],
    securityHub: [],
    property: 'automaticSnapshots',
    message: (resource) => `Lightsail instance \`${resource.name}\` has no automatic snapshots.`,
    fixTitle: 'Take daily snapshots (automaticSnapshots: true)',
  }),
  propertyRule({
    id: 'CA-BATCH-001',
    title: 'Batch compute environment does not require IMDSv2',
    description:
      "The EC2 instances a Batch compute environment launches answer IMDSv1, so a server-side request forgery in a job can read the instance role's credentials.",
    severity: 'high',
    concern: 'security',
    types: BATCH,
    remediation: 'Set `imdsv2: required` (a launch template with HttpTokens required).',
    checkov: [],
    securityHub: [],
    responsibility: 'customer',
    path: ['imdsv2'],
    assumedDefault: 'optional',
    // Fargate capacity has no instance metadata service to protect.
    appliesTo: (resource) => {
      const compute = resource.props.computeType ?? resource.typeDef?.properties.computeType?.default;
      return compute !== 'fargate' && compute !== 'fargate-spot';
    },
    ok: (value) => value === 'required',
    message: (resource) => `Batch compute environment \`${resource.name}\` launches instances that still answer IMDSv1.`,
    fix: { value: 'required', title: 'Require IMDSv2 (imdsv2: required)' },
  }),
  switchRule({
    id: 'CA-IMAGEBUILDER-001',
    title: 'Image Builder output image is not encrypted',
    description:
      'An unencrypted AMI leaves its snapshots, and every volume launched from them, readable without a KMS permission; copies shared with other accounts stay unencrypted too.',
    severity: 'medium',
    concern: 'security',
    types: IMAGE_BUILDER,
    remediation: "Set `encryptedImage: true` (encrypt the AMI's snapshots with a KMS key in the distribution settings).",
    checkov: ['CKV_AWS_199'],
    securityHub: [],
    property: 'encryptedImage',
    message: (resource) => `Image Builder pipeline \`${resource.name}\` produces unencrypted images.`,
    fixTitle: 'Encrypt the output image (encryptedImage: true)',
  }),
  switchRule({
    id: 'CA-IMAGEBUILDER-002',
    title: 'Image Builder does not scan images for vulnerabilities',
    description:
      'Without Amazon Inspector scanning, an image with known vulnerable packages is distributed and launched everywhere before anyone notices.',
    severity: 'medium',
    concern: 'security',
    types: IMAGE_BUILDER,
    remediation: 'Set `vulnerabilityScanning: true` (Amazon Inspector image scanning in the pipeline).',
    checkov: [],
    securityHub: [],
    property: 'vulnerabilityScanning',
    message: (resource) => `Image Builder pipeline \`${resource.name}\` does not scan its images for vulnerabilities.`,
    fixTitle: 'Scan images with Amazon Inspector (vulnerabilityScanning: true)',
  }),
  switchRule({
    id: 'CA-R53-001',
    title: 'Public hosted zone is not signed with DNSSEC',
    description:
      "Without DNSSEC, resolvers cannot tell a forged answer for the zone from a real one, so cache poisoning can send users to an attacker's address.",
    severity: 'low',
    concern: 'security',
    types: ROUTE53,
    remediation: 'Set `dnssec: true` and publish the DS record at the parent zone or registrar.',
    checkov: ['CKV2_AWS_38'],
    securityHub: [],
    property: 'dnssec',
    // DNSSEC signing applies to public zones; private zones answer only inside their VPCs.
    appliesTo: (resource) => resource.props.private !== true,
    message: (resource) => `Public hosted zone \`${resource.name}\` is not signed with DNSSEC.`,
    fixTitle: 'Sign the zone with DNSSEC (dnssec: true)',
  }),
  switchRule({
    id: 'CA-R53-002',
    title: 'Public hosted zone does not log DNS queries',
    description:
      'Without query logs there is no record of which names were looked up, by which resolvers, when investigating an incident or abuse of the domain.',
    severity: 'medium',
    concern: 'security',
    types: ROUTE53,
    remediation: 'Set `queryLogging: true` (query logs to CloudWatch Logs in us-east-1).',
    checkov: ['CKV2_AWS_39'],
    securityHub: ['Route53.2'],
    property: 'queryLogging',
    appliesTo: (resource) => resource.props.private !== true,
    message: (resource) => `Public hosted zone \`${resource.name}\` does not log DNS queries.`,
    fixTitle: 'Log DNS queries (queryLogging: true)',
  }),
  propertyRule({
    id: 'CA-NAT-001',
    title: 'Public NAT gateway is not in a public subnet',
    description:
      'A public NAT gateway reaches the internet through the internet gateway of its subnet; in a private subnet it has no such route, so the private subnets behind it lose outbound internet access.',
    severity: 'medium',
    concern: 'availability',
    types: NAT,
    remediation:
      'Place the gateway in a public subnet (`subnet: public`), or make it a private NAT gateway (`connectivity: private`) if it only reaches other networks.',
    checkov: [],
    securityHub: [],
    responsibility: 'customer',
    path: ['subnet'],
    assumedDefault: 'public',
    appliesTo: (resource) => (resource.props.connectivity ?? 'public') === 'public',
    ok: (value) => value === 'public',
    message: (resource) => `Public NAT gateway \`${resource.name}\` sits in a private subnet, which has no route to the internet.`,
    fix: { value: 'public', title: 'Place the gateway in a public subnet (subnet: public)' },
  }),
  switchRule({
    id: 'CA-FSX-002',
    title: 'FSx clients may connect without encryption in transit',
    description:
      'File data and credentials cross the network in clear text when clients mount without SMB encryption, Kerberos-encrypted NFS or an encrypting Nitro instance.',
    severity: 'medium',
    concern: 'security',
    types: FSX,
    remediation:
      'Set `encryptionInTransit: true` and require it: SMB 3 encryption on shares, krb5p for ONTAP NFS, Nitro instances that encrypt NFS and Lustre traffic.',
    checkov: [],
    securityHub: [],
    property: 'encryptionInTransit',
    message: (resource) => `FSx file system \`${resource.name}\` does not require encryption in transit.`,
    fixTitle: 'Require encryption in transit (encryptionInTransit: true)',
  }),
];
