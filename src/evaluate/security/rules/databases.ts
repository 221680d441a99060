/**
 * Relational and non-relational databases: RDS, Aurora, DynamoDB, DocumentDB and Neptune.
 * Public access, encryption, Multi-AZ, backups, deletion protection, patching, IAM authentication
 * and log exports.
 */
import type { ResourceNode, ValuePath } from '../../../core/document';
import { buildSetPropertiesFix } from '../fixes';
import { customRule, finding, isTrue, propertyRule, shown, switchRule, type RuleContext, type SecurityRule } from '../rule';
import { twoZones, zonesOf } from './compute';

const RDS = 'aws.rds.instance';
const AURORA = 'aws.rds.aurora';
const DYNAMODB = 'aws.dynamodb.table';
const DOCDB = 'aws.docdb.cluster';
const NEPTUNE = 'aws.neptune.cluster';

const kind = (type: string | undefined): string =>
  type === AURORA
    ? 'Aurora cluster'
    : type === DOCDB
      ? 'DocumentDB cluster'
      : type === NEPTUNE
        ? 'Neptune cluster'
        : type === DYNAMODB
          ? 'DynamoDB table'
          : 'Database';

export const databaseRules: readonly SecurityRule[] = [
  propertyRule({
    id: 'CA-RDS-001',
    title: 'Database is publicly accessible',
    description: 'A publicly accessible database gets a public address; only its security groups keep the internet from its login prompt.',
    severity: 'critical',
    concern: 'security',
    types: [RDS, AURORA],
    remediation: 'Set `publiclyAccessible: false` and connect through the VPC (application tier, VPN, bastion or Session Manager).',
    checkov: ['CKV_AWS_17'],
    securityHub: ['RDS.2'],
    responsibility: 'customer',
    path: ['publiclyAccessible'],
    assumedDefault: false,
    ok: (value) => !isTrue(value),
    message: (resource) => `${kind(resource.type)} \`${resource.name}\` is publicly accessible (publiclyAccessible: true).`,
    fix: { value: false, title: 'Make it private (publiclyAccessible: false)' },
  }),
  switchRule({
    id: 'CA-RDS-002',
    title: 'Database storage is not encrypted',
    description:
      'Unencrypted database storage leaves data, automated backups, snapshots and replicas in clear; encryption is chosen at creation.',
    severity: 'medium',
    concern: 'security',
    types: [RDS, AURORA],
    remediation: 'Set `encrypted: true` (for an existing database: restore an encrypted copy of a snapshot).',
    checkov: ['CKV_AWS_16', 'CKV_AWS_96'],
    securityHub: ['RDS.3'],
    property: 'encrypted',
    message: (resource, value) => `${kind(resource.type)} \`${resource.name}\` stores data unencrypted (encrypted: ${shown(value)}).`,
    fixTitle: 'Encrypt storage (encrypted: true)',
  }),
  switchRule({
    id: 'CA-RDS-003',
    title: 'RDS instance is not Multi-AZ',
    description:
      'A Single-AZ instance is down for the length of a zone outage or an instance replacement; Multi-AZ fails over to a standby in one to two minutes.',
    severity: 'medium',
    concern: 'availability',
    types: [RDS],
    remediation: 'Set `multiAZ: true` and list two zones.',
    checkov: ['CKV_AWS_157'],
    securityHub: ['RDS.5'],
    property: 'multiAZ',
    appliesTo: (resource) => resource.props.replicaOf === undefined,
    message: (resource, value) => `RDS instance \`${resource.name}\` has no standby in another zone (multiAZ: ${shown(value)}).`,
    fixTitle: 'Enable Multi-AZ (multiAZ: true)',
  }),
  propertyRule({
    id: 'CA-RDS-004',
    title: 'Database automated backups are off',
    description: 'With backup retention 0 there is no point-in-time restore and no automated backup to recover from.',
    severity: 'medium',
    concern: 'availability',
    types: [RDS],
    remediation: 'Set `backupRetentionDays` to 7 or more.',
    checkov: ['CKV_AWS_133'],
    securityHub: ['RDS.11'],
    responsibility: 'customer',
    path: ['backupRetentionDays'],
    assumedDefault: 1,
    ok: (value) => typeof value === 'number' && value > 0,
    message: (resource, value) => `RDS instance \`${resource.name}\` keeps no automated backups (backupRetentionDays: ${shown(value)}).`,
    fix: { value: 7, title: 'Keep 7 days of backups (backupRetentionDays: 7)' },
  }),
  switchRule({
    id: 'CA-RDS-005',
    title: 'Database deletion protection is off',
    description: 'Without deletion protection one API call or template change deletes the database.',
    severity: 'low',
    concern: 'availability',
    types: [RDS, AURORA, DOCDB, NEPTUNE],
    remediation: 'Set `deletionProtection: true`.',
    checkov: ['CKV_AWS_293', 'CKV_AWS_139'],
    securityHub: ['RDS.8', 'RDS.7'],
    property: 'deletionProtection',
    message: (resource) => `${kind(resource.type)} \`${resource.name}\` can be deleted without first turning off deletion protection.`,
    fixTitle: 'Turn on deletion protection (deletionProtection: true)',
  }),
  propertyRule({
    id: 'CA-RDS-006',
    title: 'RDS automatic minor version upgrade is off',
    description: 'Minor versions carry security patches; without automatic upgrades the engine falls behind.',
    severity: 'high',
    concern: 'security',
    types: [RDS],
    remediation: 'Set `autoMinorVersionUpgrade: true` so the maintenance window applies patches.',
    checkov: ['CKV_AWS_226'],
    securityHub: ['RDS.13'],
    responsibility: 'customer',
    path: ['autoMinorVersionUpgrade'],
    assumedDefault: true,
    ok: isTrue,
    message: (resource) =>
      `RDS instance \`${resource.name}\` does not receive minor version upgrades automatically (autoMinorVersionUpgrade: false).`,
    fix: { value: true, title: 'Upgrade minor versions automatically (autoMinorVersionUpgrade: true)' },
  }),
  switchRule({
    id: 'CA-RDS-007',
    title: 'Database IAM authentication is off',
    description:
      'Without IAM authentication applications keep long-lived database passwords; IAM tokens are short-lived and tied to roles.',
    severity: 'medium',
    concern: 'security',
    types: [RDS, AURORA, NEPTUNE],
    remediation: 'Set `iamAuthentication: true` and connect with IAM tokens.',
    checkov: ['CKV_AWS_161', 'CKV_AWS_162'],
    securityHub: ['RDS.10', 'RDS.12'],
    property: 'iamAuthentication',
    // IAM database authentication exists for MySQL, MariaDB and PostgreSQL engines only.
    appliesTo: (resource) =>
      resource.type !== RDS || ['mysql', 'mariadb', 'postgres', undefined].includes(resource.props.engine as string | undefined),
    message: (resource) =>
      `${kind(resource.type)} \`${resource.name}\` does not accept IAM authentication, so clients hold long-lived passwords.`,
    fixTitle: 'Enable IAM authentication (iamAuthentication: true)',
  }),
  propertyRule({
    id: 'CA-RDS-008',
    title: 'Database logs are not exported to CloudWatch Logs',
    description:
      'Without log exports, failed logins, errors and slow queries are kept only briefly on the instance and cannot be alerted on.',
    severity: 'medium',
    concern: 'security',
    types: [RDS, AURORA],
    remediation: "List the engine's logs in `cloudwatchLogsExports` (for example `[error, general, slowquery]` or `[postgresql]`).",
    checkov: ['CKV_AWS_129'],
    securityHub: ['RDS.9'],
    responsibility: 'customer',
    path: ['cloudwatchLogsExports'],
    assumedDefault: [],
    ok: (value) => Array.isArray(value) && value.length > 0,
    message: (resource) => `${kind(resource.type)} \`${resource.name}\` exports no logs to CloudWatch Logs.`,
    fix: {
      compute: (resource) =>
        String(resource.props.engine ?? '').includes('postgres')
          ? ['postgresql']
          : String(resource.props.engine ?? '').includes('mysql') || resource.props.engine === 'mariadb'
            ? ['error', 'slowquery']
            : undefined,
      title: "Export the engine's logs",
    },
  }),
  customRule(
    {
      id: 'CA-RDS-009',
      title: 'Aurora cluster has no replica in a second zone',
      description:
        'An Aurora cluster with one instance, or all instances in one zone, has no failover target when that instance or zone fails.',
      severity: 'medium',
      concern: 'availability',
      types: [AURORA],
      remediation: 'Run at least two instances (`instances: 2`) across two zones.',
      // CKV_AWS_157 checks `multi_az` on RDS DB instances, which Aurora clusters do not have; Checkov has no Aurora equivalent.
      checkov: [],
      securityHub: ['RDS.15'],
      responsibility: 'customer',
      fixable: true,
    },
    (meta) => (resource: ResourceNode, context: RuleContext) => {
      // Aurora Serverless v2 without provisioned instances is scaled and placed by AWS.
      if (resource.props.serverless !== undefined && typeof resource.props.instances !== 'number') return [];
      const instances = typeof resource.props.instances === 'number' ? resource.props.instances : 1;
      const zones = zonesOf(resource, context);
      if (instances >= 2 && zones.length >= 2) return [];
      const changes: [ValuePath, unknown][] = [];
      if (instances < 2) changes.push([['instances'], 2]);
      const spread = zones.length < 2 ? twoZones(resource, context) : undefined;
      if (spread !== undefined) changes.push([['zones'], spread]);
      const fix =
        zones.length < 2 && spread === undefined
          ? undefined
          : buildSetPropertiesFix(context.doc, resource, changes, 'Run two instances in two zones');
      const path = instances < 2 ? ['instances'] : ['zones'];
      const defaulted = typeof resource.props.instances === 'number' ? '' : ' `instances` is not written, so it takes the default 1.';
      return [
        finding(meta, resource, {
          path,
          message: `Aurora cluster \`${resource.name}\` has ${instances} instance(s) in zone(s) ${zones.join(', ') || 'none'}, with no failover target in another zone.${defaulted}`,
          ...(fix ? { fix } : {}),
        }),
      ];
    },
  ),
  propertyRule({
    id: 'CA-RDS-010',
    title: 'Aurora backup retention is the minimum of one day',
    description: 'One day of backups leaves no room to notice and recover from a bad write or a deletion.',
    severity: 'low',
    concern: 'availability',
    types: [AURORA, DOCDB, NEPTUNE],
    remediation: 'Set `backupRetentionDays` to 7 or more.',
    checkov: [],
    securityHub: [],
    responsibility: 'customer',
    path: ['backupRetentionDays'],
    assumedDefault: 1,
    ok: (value) => typeof value === 'number' && value >= 7,
    message: (resource, value) => `${kind(resource.type)} \`${resource.name}\` keeps backups for only ${shown(value)} day(s).`,
    fix: { value: 7, title: 'Keep 7 days of backups (backupRetentionDays: 7)' },
  }),
  switchRule({
    id: 'CA-DDB-001',
    title: 'DynamoDB point-in-time recovery is off',
    description: 'Without point-in-time recovery an accidental write or delete cannot be undone.',
    severity: 'medium',
    concern: 'availability',
    types: [DYNAMODB],
    remediation: 'Set `pointInTimeRecovery: true`.',
    checkov: ['CKV_AWS_28', 'CKV_AWS_165'],
    securityHub: ['DynamoDB.2'],
    property: 'pointInTimeRecovery',
    message: (resource) => `DynamoDB table \`${resource.name}\` has no point-in-time recovery.`,
    fixTitle: 'Turn on point-in-time recovery (pointInTimeRecovery: true)',
  }),
  propertyRule({
    id: 'CA-DDB-002',
    title: 'DynamoDB table is not encrypted with a customer-managed KMS key',
    description: "With an AWS-owned key the table's encryption cannot be audited in CloudTrail or revoked by the customer.",
    severity: 'low',
    concern: 'security',
    types: [DYNAMODB],
    remediation: 'Set `encryption: customer-managed` for data that needs key control and auditing.',
    checkov: ['CKV_AWS_119'],
    securityHub: [],
    responsibility: 'customer',
    path: ['encryption'],
    assumedDefault: 'aws-owned',
    ok: (value) => value === 'customer-managed',
    message: (resource, value) =>
      `DynamoDB table \`${resource.name}\` uses encryption ${shown(value)} rather than a customer-managed KMS key.`,
    fix: { value: 'customer-managed', title: 'Use a customer-managed key (encryption: customer-managed)' },
  }),
  switchRule({
    id: 'CA-DDB-003',
    title: 'Provisioned DynamoDB table has no auto scaling',
    description: 'A provisioned table with fixed capacity throttles requests when traffic exceeds it.',
    severity: 'medium',
    concern: 'availability',
    types: [DYNAMODB],
    remediation: 'Set `autoScaling: true`, or use `capacityMode: on-demand`.',
    checkov: ['CKV2_AWS_16'],
    securityHub: ['DynamoDB.1'],
    property: 'autoScaling',
    appliesTo: (resource) => resource.props.capacityMode === 'provisioned',
    message: (resource) => `Provisioned DynamoDB table \`${resource.name}\` has fixed capacity (autoScaling is not true).`,
    fixTitle: 'Turn on auto scaling (autoScaling: true)',
  }),
  switchRule({
    id: 'CA-DDB-004',
    title: 'DynamoDB deletion protection is off',
    description: 'Without deletion protection one API call deletes the table and its data.',
    severity: 'low',
    concern: 'availability',
    types: [DYNAMODB],
    remediation: 'Set `deletionProtection: true`.',
    checkov: [],
    securityHub: [],
    property: 'deletionProtection',
    message: (resource) => `DynamoDB table \`${resource.name}\` can be deleted without first turning off deletion protection.`,
    fixTitle: 'Turn on deletion protection (deletionProtection: true)',
  }),
  propertyRule({
    id: 'CA-DDB-005',
    title: 'DAX cluster is not encrypted at rest',
    description: "DAX caches table items; without encryption at rest the cache's disks hold them in clear.",
    severity: 'medium',
    concern: 'security',
    types: [DYNAMODB],
    remediation: 'Set `dax.encrypted: true` (chosen when the DAX cluster is created).',
    checkov: ['CKV_AWS_47'],
    securityHub: ['DynamoDB.3'],
    responsibility: 'customer',
    path: ['dax', 'encrypted'],
    assumedDefault: false,
    appliesTo: (resource) => resource.props.dax !== undefined && resource.props.dax !== null && resource.props.dax !== false,
    ok: isTrue,
    message: (resource) => `The DAX cluster of \`${resource.name}\` is not encrypted at rest.`,
    fix: { value: true, title: 'Encrypt the DAX cluster (dax.encrypted: true)' },
  }),
  switchRule({
    id: 'CA-DOCDB-001',
    title: 'DocumentDB cluster storage is not encrypted',
    description: 'Unencrypted DocumentDB storage leaves documents, backups and snapshots in clear; encryption is chosen at creation.',
    severity: 'medium',
    concern: 'security',
    types: [DOCDB],
    remediation: 'Set `encrypted: true` (restore an encrypted copy for an existing cluster).',
    checkov: ['CKV_AWS_74'],
    securityHub: [],
    property: 'encrypted',
    message: (resource) => `DocumentDB cluster \`${resource.name}\` stores data unencrypted.`,
    fixTitle: 'Encrypt storage (encrypted: true)',
  }),
  switchRule({
    id: 'CA-DOCDB-002',
    title: 'DocumentDB audit logs are not published',
    description: 'Without audit logs, authentication attempts and user or schema changes leave no trace.',
    severity: 'medium',
    concern: 'security',
    types: [DOCDB, NEPTUNE],
    remediation: 'Set `auditLogs: true` to publish audit events to CloudWatch Logs.',
    checkov: [],
    securityHub: [],
    property: 'auditLogs',
    message: (resource) => `${kind(resource.type)} \`${resource.name}\` does not publish audit logs.`,
    fixTitle: 'Publish audit logs (auditLogs: true)',
  }),
  propertyRule({
    id: 'CA-DOCDB-003',
    title: 'DocumentDB does not require TLS',
    description: 'Without TLS, queries and results cross the network in clear text.',
    severity: 'medium',
    concern: 'security',
    types: [DOCDB],
    remediation: 'Set `tls: true`.',
    checkov: [],
    securityHub: [],
    responsibility: 'customer',
    path: ['tls'],
    assumedDefault: true,
    ok: isTrue,
    message: (resource) => `DocumentDB cluster \`${resource.name}\` accepts connections without TLS (tls: false).`,
    fix: { value: true, title: 'Require TLS (tls: true)' },
  }),
  switchRule({
    id: 'CA-NEPTUNE-001',
    title: 'Neptune cluster storage is not encrypted',
    description: 'Unencrypted Neptune storage leaves the graph, backups and snapshots in clear; encryption is chosen at creation.',
    severity: 'medium',
    concern: 'security',
    types: [NEPTUNE],
    remediation: 'Set `encrypted: true` (restore an encrypted copy for an existing cluster).',
    checkov: ['CKV_AWS_44'],
    securityHub: [],
    property: 'encrypted',
    message: (resource) => `Neptune cluster \`${resource.name}\` stores data unencrypted.`,
    fixTitle: 'Encrypt storage (encrypted: true)',
  }),
  propertyRule({
    id: 'CA-DB-001',
    title: 'Clustered database has a single instance',
    description:
      'A DocumentDB or Neptune cluster with one instance has no failover target; the cluster is down while the instance is replaced.',
    severity: 'medium',
    concern: 'availability',
    types: [DOCDB, NEPTUNE],
    remediation: 'Run at least two instances (`instances: 2`) across two zones.',
    checkov: [],
    securityHub: [],
    responsibility: 'customer',
    path: ['instances'],
    assumedDefault: 1,
    ok: (value) => typeof value === 'number' && value >= 2,
    message: (resource, value) => `${kind(resource.type)} \`${resource.name}\` has ${shown(value)} instance, with no failover target.`,
    fix: { value: 2, title: 'Run two instances (instances: 2)' },
  }),
];
