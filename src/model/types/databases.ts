/**
 * Database resource types: relational (RDS, Aurora), key-value (DynamoDB), document (DocumentDB),
 * graph (Neptune), time series (Timestream), ledger (QLDB) and blockchain (Managed Blockchain).
 *
 * Availability figures are the published SLA thresholds from the reference dataset; where AWS
 * publishes none, the figure is an estimate and says so. A database unit is one instance in one
 * zone; the published figure for a redundant deployment (Multi-AZ, global tables) is recorded as an
 * `availabilityVariants` entry, so the model can still compute redundancy from its units.
 */
import {
  AURORA_GLOBAL_SECONDARY_REGIONS,
  DYNAMODB_MRSC,
  QLDB_END_OF_SUPPORT,
  RDS_GP3_BASELINE,
  TIMESTREAM_LIVEANALYTICS_CLOSED,
} from '../aws-facts';
import type { EnumValue, PropertyDef, PropertyShape, ResourceTypeDef } from '../catalog-types';
import { slaPages } from '../sla-pages';

/**
 * Small builders for property definitions, shared by the database, analytics and migration
 * modules. They keep each definition to one readable line without hiding any field.
 */
/** Drops keys whose value is undefined, so a definition lists only what was actually said. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export const prop = {
  boolean(description: string, defaultValue: boolean): PropertyDef {
    return { shape: { kind: 'boolean' }, description, default: defaultValue };
  },
  integer(
    description: string,
    options: { min?: number; max?: number; default?: number; unit?: string; required?: boolean } = {},
  ): PropertyDef {
    const shape: PropertyShape = defined({ kind: 'number', integer: true, minimum: options.min, maximum: options.max });
    return defined({ shape, description, default: options.default, unit: options.unit, required: options.required });
  },
  number(description: string, options: { min?: number; max?: number; default?: number; unit?: string } = {}): PropertyDef {
    return defined({
      shape: defined({ kind: 'number', minimum: options.min, maximum: options.max }),
      description,
      default: options.default,
      unit: options.unit,
    });
  },
  choice(
    description: string,
    values: readonly EnumValue[],
    options: { default?: string | number | boolean; required?: boolean } = {},
  ): PropertyDef {
    return defined({ shape: { kind: 'enum', values }, description, default: options.default, required: options.required });
  },
  /** A single reference to another resource. */
  reference(description: string, to: readonly string[], dependency: PropertyDef['dependency'], required = false): PropertyDef {
    return defined({ shape: { kind: 'reference', to }, description, dependency, required: required || undefined });
  },
  /** A list of references to other resources. */
  references(
    description: string,
    to: readonly string[],
    dependency: PropertyDef['dependency'],
    options: { minItems?: number; required?: boolean } = {},
  ): PropertyDef {
    return defined({
      shape: defined({ kind: 'list', items: { kind: 'reference', to }, minItems: options.minItems, uniqueItems: true }),
      description,
      dependency,
      required: options.required,
    });
  },
  regions(description: string): PropertyDef {
    return { shape: { kind: 'list', items: { kind: 'region' }, uniqueItems: true }, description, default: [] };
  },
};

/** The purchase options a managed database instance can be bought with. */
export const databasePurchaseValues: readonly EnumValue[] = [
  { value: 'on-demand', description: 'Pay by the hour with no commitment; the most flexible and the most expensive per hour.' },
  {
    value: 'reserved-1y',
    description: 'A one-year reserved instance: a lower hourly rate in exchange for a one-year commitment to this class in this region.',
  },
  {
    value: 'reserved-3y',
    description: 'A three-year reserved instance: the deepest discount, for steady databases that will run for years.',
  },
];

/** Every data store that an analytics or integration type may read from or write to. */
export const dataStoreTypes: readonly string[] = [
  'aws.s3.bucket',
  'aws.rds.*',
  'aws.dynamodb.table',
  'aws.redshift.cluster',
  'aws.docdb.cluster',
  'aws.neptune.cluster',
  'aws.timestream.database',
  'aws.qldb.ledger',
  'external.onprem-database',
];

const ebsVolumeTypes = 'github:awsdocs/amazon-ec2-user-guide doc_source/ebs-volume-types.md';

const rdsStorageVolumeTypes: readonly EnumValue[] = [
  {
    value: 'gp2',
    description: 'General Purpose SSD, previous generation: performance grows with size (3 IOPS per GB), so small volumes are slow.',
  },
  {
    value: 'gp3',
    description:
      'General Purpose SSD, current generation: a baseline of 3,000 IOPS at any size, cheaper per GB than gp2. The usual choice.',
  },
  { value: 'io1', description: 'Provisioned IOPS SSD: you pay for a fixed IOPS figure; for latency-sensitive OLTP with steady heavy I/O.' },
  { value: 'io2', description: 'Provisioned IOPS SSD with higher durability (designed for 99.999%) and more IOPS per GB than io1.' },
];

const rdsEngines: readonly EnumValue[] = [
  { value: 'mysql', description: 'MySQL Community Edition. Supports read replicas, including cross-region ones.' },
  { value: 'postgres', description: 'PostgreSQL. Supports read replicas, including cross-region ones, and IAM database authentication.' },
  { value: 'mariadb', description: 'MariaDB, the MySQL fork. Supports read replicas.' },
  {
    value: 'oracle',
    description: 'Oracle Database, licence included or bring your own licence. Read replicas need Active Data Guard (Enterprise Edition).',
  },
  {
    value: 'sqlserver',
    description: 'Microsoft SQL Server, licence included. Read replicas only on Enterprise Edition; Multi-AZ uses mirroring or Always On.',
  },
];

