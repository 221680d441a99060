/**
 * Analytics resource types: the Redshift warehouse, EMR clusters, Athena, QuickSight and Glue.
 *
 * Data-flow properties (`source`, `target`, `resultsBucket`, `sources`, `targets`, `dataSources`)
 * are references, so the diagram draws the pipeline and the availability model knows that a job
 * or a dashboard stops when what it reads stops.
 */
import type { EnumValue, ResourceTypeDef } from '../catalog-types';
import { dataStoreTypes, databasePurchaseValues, prop } from './databases';
import { slaPages } from '../sla-pages';

/** Redshift node types with their hardware, so completion can show what each one is. */
const redshiftNodeTypes: readonly EnumValue[] = [
  { value: 'ra3.large', description: 'RA3, 2 vCPU, 16 GiB memory, managed storage billed separately. The smallest RA3 node.' },
  {
    value: 'ra3.xlplus',
    description:
      'RA3, 4 vCPU, 32 GiB memory, up to 32 TB managed storage per node. Compute and storage scale separately; supports Multi-AZ.',
  },
  { value: 'ra3.4xlarge', description: 'RA3, 12 vCPU, 96 GiB memory, up to 128 TB managed storage per node.' },
  {
    value: 'ra3.16xlarge',
    description: 'RA3, 48 vCPU, 384 GiB memory, up to 128 TB managed storage per node. For the largest warehouses.',
  },
  {
    value: 'dc2.large',
    description: 'Dense Compute (previous generation), 2 vCPU, 15 GiB memory, 160 GB local SSD. Fast for small data sets under about 1 TB.',
  },
  { value: 'dc2.8xlarge', description: 'Dense Compute (previous generation), 32 vCPU, 244 GiB memory, 2.56 TB local SSD.' },
];

