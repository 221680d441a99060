/**
 * EC2 instance types: hardware of the families named in the study notes, in the sizes that exist,
 * with us-east-1 on-demand and average spot prices where a sourced price is known. A type without a
 * price stays unpriced on purpose: the cost evaluation reports it as such rather than guessing.
 *
 * Hardware figures follow the AWS instance-type specifications; prices are copied from the team's
 * price reference (ec2instances.info scrape of the AWS Price List, 2024-04-04).
 */
import type { InstanceTypeDef } from './catalog-types';

type Category = InstanceTypeDef['category'];
type Media = NonNullable<InstanceTypeDef['instanceStore']>['media'];

/** One size row: name suffix, vCPUs, memory GiB, then optional instance store and GPU count. */
type SizeRow = readonly [size: string, vcpu: number, memoryGiB: number, store?: readonly [disks: number, sizeGBEach: number] | null, gpus?: number];

interface FamilySpec {
  readonly family: string;
  readonly category: Category;
  readonly arch: 'x86_64' | 'arm64';
  readonly burstable?: boolean;
  readonly storeMedia?: Media;
  readonly sizes: readonly SizeRow[];
}

const burstableSizes: readonly SizeRow[] = [
  ['nano', 2, 0.5],
  ['micro', 2, 1],
  ['small', 2, 2],
  ['medium', 2, 4],
  ['large', 2, 8],
  ['xlarge', 4, 16],
  ['2xlarge', 8, 32],
];

/** m5, m5a, m5n, m5d (the `d` variant adds NVMe instance store). */
const m5Sizes = (withStore: boolean): readonly SizeRow[] => [
  ['large', 2, 8, withStore ? [1, 75] : null],
  ['xlarge', 4, 16, withStore ? [1, 150] : null],
  ['2xlarge', 8, 32, withStore ? [1, 300] : null],
  ['4xlarge', 16, 64, withStore ? [2, 300] : null],
  ['8xlarge', 32, 128, withStore ? [2, 600] : null],
  ['12xlarge', 48, 192, withStore ? [2, 900] : null],
  ['16xlarge', 64, 256, withStore ? [4, 600] : null],
  ['24xlarge', 96, 384, withStore ? [4, 900] : null],
];

/** r5, r5n, r5d: twice the memory of m5 at the same vCPUs. */
const r5Sizes = (withStore: boolean): readonly SizeRow[] => m5Sizes(withStore).map(([size, vcpu, memory, store]) => [size, vcpu, memory * 2, store] as const);

/** Graviton2 m6g/c6g/r6g sizes; `memoryPerVcpu` is 4, 2 or 8 GiB; `gd` variants add NVMe. */
const graviton2Sizes = (memoryPerVcpu: number, withStore: boolean): readonly SizeRow[] => [
  ['medium', 1, memoryPerVcpu, withStore ? [1, 59] : null],
  ['large', 2, 2 * memoryPerVcpu, withStore ? [1, 118] : null],
  ['xlarge', 4, 4 * memoryPerVcpu, withStore ? [1, 237] : null],
  ['2xlarge', 8, 8 * memoryPerVcpu, withStore ? [1, 474] : null],
  ['4xlarge', 16, 16 * memoryPerVcpu, withStore ? [1, 950] : null],
  ['8xlarge', 32, 32 * memoryPerVcpu, withStore ? [1, 1900] : null],
  ['12xlarge', 48, 48 * memoryPerVcpu, withStore ? [2, 1425] : null],
  ['16xlarge', 64, 64 * memoryPerVcpu, withStore ? [2, 1900] : null],
];

const c5Sizes = (withStore: boolean): readonly SizeRow[] => [
  ['large', 2, 4, withStore ? [1, 50] : null],
  ['xlarge', 4, 8, withStore ? [1, 100] : null],
  ['2xlarge', 8, 16, withStore ? [1, 200] : null],
  ['4xlarge', 16, 32, withStore ? [1, 400] : null],
  ['9xlarge', 36, 72, withStore ? [1, 900] : null],
  ['12xlarge', 48, 96, withStore ? [2, 900] : null],
  ['18xlarge', 72, 144, withStore ? [2, 900] : null],
  ['24xlarge', 96, 192, withStore ? [4, 900] : null],
];

