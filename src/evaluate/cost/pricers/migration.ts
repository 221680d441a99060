/**
 * Migration pricing: DMS replication instances and their storage, and the Snow family's job fees.
 */
import type { ResourceNode } from '../../../core/document';
import type { CostContext } from '../context';

/** `aws.dms.task`: the replication instance (doubled for Multi-AZ) and its storage. */
export function priceDms(ctx: CostContext, r: ResourceNode): void {
  const region = ctx.regionOf(r);
  const copies = ctx.bool(r, 'multiAZ') ? 2 : 1;
  const hours = Math.min(ctx.num(r, 'hoursPerMonth', ctx.hours), ctx.hours);
  const className = ctx.str(r, 'replicationInstanceClass') ?? 'dms.t3.medium';
  ctx.charge(r.name, region, {
    key: `dms:${className}`,
    quantity: copies * hours,
    what: `${className} replication instance-hours${copies === 2 ? ' (Multi-AZ)' : ''}`,
    unit: 'instance-hours',
  });
  ctx.charge(r.name, region, {
    key: 'dms:storage',
    quantity: ctx.num(r, 'allocatedStorageGB', 50) * copies,
    what: 'replication instance storage',
    unit: 'GB-month',
  });
}

/** Days on site included in a Snow job fee. */
const snowIncludedDays: Readonly<Record<string, number>> = { snowcone: 5, 'snowball-edge-storage': 10, 'snowball-edge-compute': 10 };

/** `aws.snow.device`: a job fee per device and job, plus extra days on site. */
export function priceSnow(ctx: CostContext, r: ResourceNode): void {
  const region = ctx.regionOf(r);
  const family = ctx.str(r, 'family') ?? 'snowball-edge-storage';
  if (family === 'snowmobile') {
    ctx.addUnpriced(r.name, 'Snowmobile', 'AWS retired Snowmobile in 2024; there is no list price to apply');
    return;
  }
  const jobs = ctx.num(r, 'devices', 1) * ctx.num(r, 'jobs', 1);
  ctx.charge(r.name, region, {
    key: `snow:${family}`,
    quantity: jobs,
    what: `${family} job fee (one-off, shown in the month it happens)`,
    unit: 'jobs',
  });
  const extraDays = Math.max(0, ctx.num(r, 'daysOnSite', 10) - (snowIncludedDays[family] ?? 10));
  ctx.charge(r.name, region, {
    key: `snow:${family}:extra-day`,
    quantity: extraDays * jobs,
    what: `${family} extra days on site`,
    unit: 'device-days',
  });
}
