/**
 * Networking: security groups, the three Elastic Load Balancing types, NAT gateways, Route 53
 * hosted zones and CloudFront distributions.
 */
import type { PropertyDef, PropertyShape, ResourceTypeDef, TypeDocs } from '../catalog-types';
import { cloudFrontSla, configurationOnly, elbMultiAzSla, natGatewayEstimate, route53Sla } from '../availability-figures';
import { boolProp, enumProp, numberProp, objectShape, referenceList, stringProp } from './property-helpers';

/** A port number, `all`, or a range such as `8000-8100`. */
export const portOrRangeShape: PropertyShape = {
  kind: 'one-of',
  variants: [{ kind: 'port' }, { kind: 'string', pattern: '^\\d{1,5}-\\d{1,5}$', examples: ['8000-8100', '1024-65535'] }],
};

function securityGroupRule(direction: 'ingress' | 'egress'): PropertyShape {
  const peerKey = direction === 'ingress' ? 'from' : 'to';
  const peerDescription =
    direction === 'ingress'
      ? 'Where the traffic may come from: the name of another security group in the file (any resource carrying it), or a CIDR block such as `203.0.113.0/24`. `0.0.0.0/0` means the whole internet.'
      : 'Where the traffic may go: the name of another security group in the file, or a CIDR block. `0.0.0.0/0` means anywhere.';
  return objectShape(
    {
      port: {
        shape: portOrRangeShape,
        required: true,
        description:
          'The destination port: a number such as `443`, a range such as `8000-8100`, or `all`. Use `all` with the `icmp` and `all` protocols.',
      },
      protocol: enumProp(
        'The IP protocol the rule allows. Security groups filter TCP, UDP and ICMP separately; `all` opens every protocol and port at once.',
        [
          ['tcp', 'TCP: web, SSH, databases and most application traffic.'],
          ['udp', 'UDP: DNS, streaming, some game and VPN traffic.'],
          ['icmp', 'ICMP: ping and path-MTU messages.'],
          ['all', 'Every protocol and port (-1 in AWS terms). Rarely needed on ingress.'],
        ],
        { default: 'tcp' },
      ),
      [peerKey]: {
        shape: { kind: 'reference', to: ['aws.ec2.security-group'], allowCidr: true },
        required: true,
        dependency: 'none',
        description: peerDescription,
      },
      description: stringProp('What the rule is for, shown in the AWS console. Rules without a description are hard to audit later.', {
        maxLength: 255,
      }),
    },
    ['port', peerKey],
  );
}

const securityGroup: ResourceTypeDef = {
  id: 'aws.ec2.security-group',
  service: 'Amazon VPC',
  title: 'Security group',
  category: 'networking',
  serviceModel: 'IaaS',
  placement: 'regional',
  inVpc: false,
  zonal: false,
  units: { rule: 'fixed', units: 1 },
  availability: configurationOnly,
  mttrMinutes: 0,
  dataStore: false,
  docs: {
    what: 'A stateful virtual firewall attached to network interfaces (instances, load balancers, databases, functions in a VPC). It lists which traffic is allowed in and out; everything else is dropped.',
    whenToUse:
      "Give every tier its own group and allow traffic between tiers by referring to the other tier's group rather than to addresses: the load balancer's group to the web group, the web group to the database group.",
    limits: [
      'Rules only allow; there is no deny rule. Use network ACLs to block specific addresses.',
      "Stateful: the reply to an allowed request is always let back through, whatever the other direction's rules say.",
      'At most five security groups per network interface and 60 inbound plus 60 outbound rules per group (default quotas).',
      'A new group allows all outbound traffic and no inbound traffic.',
      'Security groups never fail, so they are not availability dependencies.',
    ],
    customerResponsibility: [
      'Write least-privilege rules: no SSH, RDP or database ports open to 0.0.0.0/0.',
      'Describe each rule, review groups regularly and remove unused ones.',
      "Leave the VPC's default security group without rules.",
    ],
    securityControls: [
      'Port, protocol and source filtering per network interface.',
      'References between groups instead of IP addresses.',
      'VPC flow logs record what the rules accepted and rejected.',
    ],
    pricing: 'Free.',
  },
  properties: {
    description: stringProp('What the group protects, shown in the console.', { maxLength: 255 }),
    ingress: {
      shape: { kind: 'list', items: securityGroupRule('ingress') },
      default: [],
      description:
        'Inbound rules: the traffic allowed to reach resources that carry this group. Empty means nothing may connect in. The exposure analysis follows these rules port by port.',
    },
    egress: {
      shape: { kind: 'list', items: securityGroupRule('egress') },
      default: [{ port: 'all', protocol: 'all', to: '0.0.0.0/0' }],
      description:
        'Outbound rules: the traffic resources carrying this group may send. AWS creates every group with one rule allowing all outbound traffic; list rules here to restrict it.',
    },
    isDefault: boolProp(
      "Marks the VPC's default security group, which resources get when no group is named. It should have no rules at all.",
      false,
    ),
  },
  snippet: [
    'type: aws.ec2.security-group',
    'description: ${1:web tier}',
    'ingress:',
    '  - { port: ${2:443}, protocol: tcp, from: ${3:lb-sg}, description: ${4:HTTPS from the load balancer} }',
    'egress:',
    '  - { port: all, protocol: all, to: 0.0.0.0/0 }',
  ].join('\n'),
};