const redshiftCluster: ResourceTypeDef = {
  id: 'aws.redshift.cluster',
  service: 'Amazon Redshift',
  title: 'Redshift data warehouse',
  category: 'analytics',
  serviceModel: 'PaaS',
  placement: 'zonal',
  inVpc: true,
  zonal: true,
  // A provisioned cluster in one zone stops when any node fails (every node holds slices of the
  // data), so the cluster in a zone counts as one unit; Multi-AZ runs a second copy in another zone.
  units: { rule: 'standby-pair', property: 'multiAZ' },
  availability: {
    value: 99.9,
    source: slaPages.redshift,
    kind: 'sla',
    note: 'Single-AZ multi-node and Serverless SLA (last updated 2023-11-01), applied to the whole cluster in one zone: a cluster needs all of its nodes, so the nodes are one unit.',
  },
  availabilityVariants: [
    {
      when: { property: 'multiAZ', equals: true },
      label: 'Multi-AZ',
      figure: { value: 99.99, source: slaPages.redshift, kind: 'sla', note: 'Multi-AZ (RA3) SLA (last updated 2023-11-01).' },
    },
  ],
  variants: [
    {
      property: 'nodes',
      value: 1,
      availability: { value: 99.5, source: slaPages.redshift, kind: 'sla', note: 'Single-AZ single-node SLA (last updated 2023-11-01).' },
    },
    // With a second copy in another zone, a failure costs only the automatic failover.
    { property: 'multiAZ', value: true, mttrMinutes: 5 },
  ],
  mttrMinutes: 30,
  dataStore: true,
  docs: {
    what: 'A managed, petabyte-scale data warehouse for analytical (OLAP) SQL. It stores tables by column and compresses them, and a leader node splits each query across compute nodes that work in parallel (massively parallel processing). Spectrum queries files in S3 without loading them.',
    whenToUse:
      'For business intelligence and reporting over large, structured history: aggregations, joins across fact and dimension tables, dashboards that many analysts share. Not for transactional workloads with many small reads and writes (use RDS, Aurora or DynamoDB), and for occasional queries over S3 files Athena costs less.',
    limits: [
      'Columnar and OLAP: single-row lookups and frequent small updates are slow.',
      'A provisioned cluster lives in one availability zone unless Multi-AZ (RA3 only) is on; losing a node makes the cluster unavailable until it is replaced.',
      'RA3 nodes keep data in managed storage backed by S3, so storage and compute scale separately; DC2 nodes keep it on local SSD.',
      'Resizing changes the node count or type; elastic resize takes minutes, classic resize longer.',
      'Automated snapshots are kept for 1 to 35 days; manual snapshots until you delete them.',
    ],
    customerResponsibility: [
      'Encryption, network placement (private subnets, no public access) and enhanced VPC routing.',
      'Database users, groups and grants; audit logging.',
      'Table design (distribution and sort keys), workload management and vacuuming.',
      'Snapshot retention and cross-region snapshot copy for disaster recovery.',
    ],
    securityControls: [
      'Encryption at rest with AWS KMS (or an HSM); TLS in transit, enforceable with `require_ssl`.',
      'VPC placement and security groups; publiclyAccessible controls a public endpoint.',
      'Enhanced VPC routing forces COPY and UNLOAD traffic through the VPC.',
      'Audit logging of connections, users and queries; IAM authentication and role-based access.',
    ],
    pricing:
      'Provisioned clusters bill node hours by node type (reserved nodes cost less), RA3 managed storage per GB-month, and backups beyond the free allowance; Serverless bills RPU-hours while queries run. Spectrum bills by data scanned, and concurrency scaling beyond the free credits by the second.',
  },
  properties: {
    nodeType: prop.choice("The node type, which fixes each node's CPU, memory and storage model.", redshiftNodeTypes, {
      default: 'ra3.xlplus',
    }),
    nodes: prop.integer('Compute nodes in the cluster. Work and data are spread over all of them, and every node is needed.', {
      min: 1,
      max: 128,
      default: 2,
    }),
    multiAZ: prop.boolean(
      'Run a second copy of the cluster in another zone that takes over automatically (RA3 node types only). Doubles the compute cost.',
      false,
    ),
    encrypted: prop.boolean(
      'Encrypt the cluster and its snapshots with AWS KMS. CloudArch treats a cluster without this set as unencrypted, so say it explicitly.',
      false,
    ),
    publiclyAccessible: prop.boolean('Give the cluster a public endpoint. A warehouse should stay private.', false),
    enhancedVpcRouting: prop.boolean(
      'Send COPY and UNLOAD traffic to S3 through the VPC, where endpoints, security groups and flow logs apply, instead of over the public network.',
      false,
    ),
    auditLogging: prop.boolean('Log connections, user changes and queries to S3 or CloudWatch Logs.', false),
    snapshotRetentionDays: prop.integer('Days to keep automated snapshots.', { min: 1, max: 35, default: 1, unit: 'days' }),
    storageGB: prop.number('Data held in RA3 managed storage, for the cost.', { min: 0, default: 100, unit: 'GB' }),
    serverless: {
      shape: {
        kind: 'object',
        properties: {
          baseRPU: prop.integer('The base capacity of the workgroup in Redshift Processing Units.', {
            min: 8,
            max: 1024,
            default: 128,
            unit: 'RPU',
          }),
          activeHoursPerMonth: prop.number('Hours per month during which queries run, for the cost; Serverless bills only while busy.', {
            min: 0,
            max: 744,
            default: 100,
            unit: 'hours',
          }),
        },
      },
      description:
        'Use Redshift Serverless instead of a provisioned cluster: capacity is measured in RPUs and billed only while queries run. `nodeType`, `nodes` and `multiAZ` are then ignored.',
    },
    purchase: prop.choice('How node hours are bought (provisioned clusters).', databasePurchaseValues, { default: 'on-demand' }),
  },
  snippet: [
    'type: aws.redshift.cluster',
    'nodeType: ${1|ra3.xlplus,ra3.4xlarge,ra3.16xlarge,dc2.large|}',
    'nodes: ${2:2}',
    'zones: [a]',
    'encrypted: true',
    'publiclyAccessible: false',
    'enhancedVpcRouting: true',
    'auditLogging: true',
  ].join('\n'),
};

