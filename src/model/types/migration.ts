/**
 * Migration resource types: AWS DMS replication tasks and the Snow Family of transfer devices.
 *
 * Neither service publishes an SLA in the reference dataset, so their availability figures are
 * estimates and say so.
 */
import { SNOWBALL_EDGE_CLOSED } from '../aws-facts';
import type { ResourceTypeDef } from '../catalog-types';
import { dataStoreTypes, prop } from './databases';

/** Where a DMS task may read from or write to: any modeled data store, on-premises or in AWS. */
const dmsEndpointTypes: readonly string[] = [...dataStoreTypes, 'external.onprem-server'];

const dmsTask: ResourceTypeDef = {
  id: 'aws.dms.task',
  service: 'AWS Database Migration Service',
  title: 'DMS replication task',
  category: 'migration',
  serviceModel: 'PaaS',
  placement: 'zonal',
  inVpc: true,
  zonal: true,
  // The replication instance does the work; Multi-AZ adds a synchronous standby in a second zone.
  units: { rule: 'standby-pair', property: 'multiAZ' },
  availability: {
    value: 99.5,
    source: 'https://aws.amazon.com/dms/',
    kind: 'estimate',
    note: 'No published DMS SLA was found in the reference dataset; one replication instance is estimated like a single EC2 instance (instance-level SLA 99.5%).',
  },
  variants: [{ property: 'multiAZ', value: true, mttrMinutes: 5 }],
  mttrMinutes: 30,
  dataStore: false,
  docs: {
    what: "A managed replication instance that copies a database into AWS: first the existing data (full load), then, if asked, every later change read from the source's transaction log (change data capture, CDC), so the source stays in use until the cut-over.",
    whenToUse:
      'To move a database into RDS, Aurora, Redshift, DynamoDB or S3 with little downtime, to consolidate databases into a warehouse, or to keep a copy continuously in sync. Same-engine moves work directly; moves between engines (Oracle to Aurora PostgreSQL) also need the Schema Conversion Tool for the schema and code.',
    limits: [
      "DMS copies data, not the schema's secondary objects (stored procedures, triggers, some indexes): convert those with the Schema Conversion Tool.",
      "CDC needs the source's logs kept long enough (binary logs, archive logs, replication slots).",
      'The replication instance has a size and storage; large transactions or many tables need a larger class.',
      "On-premises sources are reached over VPN or Direct Connect through the instance's VPC.",
      'For data sets too large to copy over the network in reasonable time, ship them with a Snow device and use DMS for the changes since.',
    ],
    customerResponsibility: [
      'Network paths and security groups between the replication instance and both endpoints.',
      'Endpoint credentials (preferably in Secrets Manager) and TLS to the endpoints.',
      'Keeping the replication instance private and choosing the KMS key.',
      'Validating the migrated data and planning the cut-over.',
    ],
    securityControls: [
      'Replication instance storage and task data encrypted with AWS KMS.',
      'TLS to source and target endpoints (sslMode).',
      'VPC placement, security groups, and publiclyAccessible off.',
      'IAM roles for DMS and Secrets Manager integration for endpoint credentials.',
    ],
    pricing:
      'Replication instance hours by class (doubled with Multi-AZ), its storage per GB-month beyond the included amount, and data transfer; transfer into AWS is free.',
  },
  properties: {
    source: prop.reference(
      'The database the task reads from: an on-premises database, or a database or bucket in AWS. The task stops when the source is unreachable.',
      dmsEndpointTypes,
      'hard',
      true,
    ),
    target: prop.reference('The database, warehouse or bucket the task writes to.', dmsEndpointTypes, 'hard', true),
    migrationType: prop.choice(
      'What the task copies.',
      [
        {
          value: 'full-load',
          description: 'Copy the existing data once, then stop. The source must not change during the copy, or the changes are lost.',
        },
        {
          value: 'cdc',
          description:
            "Replicate only ongoing changes from the source's logs, after the data was loaded some other way (for example with a Snow device).",
        },
        {
          value: 'full-load-and-cdc',
          description: 'Copy the existing data, then keep applying changes until you cut over: the near-zero-downtime migration.',
        },
      ],
      { default: 'full-load-and-cdc' },
    ),
    replicationInstanceClass: {
      shape: {
        kind: 'string',
        pattern: '^dms\\.[a-z0-9]+\\.[a-z0-9]+$',
        examples: ['dms.t3.medium', 'dms.c5.large', 'dms.r5.large', 'dms.r5.xlarge'],
      },
      default: 'dms.t3.medium',
      description:
        'The size of the replication instance that runs the task. Memory-optimised (`dms.r5.*`) classes suit many tables and large transactions.',
    },
    allocatedStorageGB: prop.integer('Storage of the replication instance, used for logs and cached changes.', {
      min: 5,
      max: 6144,
      default: 50,
      unit: 'GB',
    }),
    multiAZ: prop.boolean(
      'Keep a standby replication instance in a second zone that takes over if the first fails. Recommended for long-running CDC.',
      false,
    ),
    publiclyAccessible: prop.boolean(
      'Give the replication instance a public IP address. AWS makes new replication instances public unless told otherwise; turn this off and reach on-premises sources through VPN or Direct Connect.',
      true,
    ),
    encrypted: prop.boolean(
      "Encrypt the replication instance's storage and the task's data with a KMS key. DMS always encrypts; false models a configuration you consider unacceptable, such as a key shared too widely.",
      true,
    ),
    sslMode: prop.choice(
      'How connections to the endpoints are protected.',
      [
        { value: 'none', description: 'No TLS: data crosses the network in clear text.' },
        { value: 'require', description: "TLS without checking the server's certificate." },
        { value: 'verify-ca', description: 'TLS, checking that the certificate comes from a trusted authority.' },
        { value: 'verify-full', description: 'TLS, checking the authority and that the certificate matches the host name.' },
      ],
      { default: 'none' },
    ),
    hoursPerMonth: prop.number(
      'Hours per month the replication instance runs, for the cost: 730 for continuous replication, fewer for a one-off load.',
      { min: 0, max: 744, default: 730, unit: 'hours' },
    ),
  },
  snippet: [
    'type: aws.dms.task',
    'source: ${1:legacy-db}',
    'target: ${2:warehouse}',
    'migrationType: ${3|full-load-and-cdc,full-load,cdc|}',
    'replicationInstanceClass: ${4:dms.r5.large}',
    'zones: [a, b]',
    'multiAZ: true',
    'publiclyAccessible: false',
    'sslMode: verify-full',
  ].join('\n'),
};

