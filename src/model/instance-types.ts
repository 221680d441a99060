/**
 * EC2 instance types: the hardware catalog (every type the EC2 API listed when the list was taken:
 * vCPUs, memory, architecture, GPUs, baseline network bandwidth, instance store where known) and
 * the Linux on-demand and average spot prices per region.
 *
 * Everything here is read from the generated snapshot (`generated/price-snapshot.ts`, built by
 * `npm run prices` from the dated files in `data/sources/`). A type without a sourced price in a
 * region stays unpriced there on purpose: the cost evaluation says so instead of guessing, and
 * completion does not offer a type that has no price at all.
 */
import type { InstanceTypeDef } from './catalog-types';
import {
  EC2_HARDWARE,
  EC2_HARDWARE_SOURCE,
  EC2_NETWORK_SOURCE,
  EC2_PRICES,
  EC2_STORE_SOURCE,
  PRICE_SOURCES,
  PRICED_REGIONS,
} from './generated/price-snapshot';

/** The region whose prices the catalog shows when no region is given (hover, completion). */
export const CATALOG_PRICE_REGION = 'us-east-1';

function sourceText(index: number): string {
  const source = PRICE_SOURCES[index]!;
  return `${source.origin}, as of ${source.asOf}`;
}

/** The date each hardware list was taken, for hover and docs. */
export const EC2_HARDWARE_AS_OF = PRICE_SOURCES[EC2_HARDWARE_SOURCE]!.asOf;

/** The category AWS files a family under, from the family's leading letters. */
function categoryOf(family: string): InstanceTypeDef['category'] {
  if (/^(p|g|gr|inf|trn|dl|f|vt)\d/.test(family)) return 'accelerated-computing';
  if (/^(i|im|is|d|h)\d/.test(family)) return 'storage-optimized';
  if (/^(c|hpc)\d/.test(family)) return 'compute-optimized';
  if (/^(r|x|z|u)\d|^u-/.test(family)) return 'memory-optimized';
  return 'general-purpose';
}

function storeMedia(media: string): NonNullable<InstanceTypeDef['instanceStore']>['media'] {
  return media === 'hdd' ? 'hdd' : media === 'ssd' ? 'ssd' : 'nvme-ssd';
}

const usEast1 = EC2_PRICES[CATALOG_PRICE_REGION] ?? {};

/**
 * Families with local disks by AWS's naming (a `d` after the generation: m5d, m6id, c7gd, x2iedn)
 * or by kind (storage-optimized, and the GPU/accelerator families that ship NVMe). For these the
 * hardware list's silence about the store is not "EBS only".
 */
function mayHaveInstanceStore(family: string): boolean {
  return /^[a-z]+\d+[a-z]*d[a-z]*$/.test(family) || /^(i|im|is|d|h|p|g|gr|trn|dl|f)\d/.test(family);
}

function buildInstanceType(row: (typeof EC2_HARDWARE)[number]): InstanceTypeDef {
  const [name, vcpu, memoryGiB, arm64, gpus, networkMbps, store] = row;
  const family = name.slice(0, name.indexOf('.'));
  const price = usEast1[name];
  const hardwareSources = [sourceText(EC2_HARDWARE_SOURCE)];
  if (networkMbps !== null) hardwareSources.push(`network: ${sourceText(EC2_NETWORK_SOURCE)}`);
  if (store !== null) hardwareSources.push(`instance store: ${sourceText(EC2_STORE_SOURCE)}`);
  return {
    name,
    family,
    category: categoryOf(family),
    vcpu,
    memoryGiB,
    arch: arm64 === 1 ? 'arm64' : 'x86_64',
    ...(store !== null
      ? { instanceStore: { disks: store[0], sizeGBEach: store[1], media: storeMedia(store[2]) } }
      : mayHaveInstanceStore(family)
        ? { instanceStoreKnown: false as const }
        : {}),
    ...(gpus > 0 ? { gpus } : {}),
    ...(family.startsWith('t') && /^t\d/.test(family) ? { burstable: true } : {}),
    ...(networkMbps !== null ? { networkMbps } : {}),
    hardwareSource: hardwareSources.join('; '),
    ...(price
      ? {
          onDemandUsdPerHour: price[0],
          ...(price[1] !== null ? { spotAvgUsdPerHour: price[1] } : {}),
          priceSource: PRICE_SOURCES[price[2]]!.origin,
          priceAsOf: PRICE_SOURCES[price[2]]!.asOf,
        }
      : {}),
  };
}

/** By family, then smallest first within a family (what lists and suggestions show). */
const instanceTypes: readonly InstanceTypeDef[] = EC2_HARDWARE.map(buildInstanceType).sort((a, b) =>
  a.family < b.family ? -1 : a.family > b.family ? 1 : a.vcpu - b.vcpu || a.memoryGiB - b.memoryGiB || (a.name < b.name ? -1 : 1),
);
const byName: ReadonlyMap<string, InstanceTypeDef> = new Map(instanceTypes.map((def) => [def.name, def]));

/** Every known instance type, by family and then size. */
export function allInstanceTypes(): readonly InstanceTypeDef[] {
  return instanceTypes;
}

/** The instance type with this exact name (`t3.medium`), or undefined when it is not in the table. */
export function instanceType(name: string): InstanceTypeDef | undefined {
  return byName.get(name);
}

/** One regional EC2 price with where it came from. */
export interface RegionalEc2Price {
  readonly onDemandUsdPerHour: number;
  readonly spotAvgUsdPerHour?: number;
  readonly source: string;
  readonly spotSource?: string;
}

/** Whether the snapshot has EC2 and RDS prices for `region` at all. */
export function isPricedRegion(region: string): boolean {
  return PRICED_REGIONS.includes(region);
}

/** The regions the snapshot prices, in the snapshot's order. */
export function pricedRegions(): readonly string[] {
  return PRICED_REGIONS;
}

/** The Linux on-demand (and spot average) price of `name` in `region`, or undefined when unsourced. */
export function ec2RegionalPrice(name: string, region: string): RegionalEc2Price | undefined {
  const row = EC2_PRICES[region]?.[name];
  if (!row) return undefined;
  return {
    onDemandUsdPerHour: row[0],
    source: sourceText(row[2]),
    ...(row[1] !== null && row[3] !== null ? { spotAvgUsdPerHour: row[1], spotSource: sourceText(row[3]) } : {}),
  };
}

/** Whether `name` has a sourced on-demand price in at least one region (completion offers only these). */
export function isPricedInstanceType(name: string): boolean {
  return PRICED_REGIONS.some((region) => EC2_PRICES[region]?.[name] !== undefined);
}