/** How EMR nodes are bought. Spot suits task nodes, which hold no HDFS data. */
const emrPurchaseValues: readonly EnumValue[] = [
  {
    value: 'on-demand',
    description: 'Pay by the hour with no commitment and no interruptions. The safe choice for the primary and core nodes.',
  },
  {
    value: 'spot',
    description:
      "Spare capacity at a deep discount that AWS can reclaim with two minutes' notice. The classic choice for task nodes, which hold no data.",
  },
  { value: 'reserved-1y', description: 'A one-year reservation of the EC2 capacity for long-running clusters.' },
  { value: 'reserved-3y', description: 'A three-year reservation of the EC2 capacity.' },
];

/** One EMR instance group: primary, core or task nodes. */
function emrInstanceGroup(
  role: string,
  defaults: { count: number; minCount: number; maxCount: number; purchase: string },
  countDescription: string,
): ResourceTypeDef['properties'][string] {
  return {
    shape: {
      kind: 'object',
      properties: {
        instanceType: {
          shape: { kind: 'instance-type' },
          default: 'm5.xlarge',
          description: `The EC2 instance type of the ${role} nodes.`,
        },
        count: prop.integer(countDescription, { min: defaults.minCount, max: defaults.maxCount, default: defaults.count }),
        purchase: prop.choice(`How the ${role} nodes are bought.`, emrPurchaseValues, { default: defaults.purchase }),
      },
    },
    default: { instanceType: 'm5.xlarge', count: defaults.count, purchase: defaults.purchase },
    description: `The ${role} instance group: instance type, number of nodes and purchase option.`,
  };
}

