/**
 * Storage: EBS block volumes, EFS and FSx file systems, and S3 buckets.
 * The EBS volume-type values and the inline volume shape are exported because EC2 instances, auto
 * scaling groups and the database types describe their disks with the same words.
 */
import { EBS_LIMITS, FACTS_AS_OF, FSX_DEPLOYMENT_TYPES, S3_MAX_OBJECT } from '../aws-facts';
import type { FigureVariant, PropertyDef, PropertyShape, ResourceTypeDef } from '../catalog-types';
import {
  ebsIo2Durability,
  ebsStandardDurability,
  ebsVolumeSla,
  efsDurability,
  efsOneZoneSla,
  efsRegionalSla,
  fsxMultiAzSla,
  fsxSingleAzSla,
  s3DesignedAvailability,
  s3Durability,
} from '../availability-figures';
import { boolProp, enumProp, enumShape, numberProp, objectShape, referenceList } from './property-helpers';

/** The EBS volume types, with what each is for. */
export const ebsVolumeTypeValues = [
  [
    'gp2',
    'General Purpose SSD, previous generation: performance grows with size (3 IOPS per GB, bursting to 3,000 on small volumes). Usually more expensive than gp3 for the same performance.',
  ],
  [
    'gp3',
    'General Purpose SSD: a 3,000 IOPS and 125 MiB/s baseline at any size, with IOPS (up to 80,000) and throughput (up to 2,000 MiB/s) provisioned separately from capacity (up to 64 TiB). The sensible default for boot and most data volumes.',
  ],
  ['io1', 'Provisioned IOPS SSD, previous generation: consistent IOPS for databases; supports Multi-Attach.'],
  [
    'io2',
    'Provisioned IOPS SSD (all io2 volumes are Block Express since April 2025): up to 64 TiB and 256,000 IOPS at 1,000 IOPS per GiB, with 99.999% designed durability and sub-millisecond latency, for critical databases; supports Multi-Attach.',
  ],
  ['st1', 'Throughput Optimized HDD: cheap sequential throughput for big data, data warehouses and logs. Cannot be a boot volume.'],
  ['sc1', 'Cold HDD: the cheapest EBS storage, for large volumes of rarely read data. Cannot be a boot volume.'],
] as const;

const volumeTypeProperty: PropertyDef = enumProp(
  'The EBS volume type, which decides the performance model, the durability and the price per GB-month. gp3 is the usual choice; io2 when a database needs guaranteed IOPS and higher durability; st1 and sc1 for sequential or cold data.',
  ebsVolumeTypeValues,
  { default: 'gp2' },
);

const sizeProperty: PropertyDef = numberProp(
  'The provisioned size of the volume in GB. EBS bills the provisioned size whether or not it is used; a volume can be grown later without downtime but never shrunk. gp2, io1 and the HDD types go up to 16 TiB; gp3 and io2 up to 64 TiB.',
  { minimum: 1, maximum: 65536, integer: true, unit: 'GB', required: true },
);

const iopsProperty: PropertyDef = numberProp(
  'Provisioned IOPS, for gp3 (3,000 included, up to 80,000 at 500 per GiB), io1 (up to 64,000 at 50 per GiB) and io2 (up to 256,000 at 1,000 per GiB). Not settable on gp2, whose IOPS follow the size, nor on the HDD types. IOPS above the gp3 baseline are billed per IOPS-month.',
  { minimum: 100, maximum: 256000, integer: true, unit: 'IOPS' },
);

const throughputProperty: PropertyDef = numberProp(
  'Provisioned throughput in MiB/s, for gp3 only (125 included, up to 2,000). Throughput above the baseline is billed per MiB/s-month.',
  { minimum: 125, maximum: 2000, integer: true, unit: 'MiB/s' },
);

const encryptedProperty: PropertyDef = boolProp(
  'Whether the volume is encrypted at rest with a KMS key. Encryption also covers data moving between the instance and the volume and every snapshot taken from it, costs nothing extra and has no noticeable performance impact; it is off unless the account enables EBS encryption by default.',
  false,
);

/** The properties of an inline volume (`volumes:` on an instance or auto scaling group). */
export const inlineVolumeProperties: Readonly<Record<string, PropertyDef>> = {
  volumeType: volumeTypeProperty,
  sizeGB: sizeProperty,
  iops: iopsProperty,
  throughputMBps: throughputProperty,
  encrypted: encryptedProperty,
  deleteOnTermination: boolProp(
    'Whether the volume is deleted when the instance terminates. True is the AWS default for volumes in a launch mapping; set false to keep the data after the instance is gone.',
    true,
  ),
};

/** An inline volume: `{ volumeType, sizeGB, iops, throughputMBps, encrypted, deleteOnTermination }`. */
export const inlineVolumeShape: PropertyShape = objectShape(inlineVolumeProperties, ['sizeGB']);

