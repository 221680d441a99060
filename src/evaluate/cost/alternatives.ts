/**
 * Suggestions that save money, each with the monthly cost after the change and the saving:
 * on-demand compute to a 1-year reservation or Savings Plan, gp2 volumes to gp3 (with the IOPS
 * the gp2 volume had as its baseline, so performance does not drop), and STANDARD buckets whose
 * data is cold to Intelligent-Tiering or Standard-IA. Each carries a mechanical fix when the
 * change is one property.
 */
import type { FixPayload, ResourceNode, ValuePath } from '../../core/document';
import type { CostAlternative } from '../types';
import type { CostContext } from './context';
import { amountOr } from './context';
import { gp2BaselineIops, GP3_FREE_IOPS, volumeMonthly, volumeSpecFrom, type VolumeSpec } from './pricers/block-storage';
import { s3IsCold, s3MonthlyGets, s3StorageKey } from './pricers/storage';

/** Builds the fix that sets properties of one resource (path -> value); undefined when it cannot. */
export type FixBuilder = (resource: string, changes: readonly (readonly [ValuePath, string | number])[], title: string) => FixPayload | undefined;

/** Only savings of at least a cent a month are worth a suggestion. */
const MIN_SAVING_USD = 0.01;

/**
 * What the suggestions of one resource are worked out from: its whole monthly cost (line items of
 * its own plus any data transfer charged to it) and its final purchase-option table.
 */
export interface ResourceTotals {
  readonly monthlyUSD: number;
  readonly options: Readonly<Record<string, number>> | undefined;
}

function push(out: CostAlternative[], alt: Omit<CostAlternative, 'fix'>, fix: FixPayload | undefined): void {
  if (!(alt.savingUSD >= MIN_SAVING_USD) || !Number.isFinite(alt.monthlyUSD)) return;
  out.push(fix ? { ...alt, fix } : alt);
}

function enumAllows(r: ResourceNode, property: string, value: string): boolean {
  const shape = r.typeDef?.properties[property]?.shape;
  return shape?.kind === 'enum' && shape.values.some((v) => v.value === value);
}

function purchaseSuggestions(ctx: CostContext, r: ResourceNode, totals: ResourceTotals, fix: FixBuilder, out: CostAlternative[]): void {
  const table = totals.options;
  if (!table || typeof r.typeDef?.properties.purchase === 'undefined') return;
  const current = ctx.str(r, 'purchase') ?? 'on-demand';
  if (current !== 'on-demand') return;
  const now = totals.monthlyUSD;
  const name = r.name;
  for (const option of ['reserved-1y', 'savings-plan-1y']) {
    const after = table[option];
    if (after === undefined || !enumAllows(r, 'purchase', option)) continue;
    push(out, { resource: name, change: `purchase: ${option}`, monthlyUSD: after, savingUSD: now - after }, fix(name, [[['purchase'], option]], `Buy ${name} as ${option} (saves about $${(now - after).toFixed(2)}/month)`));
  }
}

/** The gp3 equivalent of a gp2 volume: the same size, IOPS at least the gp2 baseline. */
function gp3Equivalent(spec: VolumeSpec): VolumeSpec {
  const iops = Math.max(GP3_FREE_IOPS, gp2BaselineIops(spec.sizeGB));
  return { volumeType: 'gp3', sizeGB: spec.sizeGB, iops };
}

function gp2Suggestion(ctx: CostContext, name: string, spec: VolumeSpec, copies: number, path: ValuePath, fix: FixBuilder, label: string, resourceTotal: number, out: CostAlternative[]): void {
  const before = volumeMonthly(ctx, spec);
  const equivalent = gp3Equivalent(spec);
  const after = volumeMonthly(ctx, equivalent);
  if (before === undefined || after === undefined) return;
  const saving = (before - after) * copies;
  const extraIops = equivalent.iops! - GP3_FREE_IOPS;
  const change = `${label}volumeType: gp3${extraIops > 0 ? ` (with iops: ${equivalent.iops} to keep the gp2 baseline)` : ''}`;
  const iopsPath: ValuePath = [...path.slice(0, -1), 'iops'];
  const changes: (readonly [ValuePath, string | number])[] = [[path, 'gp3']];
  if (extraIops > 0) changes.push([iopsPath, equivalent.iops!]);
  push(out, { resource: name, change, monthlyUSD: resourceTotal - saving, savingUSD: saving }, fix(name, changes, `Change ${name}'s ${label}volume type to gp3 (saves about $${saving.toFixed(2)}/month)`));
}