const rdsInstance: ResourceTypeDef = {
  id: 'aws.rds.instance',
  service: 'Amazon RDS',
  title: 'RDS DB instance',
  category: 'database',
  serviceModel: 'PaaS',
  placement: 'zonal',
  inVpc: true,
  zonal: true,
  units: { rule: 'standby-pair', property: 'multiAZ' },
  availability: {
    value: 99.5,
    source: slaPages.rds,
    kind: 'sla',
    note: 'Single-DB instance SLA (last updated 2024-01-22), applied to each unit: the primary, and the standby when multiAZ is true.',
  },
  availabilityVariants: [
    {
      when: { property: 'multiAZ', equals: true },
      label: 'Multi-AZ',
      figure: { value: 99.95, source: slaPages.rds, kind: 'sla', note: 'Multi-AZ DB instance SLA (last updated 2024-01-22).' },
    },
  ],
  // A Multi-AZ instance is back within the automatic failover (one to two minutes); a Single-AZ one
  // waits for the host to be replaced or, after a zone outage, for a restore.
  variants: [{ property: 'multiAZ', value: true, mttrMinutes: 2 }],
  durability: {
    value: 99.8,
    source: ebsVolumeTypes,
    kind: 'designed',
    note: 'RDS storage is EBS: gp2, gp3 and io1 are designed for an annual failure rate of 0.1-0.2% (99.8-99.9% durability); io2 for 99.999%. Automated backups to S3 add recovery points on top.',
  },
  mttrMinutes: 60,
  dataStore: true,
  docs: {
    what: 'A managed relational database server running one of five engines. AWS runs the host, the operating system, the engine installation, patching, backups and failover; you choose the engine, the size and the settings, and you own the schema and the data.',
    whenToUse:
      'For transactional (OLTP) workloads that need SQL, joins and transactions: web shops, line-of-business and SaaS applications. Choose Multi-AZ for production, since a Single-AZ instance is down until it is repaired or restored. Choose Aurora for higher availability and read scaling, DynamoDB for key-value access at any scale, and Redshift for analytics.',
    limits: [
      'An instance lives in one availability zone; Multi-AZ adds a synchronous standby in a second zone and fails over automatically in about one to two minutes, keeping the same endpoint.',
      'The Multi-AZ standby serves no traffic: it cannot be read. Use read replicas to scale reads.',
      'Read replicas are asynchronous, so they can lag and lose the latest writes when promoted; up to 15 per source for MySQL, MariaDB and PostgreSQL, fewer (5) for Oracle and SQL Server.',
      'A read replica can live in another region for disaster recovery; promoting it is a manual (or scripted) step and makes it a standalone database.',
      'Scaling the instance class is vertical and causes a short outage (shorter with Multi-AZ); storage can grow but never shrink.',
      'Automated backups are kept for 0 to 35 days and allow point-in-time restore; 0 disables them and also prevents read replicas.',
      'You get no operating-system access: extensions and parameters are limited to what the engine version allows.',
    ],
    customerResponsibility: [
      'Choosing Multi-AZ, backups and retention that match the recovery objectives.',
      'Network placement: private subnets, security groups that admit only the application tier, and publiclyAccessible off.',
      'Turning on encryption at rest when the instance is created (it cannot be added later without a snapshot copy) and requiring TLS in transit.',
      'Database users, passwords or IAM authentication, schema, queries and the data itself.',
      'Scheduling maintenance windows and testing engine upgrades.',
    ],
    securityControls: [
      'Encryption at rest with AWS KMS (instance, storage, backups, snapshots and replicas).',
      'TLS for connections; parameters can force it.',
      'VPC placement with security groups; publiclyAccessible controls whether a public DNS name and IP are assigned.',
      'IAM database authentication (MySQL, MariaDB, PostgreSQL).',
      'Deletion protection, automated backups and snapshots.',
      'Engine logs exported to CloudWatch Logs, Performance Insights and Enhanced Monitoring.',
    ],
    pricing:
      'Instance hours by class and engine (a Multi-AZ deployment bills the standby too, so roughly double), storage per GB-month by volume type, provisioned IOPS for io1/io2, backup storage beyond the size of the database, and data transfer out. Reserved instances lower the hourly rate for one- or three-year commitments.',
  },
  properties: {
    engine: prop.choice('The database engine. It decides the SQL dialect, licensing, read replica support and price.', rdsEngines, {
      required: true,
    }),
    engineVersion: {
      shape: { kind: 'string', examples: ['16.4', '8.0.39'] },
      description:
        'The engine version, e.g. `16.4` for PostgreSQL. Versions past end of standard support incur an extended-support charge.',
    },
    instanceClass: {
      shape: { kind: 'db-instance-class' },
      required: true,
      example: 'db.t3.micro',
      description:
        'The instance class (`db.<family>.<size>`), which fixes vCPUs, memory and the hourly price. Burstable `db.t*` classes suit development; `db.m*` is general purpose and `db.r*` is memory optimised for production.',
    },
    multiAZ: prop.boolean(
      'Keep a synchronous standby in a second availability zone with automatic failover. The standby is billed but cannot serve reads. Recommended for every production database.',
      false,
    ),
    storage: {
      shape: {
        kind: 'object',
        properties: {
          volumeType: prop.choice('The EBS volume type behind the database.', rdsStorageVolumeTypes, { default: 'gp3' }),
          sizeGB: prop.integer('Allocated storage. Storage can be increased later but never reduced.', {
            min: 20,
            max: 65536,
            default: 20,
            unit: 'GB',
          }),
          iops: prop.integer(
            `Provisioned IOPS. Required for io1 and io2. For gp3 it raises the included baseline (billed above it): ${RDS_GP3_BASELINE.statement} (Checked ${RDS_GP3_BASELINE.checked}.)`,
            { min: 1000, max: 256000, unit: 'IOPS' },
          ),
        },
      },
      default: { volumeType: 'gp3', sizeGB: 20 },
      description: 'The storage allocated to the database: volume type, size and, for provisioned-IOPS types, the IOPS.',
    },
    encrypted: prop.boolean(
      'Encrypt the storage, backups, snapshots and replicas with AWS KMS. It can only be chosen when the instance is created.',
      false,
    ),
    backupRetentionDays: prop.integer(
      'How many days of automated backups to keep for point-in-time restore. 0 turns automated backups off, which also rules out read replicas.',
      { min: 0, max: 35, default: 1, unit: 'days' },
    ),
    publiclyAccessible: prop.boolean(
      'Give the instance a public DNS name and IP address. A database should almost never be reachable from the internet; keep this off and connect through the VPC.',
      false,
    ),
    deletionProtection: prop.boolean(
      'Refuse to delete the instance until this is turned off, protecting production data from an accidental delete.',
      false,
    ),
    readReplicas: prop.integer(
      'The number of read replicas in the same region, for read scaling (billed as extra instances of the same class). For a replica in another region, declare a separate `aws.rds.instance` with `replicaOf`.',
      { min: 0, max: 15, default: 0 },
    ),
    replicaOf: prop.reference(
      'Makes this instance an asynchronous read replica of another RDS instance, typically in another region for disaster recovery. The replica keeps serving reads when its source fails, so this is not an availability dependency.',
      ['aws.rds.instance'],
      'none',
    ),
    autoMinorVersionUpgrade: prop.boolean(
      'Apply minor engine upgrades automatically during the maintenance window, which keeps security patches current.',
      true,
    ),
    iamAuthentication: prop.boolean(
      'Let applications connect with short-lived IAM tokens instead of stored passwords (MySQL, MariaDB, PostgreSQL).',
      false,
    ),
    performanceInsights: prop.boolean(
      'Collect query-level performance data to find slow statements and wait events (seven days free retention).',
      false,
    ),
    cloudwatchLogsExports: {
      shape: {
        kind: 'list',
        items: {
          kind: 'string',
          examples: ['error', 'general', 'slowquery', 'audit', 'postgresql', 'upgrade', 'alert', 'listener', 'trace', 'agent'],
        },
        uniqueItems: true,
      },
      default: [],
      description:
        'Engine logs to publish to CloudWatch Logs for retention and alerting: `error`, `general`, `slowquery`, `audit` (MySQL/MariaDB), `postgresql`, `upgrade` (PostgreSQL), `alert`, `listener`, `trace` (Oracle), `error`, `agent` (SQL Server).',
    },
    port: {
      shape: { kind: 'port' },
      description:
        "The port the engine listens on. Defaults to the engine's own: 3306 MySQL/MariaDB, 5432 PostgreSQL, 1521 Oracle, 1433 SQL Server.",
    },
    purchase: prop.choice('How the instance hours are bought.', databasePurchaseValues, { default: 'on-demand' }),
  },
  snippet: [
    'type: aws.rds.instance',
    'engine: ${1|postgres,mysql,mariadb,oracle,sqlserver|}',
    'instanceClass: ${2:db.t3.micro}',
    'multiAZ: ${3|true,false|}',
    'zones: [a, b]',
    'storage: { volumeType: gp3, sizeGB: ${4:100} }',
    'encrypted: true',
    'backupRetentionDays: ${5:7}',
    'publiclyAccessible: false',
    'deletionProtection: true',
  ].join('\n'),
};