const emrCluster: ResourceTypeDef = {
  id: 'aws.emr.cluster',
  service: 'Amazon EMR',
  title: 'EMR cluster',
  category: 'analytics',
  serviceModel: 'PaaS',
  placement: 'zonal',
  inVpc: true,
  zonal: true,
  // The primary (master) node coordinates the cluster: when it fails, the cluster is lost, so it is
  // the one unit the model counts. Core and task nodes are replaced without stopping the cluster.
  units: { rule: 'fixed', units: 1 },
  availability: {
    value: 99.9,
    source: slaPages.emr,
    kind: 'sla',
    note: "EMR service commitment (last updated 2023-02-14), applied to the cluster's primary node; the zone is counted separately.",
  },
  mttrMinutes: 20,
  dataStore: false,
  docs: {
    what: 'Managed clusters of EC2 instances running open-source big-data frameworks such as Spark, Hive, Presto/Trino, HBase, Flink and Hadoop. A primary node coordinates; core nodes run tasks and store HDFS data; optional task nodes only compute. EMRFS lets jobs read and write S3 directly.',
    whenToUse:
      "For large-scale batch processing, ETL, log analysis and machine learning on data in S3, when you need the frameworks' control or scale. Run transient clusters per job and keep the data in S3. For small jobs or no cluster tuning, Glue or Athena is simpler; for SQL reporting, Redshift.",
    limits: [
      'A cluster lives in one availability zone (one subnet); the primary node is a single point of failure unless three primary nodes are used.',
      'Core nodes hold HDFS blocks: losing many at once loses data, so keep them on-demand and keep durable data in S3.',
      'Task nodes hold no data, so Spot interruptions only slow jobs down: they are the classic place for Spot.',
      'Instance-store and HDFS data disappear when the cluster terminates.',
    ],
    customerResponsibility: [
      "The EC2 instances' network placement, security groups and key pairs; patching through release upgrades.",
      'Security configuration: encryption at rest (S3, local disks) and in transit, Kerberos, Lake Formation.',
      'IAM roles for the service and the EC2 instance profile with least privilege.',
      'Job code, cluster sizing, scaling and termination to control cost.',
    ],
    securityControls: [
      'Security configurations for encryption at rest (EMRFS on S3 with SSE or KMS, local disks) and in transit (TLS).',
      'Private subnets, managed security groups and block public access for EMR.',
      'Kerberos authentication, Lake Formation and Ranger integration for fine-grained access.',
      'Termination protection.',
    ],
    pricing:
      'The EC2 instances (by type, count and purchase option, with Spot much cheaper) plus a per-instance-hour EMR fee, EBS volumes, and S3 storage and requests.',
  },
  properties: {
    releaseLabel: {
      shape: { kind: 'string', pattern: '^emr-\\d+\\.\\d+\\.\\d+$', examples: ['emr-7.2.0', 'emr-6.15.0'] },
      default: 'emr-7.2.0',
      description: 'The EMR release, which fixes the versions of every framework on the cluster.',
    },
    applications: {
      shape: {
        kind: 'list',
        uniqueItems: true,
        items: {
          kind: 'enum',
          values: [
            { value: 'spark', description: 'Apache Spark: in-memory distributed processing, SQL, streaming and ML.' },
            { value: 'hive', description: 'Apache Hive: SQL over data in HDFS or S3, compiled to batch jobs.' },
            { value: 'presto', description: 'PrestoDB: interactive distributed SQL.' },
            { value: 'trino', description: 'Trino: interactive distributed SQL (the Presto fork).' },
            { value: 'hadoop', description: 'Hadoop MapReduce and YARN.' },
            { value: 'hbase', description: 'Apache HBase: a wide-column store on HDFS or S3.' },
            { value: 'flink', description: 'Apache Flink: stream processing.' },
            { value: 'jupyterhub', description: 'JupyterHub notebooks on the cluster.' },
            { value: 'livy', description: 'Apache Livy: a REST interface for Spark jobs.' },
          ],
        },
      },
      default: ['spark'],
      description: 'The frameworks installed on the cluster.',
    },
    master: emrInstanceGroup(
      'primary (master)',
      { count: 1, minCount: 1, maxCount: 3, purchase: 'on-demand' },
      'Primary nodes: 1, or 3 for a highly available primary.',
    ),
    core: emrInstanceGroup(
      'core',
      { count: 2, minCount: 0, maxCount: 500, purchase: 'on-demand' },
      'Core nodes, which run tasks and store HDFS data.',
    ),
    task: emrInstanceGroup(
      'task',
      { count: 0, minCount: 0, maxCount: 1000, purchase: 'spot' },
      'Task nodes, which only compute and can come and go.',
    ),
    hoursPerMonth: prop.number('Hours the cluster runs per month, for the cost: 730 for a long-running cluster, less for transient ones.', {
      min: 0,
      max: 744,
      default: 730,
      unit: 'hours',
    }),
    dataSources: prop.references(
      'The data stores the cluster reads and writes (usually S3 buckets). Jobs stop when these are unavailable.',
      dataStoreTypes,
      'hard',
    ),
    encryptionAtRest: prop.boolean("Encrypt EMRFS data in S3 and the nodes' local disks (a security configuration).", false),
    encryptionInTransit: prop.boolean('Encrypt traffic between nodes and to clients with TLS (a security configuration).', false),
    terminationProtection: prop.boolean('Refuse to terminate the cluster by accident; use it for long-running clusters.', false),
    blockPublicAccess: prop.boolean(
      'EMR block public access: refuse to launch a cluster whose security groups open ports to the internet. It is an account-level setting, on by default in every region; set false only to record that it was turned off.',
      true,
    ),
  },
  snippet: [
    'type: aws.emr.cluster',
    'releaseLabel: ${1:emr-7.2.0}',
    'applications: [spark, hive]',
    'zones: [a]',
    'master: { instanceType: m5.xlarge, count: 1, purchase: on-demand }',
    'core: { instanceType: ${2:r5.2xlarge}, count: ${3:2}, purchase: on-demand }',
    'task: { instanceType: ${4:r5.2xlarge}, count: ${5:4}, purchase: spot }',
    'encryptionAtRest: true',
    'encryptionInTransit: true',
  ].join('\n'),
};

