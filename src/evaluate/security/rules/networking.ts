/**
 * Networking: security-group rules (world-open ingress to administrative, database and other
 * ports, all protocols, unrestricted egress and undocumented rules), then load balancers and
 * CloudFront (encryption in transit, logging, WAF and zone spread).
 */
import type { ResourceNode } from '../../../core/document';
import type { SecurityFinding } from '../../types';
import { buildSetPropertyFix } from '../fixes';
import {
  catalogDefault,
  customRule,
  effective,
  finding,
  isTrue,
  listItemRule,
  propertyRule,
  shown,
  switchRule,
  type RuleMeta,
  type SecurityRule,
} from '../rule';
import { twoZones, zonesOf } from './compute';
import { coversPort, isAllPorts, isWorld, portText, reachesPorts, readGroupRule, type GroupRule } from '../security-group-rules';
import { databasePorts, webPorts } from '../../../model/ports';

const SECURITY_GROUP = ['aws.ec2.security-group'];

/** The CIDR a "restrict" fix writes: the private address space, which the user then narrows. */
export const RESTRICTED_CIDR = '10.0.0.0/8';

type RuleVisitor = (rule: GroupRule, resource: ResourceNode) => string | undefined;

/** Runs `visit` over every ingress rule; each message it returns becomes a finding at the rule's `from`. */
function ingressCheck(meta: RuleMeta, restrictFix: boolean, visit: RuleVisitor): SecurityRule['check'] {
  return (resource, context) => {
    const ingress = resource.props.ingress;
    if (!Array.isArray(ingress)) return [];
    const findings: SecurityFinding[] = [];
    ingress.forEach((item, index) => {
      const rule = readGroupRule(item, 'ingress');
      if (rule === undefined) return;
      const message = visit(rule, resource);
      if (message === undefined) return;
      const path = ['ingress', index, 'from'];
      const fix = restrictFix
        ? buildSetPropertyFix(
            context.doc,
            resource,
            path,
            RESTRICTED_CIDR,
            `Restrict to ${RESTRICTED_CIDR} (then narrow it to your own range)`,
          )
        : undefined;
      findings.push(finding(meta, resource, { path, message, ...(fix ? { fix } : {}) }));
    });
    return findings;
  };
}

function worldSpecificPort(rule: GroupRule, port: number): boolean {
  return (
    isWorld(rule.peer) && !isAllPorts(rule.ports) && coversPort(rule.ports, port) && rule.protocol !== 'udp' && rule.protocol !== 'icmp'
  );
}

function sgRule(meta: Omit<RuleMeta, 'types' | 'responsibility' | 'concern'>, restrictFix: boolean, visit: RuleVisitor): SecurityRule {
  const full: RuleMeta = { ...meta, types: SECURITY_GROUP, responsibility: 'customer', concern: 'security' };
  return { ...full, check: ingressCheck(full, restrictFix, visit) };
}

const name = (resource: ResourceNode) => `Security group \`${resource.name}\``;

/** A rule for one administration port (SSH, RDP) open to the internet. */
function adminPortRule(meta: Omit<RuleMeta, 'types' | 'responsibility' | 'concern'>, port: number, service: string): SecurityRule {
  return sgRule(meta, true, (group, resource) =>
    worldSpecificPort(group, port) ? `${name(resource)} allows ${service} (${portText(group.ports)}) from ${group.peer}.` : undefined,
  );
}