const durabilityByVolumeType: readonly FigureVariant[] = [{ property: 'volumeType', value: 'io2', durability: ebsIo2Durability }];

const ebsVolume: ResourceTypeDef = {
  id: 'aws.ebs.volume',
  service: 'Amazon EBS',
  title: 'EBS volume',
  category: 'storage',
  serviceModel: 'IaaS',
  placement: 'zonal',
  inVpc: false,
  zonal: true,
  units: { rule: 'fixed', units: 1 },
  availability: ebsVolumeSla,
  durability: ebsStandardDurability,
  variants: durabilityByVolumeType,
  mttrMinutes: 60,
  dataStore: true,
  docs: {
    what: 'A network-attached block device for EC2 instances. Its data outlives the instance it is attached to, and AWS replicates it inside one availability zone to survive the failure of a single disk.',
    whenToUse:
      'Use for boot disks, databases you run yourself and any single-instance data that must persist. For storage shared by many instances use EFS or FSx; for objects, S3; for scratch data that may vanish, the instance store is faster and free.',
    limits: [
      'A volume lives in exactly one availability zone and can only attach to instances in that zone; moving it means a snapshot and a restore.',
      'Multi-Attach exists only for io1 and io2, and then for up to 16 Nitro instances in the same zone, which must coordinate writes through a cluster-aware file system.',
      `Maximum size 64 TiB for gp3 and io2, 16 TiB for gp2, io1, st1 and sc1; sizes can grow but not shrink. ${EBS_LIMITS.gp3!.fact.statement} ${EBS_LIMITS.io2!.fact.statement} (Checked ${FACTS_AS_OF}.)`,
      'Designed durability is 99.8-99.9% a year for gp2, gp3, io1, st1 and sc1 (0.1-0.2% annual failure rate) and 99.999% for io2, so snapshots remain the real backup.',
      'The HDD types st1 and sc1 cannot be boot volumes.',
    ],
    customerResponsibility: [
      'Turn on encryption (or encryption by default for the account) and choose the KMS key.',
      'Take snapshots, or put the volume in an AWS Backup plan, and test restores.',
      'Keep snapshots private; a publicly restorable snapshot leaks the whole disk.',
      'Size, type and IOPS for the workload, and file-system level permissions inside the guest.',
    ],
    securityControls: [
      'Encryption at rest and in transit to the instance with AWS KMS keys.',
      'IAM policies on volume and snapshot actions.',
      'Snapshot sharing permissions and snapshot lock.',
    ],
    pricing:
      'Billed per provisioned GB-month by volume type; gp3 adds IOPS and throughput above its free baseline, io1 and io2 bill every provisioned IOPS. Snapshots are billed per GB-month of changed blocks stored.',
  },
  properties: {
    volumeType: volumeTypeProperty,
    sizeGB: sizeProperty,
    iops: iopsProperty,
    throughputMBps: throughputProperty,
    encrypted: encryptedProperty,
    zones: {
      shape: { kind: 'list', items: { kind: 'zone' }, minItems: 1, maxItems: 1 },
      description:
        'The single availability zone the volume lives in, as a one-letter list (`[a]`). It must be a zone of every instance it is attached to.',
    },
    attachedTo: referenceList(
      ['aws.ec2.instance'],
      'The EC2 instances the volume is attached to. Attaching makes the volume a hard dependency of each instance: the instance stops working when its volume is unavailable. More than one instance requires `multiAttach: true` on io1 or io2.',
      'reverse-hard',
    ),
    multiAttach: boolProp(
      'Allows the volume to be attached to up to 16 Nitro-based instances in its zone at once. Only io1 and io2 support it, and the instances must use a file system that handles concurrent writers.',
      false,
    ),
    snapshotGB: numberProp(
      'The amount of snapshot data kept for this volume, in GB, for the cost estimate. Snapshots are incremental, so this is usually a fraction of the volume size times the number of retained snapshots.',
      { minimum: 0, unit: 'GB', default: 0 },
    ),
    backupPlan: boolProp(
      'Whether the volume is protected by an AWS Backup plan (or a Data Lifecycle Manager policy) that takes snapshots on a schedule. Without one, a deleted or corrupted volume cannot be recovered.',
      false,
    ),
  },
  snippet: [
    'type: aws.ebs.volume',
    'volumeType: ${1|gp3,gp2,io1,io2,st1,sc1|}',
    'sizeGB: ${2:100}',
    'encrypted: true',
    'zones: [${3:a}]',
    'attachedTo: [${4:instance}]',
  ].join('\n'),
};