/** ELB TLS policies, with the oldest TLS version each one accepts. */
const sslPolicyValues = [
  ['ELBSecurityPolicy-TLS13-1-2-2021-06', 'TLS 1.3 and 1.2 with modern ciphers: the recommended policy and the console default.'],
  ['ELBSecurityPolicy-TLS13-1-3-2021-06', 'TLS 1.3 only: the strictest choice, for clients you control.'],
  ['ELBSecurityPolicy-TLS-1-2-Ext-2018-06', 'TLS 1.2 only, with an extended cipher list.'],
  ['ELBSecurityPolicy-TLS-1-2-2017-01', 'TLS 1.2 only.'],
  ['ELBSecurityPolicy-FS-1-2-Res-2020-10', 'TLS 1.2 only with forward-secret ciphers.'],
  ['ELBSecurityPolicy-TLS-1-1-2017-01', 'Accepts TLS 1.1: older than TLS 1.2, flagged by the security evaluation.'],
  [
    'ELBSecurityPolicy-2016-08',
    'Accepts TLS 1.0 and 1.1: the API default for listeners created without a policy, flagged by the security evaluation.',
  ],
  ['ELBSecurityPolicy-TLS-1-0-2015-04', 'Accepts TLS 1.0 and weak ciphers: flagged by the security evaluation.'],
] as const;

function listenerShape(protocols: readonly (readonly [string, string])[], withRedirect: boolean): PropertyShape {
  const properties: Record<string, PropertyDef> = {
    port: { shape: { kind: 'port' }, required: true, description: 'The port the load balancer listens on, such as 443.' },
    protocol: enumProp(
      "The protocol clients speak to the listener. Encrypted protocols terminate TLS on the load balancer with the listener's certificate and TLS policy.",
      protocols,
      { required: true },
    ),
    sslPolicy: enumProp(
      'The TLS negotiation policy of an encrypted listener (HTTPS or TLS): which protocol versions and ciphers clients may use.',
      sslPolicyValues,
      { default: 'ELBSecurityPolicy-2016-08' },
    ),
    certificate: stringProp('The ACM certificate (name or ARN) an encrypted listener presents.', { examples: ['shop.example.com'] }),
  };
  if (withRedirect) {
    properties.redirectToHttps = boolProp(
      'For an HTTP listener: answer every request with a redirect to HTTPS instead of forwarding it, so no traffic travels unencrypted.',
      false,
    );
  }
  return objectShape(properties, ['port', 'protocol']);
}