const snowDevice: ResourceTypeDef = {
  id: 'aws.snow.device',
  service: 'AWS Snow Family',
  title: 'Snow Family device',
  category: 'migration',
  serviceModel: 'IaaS',
  // The device sits at the customer's site, outside any region or zone, until it is shipped back.
  placement: 'external',
  inVpc: false,
  zonal: false,
  units: { rule: 'property', property: 'devices', default: 1 },
  availability: {
    value: 99,
    source: 'https://aws.amazon.com/snow/',
    kind: 'estimate',
    note: 'No published SLA exists for Snow devices; a rugged appliance on site is estimated at 99%. It is a transfer medium, so its availability rarely matters to a running system.',
  },
  mttrMinutes: 4320,
  dataStore: true,
  closedToNewCustomers: SNOWBALL_EDGE_CLOSED,
  docs: {
    what: 'Rugged, encrypted storage (and compute) appliances that AWS ships to your site: you copy data onto them locally and ship them back, and AWS loads the data into S3. Snowcone is the small one, Snowball Edge comes storage- or compute-optimised, and Snowmobile was a truck-sized container for exabyte-scale moves.',
    whenToUse:
      'When a transfer over the network would take more than about a week, or the bandwidth is missing or too expensive: data-centre exits, media and research archives, backups. Also for computing at the edge where connectivity is poor (ships, mines, field sites). For recurring or smaller transfers over a good link, DataSync or plain uploads are simpler.',
    limits: [
      `Closed to new customers: ${SNOWBALL_EDGE_CLOSED.statement} New designs should use ${SNOWBALL_EDGE_CLOSED.alternatives}. (Checked ${SNOWBALL_EDGE_CLOSED.checked}.)`,
      'Snowcone: up to 8 TB on hard disk (14 TB on the SSD model), small enough to carry; can also send data online with DataSync.',
      'Snowball Edge Storage Optimized: about 80 TB usable (210 TB on the newest model) for bulk transfer.',
      'Snowball Edge Compute Optimized: storage plus up to 52 vCPUs and 208 GiB of memory for edge workloads.',
      'Snowmobile: up to 100 PB per container. AWS has retired Snowmobile and stopped offering Snowcone, so new projects use Snowball Edge or network transfer.',
      'A job includes a number of days on site; extra days are billed per day, and shipping takes days each way.',
    ],
    customerResponsibility: [
      'Physical custody of the device on site and its return.',
      'Choosing the KMS key for the job and managing the unlock code and manifest.',
      'Verifying the import and deleting the source data only after it.',
    ],
    securityControls: [
      'Data encrypted with 256-bit keys managed in AWS KMS; keys never stored on the device.',
      'Tamper-evident enclosure, TPM, GPS tracking in transit.',
      'Devices are wiped to NIST media-sanitisation standards after the import.',
    ],
    pricing:
      'A fee per job by device type, which includes a number of days on site, a fee per extra day, shipping, and the S3 storage of the imported data; data transfer into AWS is free.',
  },
  properties: {
    family: prop.choice(
      'The kind of device.',
      [
        { value: 'snowcone', description: 'Small, portable device: 8 TB HDD or 14 TB SSD. For edge sites and small transfers.' },
        { value: 'snowball-edge-storage', description: 'Snowball Edge Storage Optimized: about 80 TB usable for bulk migration.' },
        {
          value: 'snowball-edge-compute',
          description: 'Snowball Edge Compute Optimized: up to 52 vCPUs and 208 GiB of memory with storage, for edge computing.',
        },
        {
          value: 'snowmobile',
          description: 'A 45-foot shipping container holding up to 100 PB, for moving whole data centres (retired by AWS).',
        },
      ],
      { required: true },
    ),
    devices: prop.integer('Devices used at the same time; capacity adds up.', { min: 1, max: 100, default: 1 }),
    jobs: prop.integer('Jobs (device round trips) per month, for the cost.', { min: 0, default: 1 }),
    daysOnSite: prop.integer('Days each device stays on site, for the cost.', { min: 1, max: 365, default: 10, unit: 'days' }),
    dataTB: prop.number('The amount of data to move, used to check it fits on the devices.', { min: 0, unit: 'TB' }),
    existingCustomer: prop.boolean(
      'Whether this AWS account already uses Snowball Edge. AWS no longer offers it to new customers, so validation warns about a new design that uses it unless this is true.',
      false,
    ),
    target: prop.reference(
      'The S3 bucket the data is imported into. Not an availability dependency: the import happens once.',
      ['aws.s3.bucket'],
      'none',
    ),
  },
  snippet: [
    'type: aws.snow.device',
    'family: ${1|snowball-edge-storage,snowball-edge-compute,snowcone,snowmobile|}',
    'devices: ${2:1}',
    'dataTB: ${3:60}',
    'target: ${4:archive}',
  ].join('\n'),
};

/** Resource types of this group; see ARCHITECTURE.md, "How to add a resource type". */
export const migrationTypes: readonly ResourceTypeDef[] = [dmsTask, snowDevice];
