/**
 * Storage pricing: EBS volumes, S3 buckets (storage by class, requests from the workload,
 * retrieval), EFS and FSx.
 */
import type { ResourceNode } from '../../../core/document';
import type { CostContext } from '../context';
import { amountOr } from '../context';
import { chargeVolume, volumeSpecFrom } from './block-storage';

/** `aws.ebs.volume`. */
export function priceEbsVolume(ctx: CostContext, r: ResourceNode): void {
  const spec = volumeSpecFrom({ ...r.props, volumeType: ctx.str(r, 'volumeType') ?? 'gp2' });
  chargeVolume(ctx, r.name, ctx.regionOf(r), spec, 1, '');
}

/** Reports storage whose size the file does not give, rather than showing it as free. */
function noteMissingSize(ctx: CostContext, r: ResourceNode, property = 'sizeGB'): void {
  if (r.props[property] === undefined)
    ctx.addUnpriced(r.name, 'stored data (GB-month)', `${property} is not set, so the amount stored is unknown`);
}

/** Classes with a per-GB retrieval fee. */
const retrievalClasses = new Set(['STANDARD_IA', 'ONEZONE_IA', 'GLACIER_IR', 'GLACIER', 'DEEP_ARCHIVE']);

/** GET-type requests a bucket serves a month: `requestsPerMonth`, else the workload when on the request path. */
export function s3MonthlyGets(ctx: CostContext, r: ResourceNode): number {
  const explicit = r.props.requestsPerMonth;
  if (explicit !== undefined) return amountOr(explicit, 0);
  return ctx.requestsReaching(r.name);
}

/**
 * Whether a bucket's data is cold: at most one read per GB stored per month. Intelligent-Tiering
 * then bills the infrequent-access tier, and a STANDARD bucket gets a class-change suggestion.
 */
export function s3IsCold(ctx: CostContext, r: ResourceNode): boolean {
  return s3MonthlyGets(ctx, r) <= ctx.num(r, 'sizeGB', 0);
}

/** The storage key (and monthly GB) of a bucket's class, with Intelligent-Tiering's tier chosen by access. */
export function s3StorageKey(storageClass: string, cold: boolean): string {
  if (storageClass === 'INTELLIGENT_TIERING') return cold ? 's3:INTELLIGENT_TIERING:infrequent' : 's3:INTELLIGENT_TIERING';
  return `s3:${storageClass}`;
}

/** `aws.s3.bucket`. */
export function priceS3Bucket(ctx: CostContext, r: ResourceNode): void {
  const region = ctx.regionOf(r);
  const storageClass = ctx.str(r, 'storageClass') ?? 'STANDARD';
  const sizeGB = ctx.num(r, 'sizeGB', 0);
  const cold = s3IsCold(ctx, r);
  noteMissingSize(ctx, r);
  if (storageClass === 'STANDARD') {
    ctx.chargeTiered(r.name, region, sizeGB, [
      [51200, 's3:STANDARD'],
      [512000, 's3:STANDARD:next-450tb'],
      [Infinity, 's3:STANDARD:over-500tb'],
    ]);
  } else {
    const note =
      storageClass === 'INTELLIGENT_TIERING'
        ? cold
          ? 'little access: objects sit in the infrequent-access tier'
          : 'accessed data: objects stay in the frequent-access tier'
        : undefined;
    ctx.charge(r.name, region, {
      key: s3StorageKey(storageClass, cold),
      quantity: sizeGB,
      what: `${storageClass} storage`,
      unit: 'GB-month',
      ...(note ? { note } : {}),
    });
  }
  if (storageClass === 'INTELLIGENT_TIERING' && sizeGB > 0) {
    ctx.addUnpriced(r.name, 'Intelligent-Tiering monitoring ($0.0025 per 1,000 objects)', 'the number of objects is not modeled');
  }
  const gets = s3MonthlyGets(ctx, r);
  const fromWorkload = r.props.requestsPerMonth === undefined && gets > 0;
  ctx.charge(r.name, region, {
    key: `s3:${storageClass}:get`,
    quantity: gets / 1000,
    what: `${storageClass} GET requests`,
    unit: '1k requests',
    ...(fromWorkload ? { note: 'GETs = workload requests reaching the bucket (after any CloudFront cache)' } : {}),
  });
  if (gets > 0 && retrievalClasses.has(storageClass)) {
    ctx.addUnpriced(r.name, `${storageClass} data retrieval per GB`, 'the amount of data read is not modeled (object sizes are unknown)');
  }
  const replication = r.props.replication;
  if (replication && typeof replication === 'object' && !Array.isArray(replication)) {
    const { kind = 'CRR', to } = replication as Record<string, unknown>;
    const destinationRegion = typeof to === 'string' ? ctx.regionOfResource(to) : undefined;
    // Transfer is charged where the copy leaves the region: by the buckets' regions when the
    // destination is known (CRR within one region is warned about and moves nothing between
    // regions), by the declared kind when it is not.
    const crossesRegions = destinationRegion === undefined ? kind === 'CRR' : destinationRegion !== region;
    if (crossesRegions && ctx.doc.workload.storageGrowthGBPerMonth > 0) {
      ctx.charge(r.name, region, {
        key: interRegionKey(region, destinationRegion),
        quantity: ctx.doc.workload.storageGrowthGBPerMonth,
        what: `cross-region replication transfer${destinationRegion && destinationRegion !== region ? ` (${region} to ${destinationRegion})` : ''}`,
        unit: 'GB',
        note: 'replicated GB = workload.storageGrowthGBPerMonth',
        estimate: true,
      });
    }
  }
}