const families: readonly FamilySpec[] = [
  // General purpose, burstable.
  {
    family: 't2',
    category: 'general-purpose',
    arch: 'x86_64',
    burstable: true,
    sizes: [
      ['nano', 1, 0.5],
      ['micro', 1, 1],
      ['small', 1, 2],
      ['medium', 2, 4],
      ['large', 2, 8],
      ['xlarge', 4, 16],
      ['2xlarge', 8, 32],
    ],
  },
  { family: 't3', category: 'general-purpose', arch: 'x86_64', burstable: true, sizes: burstableSizes },
  { family: 't3a', category: 'general-purpose', arch: 'x86_64', burstable: true, sizes: burstableSizes },
  { family: 't4g', category: 'general-purpose', arch: 'arm64', burstable: true, sizes: burstableSizes },
  // General purpose, fixed performance.
  { family: 'm5', category: 'general-purpose', arch: 'x86_64', sizes: m5Sizes(false) },
  { family: 'm5a', category: 'general-purpose', arch: 'x86_64', sizes: m5Sizes(false) },
  { family: 'm5n', category: 'general-purpose', arch: 'x86_64', sizes: m5Sizes(false) },
  { family: 'm5d', category: 'general-purpose', arch: 'x86_64', storeMedia: 'nvme-ssd', sizes: m5Sizes(true) },
  { family: 'm6g', category: 'general-purpose', arch: 'arm64', sizes: graviton2Sizes(4, false) },
  { family: 'm6gd', category: 'general-purpose', arch: 'arm64', storeMedia: 'nvme-ssd', sizes: graviton2Sizes(4, true) },
  // Compute optimized.
  { family: 'c5', category: 'compute-optimized', arch: 'x86_64', sizes: c5Sizes(false) },
  { family: 'c5d', category: 'compute-optimized', arch: 'x86_64', storeMedia: 'nvme-ssd', sizes: c5Sizes(true) },
  {
    family: 'c5n',
    category: 'compute-optimized',
    arch: 'x86_64',
    sizes: [
      ['large', 2, 5.25],
      ['xlarge', 4, 10.5],
      ['2xlarge', 8, 21],
      ['4xlarge', 16, 42],
      ['9xlarge', 36, 96],
      ['18xlarge', 72, 192],
    ],
  },
  { family: 'c6g', category: 'compute-optimized', arch: 'arm64', sizes: graviton2Sizes(2, false) },
  { family: 'c6gd', category: 'compute-optimized', arch: 'arm64', storeMedia: 'nvme-ssd', sizes: graviton2Sizes(2, true) },
  // Memory optimized.
  { family: 'r5', category: 'memory-optimized', arch: 'x86_64', sizes: r5Sizes(false) },
  { family: 'r5n', category: 'memory-optimized', arch: 'x86_64', sizes: r5Sizes(false) },
  { family: 'r5d', category: 'memory-optimized', arch: 'x86_64', storeMedia: 'nvme-ssd', sizes: r5Sizes(true) },
  { family: 'r6g', category: 'memory-optimized', arch: 'arm64', sizes: graviton2Sizes(8, false) },
  {
    family: 'x2idn',
    category: 'memory-optimized',
    arch: 'x86_64',
    storeMedia: 'nvme-ssd',
    sizes: [
      ['16xlarge', 64, 1024, [1, 1900]],
      ['24xlarge', 96, 1536, [2, 1425]],
      ['32xlarge', 128, 2048, [2, 1900]],
    ],
  },
  {
    family: 'x2iedn',
    category: 'memory-optimized',
    arch: 'x86_64',
    storeMedia: 'nvme-ssd',
    sizes: [
      ['xlarge', 4, 128, [1, 118]],
      ['2xlarge', 8, 256, [1, 237]],
      ['4xlarge', 16, 512, [1, 475]],
      ['8xlarge', 32, 1024, [1, 950]],
      ['16xlarge', 64, 2048, [1, 1900]],
      ['24xlarge', 96, 3072, [2, 1425]],
      ['32xlarge', 128, 4096, [2, 1900]],
    ],
  },
  {
    family: 'x1',
    category: 'memory-optimized',
    arch: 'x86_64',
    storeMedia: 'ssd',
    sizes: [
      ['16xlarge', 64, 976, [1, 1920]],
      ['32xlarge', 128, 1952, [2, 1920]],
    ],
  },
  {
    family: 'x1e',
    category: 'memory-optimized',
    arch: 'x86_64',
    storeMedia: 'ssd',
    sizes: [
      ['xlarge', 4, 122, [1, 120]],
      ['2xlarge', 8, 244, [1, 240]],
      ['4xlarge', 16, 488, [1, 480]],
      ['8xlarge', 32, 976, [1, 960]],
      ['16xlarge', 64, 1952, [1, 1920]],
      ['32xlarge', 128, 3904, [2, 1920]],
    ],
  },
  // Storage optimized.
  {
    family: 'i3',
    category: 'storage-optimized',
    arch: 'x86_64',
    storeMedia: 'nvme-ssd',
    sizes: [
      ['large', 2, 15.25, [1, 475]],
      ['xlarge', 4, 30.5, [1, 950]],
      ['2xlarge', 8, 61, [1, 1900]],
      ['4xlarge', 16, 122, [2, 1900]],
      ['8xlarge', 32, 244, [4, 1900]],
      ['16xlarge', 64, 488, [8, 1900]],
    ],
  },
  {
    family: 'i3en',
    category: 'storage-optimized',
    arch: 'x86_64',
    storeMedia: 'nvme-ssd',
    sizes: [
      ['large', 2, 16, [1, 1250]],
      ['xlarge', 4, 32, [1, 2500]],
      ['2xlarge', 8, 64, [2, 2500]],
      ['3xlarge', 12, 96, [1, 7500]],
      ['6xlarge', 24, 192, [2, 7500]],
      ['12xlarge', 48, 384, [4, 7500]],
      ['24xlarge', 96, 768, [8, 7500]],
    ],
  },
  {
    family: 'i4i',
    category: 'storage-optimized',
    arch: 'x86_64',
    storeMedia: 'nvme-ssd',
    sizes: [
      ['large', 2, 16, [1, 468]],
      ['xlarge', 4, 32, [1, 937]],
      ['2xlarge', 8, 64, [1, 1875]],
      ['4xlarge', 16, 128, [1, 3750]],
      ['8xlarge', 32, 256, [2, 3750]],
      ['16xlarge', 64, 512, [4, 3750]],
      ['32xlarge', 128, 1024, [8, 3750]],
    ],
  },
  {
    family: 'd2',
    category: 'storage-optimized',
    arch: 'x86_64',
    storeMedia: 'hdd',
    sizes: [
      ['xlarge', 4, 30.5, [3, 2000]],
      ['2xlarge', 8, 61, [6, 2000]],
      ['4xlarge', 16, 122, [12, 2000]],
      ['8xlarge', 36, 244, [24, 2000]],
    ],
  },
  {
    family: 'd3',
    category: 'storage-optimized',
    arch: 'x86_64',
    storeMedia: 'hdd',
    sizes: [
      ['xlarge', 4, 32, [3, 1980]],
      ['2xlarge', 8, 64, [6, 1980]],
      ['4xlarge', 16, 128, [12, 1980]],
      ['8xlarge', 32, 256, [24, 1980]],
    ],
  },
  // Accelerated computing.
  {
    family: 'p3',
    category: 'accelerated-computing',
    arch: 'x86_64',
    sizes: [
      ['2xlarge', 8, 61, null, 1],
      ['8xlarge', 32, 244, null, 4],
      ['16xlarge', 64, 488, null, 8],
    ],
  },
  { family: 'p3dn', category: 'accelerated-computing', arch: 'x86_64', storeMedia: 'nvme-ssd', sizes: [['24xlarge', 96, 768, [2, 900], 8]] },
  { family: 'p4d', category: 'accelerated-computing', arch: 'x86_64', storeMedia: 'nvme-ssd', sizes: [['24xlarge', 96, 1152, [8, 1000], 8]] },
  {
    family: 'g5',
    category: 'accelerated-computing',
    arch: 'x86_64',
    storeMedia: 'nvme-ssd',
    sizes: [
      ['xlarge', 4, 16, [1, 250], 1],
      ['2xlarge', 8, 32, [1, 450], 1],
      ['4xlarge', 16, 64, [1, 600], 1],
      ['8xlarge', 32, 128, [1, 900], 1],
      ['12xlarge', 48, 192, [1, 3800], 4],
      ['16xlarge', 64, 256, [1, 1900], 1],
      ['24xlarge', 96, 384, [1, 3800], 4],
      ['48xlarge', 192, 768, [2, 3800], 8],
    ],
  },
  {
    family: 'f1',
    category: 'accelerated-computing',
    arch: 'x86_64',
    storeMedia: 'nvme-ssd',
    sizes: [
      ['2xlarge', 8, 122, [1, 470]],
      ['4xlarge', 16, 244, [1, 940]],
      ['16xlarge', 64, 976, [4, 940]],
    ],
  },
];