const s3StorageClassValues = [
  [
    'STANDARD',
    'S3 Standard: frequently read data, millisecond access, data in at least three zones. No minimum duration and no retrieval fee.',
  ],
  [
    'INTELLIGENT_TIERING',
    'S3 Intelligent-Tiering: moves each object between access tiers by how often it is read, for a small monitoring fee per object and no retrieval fee. For unknown or changing access patterns.',
  ],
  [
    'STANDARD_IA',
    'S3 Standard-IA: infrequently read data that must still come back in milliseconds. Cheaper storage, a per-GB retrieval fee, a 30-day minimum duration and a 128 KB minimum billable object size.',
  ],
  [
    'ONEZONE_IA',
    'S3 One Zone-IA: like Standard-IA but kept in a single zone, so cheaper and lost if that zone is destroyed. For re-creatable data and secondary copies. 30-day minimum duration.',
  ],
  [
    'GLACIER_IR',
    'S3 Glacier Instant Retrieval: archive data read about once a quarter, still returned in milliseconds. 90-day minimum duration and a higher retrieval fee.',
  ],
  [
    'GLACIER',
    'S3 Glacier Flexible Retrieval: archives restored in minutes (expedited) to hours (standard, bulk) before they can be read. 90-day minimum duration.',
  ],
  [
    'DEEP_ARCHIVE',
    'S3 Glacier Deep Archive: the cheapest class, for data kept for years; a restore takes about 12 hours (standard) to 48 hours (bulk). 180-day minimum duration.',
  ],
] as const;

const s3Variants: readonly FigureVariant[] = [
  ...Object.entries(s3DesignedAvailability).map(([storageClass, availability]): FigureVariant => ({
    property: 'storageClass',
    value: storageClass,
    availability,
  })),
  // One Zone-IA keeps the data in one zone, so the bucket's data fails with that zone.
  { property: 'storageClass', value: 'ONEZONE_IA', placement: 'zonal' },
];

const lifecycleTransitionShape: PropertyShape = objectShape(
  {
    afterDays: numberProp('The object age, in days since creation, at which the transition happens.', {
      minimum: 0,
      integer: true,
      unit: 'days',
      required: true,
    }),
    storageClass: {
      shape: enumShape(s3StorageClassValues.filter(([value]) => value !== 'STANDARD')),
      required: true,
      description:
        "The storage class objects move to. Remember each class's minimum storage duration: objects removed earlier are billed for the remainder.",
    },
  },
  ['afterDays', 'storageClass'],
);

