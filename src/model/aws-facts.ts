/**
 * Facts about AWS that changed recently enough to matter, each with where it was read and when.
 * Limits, runtimes and service availability drift; this module is the one place they are written, so
 * validation, hover and the security rules agree, and a refresh is one edit per fact.
 *
 * `checked` is the date the source was read for this catalog. A fact whose source is a secondary
 * page says so in `source`, next to the AWS page it reports on.
 */

/** One dated fact with its source. */
export interface DatedFact {
  /** What the fact says, in one sentence (shown in hover and documentation). */
  readonly statement: string;
  /** A URL, or several separated by ` ; `, the first being the most authoritative one read. */
  readonly source: string;
  /** ISO date the source was read. */
  readonly checked: string;
}

/** The date the catalog's facts were last reviewed (rules compare deprecation dates with it, never with the clock). */
export const FACTS_AS_OF = '2026-12-03';

/** EBS volume limits by type: size in GiB, IOPS, IOPS per GiB, throughput in MiB/s. */
export interface EbsLimits {
  readonly minSize: number;
  readonly maxSize: number;
  readonly iops?: { readonly min: number; readonly max: number; readonly perGiB: number; readonly required: boolean };
  readonly throughput?: { readonly min: number; readonly max: number };
  readonly multiAttach: boolean;
  readonly fact: DatedFact;
}

const ebsVolumeTypesPage = 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html';

export const EBS_LIMITS: Readonly<Record<string, EbsLimits>> = {
  gp2: {
    minSize: 1,
    maxSize: 16384,
    multiAttach: false,
    fact: {
      statement: 'gp2 volumes are 1 GiB to 16 TiB; their IOPS follow the size (3 IOPS per GiB).',
      source: ebsVolumeTypesPage,
      checked: FACTS_AS_OF,
    },
  },
  gp3: {
    minSize: 1,
    maxSize: 65536,
    iops: { min: 3000, max: 80000, perGiB: 500, required: false },
    throughput: { min: 125, max: 2000 },
    multiAttach: false,
    fact: {
      statement:
        'Since September 2025 gp3 volumes reach 64 TiB, 80,000 IOPS (500 IOPS per GiB) and 2,000 MiB/s, up from 16 TiB, 16,000 IOPS and 1,000 MiB/s.',
      source:
        'https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ec2/aws.sdk.kotlin.services.ec2.model/-modify-volume-request/throughput.html (throughput 125 to 2,000 MiB/s) ; https://dev.to/kazuya_dev/aws-reinvent-2025-optimizing-price-performance-with-enhanced-amazon-ebs-gp3-volumes-stg320-3825 (AWS re:Invent 2025 STG320: 64 TiB and 80,000 IOPS) ; https://jayendrapatil.com/tag/ebs-io1/ (September 2025 update, secondary)',
      checked: FACTS_AS_OF,
    },
  },
  io1: {
    minSize: 4,
    maxSize: 16384,
    iops: { min: 100, max: 64000, perGiB: 50, required: true },
    multiAttach: true,
    fact: {
      statement: 'io1 volumes are 4 GiB to 16 TiB with 100 to 64,000 IOPS at up to 50 IOPS per GiB.',
      source: ebsVolumeTypesPage,
      checked: FACTS_AS_OF,
    },
  },
  io2: {
    minSize: 4,
    maxSize: 65536,
    iops: { min: 100, max: 256000, perGiB: 1000, required: true },
    multiAttach: true,
    fact: {
      statement:
        'Every io2 volume is io2 Block Express since 30 April 2025: 4 GiB to 64 TiB, up to 256,000 IOPS at up to 1,000 IOPS per GiB (on Nitro instances).',
      source: 'https://docs.aws.amazon.com/ebs/latest/userguide/provisioned-iops.html',
      checked: FACTS_AS_OF,
    },
  },
  st1: {
    minSize: 125,
    maxSize: 16384,
    multiAttach: false,
    fact: { statement: 'st1 volumes are 125 GiB to 16 TiB.', source: ebsVolumeTypesPage, checked: FACTS_AS_OF },
  },
  sc1: {
    minSize: 125,
    maxSize: 16384,
    multiAttach: false,
    fact: { statement: 'sc1 volumes are 125 GiB to 16 TiB.', source: ebsVolumeTypesPage, checked: FACTS_AS_OF },
  },
};

