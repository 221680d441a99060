/**
 * EBS volume pricing, shared by `aws.ebs.volume` and the inline `volumes:` of instances and auto
 * scaling groups: storage by type per GB-month, gp3 IOPS above 3,000 and throughput above
 * 125 MiB/s, io1/io2 provisioned IOPS (io2 in three tiers), and snapshot storage.
 */
import type { CostContext } from '../context';
import { amountOr } from '../context';

/** The billed shape of one volume. */
export interface VolumeSpec {
  readonly volumeType: string;
  readonly sizeGB: number;
  readonly iops?: number;
  readonly throughputMBps?: number;
  readonly snapshotGB?: number;
}

export const GP3_FREE_IOPS = 3000;
export const GP3_FREE_THROUGHPUT = 125;

/** The baseline IOPS of a gp2 volume: 3 per GB, at least 100, at most 16,000. */
export function gp2BaselineIops(sizeGB: number): number {
  return Math.min(16000, Math.max(100, 3 * amountOr(sizeGB, 0)));
}

/** Reads a volume from a plain object (`volumes:` item or a volume resource's props). */
export function volumeSpecFrom(value: Readonly<Record<string, unknown>>, defaultType = 'gp2'): VolumeSpec {
  const volumeType = typeof value.volumeType === 'string' ? value.volumeType : defaultType;
  const optional = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);
  const iops = optional(value.iops);
  const throughputMBps = optional(value.throughputMBps ?? value.throughput);
  const snapshotGB = optional(value.snapshotGB);
  return {
    volumeType,
    sizeGB: amountOr(value.sizeGB, 0),
    ...(iops !== undefined ? { iops } : {}),
    ...(throughputMBps !== undefined ? { throughputMBps } : {}),
    ...(snapshotGB !== undefined ? { snapshotGB } : {}),
  };
}

/**
 * Charges one volume spec `copies` times (an instance's volume times its unit count). `label`
 * prefixes every line, e.g. `volume 1 (x2 units)`.
 */
export function chargeVolume(ctx: CostContext, resource: string, region: string, spec: VolumeSpec, copies: number, label: string): number {
  const n = amountOr(copies, 0);
  const type = spec.volumeType;
  const prefix = label ? `${label}: ` : '';
  let total = ctx.charge(resource, region, {
    key: `ebs:${type}`,
    quantity: spec.sizeGB * n,
    what: `${prefix}${type} storage`,
    unit: 'GB-month',
  });
  if (type === 'gp3') {
    const extraIops = Math.max(0, amountOr(spec.iops, GP3_FREE_IOPS) - GP3_FREE_IOPS);
    const extraThroughput = Math.max(0, amountOr(spec.throughputMBps, GP3_FREE_THROUGHPUT) - GP3_FREE_THROUGHPUT);
    total += ctx.charge(resource, region, { key: 'ebs:gp3:iops', quantity: extraIops * n, what: `${prefix}gp3 IOPS above 3,000` });
    total += ctx.charge(resource, region, {
      key: 'ebs:gp3:throughput',
      quantity: extraThroughput * n,
      what: `${prefix}gp3 throughput above 125 MiB/s`,
    });
  } else if (type === 'io1') {
    total += ctx.charge(resource, region, {
      key: 'ebs:io1:iops',
      quantity: amountOr(spec.iops, 100) * n,
      what: `${prefix}io1 provisioned IOPS`,
    });
  } else if (type === 'io2') {
    const iops = amountOr(spec.iops, 100);
    const tier1 = Math.min(iops, 32000);
    const tier2 = Math.min(Math.max(iops - 32000, 0), 32000);
    const tier3 = Math.max(iops - 64000, 0);
    const bands = [
      ['ebs:io2:iops', tier1, 'first 32,000'],
      ['ebs:io2:iops-32k-64k', tier2, '32,001-64,000'],
      ['ebs:io2:iops-over-64k', tier3, 'over 64,000'],
    ] as const;
    for (const [key, iopsInBand, band] of bands)
      total += ctx.charge(resource, region, { key, quantity: iopsInBand * n, what: `${prefix}io2 provisioned IOPS (${band})` });
  }
  total += ctx.charge(resource, region, {
    key: 'ebs:snapshot',
    quantity: amountOr(spec.snapshotGB, 0) * n,
    what: `${prefix}snapshot storage`,
  });
  return total;
}

/** The monthly cost of a volume spec without recording anything (used for the gp2 -> gp3 saving). */
export function volumeMonthly(ctx: CostContext, spec: VolumeSpec): number | undefined {
  const p = (key: string) => ctx.price(key)?.usd;
  const storage = p(`ebs:${spec.volumeType}`);
  if (storage === undefined) return undefined;
  let total = storage * spec.sizeGB;
  if (spec.volumeType === 'gp3') {
    total += (p('ebs:gp3:iops') ?? 0) * Math.max(0, amountOr(spec.iops, GP3_FREE_IOPS) - GP3_FREE_IOPS);
    total += (p('ebs:gp3:throughput') ?? 0) * Math.max(0, amountOr(spec.throughputMBps, GP3_FREE_THROUGHPUT) - GP3_FREE_THROUGHPUT);
  }
  return Number.isFinite(total) ? total : undefined;
}