const elbCommonDocs: Pick<TypeDocs, 'customerResponsibility' | 'securityControls'> = {
  customerResponsibility: [
    'Choose the scheme: internet-facing only when the internet must reach it.',
    'Configure listeners with modern TLS policies and certificates, security groups, and target health checks.',
    'Enable access logs and deletion protection; spread the load balancer over at least two zones.',
  ],
  securityControls: [
    'TLS termination with ACM certificates and TLS policies.',
    'Security groups (ALB, NLB) limiting who can connect.',
    'Access logs to S3; AWS WAF and Shield Advanced on Application Load Balancers.',
  ],
};

const lbTargets = [
  'aws.ec2.instance',
  'aws.autoscaling.group',
  'aws.ecs.service',
  'aws.elasticbeanstalk.environment',
  'external.onprem-server',
];

function loadBalancerProperties(kind: 'application' | 'network' | 'gateway'): Record<string, PropertyDef> {
  const properties: Record<string, PropertyDef> = {
    scheme: enumProp(
      'Whether the load balancer has public addresses. An internet-facing load balancer is an entry point from the internet for the exposure analysis; an internal one is reachable only from inside the network.',
      [
        ['internet-facing', 'Public IP addresses in public subnets: reachable from the internet, subject to its security groups.'],
        ['internal', 'Private addresses only: reachable from inside the VPC and connected networks.'],
      ],
      { default: kind === 'gateway' ? 'internal' : 'internet-facing' },
    ),
    zones: {
      shape: { kind: 'list', items: { kind: 'zone' }, minItems: 1, uniqueItems: true },
      description:
        'The zones the load balancer has nodes in. It keeps working while at least one of them is up; use two or more (an Application Load Balancer requires two).',
    },
    accessLogging: boolProp(
      'Access logs of every request or connection, delivered to an S3 bucket. Needed to investigate incidents and attacks.',
      false,
    ),
    deletionProtection: boolProp('Prevents the load balancer from being deleted until the flag is cleared.', false),
    crossZone: boolProp(
      kind === 'application'
        ? 'Cross-zone load balancing: every node spreads requests over targets in all zones. Always on for Application Load Balancers.'
        : 'Cross-zone load balancing: every node spreads traffic over targets in all zones, so an uneven number of targets per zone does not overload some of them. Off by default for this type, and inter-zone data is then billed.',
      kind === 'application',
    ),
    capacityUnits: numberProp(
      "The average capacity units (LCU, NLCU or GLCU) per hour for the cost estimate, overriding the figure derived from the file's workload.",
      { minimum: 0 },
    ),
  };
  if (kind === 'application') {
    properties.listeners = {
      shape: {
        kind: 'list',
        items: listenerShape(
          [
            ['HTTP', 'Plain HTTP. Redirect it to HTTPS unless the traffic is internal and harmless.'],
            ['HTTPS', 'HTTP over TLS, terminated on the load balancer with an ACM certificate.'],
          ],
          true,
        ),
        minItems: 1,
      },
      description:
        'The listeners: the ports and protocols the load balancer accepts, each forwarding to the targets (or redirecting HTTP to HTTPS).',
    };
    properties.targets = referenceList(
      [...lbTargets, 'aws.lambda.function'],
      'The resources the load balancer forwards requests to (its target groups). Each is a hard dependency.',
      'hard',
    );
    properties.dropInvalidHeaders = boolProp(
      'Drop HTTP headers with invalid names instead of forwarding them, closing a request-smuggling avenue.',
      false,
    );
    properties.waf = boolProp(
      'Whether an AWS WAF web ACL filters requests before they reach the targets (SQL injection, cross-site scripting, bad bots, rate limits).',
      false,
    );
    properties.stickySessions = boolProp(
      'Session affinity: a client keeps reaching the same target through a cookie. Uneven load and lost sessions on failure are the price.',
      false,
    );
    properties.idleTimeoutSeconds = numberProp('How long an idle connection is kept open.', {
      minimum: 1,
      maximum: 4000,
      integer: true,
      unit: 's',
      default: 60,
    });
  } else if (kind === 'network') {
    properties.listeners = {
      shape: {
        kind: 'list',
        items: listenerShape(
          [
            ['TCP', 'TCP passed through to the targets.'],
            ['UDP', 'UDP datagrams.'],
            ['TCP_UDP', 'TCP and UDP on the same port (DNS, for example).'],
            ['TLS', 'TLS terminated on the load balancer with an ACM certificate.'],
          ],
          false,
        ),
        minItems: 1,
      },
      description: 'The listeners: the ports and protocols the load balancer accepts and forwards to the targets.',
    };
    properties.targets = referenceList(
      [...lbTargets, 'aws.elb.application'],
      'The resources the load balancer forwards connections to (an Application Load Balancer can be one). Each is a hard dependency.',
      'hard',
    );
  } else {
    properties.targets = referenceList(
      ['aws.ec2.instance', 'aws.autoscaling.group'],
      'The virtual appliances (firewalls, intrusion detection) traffic is sent through, over GENEVE on port 6081. Each is a hard dependency.',
      'hard',
    );
  }
  return properties;
}