const ec2PriceSource = 'github:vantage-sh/ec2instances.info opszero-app/instances.json @ a19cd859 (AWS Price List scrape, us-east-1 Linux on-demand; spot = average at scrape time)';
const ec2PriceAsOf = '2024-04-04';

/** On-demand and average spot USD per hour, us-east-1 Linux, for the types the price reference lists. */
const sourcedPrices: Readonly<Record<string, readonly [onDemand: number, spotAvg: number]>> = {
  't2.micro': [0.0116, 0.003944],
  't3.micro': [0.0104, 0.004056],
  't3.small': [0.0208, 0.007696],
  't3.medium': [0.0416, 0.017472],
  't3.large': [0.0832, 0.039936],
  'm5.large': [0.096, 0.0384],
  'm5.xlarge': [0.192, 0.07104],
  'c5.large': [0.085, 0.0391],
  'c5.4xlarge': [0.68, 0.2992],
  'r5.large': [0.126, 0.063],
  'r5.12xlarge': [3.024, 1.23984],
  'i3.large': [0.156, 0.05772],
  'i3.8xlarge': [2.496, 1.02336],
  'p3.2xlarge': [3.06, 1.4076],
  'g5.xlarge': [1.006, 0.52312],
  't4g.micro': [0.0084, 0.00378],
  'm6g.large': [0.077, 0.03311],
  'c6g.large': [0.068, 0.02992],
  'r6g.large': [0.1008, 0.037296],
};

