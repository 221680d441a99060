/**
 * The top-level keys of a `.cloudarch.yaml` file and the keys of its three small maps
 * (`workload`, `assumptions`, `targets`), described for completion and hover. The format contract is
 * docs/format.md; the resource properties live in the catalog.
 */
import type { PropertyDef } from '../model/catalog-types';
import { findingSeverities } from '../model/severities';
import { scenariosProperty, simulationTargetsProperty } from '../model/simulation-keys';

/** The keys of the top-level map, in the order a file usually lists them. */
export const topLevelProperties: Readonly<Record<string, PropertyDef>> = {
  cloudarch: {
    shape: { kind: 'enum', values: [{ value: '1', description: 'Version 1 of the format.' }] },
    required: true,
    example: '1',
    description: 'The version of the file format. Write `"1"`; a `"1.x"` minor version is accepted too.',
  },
  name: {
    shape: { kind: 'string', minLength: 1 },
    required: true,
    example: 'my-architecture',
    description: 'The name of the architecture, shown as the diagram title and in reports.',
  },
  description: { shape: { kind: 'string' }, description: 'Free text describing the architecture and its purpose.' },
  region: {
    shape: { kind: 'region' },
    default: 'us-east-1',
    description: 'The AWS region every resource is placed in unless it says otherwise with its own `region`.',
  },
  zones: {
    shape: { kind: 'list', items: { kind: 'zone' }, minItems: 1, uniqueItems: true },
    default: ['a', 'b', 'c'],
    description: 'The availability zones in use in the default region, as letters. Resources pick their `zones` among these.',
  },
  workload: {
    shape: { kind: 'object', properties: {} },
    description: 'Traffic and data assumptions used by the cost evaluation and the simulator.',
  },
  assumptions: {
    shape: { kind: 'object', properties: {} },
    description: 'The knobs of the model: how available a zone and a region are, hours in a month, and price overrides.',
  },
  targets: {
    shape: { kind: 'object', properties: {} },
    description: 'The design goals the evaluations are judged against; a missed target is reported as a diagnostic.',
  },
  scenarios: scenariosProperty,
  resources: {
    shape: { kind: 'map', values: { kind: 'object', properties: {} } },
    required: true,
    description: 'The resources of the architecture, by name. A name starts with a lowercase letter and uses lowercase letters, digits and dashes.',
  },
};

/** Keys of `workload:`. */
export const workloadProperties: Readonly<Record<string, PropertyDef>> = {
  requestsPerSecond: { shape: { kind: 'number', minimum: 0 }, unit: 'requests/s', default: 0, description: 'The average request rate reaching the entry points.' },
  peakRequestsPerSecond: { shape: { kind: 'number', minimum: 0 }, unit: 'requests/s', default: 0, description: 'The peak request rate; the simulator swings daily between the average and this peak.' },
  dataTransferOutGB: { shape: { kind: 'number', minimum: 0 }, unit: 'GB/month', default: 0, description: 'Data sent from AWS to the internet each month, billed as data transfer out.' },
  storageGrowthGBPerMonth: { shape: { kind: 'number', minimum: 0 }, unit: 'GB/month', default: 0, description: 'How much stored data grows each month.' },
};

/** Keys of `assumptions:`. */
export const assumptionProperties: Readonly<Record<string, PropertyDef>> = {
  zoneAvailability: { shape: { kind: 'number', minimum: 0, maximum: 100 }, unit: 'percent', default: 99.99, description: 'The probability that one availability zone is up. Zone failures are modelled as independent.' },
  regionAvailability: { shape: { kind: 'number', minimum: 0, maximum: 100 }, unit: 'percent', default: 99.999, description: 'The probability that a whole region is up.' },
  hoursPerMonth: { shape: { kind: 'number', minimum: 1, maximum: 744 }, unit: 'hours', default: 730, description: 'Hours in a billing month, used to turn hourly prices into monthly cost.' },
  prices: { shape: { kind: 'map', values: { kind: 'number', minimum: 0 } }, unit: 'USD', description: 'Price overrides in USD, keyed as the catalog names prices (for example `"ec2:t3.medium": 0.0416`).' },
};