const elbApplication: ResourceTypeDef = {
  id: 'aws.elb.application',
  service: 'Elastic Load Balancing',
  title: 'Application Load Balancer',
  category: 'networking',
  serviceModel: 'PaaS',
  placement: 'load-balancer',
  inVpc: true,
  zonal: true,
  units: { rule: 'fixed', units: 1 },
  availability: elbMultiAzSla,
  mttrMinutes: 5,
  dataStore: false,
  docs: {
    what: 'A layer-7 load balancer for HTTP, HTTPS and WebSocket. It terminates TLS, routes requests by host, path, header or query string to target groups of instances, containers, IP addresses or Lambda functions, and checks their health.',
    whenToUse:
      'Use in front of web applications and microservices. For raw TCP/UDP, extreme throughput or static IP addresses use a Network Load Balancer; to insert firewall appliances, a Gateway Load Balancer.',
    limits: [
      'Needs subnets in at least two zones; it keeps working while one of its zones is up.',
      'It scales automatically, but a sudden very large spike can outpace it; AWS can pre-warm on request.',
      'The default idle timeout is 60 seconds.',
    ],
    ...elbCommonDocs,
    pricing:
      'Billed per hour plus per Load Balancer Capacity Unit (LCU) hour, where an LCU measures new connections, active connections, processed bytes and rule evaluations, whichever is highest.',
  },
  properties: loadBalancerProperties('application'),
  snippet: [
    'type: aws.elb.application',
    'scheme: ${1|internet-facing,internal|}',
    'zones: [${2:a, b}]',
    'subnet: public',
    'listeners:',
    '  - { port: 443, protocol: HTTPS, sslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06 }',
    '  - { port: 80, protocol: HTTP, redirectToHttps: true }',
    'securityGroups: [${3:lb-sg}]',
    'targets: [${4:web}]',
    'accessLogging: true',
    'dropInvalidHeaders: true',
  ].join('\n'),
};

const elbNetwork: ResourceTypeDef = {
  id: 'aws.elb.network',
  service: 'Elastic Load Balancing',
  title: 'Network Load Balancer',
  category: 'networking',
  serviceModel: 'PaaS',
  placement: 'load-balancer',
  inVpc: true,
  zonal: true,
  units: { rule: 'fixed', units: 1 },
  availability: elbMultiAzSla,
  mttrMinutes: 5,
  dataStore: false,
  docs: {
    what: "A layer-4 load balancer for TCP, UDP and TLS that handles millions of requests per second at very low latency, with one static IP address per zone and the client's source address preserved.",
    whenToUse:
      'Use for non-HTTP protocols, very high connection rates, clients that need fixed IP addresses, or PrivateLink services. For HTTP routing features use an Application Load Balancer.',
    limits: [
      'No HTTP awareness: no path routing, redirects or header handling.',
      'Cross-zone load balancing is off by default.',
      'It keeps working while one of its zones is up.',
    ],
    ...elbCommonDocs,
    pricing: 'Billed per hour plus per Network LCU hour (new connections or flows, active ones, and processed bytes).',
  },
  properties: loadBalancerProperties('network'),
  snippet: [
    'type: aws.elb.network',
    'scheme: ${1|internet-facing,internal|}',
    'zones: [${2:a, b}]',
    'subnet: public',
    'listeners:',
    '  - { port: ${3:443}, protocol: ${4|TLS,TCP,UDP,TCP_UDP|} }',
    'targets: [${5:app}]',
    'accessLogging: true',
  ].join('\n'),
};

