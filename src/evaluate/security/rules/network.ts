/**
 * Security-group rules: world-open ingress to administrative, database and other ports, all
 * protocols, unrestricted egress and undocumented rules.
 */
import type { ResourceNode } from '../../../core/document';
import type { SecurityFinding } from '../../types';
import { buildSetPropertyFix } from '../fixes';
import { catalogDefault, finding, isTrue, propertyRule, type RuleMeta, type SecurityRule } from '../rule';
import { coversPort, isAllPorts, isWorld, portText, reachesPorts, readGroupRule, type GroupRule } from '../security-group-rules';

const SECURITY_GROUP = ['aws.ec2.security-group'];

/** The CIDR a "restrict" fix writes: the private address space, which the user then narrows. */
export const RESTRICTED_CIDR = '10.0.0.0/8';

/** Database and cache ports that must never face the internet (FSBP EC2.19 lists several of them). */
export const DATABASE_PORTS: Readonly<Record<number, string>> = {
  1433: 'SQL Server',
  1434: 'SQL Server browser',
  1521: 'Oracle',
  3306: 'MySQL/MariaDB/Aurora MySQL',
  5432: 'PostgreSQL/Aurora PostgreSQL',
  5439: 'Redshift',
  6379: 'Redis',
  8182: 'Neptune',
  9042: 'Cassandra/Keyspaces',
  9200: 'OpenSearch',
  9300: 'OpenSearch transport',
  11211: 'Memcached',
  27017: 'MongoDB/DocumentDB',
};

/** Ports that may face the internet without a finding of their own (web traffic). */
const WEB_PORTS = [80, 443];

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
      const fix = restrictFix ? buildSetPropertyFix(context.doc, resource, path, RESTRICTED_CIDR, `Restrict to ${RESTRICTED_CIDR} (then narrow it to your own range)`) : undefined;
      findings.push(finding(meta, resource, { path, message, ...(fix ? { fix } : {}) }));
    });
    return findings;
  };
}

function worldSpecificPort(rule: GroupRule, port: number): boolean {
  return isWorld(rule.peer) && !isAllPorts(rule.ports) && coversPort(rule.ports, port) && rule.protocol !== 'udp' && rule.protocol !== 'icmp';
}

function sgRule(meta: Omit<RuleMeta, 'types' | 'responsibility' | 'concern'>, restrictFix: boolean, visit: RuleVisitor): SecurityRule {
  const full: RuleMeta = { ...meta, types: SECURITY_GROUP, responsibility: 'customer', concern: 'security' };
  return { ...full, check: ingressCheck(full, restrictFix, visit) };
}

const name = (resource: ResourceNode) => `Security group \`${resource.name}\``;