const s3Bucket: ResourceTypeDef = {
  id: 'aws.s3.bucket',
  service: 'Amazon S3',
  title: 'S3 bucket',
  category: 'storage',
  serviceModel: 'PaaS',
  placement: 'regional',
  inVpc: false,
  zonal: false,
  units: { rule: 'fixed', units: 1 },
  availability: s3DesignedAvailability.STANDARD ?? {
    value: 99.99,
    kind: 'designed',
    source: 'github:awsdocs/amazon-s3-userguide doc_source/storage-class-intro.md',
  },
  durability: s3Durability,
  variants: s3Variants,
  mttrMinutes: 30,
  capacityPerUnitRps: 5500,
  dataStore: true,
  docs: {
    what: 'Object storage: a bucket holds any number of objects (data plus metadata, addressed by key) reached over HTTPS. AWS spreads the data over several zones of the region and scales it without any provisioning.',
    whenToUse:
      'Use for static assets, backups, data lakes, logs, archives and anything read and written whole over an API. Not a file system and not a block device: use EFS, FSx or EBS when software needs POSIX files or a disk.',
    limits: [
      'Eleven nines of designed durability in every class; designed availability ranges from 99.99% (Standard) to 99.5% (One Zone-IA).',
      'Infrequent-access and archive classes have minimum storage durations (30 days for Standard-IA and One Zone-IA, 90 for Glacier Instant and Flexible Retrieval, 180 for Deep Archive) and per-GB retrieval fees.',
      'Glacier Flexible Retrieval objects need a restore taking minutes to hours, Deep Archive objects up to 48 hours, before they can be read.',
      'A prefix sustains about 3,500 writes and 5,500 reads per second; spread keys over prefixes for more.',
      `${S3_MAX_OBJECT.statement} (Checked ${S3_MAX_OBJECT.checked}.) Bucket names are global across all accounts.`,
      'Replication is asynchronous and needs versioning on both buckets; it copies new objects, not those already present.',
    ],
    customerResponsibility: [
      'Keep Block Public Access on unless the bucket is deliberately public, and review bucket policies and ACLs.',
      'Choose the encryption (SSE-S3 is the default since 2023; SSE-KMS for key control and audit) and require TLS in the bucket policy.',
      'Turn on versioning, MFA Delete or Object Lock against deletion and ransomware, and replication for disaster recovery.',
      'Turn on server access logging and CloudTrail data events, and lifecycle rules that keep costs in check.',
    ],
    securityControls: [
      'Block Public Access at account and bucket level; Object Ownership (bucket owner enforced) to disable ACLs.',
      'IAM and bucket policies, including conditions on aws:SecureTransport, source VPC endpoint and IP.',
      'Server-side encryption with S3, KMS or customer-provided keys, and client-side encryption.',
      'Versioning, MFA Delete, Object Lock (write once, read many) and replication.',
      'Server access logs, CloudTrail data events, and Macie for sensitive-data discovery.',
    ],
    pricing:
      'Billed per GB-month by storage class, per thousand requests (writes cost more than reads), per GB retrieved from the infrequent and archive classes, and per GB transferred out to the internet. Replication adds the destination storage, requests and, across regions, inter-region transfer.',
  },
  properties: {
    storageClass: enumProp(
      "The default storage class of the bucket's objects. It sets the price per GB, the retrieval fee, the minimum storage duration and the designed availability used by the availability estimate.",
      s3StorageClassValues,
      { default: 'STANDARD' },
    ),
    sizeGB: numberProp(
      "The amount of data stored, in GB, for the cost estimate. The file's `workload.storageGrowthGBPerMonth` is added on top when projecting growth.",
      { minimum: 0, unit: 'GB', default: 0 },
    ),
    versioning: boolProp(
      'Keeps every version of every object, so overwrites and deletes can be undone (a delete only adds a delete marker). Required for replication and Object Lock; old versions are billed as storage until a lifecycle rule expires them.',
      false,
    ),
    encryption: enumProp(
      'Server-side encryption applied to new objects. Since January 2023 S3 encrypts every new object with SSE-S3 unless told otherwise; choose SSE-KMS to control and audit the key.',
      [
        [
          'none',
          'No default encryption configured. S3 still applies SSE-S3 to new objects today, but the configuration states no intent and older objects may be unencrypted.',
        ],
        ['SSE-S3', 'Server-side encryption with keys that S3 creates and manages (AES-256). No extra cost.'],
        [
          'SSE-KMS',
          'Server-side encryption with an AWS KMS key: key policies, rotation and an audit trail of every use in CloudTrail. Adds KMS request charges unless S3 Bucket Keys are used.',
        ],
        [
          'SSE-C',
          'Server-side encryption with a key the client sends with every request; AWS never stores the key, so losing it loses the data.',
        ],
      ],
      { default: 'SSE-S3' },
    ),
    publicAccess: enumProp(
      'Who on the internet can read or write objects without credentials. New buckets block all public access by default; anything else exposes the data and is flagged by the security evaluation.',
      [
        ['blocked', 'Block Public Access is on: no policy or ACL can make the bucket or its objects public.'],
        [
          'public-read',
          'Anyone on the internet can read (and list) objects. Only for deliberately public content, and better served through CloudFront with origin access control.',
        ],
        [
          'public-read-write',
          'Anyone on the internet can read and write objects. Almost never intended: attackers can host content or delete data at your expense.',
        ],
      ],
      { default: 'blocked' },
    ),
    replication: {
      shape: objectShape(
        {
          to: {
            shape: { kind: 'reference', to: ['aws.s3.bucket'] },
            required: true,
            dependency: 'none',
            description: 'The destination bucket. It must have versioning on; for CRR it lives in another region (set its `region:`).',
          },
          kind: enumProp(
            'Whether the destination bucket is in another region or in the same one. Only cross-region replication protects against the loss of a region.',
            [
              [
                'CRR',
                'Cross-Region Replication: copies objects to a bucket in another region, for disaster recovery, compliance or latency.',
              ],
              [
                'SRR',
                'Same-Region Replication: copies objects to a bucket in the same region, typically in another account, for log aggregation or separation of duties.',
              ],
            ],
            { default: 'CRR' },
          ),
        },
        ['to'],
      ),
      dependency: 'none',
      description:
        'Asynchronous replication of new objects to another bucket. The destination is not a dependency: the source keeps working while it is down, so the availability estimate ignores it, but it is what lets the data survive the loss of a region.',
    },
    accessLogging: boolProp(
      'Server access logging: a record of every request made to the bucket, delivered to another bucket. Needed to investigate who read or changed data.',
      false,
    ),
    requireTls: boolProp(
      'Whether the bucket policy denies requests that do not use HTTPS (a condition on aws:SecureTransport), so data is never sent in clear text.',
      false,
    ),
    objectLock: boolProp(
      'S3 Object Lock: objects cannot be deleted or overwritten during a retention period (write once, read many), for compliance and ransomware protection. Requires versioning.',
      false,
    ),
    mfaDelete: boolProp(
      'Requires multi-factor authentication to permanently delete an object version or change the versioning state. Needs versioning and can only be enabled by the root user.',
      false,
    ),
    objectOwnership: enumProp(
      'Who owns objects that other accounts upload, and whether ACLs apply at all. New buckets enforce bucket ownership and disable ACLs.',
      [
        ['BucketOwnerEnforced', 'ACLs are disabled and the bucket owner owns every object; access is governed by policies only.'],
        [
          'BucketOwnerPreferred',
          'The bucket owner takes ownership of objects uploaded with the bucket-owner-full-control ACL; ACLs still apply.',
        ],
        ['ObjectWriter', 'The uploading account owns the object and ACLs apply, which makes access hard to reason about.'],
      ],
      { default: 'BucketOwnerEnforced' },
    ),
    lifecycle: {
      shape: objectShape({
        transitions: {
          shape: { kind: 'list', items: lifecycleTransitionShape },
          description: 'Moves objects to cheaper storage classes as they age, in order of `afterDays`.',
        },
        expireAfterDays: numberProp('Deletes current objects this many days after creation.', { minimum: 1, integer: true, unit: 'days' }),
        noncurrentExpireAfterDays: numberProp(
          'Deletes old versions this many days after they stop being current, so versioning does not grow storage forever.',
          { minimum: 1, integer: true, unit: 'days' },
        ),
      }),
      description:
        'Lifecycle rules that transition objects to cheaper classes and expire old data. Without them, versioned and log buckets grow and cost more every month.',
    },
    website: boolProp(
      "Static website hosting on the bucket's HTTP-only website endpoint. Needs public read access; prefer CloudFront with origin access control for HTTPS.",
      false,
    ),
    transferAcceleration: boolProp(
      'S3 Transfer Acceleration: clients upload through the nearest CloudFront edge location for faster long-distance transfers, at an extra per-GB charge.',
      false,
    ),
    notifications: referenceList(
      ['aws.lambda.function'],
      'Functions invoked when objects are created or deleted (event notifications). They are not dependencies of the bucket: the bucket keeps storing objects while a function is down.',
      'none',
    ),
    requestsPerMonth: numberProp(
      "Requests per month (reads and writes together) for the cost estimate, overriding the figure derived from the file's workload.",
      { minimum: 0, unit: 'requests' },
    ),
    zones: {
      shape: { kind: 'list', items: { kind: 'zone' }, minItems: 1, maxItems: 1 },
      description:
        'Only for the ONEZONE_IA storage class: the zone that holds the data (defaults to the first zone of the file). Other classes spread data over the region and ignore it.',
    },
  },
  snippet: [
    'type: aws.s3.bucket',
    'storageClass: ${1|STANDARD,INTELLIGENT_TIERING,STANDARD_IA,ONEZONE_IA,GLACIER_IR,GLACIER,DEEP_ARCHIVE|}',
    'sizeGB: ${2:100}',
    'versioning: true',
    'encryption: ${3|SSE-S3,SSE-KMS|}',
    'publicAccess: blocked',
    'accessLogging: true',
    'requireTls: true',
  ].join('\n'),
};