const elbGateway: ResourceTypeDef = {
  id: 'aws.elb.gateway',
  service: 'Elastic Load Balancing',
  title: 'Gateway Load Balancer',
  category: 'networking',
  serviceModel: 'PaaS',
  placement: 'load-balancer',
  inVpc: true,
  zonal: true,
  units: { rule: 'fixed', units: 1 },
  availability: elbMultiAzSla,
  mttrMinutes: 5,
  dataStore: false,
  docs: {
    what: 'A load balancer that sends all traffic through a fleet of third-party virtual appliances (firewalls, intrusion detection and prevention, deep packet inspection) transparently, using GENEVE encapsulation, and scales and health-checks that fleet.',
    whenToUse:
      'Use when traffic must pass through network appliances from a vendor, centrally for several VPCs through Gateway Load Balancer endpoints. For application traffic use an ALB or NLB.',
    limits: [
      'Listens only for GENEVE on port 6081; routing is configured through route tables and endpoints, not listeners.',
      'Appliances must support GENEVE and keep flows symmetric.',
    ],
    ...elbCommonDocs,
    pricing: 'Billed per hour plus per Gateway LCU hour, and per hour and GB for each Gateway Load Balancer endpoint.',
  },
  properties: loadBalancerProperties('gateway'),
  snippet: ['type: aws.elb.gateway', 'zones: [${1:a, b}]', 'targets: [${2:firewalls}]'].join('\n'),
};

const natGateway: ResourceTypeDef = {
  id: 'aws.vpc.nat-gateway',
  service: 'Amazon VPC',
  title: 'NAT gateway',
  category: 'networking',
  serviceModel: 'PaaS',
  placement: 'zonal',
  inVpc: true,
  zonal: true,
  units: { rule: 'fixed', units: 1 },
  availability: natGatewayEstimate,
  mttrMinutes: 10,
  dataStore: false,
  docs: {
    what: 'A managed network address translation gateway: instances in private subnets use it to reach the internet or other networks, while nothing outside can open a connection to them.',
    whenToUse:
      "Use when private resources need outbound internet access (package updates, third-party APIs). Put one in each zone and route each zone's private subnets to their own gateway, so a zone outage does not cut off the others. For AWS services, VPC endpoints avoid both the gateway and its data charges.",
    limits: [
      'A gateway lives in one zone; resources in other zones that route through it lose access when that zone fails.',
      'Only outbound connections: it never accepts inbound ones.',
      "No security groups; control traffic with the route tables and the clients' security groups.",
    ],
    customerResponsibility: [
      'Route each zone through its own gateway for availability.',
      'Restrict what private resources may reach through security groups, network ACLs or a network firewall.',
    ],
    securityControls: ['Outbound-only translation: no inbound connections from the internet.', "VPC flow logs on the gateway's interface."],
    pricing: 'Billed per hour for each gateway and per GB of data processed, on top of ordinary data transfer charges.',
  },
  properties: {
    zones: {
      shape: { kind: 'list', items: { kind: 'zone' }, minItems: 1, maxItems: 1 },
      description: 'The single zone the gateway lives in. Create one gateway per zone for a highly available design.',
    },
    subnet: {
      shape: {
        kind: 'enum',
        values: [
          {
            value: 'public',
            description: 'A public subnet: required for a public NAT gateway, which reaches the internet through the internet gateway.',
          },
          {
            value: 'private',
            description: 'A private subnet: only for a private NAT gateway that connects to other VPCs or on-premises networks.',
          },
        ],
      },
      default: 'public',
      description: 'The subnet the gateway sits in; a public NAT gateway must be in a public subnet.',
    },
    connectivity: enumProp(
      'Where the gateway translates traffic to. A public gateway gives private subnets outbound internet access; a private one only reaches other private networks.',
      [
        ['public', 'To the internet, through an Elastic IP address and the internet gateway.'],
        ['private', 'To other VPCs or on-premises networks only, through a transit gateway or virtual private gateway.'],
      ],
      { default: 'public' },
    ),
    dataProcessedGB: numberProp('The data processed per month, in GB, for the cost estimate.', { minimum: 0, unit: 'GB', default: 0 }),
  },
  snippet: ['type: aws.vpc.nat-gateway', 'zones: [${1:a}]', 'subnet: public', 'dataProcessedGB: ${2:100}'].join('\n'),
};