export const networkRules: readonly SecurityRule[] = [
  (() => {
    const meta = {
      id: 'CA-SG-001',
      title: 'Security group allows SSH (22) from the internet',
      description: 'SSH open to 0.0.0.0/0 or ::/0 invites credential stuffing and exploitation of the SSH daemon from anywhere.',
      severity: 'high' as const,
      remediation: 'Allow port 22 only from an administrative CIDR or a bastion security group, or use Systems Manager Session Manager instead of SSH.',
      checkov: ['CKV_AWS_24'],
      securityHub: ['EC2.13', 'EC2.19'],
      fixable: true,
    };
    return sgRule(meta, true, (group, resource) => (worldSpecificPort(group, 22) ? `${name(resource)} allows SSH (${portText(group.ports)}) from ${group.peer}.` : undefined));
  })(),
  (() => {
    const meta = {
      id: 'CA-SG-002',
      title: 'Security group allows RDP (3389) from the internet',
      description: 'Remote Desktop open to the whole internet is one of the most scanned and attacked services.',
      severity: 'high' as const,
      remediation: 'Allow port 3389 only from an administrative CIDR, a VPN, or Fleet Manager/Session Manager.',
      checkov: ['CKV_AWS_25'],
      securityHub: ['EC2.14', 'EC2.19'],
      fixable: true,
    };
    return sgRule(meta, true, (group, resource) => (worldSpecificPort(group, 3389) ? `${name(resource)} allows RDP (${portText(group.ports)}) from ${group.peer}.` : undefined));
  })(),
  (() => {
    const meta = {
      id: 'CA-SG-003',
      title: 'Security group allows all ports or all protocols from the internet',
      description: 'An ingress rule for every port (or protocol -1) from 0.0.0.0/0 exposes every listening service of every attached resource.',
      severity: 'critical' as const,
      remediation: 'Replace the rule with rules for the specific ports the service needs, from the narrowest source that works (a load balancer security group, a CIDR).',
      checkov: ['CKV_AWS_277'],
      securityHub: ['EC2.19'],
      fixable: true,
    };
    return sgRule(meta, true, (group, resource) =>
      isWorld(group.peer) && isAllPorts(group.ports) && reachesPorts(group) ? `${name(resource)} allows ${group.protocol === 'all' ? 'all protocols' : `${group.protocol} on all ports`} from ${group.peer}.` : undefined,
    );
  })(),
  (() => {
    const meta = {
      id: 'CA-SG-004',
      title: 'Security group allows a database port from the internet',
      description: 'Database and cache ports (MySQL, PostgreSQL, SQL Server, Oracle, MongoDB, Redis...) open to the internet expose data stores to brute force and exploits.',
      severity: 'critical' as const,
      remediation: 'Allow the database port only from the application tier\'s security group.',
      checkov: [],
      securityHub: ['EC2.19'],
      fixable: true,
    };
    return sgRule(meta, true, (group, resource) => {
      const port = Object.keys(DATABASE_PORTS).map(Number).find((candidate) => worldSpecificPort(group, candidate));
      return port === undefined ? undefined : `${name(resource)} allows ${DATABASE_PORTS[port]} (${portText(group.ports)}) from ${group.peer}.`;
    });
  })(),
  (() => {
    const meta = {
      id: 'CA-SG-005',
      title: 'Security group allows an unauthorized port from the internet',
      description: 'Only web ports (80 and 443) should face the internet; any other world-open port widens the attack surface.',
      severity: 'high' as const,
      remediation: 'Restrict the rule\'s source to the networks that need it, or front the service with a load balancer.',
      checkov: [],
      securityHub: ['EC2.18'],
      fixable: true,
    };
    return sgRule(meta, true, (group, resource) => {
      if (!isWorld(group.peer) || !reachesPorts(group) || group.ports === undefined || isAllPorts(group.ports)) return undefined;
      const ports = group.ports;
      // Only where CA-SG-001, -002 or -004 report the rule: UDP 22 is not SSH, but it is still a world-open port.
      const coveredElsewhere = [22, 3389, ...Object.keys(DATABASE_PORTS).map(Number)].some((port) => worldSpecificPort(group, port));
      const onlyWeb = ports.from === ports.to && WEB_PORTS.includes(ports.from);
      if (coveredElsewhere || onlyWeb) return undefined;
      return `${name(resource)} allows ${portText(ports)} from ${group.peer}; only 80 and 443 should face the internet.`;
    });
  })(),
  (() => {
    const meta = {
      id: 'CA-SG-006',
      title: 'Security group allows plain HTTP (80) from the internet',
      description: 'Port 80 carries unencrypted traffic; acceptable only on a load balancer that redirects to HTTPS.',
      severity: 'low' as const,
      remediation: 'Serve HTTPS on 443 and keep port 80 only on a load balancer listener that redirects to HTTPS.',
      checkov: ['CKV_AWS_260'],
      securityHub: [],
      fixable: false,
    };
    return sgRule(meta, false, (group, resource) =>
      isWorld(group.peer) && group.ports !== undefined && group.ports.from === 80 && group.ports.to === 80 ? `${name(resource)} allows unencrypted HTTP on port 80 from ${group.peer}.` : undefined,
    );
  })(),
  (() => {
    const meta: RuleMeta = {
      id: 'CA-SG-007',
      title: 'Security group allows all outbound traffic to the internet',
      description: 'Unrestricted egress lets a compromised instance exfiltrate data or reach command-and-control servers on any port.',
      severity: 'low',
      concern: 'security',
      types: SECURITY_GROUP,
      remediation: 'Limit egress to the ports and destinations the workload needs (for example 443 to the internet, the database port to the database security group).',
      checkov: ['CKV_AWS_382'],
      securityHub: [],
      responsibility: 'customer',
      fixable: false,
    };
    return {
      ...meta,
      check(resource) {
        const written = resource.props.egress;
        if (written === undefined) {
          // AWS gives a group without egress rules one that allows everything, and so does the catalog.
          const assumed = catalogDefault(resource, 'egress');
          const open = Array.isArray(assumed) && assumed.some((item) => {
            const rule = readGroupRule(item, 'egress');
            return rule !== undefined && isWorld(rule.peer) && isAllPorts(rule.ports);
          });
          return open ? [finding(meta, resource, { path: ['egress'], message: `${name(resource)} has no egress rules, so it allows all outbound traffic (the AWS default).` })] : [];
        }
        if (!Array.isArray(written)) return [];
        return written.flatMap((item, index) => {
          const rule = readGroupRule(item, 'egress');
          if (rule === undefined || !isWorld(rule.peer) || !isAllPorts(rule.ports) || !reachesPorts(rule)) return [];
          return [finding(meta, resource, { path: ['egress', index, 'to'], message: `${name(resource)} allows all outbound traffic to ${rule.peer}.` })];
        });
      },
    };
  })(),
  (() => {
    const meta: RuleMeta = {
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
    };
    return {
      ...meta,
      check(resource) {
        const findings: SecurityFinding[] = [];
        for (const direction of ['ingress', 'egress'] as const) {
          const rules = resource.props[direction];
          if (!Array.isArray(rules)) continue;
          rules.forEach((item, index) => {
            const rule = readGroupRule(item, direction);
            if (rule !== undefined && (rule.description === undefined || rule.description.trim() === '')) {
              findings.push(finding(meta, resource, { path: [direction, index], message: `${name(resource)} ${direction} rule ${index + 1} (${portText(rule.ports)}) has no description.` }));
            }
          });
        }
        return findings;
      },
    };
  })(),
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
    ok: (value, resource) => !isTrue(value) || ((!Array.isArray(resource.props.ingress) || resource.props.ingress.length === 0) && Array.isArray(resource.props.egress) && resource.props.egress.length === 0),
    message: (resource) => `${name(resource)} is the VPC's default security group and still allows traffic.`,
  }),
];
