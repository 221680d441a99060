/**
 * Analytics pricing: EMR (EC2 instances plus the EMR fee per instance-hour), Glue jobs and
 * crawlers (DPU-hours), Athena (TB scanned), QuickSight (authors, readers, SPICE) and Redshift
 * (node-hours, managed storage or Serverless RPU-hours).
 */
import type { ResourceNode } from '../../../core/document';
import type { CostContext } from '../context';
import { amountOr } from '../context';
import {
  addOptionCharged,
  addOptionCost,
  addOptionCosts,
  databaseFactor,
  databaseOptionFactors,
  ec2OptionFactors,
  ec2PurchaseOptions,
} from '../purchase';
import { chargeInstances } from './compute';

interface EmrGroup {
  readonly role: string;
  readonly instanceType: string;
  readonly count: number;
  readonly purchase: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `aws.emr.cluster`: each instance group's EC2 cost under its purchase option, plus the EMR fee. */
export function priceEmr(ctx: CostContext, r: ResourceNode): void {
  const region = ctx.regionOf(r);
  const hours = Math.min(ctx.num(r, 'hoursPerMonth', ctx.hours), ctx.hours);
  const groups: EmrGroup[] = [];
  for (const role of ['master', 'core', 'task']) {
    // A group written in another shape (a bare instance type, a list) is reported by validation;
    // the cost prices the catalog's default group for it rather than leaving its nodes out. A group
    // written in part takes what it leaves out from the same default group (two core nodes, spot
    // task nodes), as the schema's defaults and the CloudFormation export read it.
    const written = ctx.prop(r, role);
    const catalogGroup = r.typeDef?.properties[role]?.default;
    const defaults = isRecord(catalogGroup) ? catalogGroup : {};
    const group = isRecord(written) ? written : defaults;
    const instanceType = stringOr(group.instanceType, stringOr(defaults.instanceType, 'm5.xlarge'));
    const count = amountOr(group.count, amountOr(defaults.count, role === 'master' ? 1 : 0));
    const purchase = stringOr(group.purchase, stringOr(defaults.purchase, 'on-demand'));
    if (count > 0) groups.push({ role, instanceType, count, purchase });
  }
  const fee = ctx.price('emr:fee-fraction');
  for (const group of groups) {
    const before = ctx.lineItems.length;
    chargeInstances(ctx, r, group.count, group.instanceType, group.purchase, { label: `${group.role} nodes`, hours, recordOptions: false });
    for (let i = before; i < ctx.lineItems.length; i++) addOptionCharged(ctx, ctx.lineItems[i]!.monthlyUSD);
    const onDemand = ctx.price(`ec2:${group.instanceType}`, region);
    if (fee && onDemand) {
      ctx.charge(r.name, region, {
        key: 'emr:fee-fraction',
        quantity: group.count * hours,
        what: `${group.role} nodes: EMR fee on ${group.instanceType}`,
        unit: 'instance-hours',
        factor: { value: onDemand.usd, label: `x ${group.instanceType} on-demand`, source: onDemand.source, estimate: true },
      });
    }
  }
  // The options table prices every group under one option at a time; the EMR fee does not change.
  for (const option of ec2PurchaseOptions) {
    let total = 0;
    for (const group of groups) {
      const onDemand = ctx.price(`ec2:${group.instanceType}`, region);
      if (!onDemand) continue;
      const f = ec2OptionFactors(ctx, group.instanceType, region).find(([name]) => name === option);
      if (!f) continue;
      total += group.count * hours * onDemand.usd * f[1];
    }
    addOptionCost(ctx, option, total);
  }
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

/** DPUs of one Glue worker by worker type. */
const dpuPerWorker: Readonly<Record<string, number>> = { 'G.025X': 0.25, 'G.1X': 1, 'G.2X': 2, 'G.4X': 4, 'G.8X': 8, Standard: 1 };

/** `aws.glue.job`: workers x DPUs per worker x runs x minutes. */
export function priceGlueJob(ctx: CostContext, r: ResourceNode): void {
  const runHours = ctx.num(r, 'runsPerMonth', 30) * (Math.max(1, ctx.num(r, 'minutesPerRun', 10)) / 60);
  const jobType = ctx.str(r, 'jobType') ?? 'glueetl';
  const dpus = jobType === 'pythonshell' ? 0.0625 : ctx.num(r, 'workers', 10) * (dpuPerWorker[ctx.str(r, 'workerType') ?? 'G.1X'] ?? 1);
  ctx.charge(r.name, ctx.regionOf(r), {
    key: 'glue:dpu-hour',
    quantity: runHours * dpus,
    what: `${jobType} DPU-hours (${dpus} DPU x ${runHours.toFixed(2)} h)`,
    unit: 'DPU-hours',
  });
}

/** `aws.glue.crawler`: runs x minutes at two DPUs (the pricing page's worked example). */
export function priceGlueCrawler(ctx: CostContext, r: ResourceNode): void {
  const runHours = ctx.num(r, 'runsPerMonth', 30) * (Math.max(10, ctx.num(r, 'minutesPerRun', 5)) / 60);
  ctx.charge(r.name, ctx.regionOf(r), {
    key: 'glue:dpu-hour',
    quantity: runHours * 2,
    what: 'crawler DPU-hours (2 DPU assumed, 10-minute minimum per run)',
    unit: 'DPU-hours',
    estimate: true,
  });
}

/** `aws.athena.workgroup`: TB scanned a month. */
export function priceAthena(ctx: CostContext, r: ResourceNode): void {
  ctx.charge(r.name, ctx.regionOf(r), {
    key: 'athena:tb-scanned',
    quantity: ctx.num(r, 'dataScannedTBPerMonth', 1),
    what: 'data scanned by queries',
    unit: 'TB',
  });
}

/**
 * `aws.quicksight.dashboard`: per-user tiers (authors and readers per user-month; the per-session
 * reader pricing and the edition-specific author prices are gone), SPICE beyond 10 GB per author.
 */
export function priceQuickSight(ctx: CostContext, r: ResourceNode): void {
  const region = ctx.regionOf(r);
  const authors = ctx.num(r, 'authors', 1);
  ctx.charge(r.name, region, { key: 'quicksight:author', quantity: authors, what: 'authors (per-user tier)', unit: 'user-months' });
  const readers = ctx.num(r, 'readers', 0);
  ctx.charge(r.name, region, { key: 'quicksight:reader', quantity: readers, what: 'readers (per-user tier)', unit: 'user-months' });
  const extraSpice = Math.max(0, ctx.num(r, 'spiceGB', 10) - 10 * authors);
  ctx.charge(r.name, region, {
    key: 'quicksight:spice',
    quantity: extraSpice,
    what: 'SPICE beyond the 10 GB included per author',
    unit: 'GB-month',
  });
}

/** The base capacity of a Redshift Serverless workgroup when none is set (AWS's default, and the catalog's `baseRPU` default). */
const REDSHIFT_SERVERLESS_DEFAULT_RPU = 128;

/** `aws.redshift.cluster`: node-hours (doubled for Multi-AZ), RA3 managed storage, or Serverless RPU-hours. */
export function priceRedshift(ctx: CostContext, r: ResourceNode): void {
  const region = ctx.regionOf(r);
  const serverless =
    r.props.serverless && typeof r.props.serverless === 'object' && !Array.isArray(r.props.serverless)
      ? (r.props.serverless as Record<string, unknown>)
      : undefined;
  if (serverless) {
    // Without a written base capacity, the workgroup's default: 128 RPU (AWS's and the catalog's).
    const rpu = amountOr(serverless.baseRPU ?? serverless.baseCapacityRPU ?? serverless.rpu, REDSHIFT_SERVERLESS_DEFAULT_RPU);
    const activeHours = amountOr(serverless.activeHoursPerMonth ?? serverless.hoursPerMonth, ctx.hours);
    ctx.charge(r.name, region, {
      key: 'redshift:serverless',
      quantity: rpu * activeHours,
      what: `Serverless capacity (${rpu} RPU x ${activeHours} h)`,
      unit: 'RPU-hours',
    });
  } else {
    const nodeType = ctx.str(r, 'nodeType') ?? 'ra3.xlplus';
    const nodes = ctx.num(r, 'nodes', 2) * (ctx.bool(r, 'multiAZ') ? 2 : 1);
    const purchase = ctx.str(r, 'purchase') ?? 'on-demand';
    const factor = databaseFactor(ctx, purchase);
    const key = `redshift:${nodeType}`;
    const estimatedFactor = factor ? { ...factor, estimate: true, label: `${factor.label} (RDS discount applied to Redshift)` } : undefined;
    const charged = ctx.charge(r.name, region, {
      key,
      quantity: ctx.unitHours(nodes),
      what: `${nodeType} ${purchase} node-hours (${nodes} nodes)`,
      unit: 'node-hours',
      ...(estimatedFactor ? { factor: estimatedFactor } : {}),
    });
    const base = ctx.price(key, region);
    if (base) {
      addOptionCharged(ctx, charged);
      addOptionCosts(ctx, databaseOptionFactors(ctx), ctx.unitHours(nodes), base.usd);
    }
    if (!nodeType.startsWith('ra3')) return;
  }
  ctx.charge(r.name, region, {
    key: 'redshift:managed-storage',
    quantity: ctx.num(r, 'storageGB', 100),
    what: 'managed storage',
    unit: 'GB-month',
  });
}