/**
 * Prices from a different source than the scrape above, kept with their own source. The
 * x2iedn.32xlarge figure is the on-demand rate of the Reserved Instance example in the reference.
 */
const otherSourcedPrices: Readonly<Record<string, { readonly onDemand: number; readonly source: string; readonly asOf: string }>> = {
  'x2iedn.32xlarge': {
    onDemand: 26.676,
    source: 'github:vantage-sh/ec2instances.info next/utils/mocks/ec2_single_instance.json (us-east-1 Linux on-demand)',
    asOf: '2026-07-20',
  },
};

function buildInstanceType(spec: FamilySpec, row: SizeRow): InstanceTypeDef {
  const [size, vcpu, memoryGiB, store, gpus] = row;
  const name = `${spec.family}.${size}`;
  const price = sourcedPrices[name];
  const otherPrice = otherSourcedPrices[name];
  return {
    name,
    family: spec.family,
    category: spec.category,
    vcpu,
    memoryGiB,
    arch: spec.arch,
    ...(store && spec.storeMedia ? { instanceStore: { disks: store[0], sizeGBEach: store[1], media: spec.storeMedia } } : {}),
    ...(gpus ? { gpus } : {}),
    ...(spec.burstable ? { burstable: true } : {}),
    ...(price ? { onDemandUsdPerHour: price[0], spotAvgUsdPerHour: price[1], priceSource: ec2PriceSource, priceAsOf: ec2PriceAsOf } : {}),
    ...(otherPrice ? { onDemandUsdPerHour: otherPrice.onDemand, priceSource: otherPrice.source, priceAsOf: otherPrice.asOf } : {}),
  };
}

const instanceTypes: readonly InstanceTypeDef[] = families.flatMap((spec) => spec.sizes.map((row) => buildInstanceType(spec, row)));
const byName: ReadonlyMap<string, InstanceTypeDef> = new Map(instanceTypes.map((def) => [def.name, def]));

/** Every known instance type, grouped by family in catalog order. */
export function allInstanceTypes(): readonly InstanceTypeDef[] {
  return instanceTypes;
}

/** The instance type with this exact name (`t3.medium`), or undefined when it is not in the table. */
export function instanceType(name: string): InstanceTypeDef | undefined {
  return byName.get(name);
}