/**
 * The price key of data sent from `from` to `to`: the us-east-1/us-east-2 pair has its own, lower
 * rate (`dto:inter-region:us-east-1:us-east-2`, either direction); other pairs pay the general rate.
 */
export function interRegionKey(from: string, to: string | undefined): string {
  const pair = [from, to].sort().join(':');
  return pair === 'us-east-1:us-east-2' ? 'dto:inter-region:us-east-1:us-east-2' : 'dto:inter-region';
}

/** `aws.efs.filesystem`: Standard and IA shares of `sizeGB`, provisioned throughput. */
export function priceEfs(ctx: CostContext, r: ResourceNode): void {
  const region = ctx.regionOf(r);
  const oneZone = ctx.str(r, 'deployment') === 'one-zone';
  const sizeGB = ctx.num(r, 'sizeGB', 0);
  const iaShare = Math.min(100, ctx.num(r, 'infrequentAccessPercent', 0)) / 100;
  noteMissingSize(ctx, r);
  ctx.charge(r.name, region, { key: oneZone ? 'efs:one-zone' : 'efs:standard', quantity: sizeGB * (1 - iaShare), unit: 'GB-month' });
  ctx.charge(r.name, region, { key: oneZone ? 'efs:one-zone-ia' : 'efs:standard-ia', quantity: sizeGB * iaShare, unit: 'GB-month' });
  const mode = ctx.str(r, 'throughputMode') ?? 'bursting';
  if (mode === 'provisioned') {
    ctx.charge(r.name, region, {
      key: 'efs:provisioned-throughput',
      quantity: ctx.num(r, 'provisionedThroughputMBps', 0),
      unit: 'MiB/s-month',
    });
  } else if (mode === 'elastic') {
    ctx.addUnpriced(r.name, 'elastic throughput (per GB read and written)', 'the amount of data read and written is not modeled');
  }
}

/** `aws.fsx.filesystem`: Windows (storage + throughput capacity) or Lustre (storage by deployment). */
export function priceFsx(ctx: CostContext, r: ResourceNode): void {
  const region = ctx.regionOf(r);
  const kind = ctx.str(r, 'kind') ?? 'windows';
  const deployment = ctx.str(r, 'deploymentType') ?? (kind === 'lustre' ? 'scratch-2' : 'single-az-2');
  const capacity = ctx.num(r, 'storageCapacityGB', 0);
  if (kind === 'lustre') {
    const key = deployment.startsWith('scratch') ? 'fsx:lustre:scratch' : 'fsx:lustre:persistent';
    ctx.charge(r.name, region, { key, quantity: capacity, unit: 'GB-month' });
    return;
  }
  const multiAz = deployment.startsWith('multi-az');
  if (kind === 'ontap' || kind === 'openzfs') {
    // Their rates are not in the price snapshot yet, and they bill differently from FSx for Windows:
    // charged under their own keys, which stay unpriced (and say which key to set) until a
    // sourced rate or the user's `assumptions.prices` gives them.
    const name = kind === 'ontap' ? 'FSx for NetApp ONTAP' : 'FSx for OpenZFS';
    const suffix = multiAz ? '-multi-az' : '';
    ctx.charge(r.name, region, { key: `fsx:${kind}:ssd${suffix}`, quantity: capacity, what: `${name} SSD storage`, unit: 'GB-month' });
    ctx.charge(r.name, region, {
      key: `fsx:${kind}:throughput${suffix}`,
      quantity: ctx.num(r, 'throughputMBps', 128),
      what: `${name} throughput capacity`,
      unit: 'MBps-month',
    });
    return;
  }
  const hdd = ctx.str(r, 'storageType') === 'hdd';
  const storageKey = `fsx:windows:${hdd ? 'hdd' : 'ssd'}${multiAz ? '-multi-az' : ''}`;
  ctx.charge(r.name, region, { key: storageKey, quantity: capacity, unit: 'GB-month' });
  ctx.charge(r.name, region, {
    key: multiAz ? 'fsx:windows:throughput-multi-az' : 'fsx:windows:throughput',
    quantity: ctx.num(r, 'throughputMBps', 32),
    unit: 'MBps-month',
  });
}
