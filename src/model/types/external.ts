/**
 * Things outside AWS that an architecture talks to: users on the internet (the entry point of the
 * availability model) and servers and databases in your own data centre (hybrid designs, DMS
 * sources). They never fail in the model unless an `availability:` says otherwise.
 */
import type { PropertyDef, ResourceTypeDef } from '../catalog-types';
import { externalNeverFails } from '../availability-figures';
import { enumProp, numberProp, stringProp } from './property-helpers';

const connectivityProperty: PropertyDef = enumProp(
  'How the on-premises network reaches the VPC, which decides whether traffic crosses the public internet.',
  [
    ['vpn', 'AWS Site-to-Site VPN: encrypted IPsec tunnels over the internet to a virtual private gateway or transit gateway.'],
    [
      'direct-connect',
      'AWS Direct Connect: a dedicated private line into AWS with steady bandwidth and latency. Not encrypted by itself; add MACsec or a VPN on top for sensitive data.',
    ],
    ['internet', 'The public internet with no private link: the on-premises side must expose public endpoints.'],
  ],
  { default: 'vpn' },
);

const cidrProperty = (what: string, defaultValue?: string): PropertyDef => ({
  shape: { kind: 'cidr' },
  description: `The address range ${what}, as a CIDR block. Security group rules that allow this range are matched to it by the exposure analysis.`,
  ...(defaultValue ? { default: defaultValue } : {}),
});

const onPremisesResponsibility = [
  'Everything: the facility, hardware, operating system, patching, backups and physical security remain yours.',
  'Secure the link to AWS (VPN or Direct Connect with encryption) and allow only the needed ports both ways.',
];

const users: ResourceTypeDef = {
  id: 'external.users',
  service: 'Internet',
  title: 'Users on the internet',
  category: 'external',
  serviceModel: 'internet',
  placement: 'external',
  inVpc: false,
  zonal: false,
  units: { rule: 'fixed', units: 1 },
  availability: externalNeverFails,
  mttrMinutes: 0,
  dataStore: false,
  docs: {
    what: "The people and programs that use the system from the internet. They are where requests come from: the resources they connect to are the entry points whose availability is the system's availability.",
    whenToUse:
      "Add one to every architecture that serves the internet and connect it to the front door (DNS, CDN, load balancer or API). The security evaluation treats it as the attacker's starting point too.",
    limits: ["The users never fail in the model; the file's `workload` describes how much traffic they send."],
    customerResponsibility: [
      'Assume any of them may be hostile: authenticate, authorize, validate input and rate-limit at the entry point.',
    ],
    securityControls: ['Controls live on the resources they reach: WAF, TLS, authorization, throttling, security groups.'],
    pricing: 'Not billed; their traffic drives request and data-transfer charges on the resources they use.',
  },
  properties: {
    sourceCidr: cidrProperty(
      'the users connect from; `0.0.0.0/0` is the whole internet, a narrower range models a corporate network',
      '0.0.0.0/0',
    ),
    audience: enumProp(
      'Who the users are, for documentation and the security evaluation. Public users are assumed hostile; partners and employees still need authentication.',
      [
        ['public', 'Anyone on the internet.'],
        ['partners', 'Known organizations, typically authenticated and from known ranges.'],
        ['employees', 'Your own staff, typically through single sign-on or a VPN.'],
      ],
      { default: 'public' },
    ),
  },
  snippet: ['type: external.users', 'connectsTo: [${1:dns}]'].join('\n'),
};