const route53Targets = [
  'aws.cloudfront.distribution',
  'aws.elb.*',
  'aws.apigateway.api',
  'aws.s3.bucket',
  'aws.ec2.instance',
  'aws.autoscaling.group',
  'aws.lightsail.instance',
  'aws.elasticbeanstalk.environment',
  'external.onprem-server',
];

const route53Zone: ResourceTypeDef = {
  id: 'aws.route53.zone',
  service: 'Amazon Route 53',
  title: 'Route 53 hosted zone',
  category: 'networking',
  serviceModel: 'PaaS',
  placement: 'global',
  inVpc: false,
  zonal: false,
  units: { rule: 'fixed', units: 1 },
  availability: route53Sla,
  mttrMinutes: 1,
  dataStore: false,
  docs: {
    what: 'A hosted zone in Amazon Route 53, the global DNS service: it answers queries for a domain from a worldwide anycast network, with routing policies and health checks that steer users to the right, healthy endpoint.',
    whenToUse:
      'Use as the entry point of any public (or, with a private zone, internal) service. Failover, latency and weighted routing across regions are the basis of multi-region designs.',
    limits: [
      'The only AWS service with a 100% SLA, for answering DNS queries.',
      "Failover takes effect only after resolvers' caches expire (the record TTL) and health checks notice the failure.",
      'With simple routing the zone depends on its one target; with any other routing it works while at least one target works (the availability model applies OR).',
      "Alias records to AWS resources are free to query and follow the resource's addresses.",
    ],
    customerResponsibility: [
      'Configure records, routing policies and health checks that reflect real application health.',
      'Protect the domain registration (transfer lock, auto-renew) and consider DNSSEC signing.',
      'Enable query logging where auditing requires it.',
    ],
    securityControls: [
      'IAM policies on record changes.',
      "DNSSEC signing of the zone's answers.",
      'Query logging to CloudWatch Logs.',
      'Private hosted zones visible only inside chosen VPCs.',
    ],
    pricing:
      'Billed per hosted zone per month and per million standard queries (latency, geolocation and geoproximity queries cost more); alias queries to AWS resources are free; health checks are billed per month.',
  },
  properties: {
    domain: stringProp('The domain name the zone answers for, such as `shop.example.com`.', {
      required: true,
      pattern: '^(?=.{1,253}$)([a-zA-Z0-9_]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}\\.?$',
      examples: ['example.com'],
    }),
    private: boolProp('A private hosted zone answers only inside the VPCs associated with it, for internal names.', false),
    routing: enumProp(
      "The routing policy of the zone's main record. Every policy other than simple lets the zone answer with any healthy target, so the availability model treats the targets as alternatives.",
      [
        ['simple', 'One answer for everyone: the zone needs its target (a list of targets is returned together).'],
        ['weighted', 'Targets receive shares of the traffic in proportion to `weights`; useful for blue/green and canary releases.'],
        ['latency', 'Each user gets the target in the region with the lowest latency for them.'],
        ['geolocation', "Answers by the user's continent, country or state, for localization and legal constraints."],
        ['geoproximity', 'Answers by distance between user and resource, adjustable with biases (Traffic Flow).'],
        ['failover', "Active-passive: the first target is primary; the next are used only while the primary's health check fails."],
      ],
      { default: 'simple' },
    ),
    targets: referenceList(
      route53Targets,
      "What the zone's records point at. With simple routing each target is a hard dependency. With any other routing the zone works while at least one target works: the evaluator applies OR semantics to this list. For failover the first target is the primary.",
      'hard',
      { minItems: 1 },
    ),
    weights: {
      shape: { kind: 'list', items: { kind: 'number', minimum: 0, maximum: 255, integer: true } },
      description:
        "For weighted routing: one weight per target, in the same order. A target's share of traffic is its weight divided by the sum.",
    },
    healthChecks: boolProp(
      'Whether Route 53 health checks watch the targets, so unhealthy ones are taken out of answers. Failover routing needs them.',
      false,
    ),
    dnssec: boolProp('Whether the zone is signed with DNSSEC, so resolvers can detect forged answers.', false),
    queryLogging: boolProp('Whether DNS queries are logged to CloudWatch Logs.', false),
    queriesPerMonth: numberProp("DNS queries per month, for the cost estimate, overriding the figure derived from the file's workload.", {
      minimum: 0,
    }),
  },
  snippet: [
    'type: aws.route53.zone',
    'domain: ${1:example.com}',
    'routing: ${2|simple,weighted,latency,geolocation,geoproximity,failover|}',
    'targets: [${3:cdn}]',
    'healthChecks: true',
  ].join('\n'),
};