/** Amazon S3's largest object. */
export const S3_MAX_OBJECT: DatedFact & { readonly terabytes: number } = {
  terabytes: 50,
  statement:
    'Since December 2025 an S3 object can be up to 50 TB (it was 5 TB), in every storage class; uploads above 5 GB use multipart upload.',
  source:
    'https://bybowu.com/article/amazon-s3-50tb-what-changes-in-your-data-pipelines (secondary, reporting the AWS re:Invent 2025 announcement)',
  checked: FACTS_AS_OF,
};

/** One Lambda managed runtime and, when AWS has announced it, the date it reaches deprecation. */
export interface LambdaRuntime {
  readonly id: string;
  readonly name: string;
  /** ISO date of deprecation (end of security patches); absent when not yet announced in the sources read. */
  readonly deprecation?: string;
  readonly note?: string;
}

const lambdaRuntimesPage = 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html';

/** Where the Lambda runtime dates come from. */
export const LAMBDA_RUNTIMES_FACT: DatedFact = {
  statement: 'Lambda managed runtimes and their deprecation dates.',
  source: `${lambdaRuntimesPage} ; https://github.com/terraform-linters/tflint-ruleset-aws/pull/969 (nodejs18.x 2025-09-01, python3.9 2025-12-15) ; https://bybowu.com/news/nodejs-20-eol-on-april-30-ship-your-upgrade-now (nodejs20.x 2026-04-30) ; https://endoflife.date/aws-lambda (new runtimes)`,
  checked: FACTS_AS_OF,
};

/**
 * Lambda runtimes, newest first within a language. A deprecation date is written only where a source
 * read for this table gives it; long-deprecated runtimes are listed in `DEPRECATED_LAMBDA_RUNTIME_IDS`.
 */
export const LAMBDA_RUNTIMES: readonly LambdaRuntime[] = [
  { id: 'nodejs24.x', name: 'Node.js 24', deprecation: '2028-04-30' },
  { id: 'nodejs22.x', name: 'Node.js 22', deprecation: '2027-04-30' },
  { id: 'nodejs20.x', name: 'Node.js 20', deprecation: '2026-04-30' },
  { id: 'nodejs18.x', name: 'Node.js 18', deprecation: '2025-09-01' },
  { id: 'python3.14', name: 'Python 3.14', deprecation: '2029-06-30' },
  { id: 'python3.13', name: 'Python 3.13', deprecation: '2029-06-30' },
  { id: 'python3.12', name: 'Python 3.12' },
  {
    id: 'python3.11',
    name: 'Python 3.11',
    note: 'Runs on Amazon Linux 2, which reached end of life on 2026-06-30; Lambda still applies critical patches.',
  },
  {
    id: 'python3.10',
    name: 'Python 3.10',
    note: 'Runs on Amazon Linux 2, which reached end of life on 2026-06-30; Lambda still applies critical patches.',
  },
  { id: 'python3.9', name: 'Python 3.9', deprecation: '2025-12-15' },
  { id: 'java25', name: 'Java 25', deprecation: '2029-06-30' },
  { id: 'java21', name: 'Java 21' },
  { id: 'java17', name: 'Java 17', note: 'Runs on Amazon Linux 2 (end of life 2026-06-30); prefer java21 or java25.' },
  { id: 'java11', name: 'Java 11', note: 'Runs on Amazon Linux 2 (end of life 2026-06-30); prefer java21 or java25.' },
  { id: 'java8.al2', name: 'Java 8 on Amazon Linux 2', note: 'Amazon Linux 2 reached end of life on 2026-06-30.' },
  { id: 'dotnet10', name: '.NET 10', deprecation: '2028-11-14' },
  { id: 'dotnet8', name: '.NET 8' },
  { id: 'ruby3.4', name: 'Ruby 3.4', deprecation: '2028-03-31' },
  { id: 'ruby3.3', name: 'Ruby 3.3' },
  { id: 'ruby3.2', name: 'Ruby 3.2' },
  { id: 'provided.al2023', name: 'OS-only runtime on Amazon Linux 2023' },
  {
    id: 'provided.al2',
    name: 'OS-only runtime on Amazon Linux 2',
    note: 'Amazon Linux 2 reached end of life on 2026-06-30; prefer provided.al2023.',
  },
];