const auroraInstanceCount = prop.integer(
  'The number of DB instances in the cluster: one writer and the rest readers (Aurora Replicas). With two or more spread over zones, a reader is promoted if the writer fails. Up to 16.',
  { min: 1, max: 16, default: 1 },
);

const rdsAurora: ResourceTypeDef = {
  id: 'aws.rds.aurora',
  service: 'Amazon Aurora',
  title: 'Aurora DB cluster',
  category: 'database',
  serviceModel: 'PaaS',
  placement: 'zonal',
  inVpc: true,
  zonal: true,
  units: { rule: 'property', property: 'instances', default: 1 },
  availability: {
    value: 99.9,
    source: slaPages.aurora,
    kind: 'sla',
    note: 'Single-AZ Aurora SLA (last updated 2022-05-19), applied to each DB instance.',
  },
  availabilityVariants: [
    {
      when: { property: 'zones', atLeast: 2 },
      label: 'Multi-AZ',
      figure: {
        value: 99.99,
        source: slaPages.aurora,
        kind: 'sla',
        note: 'Multi-AZ Aurora SLA (last updated 2022-05-19): a cluster with instances in two or more zones.',
      },
    },
  ],
  mttrMinutes: 10,
  dataStore: true,
  docs: {
    what: 'A MySQL- or PostgreSQL-compatible relational database built by AWS on a shared storage layer that keeps six copies of the data across three availability zones. A cluster has one writer instance and up to fifteen readers that all read the same storage.',
    whenToUse:
      'For relational workloads that need more availability or read throughput than a single RDS instance: readers share storage, so they lag little and a failover takes well under a minute. Serverless v2 suits spiky or unpredictable load; a global database spans regions for disaster recovery and local reads. For small, steady databases a plain RDS instance is cheaper.',
    limits: [
      'Compatible with MySQL and PostgreSQL only.',
      'Storage grows automatically up to 128 TB; you do not size it.',
      'One writer; readers (up to 15) are promoted on failure in priority order. With only one instance, a failure means the instance is recreated, which takes several minutes.',
      `${AURORA_GLOBAL_SECONDARY_REGIONS.statement} Replication lag is typically under a second and a promotion takes about a minute. (Checked ${AURORA_GLOBAL_SECONDARY_REGIONS.checked}.)`,
      'Backtrack (rewind in place) is only available for Aurora MySQL.',
    ],
    customerResponsibility: [
      'Running at least two instances in different zones for production, and choosing failover priorities.',
      'Private subnets and security groups; no public accessibility.',
      'Encryption at rest, chosen at creation; TLS for clients.',
      'Users, schema, queries, capacity limits of Serverless v2, and backup retention.',
    ],
    securityControls: [
      'Encryption at rest with AWS KMS, including backups and snapshots.',
      'TLS in transit.',
      'VPC placement and security groups.',
      'IAM database authentication.',
      'Database activity streams and audit logs to CloudWatch Logs.',
      'Deletion protection and continuous backups with point-in-time restore.',
    ],
    pricing:
      'Instance hours for each writer and reader (or ACU-hours for Serverless v2), storage per GB-month, I/O requests on the standard configuration (none on I/O-Optimized), backups beyond the cluster size, and, for global databases, replicated writes between regions.',
  },
  properties: {
    engine: prop.choice(
      'The compatible engine.',
      [
        { value: 'aurora-mysql', description: 'MySQL-compatible Aurora. Supports backtrack.' },
        { value: 'aurora-postgresql', description: 'PostgreSQL-compatible Aurora.' },
      ],
      { required: true },
    ),
    engineVersion: { shape: { kind: 'string', examples: ['3.07.1', '16.4'] }, description: 'The Aurora engine version.' },
    instanceClass: {
      shape: { kind: 'db-instance-class' },
      example: 'db.r6g.large',
      description: 'The class of every provisioned instance in the cluster. Not used for Serverless v2 instances, which are sized in ACUs.',
    },
    instances: auroraInstanceCount,
    serverless: {
      shape: {
        kind: 'object',
        properties: {
          minACU: prop.number('The smallest capacity the instances scale down to, in Aurora Capacity Units (about 2 GiB of memory each).', {
            min: 0,
            max: 256,
            default: 0.5,
            unit: 'ACU',
          }),
          maxACU: prop.number('The largest capacity the instances may scale up to.', { min: 1, max: 256, default: 16, unit: 'ACU' }),
          averageACU: prop.number('The average capacity over the month, used to estimate cost.', { min: 0, max: 256, unit: 'ACU' }),
        },
      },
      description:
        'Run the instances as Aurora Serverless v2: capacity scales with load between `minACU` and `maxACU` and is billed per ACU-hour.',
    },
    globalDatabase: {
      ...prop.regions(
        `Secondary regions of an Aurora global database (up to ${AURORA_GLOBAL_SECONDARY_REGIONS.max}). Each receives the data with typically sub-second lag and can be promoted if the primary region fails.`,
      ),
      shape: { kind: 'list', items: { kind: 'region' }, uniqueItems: true, maxItems: AURORA_GLOBAL_SECONDARY_REGIONS.max },
    },
    backtrackHours: prop.number(
      'How far back (aurora-mysql only) the cluster can be rewound in place without a restore, in hours; 0 turns backtrack off.',
      { min: 0, max: 72, default: 0, unit: 'hours' },
    ),
    storageGB: prop.integer('The expected amount of data, used for the storage cost; Aurora grows storage automatically.', {
      min: 0,
      max: 131072,
      default: 10,
      unit: 'GB',
    }),
    encrypted: prop.boolean("Encrypt the cluster's storage, backups and snapshots with AWS KMS. Chosen at creation.", false),
    backupRetentionDays: prop.integer('Days of continuous backup kept for point-in-time restore.', {
      min: 1,
      max: 35,
      default: 1,
      unit: 'days',
    }),
    publiclyAccessible: prop.boolean('Give the instances public addresses. Keep off.', false),
    deletionProtection: prop.boolean('Refuse to delete the cluster until this is turned off.', false),
    iamAuthentication: prop.boolean('Let applications connect with IAM tokens instead of passwords.', false),
    performanceInsights: prop.boolean('Collect query-level performance data on the instances.', false),
    cloudwatchLogsExports: {
      shape: {
        kind: 'list',
        items: { kind: 'string', examples: ['audit', 'error', 'general', 'slowquery', 'postgresql'] },
        uniqueItems: true,
      },
      default: [],
      description:
        'Logs to publish to CloudWatch Logs: `audit`, `error`, `general`, `slowquery` (aurora-mysql) or `postgresql` (aurora-postgresql).',
    },
    purchase: prop.choice('How the instance hours are bought (provisioned instances only).', databasePurchaseValues, {
      default: 'on-demand',
    }),
  },
  snippet: [
    'type: aws.rds.aurora',
    'engine: ${1|aurora-postgresql,aurora-mysql|}',
    'instanceClass: ${2:db.r6g.large}',
    'instances: ${3:2}',
    'zones: [a, b]',
    'storageGB: ${4:100}',
    'encrypted: true',
    'backupRetentionDays: 7',
    'deletionProtection: true',
  ].join('\n'),
};