export const securityGroupRules: readonly SecurityRule[] = [
  adminPortRule(
    {
      id: 'CA-SG-001',
      title: 'Security group allows SSH (22) from the internet',
      description: 'SSH open to 0.0.0.0/0 or ::/0 invites credential stuffing and exploitation of the SSH daemon from anywhere.',
      severity: 'high',
      remediation:
        'Allow port 22 only from an administrative CIDR or a bastion security group, or use Systems Manager Session Manager instead of SSH.',
      checkov: ['CKV_AWS_24'],
      securityHub: ['EC2.13', 'EC2.19'],
      fixable: true,
    },
    22,
    'SSH',
  ),
  adminPortRule(
    {
      id: 'CA-SG-002',
      title: 'Security group allows RDP (3389) from the internet',
      description: 'Remote Desktop open to the whole internet is one of the most scanned and attacked services.',
      severity: 'high',
      remediation: 'Allow port 3389 only from an administrative CIDR, a VPN, or Fleet Manager/Session Manager.',
      checkov: ['CKV_AWS_25'],
      securityHub: ['EC2.14', 'EC2.19'],
      fixable: true,
    },
    3389,
    'RDP',
  ),
  sgRule(
    {
      id: 'CA-SG-003',
      title: 'Security group allows all ports or all protocols from the internet',
      description:
        'An ingress rule for every port (or protocol -1) from 0.0.0.0/0 exposes every listening service of every attached resource.',
      severity: 'critical',
      remediation:
        'Replace the rule with rules for the specific ports the service needs, from the narrowest source that works (a load balancer security group, a CIDR).',
      checkov: ['CKV_AWS_277'],
      securityHub: ['EC2.19'],
      fixable: true,
    },
    true,
    (group, resource) =>
      isWorld(group.peer) && isAllPorts(group.ports) && reachesPorts(group)
        ? `${name(resource)} allows ${group.protocol === 'all' ? 'all protocols' : `${group.protocol} on all ports`} from ${group.peer}.`
        : undefined,
  ),
  sgRule(
    {
      id: 'CA-SG-004',
      title: 'Security group allows a database port from the internet',
      description:
        'Database and cache ports (MySQL, PostgreSQL, SQL Server, Oracle, MongoDB, Redis...) open to the internet expose data stores to brute force and exploits.',
      severity: 'critical',
      remediation: "Allow the database port only from the application tier's security group.",
      checkov: [],
      securityHub: ['EC2.19'],
      fixable: true,
    },
    true,
    (group, resource) => {
      const port = Object.keys(databasePorts)
        .map(Number)
        .find((candidate) => worldSpecificPort(group, candidate));
      return port === undefined
        ? undefined
        : `${name(resource)} allows ${databasePorts[port]} (${portText(group.ports)}) from ${group.peer}.`;
    },
  ),
  sgRule(
    {
      id: 'CA-SG-005',
      title: 'Security group allows an unauthorized port from the internet',
      description: 'Only web ports (80 and 443) should face the internet; any other world-open port widens the attack surface.',
      severity: 'high',
      remediation: "Restrict the rule's source to the networks that need it, or front the service with a load balancer.",
      checkov: [],
      securityHub: ['EC2.18'],
      fixable: true,
    },
    true,
    (group, resource) => {
      if (!isWorld(group.peer) || !reachesPorts(group) || group.ports === undefined || isAllPorts(group.ports)) return undefined;
      const ports = group.ports;
      // Only where CA-SG-001, -002 or -004 report the rule: UDP 22 is not SSH, but it is still a world-open port.
      const coveredElsewhere = [22, 3389, ...Object.keys(databasePorts).map(Number)].some((port) => worldSpecificPort(group, port));
      const onlyWeb = ports.from === ports.to && webPorts.includes(ports.from);
      if (coveredElsewhere || onlyWeb) return undefined;
      return `${name(resource)} allows ${portText(ports)} from ${group.peer}; only 80 and 443 should face the internet.`;
    },
  ),
  sgRule(
    {
      id: 'CA-SG-006',
      title: 'Security group allows plain HTTP (80) from the internet',
      description: 'Port 80 carries unencrypted traffic; acceptable only on a load balancer that redirects to HTTPS.',
      severity: 'low',
      remediation: 'Serve HTTPS on 443 and keep port 80 only on a load balancer listener that redirects to HTTPS.',
      checkov: ['CKV_AWS_260'],
      securityHub: [],
      fixable: false,
    },
    false,
    (group, resource) =>
      isWorld(group.peer) && group.ports !== undefined && group.ports.from === 80 && group.ports.to === 80
        ? `${name(resource)} allows unencrypted HTTP on port 80 from ${group.peer}.`
        : undefined,
  ),
  customRule(
    {
      id: 'CA-SG-007',
      title: 'Security group allows all outbound traffic to the internet',
      description: 'Unrestricted egress lets a compromised instance exfiltrate data or reach command-and-control servers on any port.',
      severity: 'low',
      concern: 'security',
      types: SECURITY_GROUP,
      remediation:
        'Limit egress to the ports and destinations the workload needs (for example 443 to the internet, the database port to the database security group).',
      checkov: ['CKV_AWS_382'],
      securityHub: [],
      responsibility: 'customer',
      fixable: false,
    },
    (meta) => (resource) => {
      const written = resource.props.egress;
      if (written === undefined) {
        // AWS gives a group without egress rules one that allows everything, and so does the catalog.
        const assumed = catalogDefault(resource, 'egress');
        const open =
          Array.isArray(assumed) &&
          assumed.some((item) => {
            const rule = readGroupRule(item, 'egress');
            return rule !== undefined && isWorld(rule.peer) && isAllPorts(rule.ports);
          });
        return open
          ? [
              finding(meta, resource, {
                path: ['egress'],
                message: `${name(resource)} has no egress rules, so it allows all outbound traffic (the AWS default).`,
              }),
            ]
          : [];
      }
      if (!Array.isArray(written)) return [];
      return written.flatMap((item, index) => {
        const rule = readGroupRule(item, 'egress');
        if (rule === undefined || !isWorld(rule.peer) || !isAllPorts(rule.ports) || !reachesPorts(rule)) return [];
        return [
          finding(meta, resource, {
            path: ['egress', index, 'to'],
            message: `${name(resource)} allows all outbound traffic to ${rule.peer}.`,
          }),
        ];
      });
    },
  ),
  customRule(
    {
      id: 'CA-SG-008',
      title: 'Security group rule has no description',
      description: 'Rules without a description are hard to review and tend to outlive their purpose.',
      severity: 'info',
      concern: 'security',
      types: SECURITY_GROUP,
      remediation: 'Add a `description` to every ingress and egress rule saying who needs it and why.',
      checkov: ['CKV_AWS_23'],
      securityHub: [],
      responsibility: 'customer',
      fixable: false,
    },
    (meta) => (resource) => {
      const findings: SecurityFinding[] = [];
      for (const direction of ['ingress', 'egress'] as const) {
        const rules = resource.props[direction];
        if (!Array.isArray(rules)) continue;
        rules.forEach((item, index) => {
          const rule = readGroupRule(item, direction);
          if (rule !== undefined && (rule.description === undefined || rule.description.trim() === '')) {
            findings.push(
              finding(meta, resource, {
                path: [direction, index],
                message: `${name(resource)} ${direction} rule ${index + 1} (${portText(rule.ports)}) has no description.`,
              }),
            );
          }
        });
      }
      return findings;
    },
  ),
  propertyRule({
    id: 'CA-SG-009',
    title: 'VPC default security group has rules',
    description: 'Resources launched without a security group land in the default group; rules on it silently apply to them.',
    severity: 'high',
    concern: 'security',
    types: SECURITY_GROUP,
    remediation: 'Remove every ingress and egress rule from the default security group and give each resource a purpose-built group.',
    checkov: ['CKV2_AWS_12'],
    securityHub: ['EC2.2'],
    responsibility: 'customer',
    path: ['isDefault'],
    assumedDefault: false,
    ok: (value, resource) =>
      !isTrue(value) ||
      ((!Array.isArray(resource.props.ingress) || resource.props.ingress.length === 0) &&
        Array.isArray(resource.props.egress) &&
        resource.props.egress.length === 0),
    message: (resource) => `${name(resource)} is the VPC's default security group and still allows traffic.`,
  }),
];