/**
 * Runtime ids that are past deprecation on `FACTS_AS_OF`, plus the historical ids that AWS removed
 * before this table starts (still recognised so old designs are flagged).
 */
export const DEPRECATED_LAMBDA_RUNTIME_IDS: readonly string[] = [
  ...LAMBDA_RUNTIMES.filter((runtime) => runtime.deprecation !== undefined && runtime.deprecation <= FACTS_AS_OF).map(
    (runtime) => runtime.id,
  ),
  // Deprecated before the sources read for this table (the project's earlier list, kept so old designs are flagged).
  'nodejs',
  'nodejs4.3',
  'nodejs6.10',
  'nodejs8.10',
  'nodejs10.x',
  'nodejs12.x',
  'nodejs14.x',
  'nodejs16.x',
  'python2.7',
  'python3.6',
  'python3.7',
  'python3.8',
  'java8',
  'dotnetcore1.0',
  'dotnetcore2.0',
  'dotnetcore2.1',
  'dotnetcore3.1',
  'dotnet5.0',
  'dotnet6',
  'ruby2.5',
  'ruby2.7',
  'go1.x',
  'provided',
];

/** The current runtime a deprecated one of the same language moves to. */
export function replacementLambdaRuntime(runtime: string): string | undefined {
  if (runtime.startsWith('nodejs')) return 'nodejs22.x';
  if (runtime.startsWith('python')) return 'python3.13';
  if (runtime.startsWith('java')) return 'java21';
  if (runtime.startsWith('dotnet')) return 'dotnet8';
  if (runtime.startsWith('ruby')) return 'ruby3.3';
  if (runtime === 'go1.x' || runtime === 'provided') return 'provided.al2023';
  return undefined;
}

export const AURORA_GLOBAL_SECONDARY_REGIONS: DatedFact & { readonly max: number } = {
  max: 10,
  statement: 'An Aurora global database has one primary Region and up to 10 secondary Regions (it was 5).',
  source:
    'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.html ; https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.configuration.requirements.html',
  checked: FACTS_AS_OF,
};

export const DYNAMODB_MRSC: DatedFact = {
  statement:
    'DynamoDB global tables offer multi-Region strong consistency (MRSC): exactly three Regions (three replicas, or two replicas and a witness), with strongly consistent reads in every Region and zero RPO.',
  source:
    'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html ; https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/example_dynamodb_Scenario_MRSCGlobalTables_section.html',
  checked: FACTS_AS_OF,
};

/** A service (or product) that AWS no longer opens to new customers. */
export interface ClosedToNewCustomers extends DatedFact {
  readonly since?: string;
  /** The service is gone for everyone, existing customers included. */
  readonly retired?: boolean;
  readonly alternatives: string;
}

export const TIMESTREAM_LIVEANALYTICS_CLOSED: ClosedToNewCustomers = {
  since: '2025-06-20',
  statement:
    'Amazon Timestream for LiveAnalytics is no longer open to new customers since 20 June 2025; existing customers can keep using it.',
  alternatives: 'Amazon Timestream for InfluxDB',
  source:
    'https://docs.aws.amazon.com/timestream/latest/developerguide/timestream-for-liveanalytics-availability-change.html (banner on every Timestream for LiveAnalytics page, read at https://docs.aws.amazon.com/timestream/latest/developerguide/scheduledqueries-notification.html)',
  checked: FACTS_AS_OF,
};