const athenaWorkgroup: ResourceTypeDef = {
  id: 'aws.athena.workgroup',
  service: 'Amazon Athena',
  title: 'Athena workgroup',
  category: 'analytics',
  serviceModel: 'PaaS',
  placement: 'regional',
  inVpc: false,
  zonal: false,
  units: { rule: 'fixed', units: 1 },
  availability: {
    value: 99.9,
    source: slaPages.athena,
    kind: 'sla',
    note: 'Athena service commitment (last updated 2022-05-05), per region.',
  },
  mttrMinutes: 10,
  dataStore: false,
  docs: {
    what: 'A serverless SQL engine (Presto/Trino based) that queries files where they lie in S3, using table definitions from the Glue Data Catalog. A workgroup separates users or teams, fixes where results go and how they are encrypted, and can cap how much each query may scan.',
    whenToUse:
      'For ad-hoc and occasional SQL over a data lake: logs, exports, CloudTrail and VPC flow logs, exploration before building a pipeline, and as a source for QuickSight. For heavy, repeated reporting over the same data, a Redshift warehouse is faster and can be cheaper.',
    limits: [
      'Billed by data scanned: unpartitioned CSV can make queries expensive; partitioning, compression and columnar formats (Parquet, ORC) cut both cost and time.',
      'Read-oriented: changing data means rewriting files (or using Iceberg tables).',
      'Queries have a time limit and concurrency quotas per account.',
      'Federated queries reach other stores through Lambda connectors.',
    ],
    customerResponsibility: [
      'Bucket policies and IAM for the data and the results location.',
      'Encrypting query results and enforcing the workgroup settings.',
      'Data layout (partitions, formats) and scan limits to keep cost under control.',
    ],
    securityControls: [
      'Query results encrypted with SSE-S3, SSE-KMS or CSE-KMS.',
      'Enforced workgroup configuration so clients cannot override result location or encryption.',
      'IAM and Lake Formation permissions on catalogs, tables and columns.',
      'Per-query and per-workgroup data usage limits.',
    ],
    pricing:
      'A price per terabyte of data scanned, rounded up per query with a 10 MB minimum (the seed notes give $5 per TB), or provisioned capacity in DPUs; plus the S3 storage and requests of the data and the results.',
  },
  properties: {
    resultsBucket: prop.reference(
      'The S3 bucket where query results are written. Queries fail without it, so it is a hard dependency.',
      ['aws.s3.bucket'],
      'hard',
      true,
    ),
    dataSources: prop.references(
      "The buckets and databases the workgroup's queries read (S3 through the Glue catalog, others through federated queries).",
      dataStoreTypes,
      'hard',
    ),
    encryption: prop.choice(
      'How query results are encrypted.',
      [
        { value: 'none', description: "Results are written unencrypted (the bucket's default encryption may still apply)." },
        { value: 'SSE-S3', description: 'Server-side encryption with S3-managed keys.' },
        { value: 'SSE-KMS', description: 'Server-side encryption with a KMS key, whose use is logged and controllable.' },
        { value: 'CSE-KMS', description: 'Client-side encryption with a KMS key before upload.' },
      ],
      { default: 'none' },
    ),
    enforceConfiguration: prop.boolean("Make the workgroup's result location and encryption override whatever clients ask for.", true),
    bytesScannedCutoffPerQuery: prop.integer(
      'Cancel any query that would scan more than this many bytes; a guard against runaway costs. At least 10 MB.',
      { min: 10485760, unit: 'bytes' },
    ),
    dataScannedTBPerMonth: prop.number('Data scanned by all queries per month, for the cost.', { min: 0, default: 1, unit: 'TB' }),
  },
  snippet: [
    'type: aws.athena.workgroup',
    'resultsBucket: ${1:query-results}',
    'encryption: ${2|SSE-KMS,SSE-S3,CSE-KMS,none|}',
    'enforceConfiguration: true',
    'bytesScannedCutoffPerQuery: ${3:1099511627776}',
    'dataScannedTBPerMonth: ${4:2}',
  ].join('\n'),
};