// Load balancers and CloudFront: encryption in transit, logging, WAF and zone spread.

const ALB = 'aws.elb.application';
const NLB = 'aws.elb.network';
const GWLB = 'aws.elb.gateway';
const CLOUDFRONT = ['aws.cloudfront.distribution'];

const httpListener: SecurityRule = listItemRule(
  {
    id: 'CA-ELB-001',
    title: 'Load balancer HTTP listener does not redirect to HTTPS',
    description: 'An HTTP listener that forwards requests sends credentials, cookies and data in clear text.',
    severity: 'medium',
    concern: 'security',
    types: [ALB],
    remediation: 'Serve HTTPS on 443 and make the HTTP listener redirect (`redirectToHttps: true`).',
    checkov: ['CKV_AWS_2', 'CKV2_AWS_20'],
    securityHub: ['ELB.1'],
    responsibility: 'customer',
    fixable: true,
  },
  'listeners',
  ({ protocol, port, redirectToHttps }, _index, resource) =>
    String(protocol).toUpperCase() !== 'HTTP' || redirectToHttps === true
      ? undefined
      : {
          key: 'redirectToHttps',
          message: `Load balancer \`${resource.name}\` serves plain HTTP on port ${shown(port)} without redirecting to HTTPS.`,
          fix: { value: true, title: 'Redirect HTTP to HTTPS (redirectToHttps: true)' },
        },
);

