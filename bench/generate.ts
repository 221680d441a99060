/**
 * Synthetic architectures for the benchmark and the fuzz tests: realistic in shape (every core type,
 * nested properties, about 1.5 references per resource, comments), deterministic for a given size
 * and seed, with a few deliberate errors so validation has something to report.
 */

/** A small deterministic PRNG (mulberry32), so every run measures the same file. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const instanceTypes = ['t3.micro', 't3.medium', 'm5.large', 'c5.large', 'r5.large', 'm5.xlarge'];
const volumeTypes = ['gp3', 'gp2', 'io2'];
const storageClasses = ['STANDARD', 'STANDARD_IA', 'INTELLIGENT_TIERING'];

/** One "cell" of a typical web/serverless stack: 12 resources that reference each other. */
function cell(index: number, random: () => number, withError: boolean, placement?: CellPlacement): string {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const k = index;
  // Each resource of a placed cell names its region; its zonal tiers use the cell's pair of zones.
  const region = placement ? `\n    region: ${placement.region}` : '';
  const [zoneA, zoneB] = placement?.zones ?? ['a', 'b'];
  const badVolume = withError ? 'gp4' : pick(volumeTypes);
  const dbRef = withError && random() < 0.5 ? `dbx-${k}` : `db-${k}`;
  return `
  # cell ${k}
  lb-sg-${k}:
    type: aws.ec2.security-group${region}
    ingress:
      - { port: 443, protocol: tcp, from: 0.0.0.0/0 }
  web-sg-${k}:
    type: aws.ec2.security-group${region}
    ingress:
      - { port: 80, protocol: tcp, from: lb-sg-${k} }
    egress:
      - { port: all, protocol: all, to: 0.0.0.0/0 }
  lb-${k}:
    type: aws.elb.application${region}
    scheme: internet-facing
    zones: [${zoneA}, ${zoneB}]
    subnet: public
    listeners:
      - { port: 443, protocol: HTTPS }
    securityGroups: [lb-sg-${k}]
    targets: [web-${k}]
    tags:
      team: team-${k % 7}
      environment: production
      cost-center: cc-${1000 + k}
  web-${k}:
    type: aws.autoscaling.group${region}
    label: Web tier ${k}
    instanceType: ${pick(instanceTypes)}
    purchase: on-demand
    zones: [${zoneA}, ${zoneB}]
    min: 2
    desired: ${2 + Math.floor(random() * 3)}
    max: 8
    scaling: { metric: cpu, target: 60 }
    healthCheck: elb
    imdsv2: required
    securityGroups: [web-sg-${k}]
    volumes:
      - { volumeType: ${badVolume}, sizeGB: ${20 + Math.floor(random() * 80)}, encrypted: true${badVolume === 'io2' ? ', iops: 3000' : ''} }
    connectsTo: [${dbRef}:5432, cache-${k}]
    tags:
      team: team-${k % 7}
      environment: production
      cost-center: cc-${1000 + k}
  app-${k}:
    type: aws.ec2.instance${region}
    instanceType: ${pick(instanceTypes)}
    purchase: on-demand
    zones: [${zoneA}]
    count: 1
    securityGroups: [web-sg-${k}]
    connectsTo: [db-${k}]
  vol-${k}:
    type: aws.ebs.volume${region}
    volumeType: gp3
    sizeGB: ${100 + Math.floor(random() * 400)}
    encrypted: true
    zones: [${zoneA}]
    attachedTo: [app-${k}]
    tags:
      team: team-${k % 7}
      environment: production
      cost-center: cc-${1000 + k}
  db-${k}:
    type: aws.rds.instance${region}
    engine: postgres
    instanceClass: db.r5.large
    multiAZ: true
    zones: [${zoneA}, ${zoneB}]
    storage: { volumeType: gp3, sizeGB: 100 }
    encrypted: true
    backupRetentionDays: 7
    publiclyAccessible: false
    deletionProtection: true
    tags:
      team: team-${k % 7}
      environment: production
      cost-center: cc-${1000 + k}
  cache-${k}:
    type: aws.dynamodb.table${region}
    capacityMode: on-demand
    storageGB: ${1 + Math.floor(random() * 50)}
    pointInTimeRecovery: true
  assets-${k}:
    type: aws.s3.bucket${region}
    storageClass: ${pick(storageClasses)}
    sizeGB: ${Math.floor(random() * 1000)}
    versioning: true
    encryption: SSE-S3
    publicAccess: blocked
    tags:
      team: team-${k % 7}
      environment: production
      cost-center: cc-${1000 + k}
  fn-${k}:
    type: aws.lambda.function${region}
    memoryMB: ${pick([128, 256, 512, 1024])}
    avgDurationMs: ${50 + Math.floor(random() * 300)}
    connectsTo: [cache-${k}, assets-${k}]
    tags:
      team: team-${k % 7}
      environment: production
      cost-center: cc-${1000 + k}
  api-${k}:
    type: aws.apigateway.api${region}
    kind: http
    integrations: [fn-${k}]
  queue-${k}:
    type: aws.dynamodb.table${region}
    capacityMode: provisioned
    storageGB: 5
    pointInTimeRecovery: true
`;
}