/** Keys of `targets:`. */
export const targetProperties: Readonly<Record<string, PropertyDef>> = {
  availability: { shape: { kind: 'number', minimum: 0, maximum: 100 }, unit: 'percent', example: 99.95, description: 'The system availability the design must reach, in percent.' },
  monthlyBudget: { shape: { kind: 'number', minimum: 0 }, unit: 'USD', example: 1000, description: 'The most the architecture may cost per month, in USD.' },
  maxFindingSeverity: {
    shape: {
      kind: 'enum',
      values: findingSeverities.map((value) => ({ value, description: `No security finding more severe than ${value} is allowed.` })),
    },
    example: 'medium',
    description: 'The most severe security finding the design may have; anything above it misses the target.',
  },
  simulation: simulationTargetsProperty,
};

/** The properties of a top-level section, by key. */
export const sectionProperties: Readonly<Record<string, Readonly<Record<string, PropertyDef>>>> = {
  workload: workloadProperties,
  assumptions: assumptionProperties,
  targets: targetProperties,
};

/** Commercial AWS regions offered by completion of a region value (the price snapshot is us-east-1). */
export const awsRegions: readonly { readonly name: string; readonly location: string }[] = [
  { name: 'us-east-1', location: 'US East (N. Virginia)' },
  { name: 'us-east-2', location: 'US East (Ohio)' },
  { name: 'us-west-1', location: 'US West (N. California)' },
  { name: 'us-west-2', location: 'US West (Oregon)' },
  { name: 'ca-central-1', location: 'Canada (Central)' },
  { name: 'sa-east-1', location: 'South America (São Paulo)' },
  { name: 'eu-west-1', location: 'Europe (Ireland)' },
  { name: 'eu-west-2', location: 'Europe (London)' },
  { name: 'eu-west-3', location: 'Europe (Paris)' },
  { name: 'eu-central-1', location: 'Europe (Frankfurt)' },
  { name: 'eu-north-1', location: 'Europe (Stockholm)' },
  { name: 'eu-south-1', location: 'Europe (Milan)' },
  { name: 'ap-northeast-1', location: 'Asia Pacific (Tokyo)' },
  { name: 'ap-northeast-2', location: 'Asia Pacific (Seoul)' },
  { name: 'ap-northeast-3', location: 'Asia Pacific (Osaka)' },
  { name: 'ap-southeast-1', location: 'Asia Pacific (Singapore)' },
  { name: 'ap-southeast-2', location: 'Asia Pacific (Sydney)' },
  { name: 'ap-south-1', location: 'Asia Pacific (Mumbai)' },
  { name: 'me-south-1', location: 'Middle East (Bahrain)' },
  { name: 'af-south-1', location: 'Africa (Cape Town)' },
];

/** Well-known ports offered for `port:` values and `connectsTo: name:port`. */
export const wellKnownPorts: readonly { readonly port: number; readonly service: string }[] = [
  { port: 443, service: 'HTTPS' },
  { port: 80, service: 'HTTP' },
  { port: 22, service: 'SSH' },
  { port: 3389, service: 'RDP' },
  { port: 5432, service: 'PostgreSQL' },
  { port: 3306, service: 'MySQL / MariaDB / Aurora MySQL' },
  { port: 1521, service: 'Oracle' },
  { port: 1433, service: 'SQL Server' },
  { port: 27017, service: 'DocumentDB (MongoDB API)' },
  { port: 8182, service: 'Neptune' },
  { port: 5439, service: 'Redshift' },
  { port: 6379, service: 'Redis' },
  { port: 11211, service: 'Memcached' },
  { port: 2049, service: 'NFS (EFS)' },
  { port: 445, service: 'SMB (FSx for Windows)' },
  { port: 988, service: 'Lustre (FSx for Lustre)' },
  { port: 8080, service: 'HTTP (alternate)' },
];

/** The default port of a database engine, used to rank `connectsTo: db:` port proposals. */
export const enginePorts: Readonly<Record<string, number>> = {
  postgres: 5432,
  'aurora-postgresql': 5432,
  mysql: 3306,
  mariadb: 3306,
  'aurora-mysql': 3306,
  oracle: 1521,
  sqlserver: 1433,
};