const onPremServer: ResourceTypeDef = {
  id: 'external.onprem-server',
  service: 'On-premises',
  title: 'On-premises server',
  category: 'external',
  serviceModel: 'on-premises',
  placement: 'external',
  inVpc: false,
  zonal: false,
  units: { rule: 'fixed', units: 1 },
  availability: externalNeverFails,
  mttrMinutes: 240,
  dataStore: false,
  docs: {
    what: 'A server in your own data centre that the AWS part of a hybrid architecture calls or is called by: a legacy application, an identity provider, a mainframe gateway.',
    whenToUse: 'Add one to model hybrid designs and migrations: what still runs on premises, how it is reached, and what depends on it.',
    limits: [
      'It never fails in the model unless you give it an `availability:`; set one to see the effect of your data centre on the whole system.',
    ],
    customerResponsibility: onPremisesResponsibility,
    securityControls: ['Your own firewalls and hardening, plus the encryption of the VPN or Direct Connect link.'],
    pricing: 'Not billed by AWS; the link (VPN hours, Direct Connect port hours) and data transfer out of AWS are.',
  },
  properties: {
    cidr: cidrProperty('of the server or its network'),
    connectivity: connectivityProperty,
    os: stringProp('The operating system, for documentation.', { examples: ['windows-server-2019', 'rhel-8', 'ubuntu-20.04'] }),
  },
  snippet: ['type: external.onprem-server', 'cidr: ${1:10.20.0.0/16}', 'connectivity: ${2|vpn,direct-connect,internet|}'].join('\n'),
};

const onPremDatabase: ResourceTypeDef = {
  id: 'external.onprem-database',
  service: 'On-premises',
  title: 'On-premises database',
  category: 'external',
  serviceModel: 'on-premises',
  placement: 'external',
  inVpc: false,
  zonal: false,
  units: { rule: 'fixed', units: 1 },
  availability: externalNeverFails,
  mttrMinutes: 240,
  dataStore: true,
  docs: {
    what: 'A database in your own data centre: typically the source of a migration with AWS DMS, or a system of record that cloud applications still read during a hybrid phase.',
    whenToUse:
      'Add one as the `source` of an `aws.dms.task` or as a dependency of cloud resources that still use it, so migration plans and hybrid availability are visible.',
    limits: [
      "DMS reads it over the network link, so change-data-capture needs the link up and the engine's logs retained long enough.",
      'It never fails in the model unless you give it an `availability:`.',
    ],
    customerResponsibility: [
      ...onPremisesResponsibility,
      'Create a least-privilege migration user and enable the logging that change data capture needs.',
    ],
    securityControls: ['Your own database security, plus TLS on the DMS endpoint and the encryption of the link to AWS.'],
    pricing: 'Not billed by AWS; the migration (DMS replication instance hours) and the link are.',
  },
  properties: {
    engine: enumProp(
      'The database engine, which decides the migration paths DMS supports and the target engines that fit. Recommended for DMS sources, so the migration can be checked.',
      [
        ['oracle', 'Oracle Database.'],
        ['sqlserver', 'Microsoft SQL Server.'],
        ['mysql', 'MySQL.'],
        ['postgres', 'PostgreSQL.'],
        ['mariadb', 'MariaDB.'],
        ['db2', 'IBM Db2.'],
        ['sap-ase', 'SAP ASE (Sybase).'],
        ['mongodb', 'MongoDB.'],
        ['other', 'Any other engine.'],
      ],
      { default: 'other' },
    ),
    sizeGB: numberProp("The size of the data, in GB, which drives migration time and the target's storage.", { minimum: 0, unit: 'GB' }),
    cidr: cidrProperty('of the database server'),
    connectivity: connectivityProperty,
    encryptedInTransit: {
      shape: { kind: 'boolean' },
      default: false,
      description: 'Whether clients (including DMS) connect to it with TLS.',
    },
  },
  snippet: [
    'type: external.onprem-database',
    'engine: ${1|oracle,sqlserver,mysql,postgres,mariadb,db2,sap-ase,mongodb,other|}',
    'sizeGB: ${2:500}',
    'connectivity: ${3|vpn,direct-connect|}',
    'encryptedInTransit: true',
  ].join('\n'),
};

export const externalTypes: readonly ResourceTypeDef[] = [users, onPremServer, onPremDatabase];