const dynamodbTable: ResourceTypeDef = {
  id: 'aws.dynamodb.table',
  service: 'Amazon DynamoDB',
  title: 'DynamoDB table',
  category: 'database',
  serviceModel: 'PaaS',
  placement: 'regional',
  inVpc: false,
  zonal: false,
  units: { rule: 'fixed', units: 1 },
  availability: {
    value: 99.99,
    source: slaPages.dynamodb,
    kind: 'sla',
    note: 'Standard SLA for single-region tables (request-based, measured in five-minute intervals).',
  },
  availabilityVariants: [
    {
      when: { property: 'globalTables', nonEmpty: true },
      label: 'Global tables',
      figure: {
        value: 99.999,
        source: slaPages.dynamodb,
        kind: 'sla',
        note: 'Global tables SLA: replicas in several regions, with the application failing over between them.',
      },
    },
  ],
  mttrMinutes: 10,
  dataStore: true,
  docs: {
    what: 'A fully managed key-value and document database with no servers to size. Data is spread over partitions by key and replicated across three availability zones of the region; reads and writes stay fast (single-digit milliseconds) at any scale.',
    whenToUse:
      'For access by key at high or unpredictable volume: sessions, carts, user profiles, game state, IoT readings, serverless back ends. Not for ad-hoc queries, joins or reporting; model the table around the queries you know, and send analytics elsewhere (S3 and Athena, Redshift).',
    limits: [
      'An item is at most 400 KB, including attribute names.',
      'No joins and no general SQL: queries go by partition key (and sort key), or through secondary indexes; a scan reads the whole table.',
      'Provisioned mode throttles above the configured capacity units unless auto scaling raises them; on-demand adapts to traffic but costs more per request at steady load.',
      'Global tables replicate asynchronously between regions by default (multi-Region eventual consistency: last writer wins, typically within a second).',
      `${DYNAMODB_MRSC.statement} (Checked ${DYNAMODB_MRSC.checked}.)`,
      'Strongly consistent reads cost twice an eventually consistent read.',
    ],
    customerResponsibility: [
      'Key and index design, and choosing the capacity mode.',
      'IAM policies that give each application only the tables, items and actions it needs.',
      'Turning on point-in-time recovery and deletion protection for data that matters.',
      'Choosing who holds the encryption key (AWS-owned, AWS-managed or customer-managed).',
    ],
    securityControls: [
      'Encryption at rest, always on, with an AWS-owned, AWS-managed or customer-managed KMS key.',
      'IAM with fine-grained conditions down to items and attributes.',
      'VPC gateway endpoints so traffic never leaves the AWS network.',
      'Point-in-time recovery (up to 35 days) and on-demand backups.',
      'Deletion protection; CloudTrail logging of control- and data-plane calls.',
    ],
    pricing:
      'On-demand mode bills per million read and write request units; provisioned mode bills read and write capacity units per hour whether used or not. Storage per GB-month (lower on the Standard-IA table class, with pricier requests), point-in-time recovery per GB-month, backups, streams, replicated writes for global tables, and DAX nodes by the hour.',
  },
  properties: {
    capacityMode: prop.choice(
      'How throughput is bought. CloudArch assumes on-demand when the property is absent.',
      [
        {
          value: 'on-demand',
          description: 'Pay per request; the table adapts to traffic instantly. Best for new, spiky or unpredictable workloads.',
        },
        {
          value: 'provisioned',
          description:
            'Reserve read and write capacity units per second; cheaper for steady, predictable traffic, and throttled above the reservation.',
        },
      ],
      { default: 'on-demand' },
    ),
    storageGB: prop.number('The amount of data stored, for the storage cost.', { min: 0, default: 1, unit: 'GB' }),
    pointInTimeRecovery: prop.boolean(
      'Keep continuous backups so the table can be restored to any second of the last 35 days, undoing accidental writes and deletes.',
      false,
    ),
    globalTables: prop.regions(
      'Other regions that hold a replica of this table (global tables). Every replica accepts reads and writes, so an application can fail over to another region.',
    ),
    globalConsistency: prop.choice(
      'Global tables only: how replicas agree across regions.',
      [
        {
          value: 'eventual',
          description:
            'Multi-Region eventual consistency (the default): each region accepts writes locally and replicates them asynchronously; conflicting writes resolve last-writer-wins, and a regional failure can lose the last second of writes.',
        },
        {
          value: 'strong',
          description:
            'Multi-Region strong consistency (MRSC): a write is acknowledged once it is durable in a second region, and strongly consistent reads see the latest write in every region; zero RPO. Needs exactly three regions (this one and two more, replicas or a witness), and writes take longer.',
        },
      ],
      { default: 'eventual' },
    ),
    readCapacityUnits: prop.integer(
      'Provisioned mode: reads per second the table is sized for (one unit is one strongly consistent read of up to 4 KB per second).',
      { min: 1, default: 5, unit: 'RCU' },
    ),
    writeCapacityUnits: prop.integer(
      'Provisioned mode: writes per second the table is sized for (one unit is one write of up to 1 KB per second).',
      { min: 1, default: 5, unit: 'WCU' },
    ),
    autoScaling: prop.boolean('Provisioned mode: let Application Auto Scaling adjust the capacity units with traffic.', false),
    readsPerSecond: prop.number(
      'Average read requests per second, for the on-demand cost. When absent, the cost evaluation derives it from `workload.requestsPerSecond`.',
      { min: 0, unit: 'requests/s' },
    ),
    writesPerSecond: prop.number(
      'Average write requests per second, for the on-demand cost. When absent, the cost evaluation derives it from `workload.requestsPerSecond`.',
      { min: 0, unit: 'requests/s' },
    ),
    encryption: prop.choice(
      'Which KMS key encrypts the table at rest (encryption itself is always on).',
      [
        { value: 'aws-owned', description: 'A key owned and managed by DynamoDB, free and invisible in your account.' },
        { value: 'aws-managed', description: 'The AWS-managed `aws/dynamodb` key in your account: key use appears in CloudTrail.' },
        {
          value: 'customer-managed',
          description: 'A KMS key you create and control: you decide its policy, rotation and can revoke access.',
        },
      ],
      { default: 'aws-owned' },
    ),
    ttl: prop.boolean(
      'Delete items automatically once the timestamp in their TTL attribute has passed, at no cost (sessions, temporary data).',
      false,
    ),
    streams: prop.boolean('Publish every item change to a DynamoDB stream, for triggers (Lambda) and replication.', false),
    dax: {
      shape: {
        kind: 'object',
        properties: {
          nodeType: {
            shape: { kind: 'string', examples: ['dax.t3.small', 'dax.r5.large'] },
            default: 'dax.r5.large',
            description: 'The DAX node type.',
          },
          nodes: prop.integer('Nodes in the DAX cluster; three or more across zones for production.', { min: 1, max: 11, default: 3 }),
          encrypted: prop.boolean(
            "Encrypt the cache at rest (the cluster's disks and swap) with a KMS key. It can only be chosen when the DAX cluster is created.",
            false,
          ),
        },
      },
      description:
        'Put a DynamoDB Accelerator (DAX) cluster in front of the table: an in-memory, write-through cache that answers repeated reads in microseconds.',
    },
    tableClass: prop.choice(
      'The table class, which trades storage price against request price.',
      [
        { value: 'standard', description: 'The default: balanced storage and request prices.' },
        {
          value: 'standard-ia',
          description: 'Standard-Infrequent Access: storage is much cheaper and requests dearer; for large tables that are rarely read.',
        },
      ],
      { default: 'standard' },
    ),
    deletionProtection: prop.boolean('Refuse to delete the table until this is turned off.', false),
  },
  snippet: [
    'type: aws.dynamodb.table',
    'capacityMode: ${1|on-demand,provisioned|}',
    'storageGB: ${2:10}',
    'pointInTimeRecovery: true',
    'encryption: ${3|aws-owned,aws-managed,customer-managed|}',
    'deletionProtection: true',
  ].join('\n'),
};