const efsFileSystem: ResourceTypeDef = {
  id: 'aws.efs.filesystem',
  service: 'Amazon EFS',
  title: 'EFS file system',
  category: 'storage',
  serviceModel: 'PaaS',
  placement: 'regional',
  inVpc: true,
  zonal: true,
  units: { rule: 'fixed', units: 1 },
  availability: efsRegionalSla,
  durability: efsDurability,
  variants: [{ property: 'deployment', value: 'one-zone', availability: efsOneZoneSla, placement: 'zonal' }],
  mttrMinutes: 30,
  dataStore: true,
  docs: {
    what: 'A managed, elastic NFS file system that many Linux instances, containers and functions mount at the same time. It grows and shrinks with the files stored; a Regional file system keeps its data in several zones.',
    whenToUse:
      "Use when several compute resources need the same POSIX files: web content, home directories, shared configuration, machine-learning data. For a single instance's disk EBS is cheaper and faster; for Windows (SMB) or HPC use FSx; for objects, S3.",
    limits: [
      'NFS v4 only, so Linux clients; Windows needs FSx for Windows File Server.',
      'Clients reach it through one mount target per zone in the VPC, protected by security groups.',
      'One Zone file systems keep data in a single zone: cheaper, with a 99.9% SLA instead of 99.99%.',
      'Bursting throughput is tied to the amount stored; small file systems may need provisioned or elastic throughput.',
    ],
    customerResponsibility: [
      'Enable encryption at rest when creating the file system (it cannot be added later) and mount with TLS.',
      'Restrict mount targets with security groups and use access points and IAM to enforce identities and root directories.',
      'Enable automatic backups (AWS Backup) and lifecycle management to Infrequent Access.',
    ],
    securityControls: [
      'Encryption at rest with KMS and in transit with TLS (the EFS mount helper).',
      'Security groups on mount targets; file system policies with IAM authorization.',
      'Access points that enforce a POSIX user and a root directory.',
      'AWS Backup plans for automatic, retained backups.',
    ],
    pricing:
      'Billed per GB-month stored by storage class (Standard, Infrequent Access, One Zone variants), per GB read from or written to Infrequent Access, and for provisioned throughput above what the storage entitles.',
  },
  properties: {
    deployment: enumProp(
      'Whether the file system stores data in several zones of the region or in one. One Zone costs less but fails, and can lose data, with its zone.',
      [
        ['regional', 'Data stored redundantly across several zones; survives the loss of a zone. 99.99% SLA.'],
        [
          'one-zone',
          'Data stored in a single zone (the first of `zones`): cheaper, but unavailable when that zone is and lost if it is destroyed. 99.9% SLA.',
        ],
      ],
      { default: 'regional' },
    ),
    performanceMode: enumProp(
      'The performance mode, fixed when the file system is created. General Purpose suits nearly everything; Max I/O only helps thousands of clients working in parallel.',
      [
        ['generalPurpose', 'Lowest latency per operation; right for almost every workload.'],
        [
          'maxIO',
          'Higher aggregate throughput for highly parallel workloads, at a higher latency per operation. Not available with One Zone.',
        ],
      ],
      { default: 'generalPurpose' },
    ),
    throughputMode: enumProp(
      "How the file system's throughput is provided and billed. Bursting ties it to the data stored; provisioned fixes it; elastic follows demand and bills per GB transferred.",
      [
        ['bursting', 'Throughput scales with the amount of data stored, with burst credits for peaks.'],
        ['provisioned', 'A fixed throughput (`provisionedThroughputMBps`) regardless of size, billed per MiB/s-month.'],
        ['elastic', 'Throughput scales automatically with demand; billed per GB transferred. Good for spiky or unpredictable access.'],
      ],
      { default: 'bursting' },
    ),
    provisionedThroughputMBps: numberProp('The throughput to provision when `throughputMode` is provisioned, in MiB/s.', {
      minimum: 1,
      unit: 'MiB/s',
    }),
    sizeGB: numberProp('The amount of data stored, in GB, for the cost estimate.', { minimum: 0, unit: 'GB', default: 0 }),
    infrequentAccessPercent: numberProp(
      'The share of the data that lifecycle management has moved to the Infrequent Access class, for the cost estimate.',
      { minimum: 0, maximum: 100, unit: 'percent', default: 0 },
    ),
    lifecyclePolicy: enumProp(
      'When files that nobody reads move to the cheaper Infrequent Access class. Reading them back costs a per-GB access fee, so pick an age after which files are truly cold.',
      [
        ['none', 'Files stay in the Standard class.'],
        ['AFTER_7_DAYS', 'Move files not accessed for 7 days.'],
        ['AFTER_14_DAYS', 'Move files not accessed for 14 days.'],
        ['AFTER_30_DAYS', "Move files not accessed for 30 days (the console's suggestion)."],
        ['AFTER_60_DAYS', 'Move files not accessed for 60 days.'],
        ['AFTER_90_DAYS', 'Move files not accessed for 90 days.'],
      ],
      { default: 'none' },
    ),
    encrypted: boolProp(
      'Encryption at rest with a KMS key. It can only be chosen when the file system is created; an unencrypted file system must be copied to a new one to fix it.',
      false,
    ),
    encryptionInTransit: boolProp(
      "Whether clients mount with TLS (the EFS mount helper's tls option) and the file system policy denies unencrypted connections.",
      false,
    ),
    backup: boolProp('Automatic daily backups with AWS Backup. Without a backup, deleted or corrupted files cannot be recovered.', false),
    accessPointEnforcement: boolProp(
      "Whether clients mount through access points that enforce a POSIX user identity and a root directory, so one application cannot read another's files.",
      false,
    ),
  },
  snippet: [
    'type: aws.efs.filesystem',
    'deployment: ${1|regional,one-zone|}',
    'zones: [${2:a, b}]',
    'sizeGB: ${3:50}',
    'encrypted: true',
    'encryptionInTransit: true',
    'backup: true',
  ].join('\n'),
};