export const SNOWBALL_EDGE_CLOSED: ClosedToNewCustomers = {
  statement: 'AWS Snowball Edge is no longer available to new customers; existing customers can keep ordering devices.',
  alternatives: 'AWS DataSync for online transfers, AWS Data Transfer Terminal for physical transfers, AWS Outposts for edge computing',
  source: 'https://docs.aws.amazon.com/snowball/latest/api-reference/API_ServiceVersion.html (banner)',
  checked: FACTS_AS_OF,
};

export const QLDB_END_OF_SUPPORT: ClosedToNewCustomers & { readonly retired: true } = {
  retired: true,
  since: '2025-07-31',
  statement:
    'AWS ended support for Amazon QLDB on 31 July 2025 (new sign-ups closed in July 2024); ledgers can no longer be created or used.',
  alternatives:
    'Amazon Aurora PostgreSQL with audit history tables (the migration AWS documents), or Amazon Managed Blockchain when several parties must share the ledger',
  source:
    'https://docs.aws.amazon.com/qldb/latest/developerguide/document-history.html ; https://github.com/SummitRoute/aws_breaking_changes/issues/96',
  checked: FACTS_AS_OF,
};

/** RDS gp3 storage: the included baseline grows when RDS stripes the storage over four volumes. */
export const RDS_GP3_BASELINE: DatedFact & {
  readonly stripedFromGiB: number;
  readonly baselineIops: number;
  readonly stripedBaselineIops: number;
} = {
  stripedFromGiB: 400,
  baselineIops: 3000,
  stripedBaselineIops: 12000,
  statement:
    'RDS gp3 storage (MariaDB, MySQL, PostgreSQL, Db2) includes 3,000 IOPS below 400 GiB and 12,000 IOPS from 400 GiB, where RDS stripes it over four volumes; provisioned IOPS below that baseline are rejected. (Oracle stripes from 200 GiB.)',
  source:
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html ; https://github.com/hashicorp/terraform-provider-aws/issues/28382 (maintainer: above 400 GiB the gp3 IOPS baseline is 12,000) ; https://jayendrapatil.com/category/aws/rds/page/2/ (striping thresholds, secondary)',
  checked: FACTS_AS_OF,
};

export const FSX_DEPLOYMENT_TYPES: DatedFact = {
  statement:
    'FSx for NetApp ONTAP deploys as SINGLE_AZ_1, SINGLE_AZ_2, MULTI_AZ_1 or MULTI_AZ_2; FSx for OpenZFS as SINGLE_AZ_1, SINGLE_AZ_2, SINGLE_AZ_HA_1, SINGLE_AZ_HA_2 or MULTI_AZ_1. Automatic backups are kept 0 to 90 days (ONTAP default 30).',
  source:
    'https://docs.aws.amazon.com/fsx/latest/APIReference/API_OntapFileSystemConfiguration.html ; https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/fsx/aws.sdk.kotlin.services.fsx.model/-create-file-system-open-zfs-configuration/deployment-type.html',
  checked: FACTS_AS_OF,
};

/** Every dated fact, for the documentation and the test that each has a source and a date. */
export const ALL_DATED_FACTS: readonly DatedFact[] = [
  ...Object.values(EBS_LIMITS).map((limits) => limits.fact),
  S3_MAX_OBJECT,
  LAMBDA_RUNTIMES_FACT,
  AURORA_GLOBAL_SECONDARY_REGIONS,
  DYNAMODB_MRSC,
  TIMESTREAM_LIVEANALYTICS_CLOSED,
  SNOWBALL_EDGE_CLOSED,
  QLDB_END_OF_SUPPORT,
  RDS_GP3_BASELINE,
  FSX_DEPLOYMENT_TYPES,
];