const docdbCluster: ResourceTypeDef = {
  id: 'aws.docdb.cluster',
  service: 'Amazon DocumentDB',
  title: 'DocumentDB cluster',
  category: 'database',
  serviceModel: 'PaaS',
  placement: 'zonal',
  inVpc: true,
  zonal: true,
  units: { rule: 'property', property: 'instances', default: 1 },
  availability: {
    value: 99.9,
    source: slaPages.documentdb,
    kind: 'sla',
    note: 'Single-AZ SLA (last updated 2025-05-01), applied to each instance.',
  },
  availabilityVariants: [
    {
      when: { property: 'zones', atLeast: 2 },
      label: 'Multi-AZ',
      figure: {
        value: 99.99,
        source: slaPages.documentdb,
        kind: 'sla',
        note: 'Multi-AZ SLA (last updated 2025-05-01): instances in two or more zones.',
      },
    },
  ],
  mttrMinutes: 10,
  dataStore: true,
  docs: {
    what: 'A managed JSON document database that speaks the MongoDB API. Like Aurora, it separates compute instances (one primary, up to fifteen replicas) from a storage volume that keeps six copies across three zones.',
    whenToUse:
      'For applications written against MongoDB that you want to run without operating replica sets: catalogs, content, user profiles. If you start fresh and access by key, DynamoDB is cheaper and serverless; if the application relies on recent MongoDB features, check compatibility first.',
    limits: [
      'Compatible with the MongoDB API (3.6 and later), not every MongoDB feature.',
      'Storage grows automatically up to 64 TB (128 TiB on newer versions).',
      'Up to 15 replica instances; a replica is promoted when the primary fails.',
      'Backups are kept up to 35 days for point-in-time restore.',
      'Reachable only from inside its VPC.',
    ],
    customerResponsibility: [
      'Running two or more instances in different zones for production.',
      'Security groups, TLS, user management and encryption at rest chosen at creation.',
      'Data model, indexes and backup retention.',
    ],
    securityControls: [
      'Encryption at rest with AWS KMS; TLS in transit (on by default).',
      'VPC-only access with security groups.',
      'Role-based access control for database users; audit logs to CloudWatch Logs.',
      'Deletion protection and point-in-time restore.',
    ],
    pricing:
      'Instance hours by class for each instance, storage per GB-month, I/O requests, backup storage beyond the cluster size, and data transfer out.',
  },
  properties: {
    instanceClass: {
      shape: { kind: 'db-instance-class' },
      required: true,
      example: 'db.r6g.large',
      description: 'The class of every instance in the cluster.',
    },
    instances: prop.integer(
      'Instances in the cluster: one primary and the rest replicas. Two or more across zones give automatic failover.',
      { min: 1, max: 16, default: 1 },
    ),
    storageGB: prop.integer('The expected amount of data, for the storage cost.', { min: 0, max: 131072, default: 10, unit: 'GB' }),
    encrypted: prop.boolean('Encrypt storage, backups and snapshots with AWS KMS. Chosen at creation.', false),
    tls: prop.boolean('Require TLS for client connections.', true),
    backupRetentionDays: prop.integer('Days of continuous backup for point-in-time restore.', {
      min: 1,
      max: 35,
      default: 1,
      unit: 'days',
    }),
    auditLogs: prop.boolean('Publish audit events (authentication, DDL, user management) to CloudWatch Logs.', false),
    deletionProtection: prop.boolean('Refuse to delete the cluster until this is turned off.', false),
    purchase: prop.choice('How the instance hours are bought.', databasePurchaseValues, { default: 'on-demand' }),
  },
  snippet: [
    'type: aws.docdb.cluster',
    'instanceClass: ${1:db.r6g.large}',
    'instances: ${2:3}',
    'zones: [a, b, c]',
    'encrypted: true',
    'backupRetentionDays: 7',
    'deletionProtection: true',
  ].join('\n'),
};