/** TLS policies that still accept TLS 1.0 or 1.1. */
function isOutdatedTlsPolicy(policy: string): boolean {
  if (/TLS13|TLS-1-2|TLS-1-3|FS-1-2|TLS-1-2-Ext/i.test(policy)) return false;
  return /2016-08|2015-05|2015-03|2015-02|2014-|2011-|TLS-1-0|TLS-1-1|FS-2018-06|FS-1-1/i.test(policy);
}

/**
 * The policy an encrypted listener gets when it names none: the catalog's default for
 * `listeners[].sslPolicy`, which is the API's (ELBSecurityPolicy-2016-08, accepting TLS 1.0).
 */
function defaultTlsPolicy(resource: ResourceNode): string | undefined {
  const listeners = resource.typeDef?.properties.listeners?.shape;
  const item = listeners?.kind === 'list' ? listeners.items : undefined;
  const policy = item?.kind === 'object' ? item.properties.sslPolicy?.default : undefined;
  return typeof policy === 'string' ? policy : undefined;
}

const ENCRYPTED_LISTENER_PROTOCOLS = ['HTTPS', 'TLS'];

const tlsPolicy: SecurityRule = listItemRule(
  {
    id: 'CA-ELB-002',
    title: 'Load balancer TLS policy allows TLS older than 1.2',
    description: 'TLS 1.0 and 1.1 have known weaknesses and are deprecated by browsers and compliance standards.',
    severity: 'medium',
    concern: 'security',
    types: [ALB, NLB],
    remediation: 'Use a policy such as `ELBSecurityPolicy-TLS13-1-2-2021-06` on every TLS listener.',
    checkov: ['CKV_AWS_103'],
    securityHub: ['ELB.8'],
    responsibility: 'customer',
    fixable: true,
  },
  'listeners',
  ({ sslPolicy: written, protocol }, index, resource) => {
    // An encrypted listener that names no policy gets the default one, which is the outdated policy.
    const encrypted = ENCRYPTED_LISTENER_PROTOCOLS.includes(String(protocol).toUpperCase());
    const policy = written === undefined || written === null ? (encrypted ? defaultTlsPolicy(resource) : undefined) : written;
    if (typeof policy !== 'string' || !isOutdatedTlsPolicy(policy)) return undefined;
    const uses = written === policy ? `uses ${shown(policy)}` : `names no TLS policy, so it takes the default ${shown(policy)}`;
    return {
      key: 'sslPolicy',
      message: `Listener ${index + 1} of \`${resource.name}\` ${uses}, which accepts TLS older than 1.2.`,
      fix: { value: 'ELBSecurityPolicy-TLS13-1-2-2021-06', title: 'Use TLS 1.2+ (ELBSecurityPolicy-TLS13-1-2-2021-06)' },
    };
  },
);

