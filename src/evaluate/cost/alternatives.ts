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
export type FixBuilder = (
  resource: string,
  changes: readonly (readonly [ValuePath, string | number])[],
  title: string,
) => FixPayload | undefined;

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
    push(
      out,
      { resource: name, change: `purchase: ${option}`, monthlyUSD: after, savingUSD: now - after },
      fix(name, [[['purchase'], option]], `Buy ${name} as ${option} (saves about $${(now - after).toFixed(2)}/month)`),
    );
  }
}

/** The gp3 equivalent of a gp2 volume: the same size, IOPS at least the gp2 baseline. */
function gp3Equivalent(spec: VolumeSpec): VolumeSpec {
  const iops = Math.max(GP3_FREE_IOPS, gp2BaselineIops(spec.sizeGB));
  return { volumeType: 'gp3', sizeGB: spec.sizeGB, iops };
}

function gp2Suggestion(
  ctx: CostContext,
  name: string,
  spec: VolumeSpec,
  copies: number,
  path: ValuePath,
  fix: FixBuilder,
  label: string,
  resourceTotal: number,
  out: CostAlternative[],
): void {
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
  push(
    out,
    { resource: name, change, monthlyUSD: resourceTotal - saving, savingUSD: saving },
    fix(name, changes, `Change ${name}'s ${label}volume type to gp3 (saves about $${saving.toFixed(2)}/month)`),
  );
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
      if (spec.volumeType === 'gp2')
        gp2Suggestion(ctx, r.name, spec, units, ['volumes', index, 'volumeType'], fix, `volume ${index + 1} `, resourceTotal, out);
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
      fix(
        r.name,
        [[['storageClass'], target]],
        `Store ${r.name} as ${target}: its data is rarely read (saves about $${saving.toFixed(2)}/month)`,
      ),
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

/** Largest saving first, then by resource name (the order reports and quick fixes show). */
function compareAlternatives(a: CostAlternative, b: CostAlternative): number {
  return b.savingUSD - a.savingUSD || a.resource.localeCompare(b.resource);
}

/** Orders suggestions largest saving first, then by resource name; the sort is stable. */
export function sortAlternatives(alternatives: CostAlternative[]): CostAlternative[] {
  return alternatives.sort(compareAlternatives);
}

/** A sorted list with the resource suggestion lists it was sorted from: what the next sort merges into. */
export interface SortedAlternatives {
  readonly sorted: readonly CostAlternative[];
  readonly lists: ReadonlySet<readonly CostAlternative[]>;
}

/** Memo: the suggestion list each suggestion object belongs to (a suggestion is in one list, for good). */
const ownerOf = new WeakMap<CostAlternative, readonly CostAlternative[]>();

/** Above this many new suggestions a full sort is cheaper than inserting them one by one. */
const MAX_INSERTED = 64;

/**
 * Every resource's suggestions (`lists`, in resource order) sorted as `sortAlternatives` would sort
 * their concatenation. Sorting thousands of suggestions compares many resource names (ties on
 * the saving are common), so when most lists are the very arrays the previous call sorted (cached
 * resources), their entries keep their previous order and only the new ones are inserted.
 *
 * Why this equals the stable sort: the stable sort orders by (saving, name), then by position in
 * the concatenation, i.e. (resource position, index in its list). Resources whose lists were
 * reused kept their text and place, so their relative order is unchanged, and an entry's position
 * only matters against entries with the same saving and an equal name, which in practice means the
 * same resource, whose list is either all kept or all new. The rare tie between different names
 * that compare as equal is broken by resource position, exactly as the stable sort does.
 */
export function sortedAlternatives(
  lists: readonly (readonly CostAlternative[])[],
  positionOf: (resource: string) => number,
  lastSorted?: SortedAlternatives,
): SortedAlternatives {
  const current = new Set<readonly CostAlternative[]>();
  const added: (readonly CostAlternative[])[] = [];
  let addedCount = 0;
  for (const list of lists) {
    if (list.length === 0) continue;
    current.add(list);
    if (lastSorted === undefined || !lastSorted.lists.has(list)) {
      added.push(list);
      addedCount += list.length;
    }
  }
  let sorted: CostAlternative[];
  if (lastSorted === undefined || addedCount > MAX_INSERTED) {
    sorted = [];
    for (const list of lists) for (const alternative of list) sorted.push(alternative);
    sortAlternatives(sorted);
  } else {
    sorted = lastSorted.sorted.filter((alternative) => current.has(ownerOf.get(alternative)!));
    const fullOrder = (a: CostAlternative, b: CostAlternative): number =>
      compareAlternatives(a, b) || positionOf(a.resource) - positionOf(b.resource);
    for (const list of added) {
      // A list's own entries keep their order: each is inserted after every entry not greater.
      for (const alternative of list) {
        let low = 0;
        let high = sorted.length;
        while (low < high) {
          const middle = (low + high) >> 1;
          if (fullOrder(sorted[middle]!, alternative) <= 0) low = middle + 1;
          else high = middle;
        }
        sorted.splice(low, 0, alternative);
      }
    }
  }
  for (const list of added) for (const alternative of list) ownerOf.set(alternative, list);
  return { sorted, lists: current };
}