const neptuneCluster: ResourceTypeDef = {
  id: 'aws.neptune.cluster',
  service: 'Amazon Neptune',
  title: 'Neptune graph cluster',
  category: 'database',
  serviceModel: 'PaaS',
  placement: 'zonal',
  inVpc: true,
  zonal: true,
  units: { rule: 'property', property: 'instances', default: 1 },
  availability: {
    value: 99.5,
    source: slaPages.neptune,
    kind: 'sla',
    note: 'Single DB instance SLA (last updated 2024-01-10), applied to each instance.',
  },
  availabilityVariants: [
    {
      when: { property: 'zones', atLeast: 2 },
      label: 'Multi-AZ',
      figure: { value: 99.9, source: slaPages.neptune, kind: 'sla', note: 'Multi-AZ DB cluster SLA (last updated 2024-01-10).' },
    },
  ],
  mttrMinutes: 10,
  dataStore: true,
  docs: {
    what: 'A managed graph database for data whose value is in the relationships: vertices and edges queried with Gremlin or openCypher (property graphs) or SPARQL (RDF). A primary instance and up to fifteen read replicas share a storage volume replicated across zones.',
    whenToUse:
      'For questions that follow links many hops deep: social networks, recommendations, fraud rings, knowledge graphs, network and identity graphs. For data queried by key or by table, a relational or key-value store is simpler and cheaper.',
    limits: [
      'Storage grows automatically up to 64 TB (128 TiB on newer versions).',
      'Up to 15 read replicas; a replica is promoted when the primary fails.',
      'Backups kept up to 35 days.',
      'Reachable only from inside its VPC.',
    ],
    customerResponsibility: [
      'Instances in more than one zone for production.',
      'Security groups, IAM authentication, encryption chosen at creation.',
      'Graph model, queries and backup retention.',
    ],
    securityControls: [
      'Encryption at rest with AWS KMS; TLS in transit.',
      'VPC-only access with security groups.',
      'IAM database authentication with SigV4-signed requests.',
      'Audit logs to CloudWatch Logs; deletion protection.',
    ],
    pricing:
      'Instance hours for each instance, storage per GB-month, I/O requests, backup storage beyond the database size, and data transfer out.',
  },
  properties: {
    instanceClass: {
      shape: { kind: 'db-instance-class' },
      required: true,
      example: 'db.r6g.large',
      description: 'The class of every instance in the cluster.',
    },
    instances: prop.integer('Instances in the cluster: one primary and the rest read replicas.', { min: 1, max: 16, default: 1 }),
    queryLanguage: prop.choice(
      'The query language the application uses; informational, since one cluster serves all three.',
      [
        { value: 'gremlin', description: 'Apache TinkerPop Gremlin, for property graphs.' },
        { value: 'opencypher', description: 'openCypher, a declarative language for property graphs.' },
        { value: 'sparql', description: 'SPARQL, for RDF (linked data) graphs.' },
      ],
      { default: 'gremlin' },
    ),
    storageGB: prop.integer('The expected amount of data, for the storage cost.', { min: 0, max: 131072, default: 10, unit: 'GB' }),
    encrypted: prop.boolean('Encrypt storage, backups and snapshots with AWS KMS. Chosen at creation.', false),
    iamAuthentication: prop.boolean('Require IAM-signed requests to the graph endpoints.', false),
    backupRetentionDays: prop.integer('Days of backup for point-in-time restore.', { min: 1, max: 35, default: 1, unit: 'days' }),
    auditLogs: prop.boolean('Publish audit logs to CloudWatch Logs.', false),
    deletionProtection: prop.boolean('Refuse to delete the cluster until this is turned off.', false),
    purchase: prop.choice('How the instance hours are bought.', databasePurchaseValues, { default: 'on-demand' }),
  },
  snippet: [
    'type: aws.neptune.cluster',
    'instanceClass: ${1:db.r6g.large}',
    'instances: ${2:2}',
    'zones: [a, b]',
    'encrypted: true',
    'iamAuthentication: true',
    'backupRetentionDays: 7',
  ].join('\n'),
};