const lbName = (resource: ResourceNode) => `Load balancer \`${resource.name}\``;

/** Load balancers and CloudFront (listed after the database rules in the rule table). */
export const loadBalancerAndCdnRules: readonly SecurityRule[] = [
  httpListener,
  tlsPolicy,
  switchRule({
    id: 'CA-ELB-003',
    title: 'Load balancer access logging is off',
    description: 'Access logs record every request (client, path, status, latency); without them incidents cannot be investigated.',
    severity: 'medium',
    concern: 'security',
    types: [ALB, NLB],
    remediation: 'Set `accessLogging: true` (delivered to an S3 bucket).',
    checkov: ['CKV_AWS_91'],
    securityHub: ['ELB.5'],
    property: 'accessLogging',
    message: (resource) => `${lbName(resource)} does not write access logs.`,
    fixTitle: 'Turn on access logs (accessLogging: true)',
  }),
  switchRule({
    id: 'CA-ELB-004',
    title: 'Application load balancer does not drop invalid HTTP headers',
    description: 'Forwarding malformed headers enables HTTP desync and request smuggling against the targets.',
    severity: 'medium',
    concern: 'security',
    types: [ALB],
    remediation: 'Set `dropInvalidHeaders: true`.',
    checkov: ['CKV_AWS_131'],
    securityHub: ['ELB.4'],
    property: 'dropInvalidHeaders',
    message: (resource) => `${lbName(resource)} forwards invalid HTTP header fields to its targets.`,
    fixTitle: 'Drop invalid headers (dropInvalidHeaders: true)',
  }),
  propertyRule({
    id: 'CA-ELB-005',
    title: 'Load balancer does not span multiple availability zones',
    description: 'A load balancer in one zone stops when that zone fails; AWS requires two zones for an ALB.',
    severity: 'medium',
    concern: 'availability',
    types: [ALB, NLB, GWLB],
    remediation: 'List at least two zones in `zones`.',
    checkov: [],
    securityHub: ['ELB.13', 'ELB.10'],
    responsibility: 'customer',
    path: ['zones'],
    assumedDefault: undefined,
    ok: (_value, resource, context) => zonesOf(resource, context).length >= 2,
    message: (resource, _value, _written, context) =>
      `${lbName(resource)} is in one zone only (${zonesOf(resource, context).join(', ') || 'none'}).`,
    fix: { compute: (resource, context) => twoZones(resource, context), title: 'Spread across two zones' },
  }),
  switchRule({
    id: 'CA-ELB-006',
    title: 'Load balancer deletion protection is off',
    description: 'Without deletion protection one mistaken call removes the entry point of the application.',
    severity: 'medium',
    concern: 'availability',
    types: [ALB, NLB, GWLB],
    remediation: 'Set `deletionProtection: true`.',
    checkov: ['CKV_AWS_150'],
    securityHub: ['ELB.6'],
    property: 'deletionProtection',
    message: (resource) => `${lbName(resource)} can be deleted without first turning off deletion protection.`,
    fixTitle: 'Turn on deletion protection (deletionProtection: true)',
  }),
  switchRule({
    id: 'CA-ELB-007',
    title: 'Internet-facing application load balancer has no WAF',
    description: 'Without a web ACL the application receives injection, scanning and bot traffic unfiltered.',
    severity: 'medium',
    concern: 'security',
    types: [ALB],
    remediation: 'Set `waf: true` to associate an AWS WAF web ACL (or front the load balancer with CloudFront and WAF).',
    checkov: ['CKV2_AWS_28'],
    securityHub: [],
    property: 'waf',
    appliesTo: (resource, context) =>
      effective(resource, 'scheme') === 'internet-facing' &&
      !context.targetedBy(resource.name).some((source) => source.type === 'aws.cloudfront.distribution' && source.props.waf === true),
    message: (resource) => `Internet-facing load balancer \`${resource.name}\` has no WAF web ACL.`,
    fixTitle: 'Attach a WAF web ACL (waf: true)',
  }),
  propertyRule({
    id: 'CA-CF-001',
    title: 'CloudFront allows plain HTTP from viewers',
    description: 'With viewer protocol `allow-all`, pages, cookies and tokens can travel in clear text between users and the edge.',
    severity: 'medium',
    concern: 'security',
    types: CLOUDFRONT,
    remediation: 'Set `viewerProtocol: redirect-to-https` (or `https-only`).',
    checkov: ['CKV_AWS_34'],
    securityHub: ['CloudFront.3'],
    responsibility: 'customer',
    path: ['viewerProtocol'],
    assumedDefault: 'allow-all',
    ok: (value) => value === 'redirect-to-https' || value === 'https-only',
    message: (resource, value) => `Distribution \`${resource.name}\` accepts HTTP from viewers (viewerProtocol: ${shown(value)}).`,
    fix: { value: 'redirect-to-https', title: 'Redirect viewers to HTTPS (viewerProtocol: redirect-to-https)' },
  }),
  propertyRule({
    id: 'CA-CF-002',
    title: 'CloudFront minimum viewer TLS version is below 1.2',
    description: 'Security policies older than TLSv1.2_2021 let viewers negotiate deprecated protocol versions and ciphers.',
    severity: 'medium',
    concern: 'security',
    types: CLOUDFRONT,
    remediation: 'Set `minimumTlsVersion: TLSv1.2_2021`.',
    checkov: ['CKV_AWS_174'],
    securityHub: [],
    responsibility: 'customer',
    path: ['minimumTlsVersion'],
    assumedDefault: 'TLSv1.2_2021',
    ok: (value) => typeof value !== 'string' || /^TLSv1\.[23]/.test(value),
    message: (resource, value) => `Distribution \`${resource.name}\` accepts viewer TLS below 1.2 (minimumTlsVersion: ${shown(value)}).`,
    fix: { value: 'TLSv1.2_2021', title: 'Require TLS 1.2 (minimumTlsVersion: TLSv1.2_2021)' },
  }),
  propertyRule({
    id: 'CA-CF-003',
    title: 'CloudFront reaches custom origins without HTTPS',
    description:
      'With origin protocol `http-only` or `match-viewer`, traffic between the edge and the origin can be clear text on the internet.',
    severity: 'medium',
    concern: 'security',
    types: CLOUDFRONT,
    remediation: 'Set `originProtocol: https-only`.',
    checkov: ['CKV2_AWS_72'],
    securityHub: ['CloudFront.9'],
    responsibility: 'customer',
    path: ['originProtocol'],
    assumedDefault: 'https-only',
    ok: (value) => value === 'https-only',
    message: (resource, value) => `Distribution \`${resource.name}\` may reach its origins over HTTP (originProtocol: ${shown(value)}).`,
    fix: { value: 'https-only', title: 'Use HTTPS to origins (originProtocol: https-only)' },
  }),
  switchRule({
    id: 'CA-CF-004',
    title: 'CloudFront access logging is off',
    description: 'Standard logs record every viewer request; without them abuse and incidents cannot be investigated.',
    severity: 'medium',
    concern: 'security',
    types: CLOUDFRONT,
    remediation: 'Set `accessLogging: true`.',
    checkov: ['CKV_AWS_86'],
    securityHub: ['CloudFront.5'],
    property: 'accessLogging',
    message: (resource) => `Distribution \`${resource.name}\` does not log viewer requests.`,
    fixTitle: 'Turn on logging (accessLogging: true)',
  }),
  switchRule({
    id: 'CA-CF-005',
    title: 'CloudFront S3 origin has no origin access control',
    description:
      'Without origin access control the bucket must be readable by everyone for CloudFront to serve it, so the CDN can be bypassed.',
    severity: 'medium',
    concern: 'security',
    types: CLOUDFRONT,
    remediation: "Set `originAccessControl: true` and keep the bucket's public access blocked.",
    checkov: ['CKV2_AWS_46'],
    securityHub: ['CloudFront.2'],
    property: 'originAccessControl',
    appliesTo: (resource, context) =>
      Array.isArray(resource.props.origins) &&
      resource.props.origins.some(
        (origin) => typeof origin === 'string' && context.doc.resourceByName.get(origin)?.type === 'aws.s3.bucket',
      ),
    message: (resource) => `Distribution \`${resource.name}\` serves an S3 bucket without origin access control.`,
    fixTitle: 'Use origin access control (originAccessControl: true)',
  }),
  switchRule({
    id: 'CA-CF-006',
    title: 'CloudFront distribution has no WAF',
    description: 'Without a web ACL at the edge, injection, scanning and bot traffic reach the origins unfiltered.',
    severity: 'medium',
    concern: 'security',
    types: CLOUDFRONT,
    remediation: 'Set `waf: true`.',
    checkov: ['CKV_AWS_68'],
    securityHub: ['CloudFront.6'],
    property: 'waf',
    message: (resource) => `Distribution \`${resource.name}\` has no WAF web ACL.`,
    fixTitle: 'Attach a WAF web ACL (waf: true)',
  }),
  propertyRule({
    id: 'CA-CF-007',
    title: 'CloudFront has no origin failover',
    description: 'Without an origin group a failing origin makes the distribution return errors although a second origin could serve.',
    severity: 'low',
    concern: 'availability',
    types: CLOUDFRONT,
    remediation: 'List a primary and a secondary origin and set `originFailover: true`.',
    checkov: ['CKV_AWS_310'],
    securityHub: ['CloudFront.4'],
    responsibility: 'customer',
    path: ['originFailover'],
    assumedDefault: false,
    ok: isTrue,
    message: (resource) => `Distribution \`${resource.name}\` has no origin failover.`,
    // Failover needs two origins; with one there is nothing mechanical to turn on.
    fix: {
      compute: (resource) => (Array.isArray(resource.props.origins) && resource.props.origins.length >= 2 ? true : undefined),
      title: 'Fail over between origins (originFailover: true)',
    },
  }),
  propertyRule({
    id: 'CA-CF-008',
    title: 'CloudFront distribution serving S3 has no default root object',
    description:
      "Without a default root object, a request for the distribution's root is passed to the S3 origin as is, which can return the bucket's listing or an error instead of the intended page.",
    severity: 'high',
    severityRationale:
      'Security Hub CloudFront.1 is High (it was Critical in the 2023 FSBP snapshot) and, like this rule, applies only to distributions with S3 origins. Only the default origin receives a request for `/`, so a distribution whose default origin is a load balancer or another custom origin is not flagged at all.',
    concern: 'security',
    types: CLOUDFRONT,
    remediation: 'Set `defaultRootObject` (for example `index.html`).',
    checkov: ['CKV_AWS_305'],
    securityHub: ['CloudFront.1'],
    responsibility: 'customer',
    path: ['defaultRootObject'],
    assumedDefault: undefined,
    // The root URL goes to the default origin, the first of `origins`; other origins only serve their path patterns.
    appliesTo: (resource, context) =>
      Array.isArray(resource.props.origins) &&
      typeof resource.props.origins[0] === 'string' &&
      context.doc.resourceByName.get(resource.props.origins[0])?.type === 'aws.s3.bucket',
    ok: (value) => typeof value === 'string' && value.trim() !== '',
    message: (resource) => `Distribution \`${resource.name}\` sends requests for its root to an S3 bucket but has no default root object.`,
    fix: { value: 'index.html', title: 'Serve index.html at the root (defaultRootObject: index.html)' },
  }),
];