function volumeSuggestions(ctx: CostContext, r: ResourceNode, resourceTotal: number, fix: FixBuilder, out: CostAlternative[]): void {
  if (r.type === 'aws.ebs.volume') {
    const spec = volumeSpecFrom({ ...r.props, volumeType: ctx.str(r, 'volumeType') ?? 'gp2' });
    if (spec.volumeType === 'gp2') gp2Suggestion(ctx, r.name, spec, 1, ['volumeType'], fix, '', resourceTotal, out);
  } else if ((r.type === 'aws.ec2.instance' || r.type === 'aws.autoscaling.group') && Array.isArray(r.props.volumes)) {
    const units = r.type === 'aws.ec2.instance' ? ctx.num(r, 'count', 1) : amountOr(r.props.desired ?? r.props.min, 1);
    r.props.volumes.forEach((item, index) => {
      if (!item || typeof item !== 'object' || Array.isArray(item)) return;
      const spec = volumeSpecFrom(item as Record<string, unknown>, 'gp2');
      if (spec.volumeType === 'gp2') gp2Suggestion(ctx, r.name, spec, units, ['volumes', index, 'volumeType'], fix, `volume ${index + 1} `, resourceTotal, out);
    });
  }
}

function s3Suggestions(ctx: CostContext, r: ResourceNode, resourceTotal: number, fix: FixBuilder, out: CostAlternative[]): void {
  if (r.type !== 'aws.s3.bucket') return;
  if ((ctx.str(r, 'storageClass') ?? 'STANDARD') !== 'STANDARD') return;
  const sizeGB = ctx.num(r, 'sizeGB', 0);
  if (sizeGB === 0 || !s3IsCold(ctx, r)) return;
  const gets = s3MonthlyGets(ctx, r);
  const cost = (storageClass: string): number | undefined => {
    const storage = ctx.price(s3StorageKey(storageClass, true))?.usd;
    const get = ctx.price(`s3:${storageClass}:get`)?.usd;
    if (storage === undefined || get === undefined) return undefined;
    return sizeGB * storage + (gets / 1000) * get;
  };
  const now = cost('STANDARD');
  if (now === undefined) return;
  for (const target of ['INTELLIGENT_TIERING', 'STANDARD_IA']) {
    const after = cost(target);
    if (after === undefined) continue;
    const saving = now - after;
    push(
      out,
      { resource: r.name, change: `storageClass: ${target}`, monthlyUSD: resourceTotal - saving, savingUSD: saving },
      fix(r.name, [[['storageClass'], target]], `Store ${r.name} as ${target}: its data is rarely read (saves about $${saving.toFixed(2)}/month)`),
    );
  }
}

/** The suggestions for one resource, in a fixed order: purchase options, volume types, storage class. */
export function resourceAlternatives(ctx: CostContext, r: ResourceNode, totals: ResourceTotals, fix: FixBuilder): CostAlternative[] {
  const out: CostAlternative[] = [];
  purchaseSuggestions(ctx, r, totals, fix, out);
  volumeSuggestions(ctx, r, totals.monthlyUSD, fix, out);
  s3Suggestions(ctx, r, totals.monthlyUSD, fix, out);
  return out;
}

/** Orders suggestions largest saving first, then by resource name; the sort is stable. */
export function sortAlternatives(alternatives: CostAlternative[]): CostAlternative[] {
  return alternatives.sort((a, b) => b.savingUSD - a.savingUSD || a.resource.localeCompare(b.resource));
}