const quicksightDashboard: ResourceTypeDef = {
  id: 'aws.quicksight.dashboard',
  service: 'Amazon QuickSight',
  title: 'QuickSight dashboard',
  category: 'analytics',
  serviceModel: 'SaaS',
  placement: 'regional',
  inVpc: false,
  zonal: false,
  units: { rule: 'fixed', units: 1 },
  availability: {
    value: 99.9,
    source: slaPages.quicksight,
    kind: 'sla',
    note: 'QuickSight (now Amazon Quick) service commitment (last updated 2026-06-04), per region.',
  },
  mttrMinutes: 10,
  dataStore: false,
  docs: {
    what: 'A serverless business-intelligence service: authors build interactive dashboards from data sources such as Athena, Redshift, RDS and S3, and readers view them in the browser, the mobile apps or embedded in other applications. SPICE, its in-memory engine, can hold imported data so dashboards do not query the source each time.',
    whenToUse:
      'For dashboards and reports shared with many people, paid per user rather than per server, especially over data already in AWS. Not a place to transform data: prepare it upstream with Glue or SQL.',
    limits: [
      'Standard edition lacks row-level security, private VPC connections and readers billed per session; those need Enterprise.',
      'SPICE capacity is limited per account and charged beyond the included amount.',
      'Live (direct query) dashboards are as fast and as available as their sources.',
    ],
    customerResponsibility: [
      'Who may author and read; row- and column-level security on datasets.',
      'Permissions QuickSight gets on the sources (S3 buckets, Athena workgroups, databases) and private connectivity through VPC connections.',
    ],
    securityControls: [
      'IAM, IAM Identity Center or Active Directory users; multi-factor authentication.',
      'Row-level and column-level security (Enterprise).',
      'Encryption of SPICE data at rest (customer-managed keys in Enterprise) and TLS in transit.',
      'VPC connections to private data sources (Enterprise).',
    ],
    pricing:
      'Per user per month by tier (Author, Reader, and their Pro versions), plus SPICE capacity beyond the included amount. Since the per-user tiers, an Author is $24 and a Reader $3 per user-month (Pro tiers with generative BI cost more); the old $9/$18 author prices and $0.30 reader sessions are superseded.',
  },
  properties: {
    edition: prop.choice(
      'The QuickSight edition of the account.',
      [
        { value: 'standard', description: 'Basic dashboards for a small team; no row-level security or private connections.' },
        {
          value: 'enterprise',
          description: 'Adds row-level security, VPC connections, encryption with your keys, per-session readers and ML insights.',
        },
      ],
      { default: 'enterprise' },
    ),
    authors: prop.integer('Users who create dashboards and datasets.', { min: 0, default: 1 }),
    readers: prop.integer('Users who only view dashboards.', { min: 0, default: 0 }),
    sources: prop.references(
      'The data sources the dashboard reads. A dashboard over a direct-query source stops when the source stops.',
      ['aws.athena.workgroup', 'aws.redshift.cluster', 'aws.rds.*', 'aws.s3.bucket', 'aws.timestream.database', 'external.onprem-database'],
      'hard',
      { minItems: 1 },
    ),
    spiceGB: prop.number('Data imported into SPICE, for the cost.', { min: 0, default: 10, unit: 'GB' }),
  },
  snippet: [
    'type: aws.quicksight.dashboard',
    'edition: ${1|enterprise,standard|}',
    'authors: ${2:2}',
    'readers: ${3:25}',
    'sources: [${4:analytics}]',
  ].join('\n'),
};