const fsxFileSystem: ResourceTypeDef = {
  id: 'aws.fsx.filesystem',
  service: 'Amazon FSx',
  title: 'FSx file system',
  category: 'storage',
  serviceModel: 'PaaS',
  placement: 'zonal',
  inVpc: true,
  zonal: true,
  units: { rule: 'fixed', units: 1 },
  availability: fsxSingleAzSla,
  variants: [
    // A Multi-AZ Windows file system has an active and a standby file server in two zones: it works while its region and either zone are up.
    { property: 'deploymentType', value: 'multi-az-1', availability: fsxMultiAzSla, placement: 'load-balancer', mttrMinutes: 1 },
    // ONTAP's second-generation Multi-AZ file systems fail over the same way.
    { property: 'deploymentType', value: 'multi-az-2', availability: fsxMultiAzSla, placement: 'load-balancer', mttrMinutes: 1 },
  ],
  mttrMinutes: 30,
  dataStore: true,
  docs: {
    what: 'Fully managed file systems built on well-known file servers: FSx for Windows File Server (SMB, NTFS, Active Directory), FSx for Lustre (a parallel file system for high-performance computing, linked to S3), FSx for NetApp ONTAP (NFS, SMB, iSCSI and NVMe/TCP from one file system, with snapshots, cloning, SnapMirror replication and automatic tiering to a capacity pool) and FSx for OpenZFS (NFS with ZFS snapshots, clones and compression).',
    whenToUse:
      'Choose Windows File Server for Windows applications, SQL Server and home directories that need SMB and Active Directory. Choose Lustre for HPC, machine learning training, rendering and genomics that need hundreds of GB/s and millions of IOPS over large data sets, often staged from S3. Choose NetApp ONTAP to move NetApp workloads or to serve the same data over NFS, SMB and block protocols (iSCSI, NVMe/TCP); choose OpenZFS for latency-sensitive Linux NFS workloads moved from ZFS or other NFS servers. For simple Linux NFS sharing, EFS is simpler.',
    limits: [
      'Single-AZ file systems (all Lustre types; single-az-1 and single-az-2 of Windows, ONTAP and OpenZFS; OpenZFS single-az-ha-1 and single-az-ha-2, whose standby is in the same zone) fail with their zone; only multi-az-1 (Windows, ONTAP, OpenZFS) and multi-az-2 (ONTAP) keep a standby in a second zone.',
      `Deployment types by kind: ${FSX_DEPLOYMENT_TYPES.statement} (Checked ${FSX_DEPLOYMENT_TYPES.checked}.)`,
      'ONTAP moves cold data to its capacity pool tier (billed per GB used) by the tiering policy of each volume; reads of tiered data are slower and billed per request.',
      'Lustre scratch file systems do not replicate data: a failed server loses its data. Use persistent types for anything not re-creatable.',
      'Lustre capacity comes in fixed increments (1.2 TiB and multiples); Windows file systems start at 32 GiB (SSD) or 2 TiB (HDD).',
      'Windows File Server requires an Active Directory domain (AWS Managed Microsoft AD or self-managed); ONTAP joins one only for SMB shares.',
    ],
    customerResponsibility: [
      "Choose a deployment type that matches the data's value (scratch vs persistent, single vs Multi-AZ).",
      'Restrict access with security groups and, for Windows, Active Directory permissions and SMB encryption.',
      'Set the backup retention and test restores; link Lustre to S3 so results are exported.',
    ],
    securityControls: [
      'Encryption at rest always on, with an AWS managed or customer managed KMS key.',
      'Encryption in transit: SMB 3 encryption (Windows, ONTAP), Kerberos-encrypted NFS (ONTAP), and automatic encryption of NFS and Lustre traffic from supported Nitro instance types (Lustre, OpenZFS).',
      'ONTAP: storage virtual machines with their own administrators, NTFS or UNIX permissions, and NetApp SnapLock write-once volumes; OpenZFS: NFS export rules per client.',
      "Security groups on the file system's network interfaces; Active Directory authentication for Windows.",
      'Automatic daily backups to S3-backed storage.',
    ],
    pricing:
      'Billed per GB-month of provisioned storage (SSD or HDD), per MB/s-month of provisioned throughput, and per GB-month of backups. Multi-AZ costs more than Single-AZ; Lustre scratch is the cheapest per GB.',
  },
  properties: {
    kind: enumProp(
      'Which FSx file system family this is. It decides the protocols, the clients that can mount it and the deployment types available.',
      [
        ['windows', 'FSx for Windows File Server: SMB shares with NTFS permissions and Active Directory, for Windows workloads.'],
        ['lustre', 'FSx for Lustre: a parallel file system for HPC and machine learning, optionally linked to an S3 bucket.'],
        [
          'ontap',
          'FSx for NetApp ONTAP: NFS, SMB, iSCSI and NVMe/TCP from one file system, with NetApp snapshots, FlexClone, SnapMirror and tiering to a capacity pool.',
        ],
        [
          'openzfs',
          'FSx for OpenZFS: NFS (v3 and v4) file systems with ZFS snapshots, clones and compression, for low-latency Linux workloads.',
        ],
      ],
      { required: true },
    ),
    deploymentType: enumProp(
      'The deployment type, which decides redundancy and performance. Windows, ONTAP and OpenZFS types are single-az or multi-az; Lustre types are scratch or persistent. The first value valid for the kind is the AWS default (single-az-1 for Windows, scratch-1 for Lustre).',
      [
        ['single-az-1', 'Windows, ONTAP, OpenZFS: one file server (an HA pair for ONTAP) in one zone (first generation).'],
        [
          'single-az-2',
          'Windows: one file server in one zone with SSD caching for HDD storage; ONTAP: several HA pairs in one zone; OpenZFS: one server with an NVMe read cache.',
        ],
        ['multi-az-1', 'Windows, ONTAP, OpenZFS: an active and a standby file server in two zones with automatic failover; 99.99% SLA.'],
        [
          'multi-az-2',
          'ONTAP: second-generation Multi-AZ, an active and a standby file server in two zones with automatic failover; 99.99% SLA.',
        ],
        [
          'single-az-ha-1',
          'OpenZFS: a primary and a standby file server in the same zone (64 to 4,096 MB/s); survives a server failure, not a zone failure.',
        ],
        ['single-az-ha-2', 'OpenZFS: a primary and a standby in the same zone with an NVMe read cache (160 to 10,240 MB/s).'],
        ['scratch-1', 'Lustre: temporary storage without replication, for short-lived processing; data is lost if a server fails.'],
        ['scratch-2', 'Lustre: temporary storage with higher burst throughput; no replication.'],
        ['persistent-1', 'Lustre: replicated within its zone for longer-lived data (first generation).'],
        ['persistent-2', 'Lustre: replicated within its zone, current generation with higher throughput per TiB.'],
      ],
    ),
    storageCapacityGB: numberProp(
      'The provisioned storage capacity in GB. Windows accepts 32 GB and up on SSD (2,000 on HDD); Lustre comes in 1,200 GB steps.',
      { minimum: 32, maximum: 524288, integer: true, unit: 'GB', required: true },
    ),
    storageType: enumProp(
      'The storage media behind the file system. SSD gives low latency for databases and interactive use; HDD lowers the price per GB for large, throughput-oriented or rarely read data.',
      [
        ['ssd', 'Solid-state storage for latency-sensitive workloads.'],
        ['hdd', 'Hard disks for throughput-oriented or rarely read data at a lower price per GB.'],
      ],
      { default: 'ssd' },
    ),
    throughputMBps: numberProp('Provisioned throughput capacity in MB/s (Windows) or MB/s per TiB (Lustre persistent types).', {
      minimum: 8,
      unit: 'MB/s',
    }),
    kmsKey: enumProp(
      'Which KMS key encrypts the data at rest. FSx always encrypts, so the choice is only about who controls the key and can audit or revoke its use.',
      [
        ['aws-managed', 'The AWS managed key for FSx: no key management, but no control over its policy.'],
        ['customer-managed', 'A customer managed key: you control the key policy, rotation and can revoke access.'],
      ],
      { default: 'aws-managed' },
    ),
    backupRetentionDays: numberProp(
      'How many days automatic daily backups are kept (0 turns them off). Scratch Lustre file systems cannot be backed up.',
      { minimum: 0, maximum: 90, integer: true, unit: 'days', default: 7 },
    ),
    s3DataRepository: {
      shape: { kind: 'reference', to: ['aws.s3.bucket'] },
      dependency: 'none',
      description:
        'Lustre only: the S3 bucket linked as a data repository, whose objects appear as files and to which results can be exported. It is not a runtime dependency once the data is loaded.',
    },
    protocols: {
      shape: {
        kind: 'list',
        items: {
          kind: 'enum',
          values: [
            { value: 'nfs', description: 'NFS v3/v4 for Linux and macOS clients (ONTAP, OpenZFS).' },
            { value: 'smb', description: 'SMB for Windows clients (Windows, ONTAP).' },
            { value: 'iscsi', description: 'Block storage over iSCSI (ONTAP).' },
            { value: 'nvme-tcp', description: 'NVMe over TCP block namespaces (ONTAP).' },
          ],
        },
        uniqueItems: true,
      },
      description: 'ONTAP and OpenZFS: the protocols clients use. ONTAP serves any mix from one file system; OpenZFS serves NFS only.',
    },
    tieringPolicy: enumProp(
      'ONTAP only: when data moves from the SSD tier to the cheaper capacity pool tier.',
      [
        ['snapshot-only', 'Only data held by snapshots moves to the capacity pool (the AWS default for new volumes).'],
        ['auto', 'Cold user data and snapshots move after a cooling period; reads of tiered data are slower.'],
        ['all', 'All data lives in the capacity pool except what is being read or written: the cheapest, for archives.'],
        ['none', 'Everything stays on SSD.'],
      ],
      { default: 'snapshot-only' },
    ),
    encryptionInTransit: boolProp(
      'Whether clients must encrypt traffic in transit: SMB 3 encryption for SMB shares, Kerberos (krb5p) for ONTAP NFS, or mounts from Nitro instances that encrypt automatically for Lustre and OpenZFS.',
      false,
    ),
    activeDirectory: enumProp(
      'Windows only: which Active Directory domain the file system joins. Users and permissions on the shares come from that directory.',
      [
        ['aws-managed', 'AWS Directory Service for Microsoft Active Directory.'],
        ['self-managed', 'Your own domain controllers, on premises or on EC2.'],
      ],
    ),
  },
  snippet: [
    'type: aws.fsx.filesystem',
    'kind: ${1|windows,lustre,ontap,openzfs|}',
    'deploymentType: ${2|multi-az-1,single-az-2,persistent-2,scratch-2|}',
    'storageCapacityGB: ${3:1200}',
    'zones: [${4:a, b}]',
    'backupRetentionDays: 7',
  ].join('\n'),
};

export const storageTypes: readonly ResourceTypeDef[] = [ebsVolume, efsFileSystem, fsxFileSystem, s3Bucket];