/** Where a cell's resources are drawn: its region and the two zones of its zonal tiers. */
interface CellPlacement {
  readonly region: string;
  readonly zones: readonly [string, string];
}

export interface GenerateOptions {
  /**
   * Spread the cells over this many regions (round robin), and each region's cells over the zone
   * pairs a-b, b-c, c-a, so the diagram has about eleven containers per region (region, VPC,
   * three zones, six subnets). Default 1: every resource in the file's region, zones a and b.
   */
  readonly regions?: number;
}

const generatedRegions = ['us-east-1', 'eu-west-1', 'us-west-2', 'ap-southeast-2', 'eu-central-1', 'ap-northeast-1'];
const zonePairs: readonly (readonly [string, string])[] = [
  ['a', 'b'],
  ['b', 'c'],
  ['c', 'a'],
];

/**
 * An architecture of about `resources` resources (rounded to whole cells of 12, plus the three
 * front-door resources). Roughly one cell in fifty carries an error.
 */
export function generateArchitecture(resources: number, seed = 1, options: GenerateOptions = {}): string {
  const regions = Math.min(generatedRegions.length, Math.max(1, options.regions ?? 1));
  const random = seededRandom(seed);
  const cells = Math.max(1, Math.round((resources - 3) / 12));
  const parts: string[] = [
    `cloudarch: "1"
name: Synthetic architecture of ${cells * 12 + 3} resources
description: Generated by bench/generate.ts for the benchmark (seed ${seed}).
region: us-east-1
zones: [a, b, c]
workload:
  requestsPerSecond: 200
  peakRequestsPerSecond: 800
  dataTransferOutGB: 500
targets:
  availability: 99.9
  monthlyBudget: ${cells * 2000}
resources:
  users:
    type: external.users
    connectsTo: [dns]
  dns:
    type: aws.route53.zone
    domain: shop.example.com
    routing: simple
    targets: [cdn]
  cdn:
    type: aws.cloudfront.distribution
    origins: [lb-0, assets-0]
    viewerProtocol: redirect-to-https
`,
  ];
  for (let index = 0; index < cells; index++) {
    const placement: CellPlacement | undefined =
      regions > 1
        ? { region: generatedRegions[index % regions]!, zones: zonePairs[Math.floor(index / regions) % zonePairs.length]! }
        : undefined;
    parts.push(cell(index, random, index % 50 === 49, placement));
  }
  return parts.join('');
}

/** The number of resources `generateArchitecture(resources)` actually writes. */
export function generatedResourceCount(resources: number): number {
  return Math.max(1, Math.round((resources - 3) / 12)) * 12 + 3;
}