const glueWorkerTypes: readonly EnumValue[] = [
  { value: 'G.025X', description: '0.25 DPU (2 vCPU, 4 GB): for low-volume streaming jobs.' },
  { value: 'G.1X', description: '1 DPU (4 vCPU, 16 GB) per worker: the general choice for most jobs.' },
  { value: 'G.2X', description: '2 DPU (8 vCPU, 32 GB) per worker: for memory-hungry transforms.' },
  { value: 'G.4X', description: '4 DPU (16 vCPU, 64 GB) per worker: for the largest transforms and joins.' },
  { value: 'G.8X', description: '8 DPU (32 vCPU, 128 GB) per worker.' },
  { value: 'Standard', description: 'The legacy worker type (previous generation).' },
];

const glueJob: ResourceTypeDef = {
  id: 'aws.glue.job',
  service: 'AWS Glue',
  title: 'Glue ETL job',
  category: 'analytics',
  serviceModel: 'PaaS',
  placement: 'regional',
  inVpc: false,
  zonal: false,
  units: { rule: 'fixed', units: 1 },
  availability: { value: 99.9, source: slaPages.glue, kind: 'sla', note: 'Glue service commitment (last updated 2022-05-02), per region.' },
  mttrMinutes: 10,
  dataStore: false,
  docs: {
    what: 'A serverless Spark (or Python shell) job that extracts data from sources, transforms it and loads it into targets. Glue provisions the workers for each run, and table definitions come from the Glue Data Catalog.',
    whenToUse:
      'For ETL into a data lake or warehouse without running clusters: converting raw files to partitioned Parquet, cleaning and joining data, loading Redshift. For very large or long-running processing with custom frameworks, EMR gives more control; for simple SQL transforms, Athena CTAS may be enough.',
    limits: [
      'Billed per DPU-hour with a one-minute minimum per run (Glue 2.0 and later).',
      'Job bookmarks remember what was already processed so reruns read only new data; without them every run reprocesses everything.',
      'Connections to databases in a VPC run in your subnets and need security groups and routes.',
    ],
    customerResponsibility: [
      'Job code, its correctness and its IAM role with least privilege.',
      'A security configuration that encrypts S3 output, CloudWatch logs and bookmarks.',
      'Network access to sources and targets in a VPC.',
    ],
    securityControls: [
      'Security configurations: S3 encryption (SSE-S3 or SSE-KMS), CloudWatch Logs and job-bookmark encryption with KMS.',
      'Data Catalog encryption and resource policies; Lake Formation permissions.',
      'IAM roles per job.',
    ],
    pricing:
      'DPU-hours for each run (workers times DPU per worker times run time), billed per second with a minimum; crawlers likewise; the Data Catalog by objects stored and requests beyond the free tier.',
  },
  properties: {
    source: prop.reference('Where the job reads its input. The job fails when the source is unavailable.', dataStoreTypes, 'hard', true),
    target: prop.reference('Where the job writes its output. The job fails when the target is unavailable.', dataStoreTypes, 'hard', true),
    jobType: prop.choice(
      'The kind of job.',
      [
        { value: 'glueetl', description: 'A Spark ETL job (batch).' },
        { value: 'gluestreaming', description: 'A Spark Structured Streaming job that runs continuously.' },
        { value: 'pythonshell', description: 'A plain Python script on a small fraction of a DPU, for light tasks.' },
      ],
      { default: 'glueetl' },
    ),
    glueVersion: {
      shape: { kind: 'string', examples: ['4.0', '5.0'] },
      default: '4.0',
      description: 'The Glue version, which fixes the Spark and Python versions.',
    },
    workerType: prop.choice('The size of each worker.', glueWorkerTypes, { default: 'G.1X' }),
    workers: prop.integer('Workers per run (DPUs for the job are workers times the DPUs of the worker type).', {
      min: 2,
      max: 299,
      default: 10,
    }),
    runsPerMonth: prop.number('How many times the job runs per month, for the cost.', { min: 0, default: 30 }),
    minutesPerRun: prop.number('Average run time, for the cost.', { min: 0, default: 10, unit: 'minutes' }),
    jobBookmarks: prop.boolean('Remember what previous runs processed, so each run handles only new data.', false),
    encryption: prop.boolean("Attach a security configuration that encrypts the job's S3 output, logs and bookmarks.", false),
  },
  snippet: [
    'type: aws.glue.job',
    'source: ${1:raw-data}',
    'target: ${2:curated-data}',
    'workerType: ${3|G.1X,G.2X,G.4X,G.025X|}',
    'workers: ${4:10}',
    'runsPerMonth: ${5:30}',
    'minutesPerRun: ${6:15}',
    'jobBookmarks: true',
    'encryption: true',
  ].join('\n'),
};