const timestreamDatabase: ResourceTypeDef = {
  id: 'aws.timestream.database',
  service: 'Amazon Timestream',
  title: 'Timestream database',
  category: 'database',
  serviceModel: 'PaaS',
  placement: 'regional',
  inVpc: false,
  zonal: false,
  units: { rule: 'fixed', units: 1 },
  availability: {
    value: 99.99,
    source: slaPages.timestream,
    kind: 'sla',
    note: 'Timestream for LiveAnalytics service commitment (last updated 2022-05-05), per region.',
  },
  mttrMinutes: 10,
  dataStore: true,
  closedToNewCustomers: TIMESTREAM_LIVEANALYTICS_CLOSED,
  docs: {
    what: 'Amazon Timestream for LiveAnalytics, a serverless time series database: it ingests timestamped measurements, keeps recent data in a fast memory store and moves older data to a cheaper magnetic store by age, and queries both with SQL and time series functions.',
    whenToUse:
      'For metrics, IoT telemetry, application events and monitoring data that arrive in time order and are queried over time windows. For general records use a relational or key-value store; for long-term analytics over huge history, S3 with Athena may be cheaper.',
    limits: [
      `Closed to new customers: ${TIMESTREAM_LIVEANALYTICS_CLOSED.statement} New designs should use ${TIMESTREAM_LIVEANALYTICS_CLOSED.alternatives}. (Checked ${TIMESTREAM_LIVEANALYTICS_CLOSED.checked}.)`,
      'Data moves from the memory store to the magnetic store after the memory retention period and is deleted after the magnetic retention period.',
      'Writes far older than the memory retention period go to the magnetic store only if magnetic-store writes are enabled.',
      'Serverless and regional: no instances or zones to choose.',
    ],
    customerResponsibility: [
      'Retention periods that balance query speed against cost.',
      'IAM policies for writers and readers; choosing the KMS key.',
    ],
    securityControls: [
      'Encryption at rest, always on, with an AWS-managed or customer-managed KMS key.',
      'TLS in transit; IAM access control; VPC interface endpoints.',
    ],
    pricing:
      'Writes (by volume ingested), memory-store storage per GB-hour, magnetic-store storage per GB-month, and queries by the data they scan (or compute units).',
  },
  properties: {
    memoryRetentionHours: prop.integer('How long new data stays in the fast, more expensive memory store.', {
      min: 1,
      max: 8766,
      default: 24,
      unit: 'hours',
    }),
    magneticRetentionDays: prop.integer('How long data stays in the magnetic store before it is deleted.', {
      min: 1,
      max: 73000,
      default: 365,
      unit: 'days',
    }),
    ingestGBPerMonth: prop.number('Data written per month, for the cost.', { min: 0, default: 1, unit: 'GB' }),
    storageGB: prop.number('Data held in the magnetic store, for the cost.', { min: 0, default: 10, unit: 'GB' }),
    existingCustomer: prop.boolean(
      'Whether this AWS account already uses Timestream for LiveAnalytics. AWS stopped opening it to new customers on 2025-06-20, so validation warns about a new design that uses it unless this is true.',
      false,
    ),
    encryption: prop.choice(
      'Which KMS key encrypts the data at rest.',
      [
        { value: 'aws-managed', description: 'The AWS-managed Timestream key.' },
        { value: 'customer-managed', description: 'A KMS key you create and control.' },
      ],
      { default: 'aws-managed' },
    ),
  },
  snippet: [
    'type: aws.timestream.database',
    'memoryRetentionHours: ${1:24}',
    'magneticRetentionDays: ${2:365}',
    'ingestGBPerMonth: ${3:50}',
  ].join('\n'),
};