const cloudFrontDistribution: ResourceTypeDef = {
  id: 'aws.cloudfront.distribution',
  service: 'Amazon CloudFront',
  title: 'CloudFront distribution',
  category: 'networking',
  serviceModel: 'PaaS',
  placement: 'global',
  inVpc: false,
  zonal: false,
  units: { rule: 'fixed', units: 1 },
  availability: cloudFrontSla,
  mttrMinutes: 5,
  dataStore: false,
  docs: {
    what: 'A content delivery network: users are served from the nearest of hundreds of edge locations, which cache content and fetch misses from your origins (S3 buckets, load balancers, APIs, any HTTP server).',
    whenToUse:
      'Use in front of websites, APIs, downloads and video to cut latency and origin load, terminate TLS near users and absorb attacks. Serve private S3 content through it with origin access control instead of making the bucket public.',
    limits: [
      'Cached objects stay at the edge for their TTL (24 hours unless headers say otherwise); invalidations are needed to remove them earlier.',
      'Each origin is a hard dependency unless an origin group with failover is configured (`originFailover`).',
      'Certificates for custom domains must be in ACM in us-east-1.',
    ],
    customerResponsibility: [
      'Require HTTPS from viewers and to origins, with a modern minimum TLS version.',
      'Use origin access control for S3 origins and keep buckets private.',
      'Attach AWS WAF, enable logging, and set cache behaviours that do not cache private data.',
    ],
    securityControls: [
      'Viewer and origin protocol policies; TLS certificates from ACM; minimum TLS versions.',
      'Origin access control (OAC) for S3; signed URLs and cookies; geographic restrictions.',
      'AWS WAF web ACLs and AWS Shield Standard against DDoS.',
      'Standard and real-time access logs.',
    ],
    pricing:
      'Billed per GB transferred out to viewers (cheaper per GB at higher volumes and in some geographies, limited by the price class) and per 10,000 HTTP or HTTPS requests; data from AWS origins to CloudFront is free.',
  },
  properties: {
    origins: referenceList(
      [
        'aws.s3.bucket',
        'aws.elb.*',
        'aws.apigateway.api',
        'aws.ec2.instance',
        'aws.lambda.function',
        'aws.elasticbeanstalk.environment',
        'aws.lightsail.instance',
        'external.onprem-server',
      ],
      'Where the distribution fetches content it does not have cached. The first origin is the default origin: it receives every request no other cache behaviour claims, including the root URL. Each origin is a hard dependency; with `originFailover: true` the distribution works while at least one origin works.',
      'hard',
      { minItems: 1 },
    ),
    viewerProtocol: enumProp(
      'Which protocol viewers may use to reach the distribution. Anything but HTTPS lets content and cookies travel in clear text between users and the edge.',
      [
        ['allow-all', 'HTTP and HTTPS both served: content can travel unencrypted. The AWS default, flagged by the security evaluation.'],
        ['redirect-to-https', 'HTTP requests are redirected to HTTPS.'],
        ['https-only', 'HTTP requests are refused.'],
      ],
      { default: 'allow-all' },
    ),
    originProtocol: enumProp(
      'Which protocol CloudFront uses towards custom (non-S3) origins. HTTPS keeps the request encrypted on its way from the edge to your servers as well.',
      [
        ['https-only', 'Always HTTPS to the origin.'],
        ['match-viewer', "The viewer's protocol: HTTP viewers cause unencrypted origin requests."],
        ['http-only', 'Always plain HTTP to the origin: traffic crosses the internet unencrypted.'],
      ],
      { default: 'https-only' },
    ),
    minimumTlsVersion: enumProp(
      "The oldest TLS version viewers may use with a custom domain's certificate. TLS 1.0 and 1.1 have known weaknesses; TLSv1.2_2021 is the recommended floor.",
      [
        ['TLSv1', 'TLS 1.0 and later: the most compatible and the weakest. Flagged by the security evaluation.'],
        ['TLSv1_2016', 'TLS 1.0 and later with a stronger cipher list. Still flagged.'],
        ['TLSv1.1_2016', 'TLS 1.1 and later. Still flagged.'],
        ['TLSv1.2_2018', 'TLS 1.2 and later.'],
        ['TLSv1.2_2019', 'TLS 1.2 and later, with a narrower cipher list.'],
        ['TLSv1.2_2021', 'TLS 1.2 and later with modern ciphers: the recommended policy.'],
      ],
      { default: 'TLSv1' },
    ),
    waf: boolProp('Whether an AWS WAF web ACL filters requests at the edge.', false),
    originFailover: boolProp(
      'An origin group: when the primary origin fails or returns errors, CloudFront retries the request on the next origin. The availability model then needs only one origin to work.',
      false,
    ),
    originAccessControl: boolProp(
      'Origin access control for S3 origins: CloudFront signs its requests and the bucket policy admits only this distribution, so the bucket stays private.',
      false,
    ),
    accessLogging: boolProp('Standard access logs of viewer requests, delivered to an S3 bucket.', false),
    priceClass: enumProp(
      'Which edge locations serve the content, trading reach for price. Cheaper classes leave far-away users on more distant edge locations.',
      [
        ['PriceClass_All', 'Every edge location worldwide: the best latency everywhere.'],
        ['PriceClass_200', 'Most regions, excluding the most expensive ones (South America, Australia and New Zealand).'],
        ['PriceClass_100', 'Only North America, Europe and Israel: the cheapest.'],
      ],
      { default: 'PriceClass_All' },
    ),
    defaultRootObject: stringProp(
      "The object returned for a request to the root URL, such as `index.html`, so the origin's listing is never exposed.",
      { examples: ['index.html'] },
    ),
    cacheHitRatio: numberProp('The share of requests answered from the edge cache, for the cost and load estimates of the origins.', {
      minimum: 0,
      maximum: 100,
      unit: 'percent',
      default: 80,
    }),
    geoRestriction: boolProp('Whether viewers in chosen countries are blocked or only chosen countries are allowed.', false),
  },
  snippet: [
    'type: aws.cloudfront.distribution',
    'origins: [${1:assets}]',
    'viewerProtocol: ${2|redirect-to-https,https-only,allow-all|}',
    'minimumTlsVersion: TLSv1.2_2021',
    'originAccessControl: true',
    'waf: true',
    'accessLogging: true',
    'defaultRootObject: index.html',
  ].join('\n'),
};

export const networkingTypes: readonly ResourceTypeDef[] = [
  route53Zone,
  cloudFrontDistribution,
  elbApplication,
  elbNetwork,
  elbGateway,
  natGateway,
  securityGroup,
];