const glueCrawler: ResourceTypeDef = {
  id: 'aws.glue.crawler',
  service: 'AWS Glue',
  title: 'Glue crawler',
  category: 'analytics',
  serviceModel: 'PaaS',
  placement: 'regional',
  inVpc: false,
  zonal: false,
  units: { rule: 'fixed', units: 1 },
  availability: {
    value: 99.9,
    source: slaPages.glue,
    kind: 'sla',
    note: 'Glue service commitment (last updated 2022-05-02), per region; crawlers are covered.',
  },
  mttrMinutes: 10,
  dataStore: false,
  docs: {
    what: 'A Glue crawler reads samples of data in S3 buckets or databases, infers formats, schemas and partitions, and creates or updates the matching tables in the Glue Data Catalog, which Athena, EMR, Redshift Spectrum and Glue jobs then use.',
    whenToUse:
      "When new data and partitions arrive regularly and the catalog should follow without hand-written DDL. When the schema is fixed and partitions are predictable, partition projection or explicit DDL avoids the crawler's cost and delay.",
    limits: [
      'Billed per DPU-hour with a short minimum per run.',
      'Schema inference can split or merge tables unexpectedly on heterogeneous files; exclusions and table-grouping settings help.',
      'Crawling database targets needs a Glue connection with network access to them.',
    ],
    customerResponsibility: [
      "The crawler's IAM role with read access only to what it crawls.",
      'Catalog encryption and Lake Formation permissions on the tables it creates.',
      'A schedule that matches data arrival.',
    ],
    securityControls: [
      'Security configurations for log encryption; Data Catalog encryption with KMS.',
      'IAM role per crawler; Lake Formation permissions.',
    ],
    pricing: 'DPU-hours for each run, billed per second with a minimum, plus Data Catalog storage and requests beyond the free tier.',
  },
  properties: {
    targets: prop.references('The buckets and databases the crawler catalogs.', dataStoreTypes, 'hard', { minItems: 1, required: true }),
    schedule: {
      shape: { kind: 'string', examples: ['on-demand', 'cron(0 2 * * ? *)', 'cron(0 * * * ? *)'] },
      default: 'on-demand',
      description: 'When the crawler runs: `on-demand`, or a Glue cron expression such as `cron(0 2 * * ? *)` (every day at 02:00 UTC).',
    },
    runsPerMonth: prop.number('How many times the crawler runs per month, for the cost.', { min: 0, default: 30 }),
    minutesPerRun: prop.number('Average run time, for the cost.', { min: 0, default: 5, unit: 'minutes' }),
  },
  snippet: ['type: aws.glue.crawler', 'targets: [${1:raw-data}]', 'schedule: ${2:cron(0 2 * * ? *)}'].join('\n'),
};

/** Resource types of this group; see ARCHITECTURE.md, "How to add a resource type". */
export const analyticsTypes: readonly ResourceTypeDef[] = [
  redshiftCluster,
  emrCluster,
  athenaWorkgroup,
  quicksightDashboard,
  glueJob,
  glueCrawler,
];