const qldbLedger: ResourceTypeDef = {
  id: 'aws.qldb.ledger',
  service: 'Amazon QLDB',
  title: 'QLDB ledger',
  category: 'database',
  serviceModel: 'PaaS',
  placement: 'regional',
  inVpc: false,
  zonal: false,
  units: { rule: 'fixed', units: 1 },
  availability: {
    value: 99.9,
    source: 'https://aws.amazon.com/qldb/',
    kind: 'estimate',
    note: 'No published QLDB SLA was found in the reference dataset; 99.9% is an estimate for a regional managed service replicated across zones.',
  },
  mttrMinutes: 15,
  dataStore: true,
  closedToNewCustomers: QLDB_END_OF_SUPPORT,
  docs: {
    what: 'A managed ledger database owned by one trusted party. Every change is appended to an immutable journal whose entries are chained with SHA-256 hashes, so anyone can verify cryptographically that history has not been altered. Documents are queried with PartiQL, a SQL-compatible language.',
    whenToUse:
      'For systems of record that need a complete, tamper-evident history under a central authority: financial transactions, supply-chain tracking, registration and claims histories. When several organisations must share a ledger without trusting one operator, a blockchain network fits instead.',
    limits: [
      'The journal is append-only: history cannot be edited or deleted.',
      'One central owner; there is no decentralised consensus.',
      `Retired: ${QLDB_END_OF_SUPPORT.statement} Move to ${QLDB_END_OF_SUPPORT.alternatives}. (Checked ${QLDB_END_OF_SUPPORT.checked}.)`,
    ],
    customerResponsibility: [
      'IAM permissions for PartiQL statements and journal exports.',
      'Verifying digests and exporting the journal for retention.',
    ],
    securityControls: [
      'Encryption at rest, always on (AWS-owned or customer-managed KMS key).',
      'Cryptographic verification of the journal.',
      'IAM access control; deletion protection.',
    ],
    pricing: 'Write and read I/O requests, journal storage and indexed storage per GB-month, and data transfer out.',
  },
  properties: {
    journalStorageGB: prop.number('Size of the journal (all history), for the cost.', { min: 0, default: 10, unit: 'GB' }),
    indexedStorageGB: prop.number('Size of the indexed current and historical documents, for the cost.', {
      min: 0,
      default: 5,
      unit: 'GB',
    }),
    permissionsMode: prop.choice(
      'How IAM controls access to the ledger.',
      [
        { value: 'standard', description: 'Fine-grained permissions per table and PartiQL command. Recommended.' },
        { value: 'allow-all', description: 'Any principal allowed to send commands may run every statement on every table.' },
      ],
      { default: 'standard' },
    ),
    deletionProtection: prop.boolean('Refuse to delete the ledger until this is turned off.', true),
  },
  snippet: ['type: aws.qldb.ledger', 'journalStorageGB: ${1:50}', 'permissionsMode: standard', 'deletionProtection: true'].join('\n'),
};

const managedBlockchainNetwork: ResourceTypeDef = {
  id: 'aws.managedblockchain.network',
  service: 'Amazon Managed Blockchain',
  title: 'Managed Blockchain network',
  category: 'blockchain',
  serviceModel: 'PaaS',
  placement: 'zonal',
  inVpc: true,
  zonal: true,
  units: { rule: 'property', property: 'peerNodes', default: 1 },
  availability: {
    value: 99.5,
    source: 'https://aws.amazon.com/managed-blockchain/',
    kind: 'estimate',
    note: 'No published Managed Blockchain SLA was found in the reference dataset; each peer node is estimated like a single managed instance in one zone.',
  },
  mttrMinutes: 30,
  dataStore: true,
  docs: {
    what: 'A managed service that creates and runs blockchain networks on open-source frameworks: private, permissioned Hyperledger Fabric networks whose members vote on who joins, or nodes on public Ethereum networks. AWS runs the peer nodes and, for Fabric, the ordering service and certificate authorities.',
    whenToUse:
      'When several organisations that do not fully trust one another must share and agree on a record without a central operator, or to run Ethereum nodes for decentralised applications. If one party owns the record, a ledger database or an ordinary database with audit is far simpler.',
    limits: [
      'Hyperledger Fabric: the Starter edition is for test networks (few members and peers); Standard supports production networks with more members and peer nodes.',
      "Peer nodes live in availability zones; spread a member's peers across zones.",
      "Smart-contract (chaincode) correctness and member governance are entirely the members' job.",
    ],
    customerResponsibility: [
      'Chaincode or smart contracts, their testing and upgrades.',
      'Member governance: invitations, voting policies, certificates and identities.',
      'Network access from applications through VPC endpoints.',
    ],
    securityControls: [
      'Encryption at rest and TLS in transit.',
      'Fabric certificate authorities per member; IAM for the management API.',
      'VPC interface endpoints for private access.',
    ],
    pricing:
      'A membership fee per member per hour (Fabric), peer node hours by instance size, peer storage per GB-month, and data written; Ethereum nodes are billed by the hour and by request.',
  },
  properties: {
    framework: prop.choice(
      'The blockchain framework.',
      [
        {
          value: 'hyperledger-fabric',
          description: 'A private, permissioned network for known members, with private channels and member voting.',
        },
        {
          value: 'ethereum',
          description: 'Nodes joined to a public Ethereum network, for decentralised applications and smart contracts.',
        },
      ],
      { required: true },
    ),
    edition: prop.choice(
      'The network edition (Hyperledger Fabric).',
      [
        { value: 'starter', description: 'For development and test networks: a small number of members and peer nodes, at a lower price.' },
        { value: 'standard', description: 'For production networks: more members, more peer nodes per member and higher throughput.' },
      ],
      { default: 'starter' },
    ),
    members: prop.integer('Organisations that are members of the network (Hyperledger Fabric).', { min: 1, max: 20, default: 1 }),
    peerNodes: prop.integer(
      "Peer nodes run for this architecture's member(s). Each holds a copy of the ledger; spread them across zones.",
      { min: 1, max: 30, default: 1 },
    ),
    peerNodeType: {
      shape: { kind: 'string', examples: ['bc.t3.small', 'bc.m5.large'] },
      default: 'bc.t3.small',
      description: 'The instance size of each peer node.',
    },
    storageGB: prop.number('Ledger storage per peer node, for the cost.', { min: 0, default: 10, unit: 'GB' }),
  },
  snippet: [
    'type: aws.managedblockchain.network',
    'framework: ${1|hyperledger-fabric,ethereum|}',
    'edition: ${2|starter,standard|}',
    'members: ${3:2}',
    'peerNodes: ${4:2}',
    'zones: [a, b]',
  ].join('\n'),
};

/** Resource types of this group; see ARCHITECTURE.md, "How to add a resource type". */
export const databasesTypes: readonly ResourceTypeDef[] = [
  rdsInstance,
  rdsAurora,
  dynamodbTable,
  docdbCluster,
  neptuneCluster,
  timestreamDatabase,
  qldbLedger,
  managedBlockchainNetwork,
];
