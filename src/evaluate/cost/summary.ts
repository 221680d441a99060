/**
 * Honest cost totals: every view that shows a total (CodeLens, inlay hint, status bar, reports,
 * CLI) takes its wording from here, so a total that leaves something out always says so
 * (`≥ $2.30/mo · 1 unpriced`), and each unpriced item that a price would fix becomes a diagnostic
 * on its resource naming the `assumptions.prices` key to set.
 *
 * The functions take the amount already formatted (each view formats money its own way) and
 * return the text around it.
 */
import type { ArchDiagnostic, ArchDocument } from '../../core/document';
import { rangeOfPath } from '../../core/query';
import type { CostLineItem, CostResult } from '../types';

type UnpricedEntry = CostResult['unpriced'][number];

/** What a view needs to word a total: the unpriced items (and, for the report, the borrowed lines). */
export interface CostCompleteness {
  readonly unpriced: readonly UnpricedEntry[];
}

/**
 * The cost figures a view may hold: the full result (with the items) or the figures sent to the
 * editor views (with the counts only).
 */
export interface CostFiguresLike {
  readonly unpriced?: readonly { readonly resource: string }[];
  readonly unpricedCount?: number;
  readonly unpricedByResource?: Readonly<Record<string, number>>;
}

/** The number of unpriced items in either form of the figures, of the whole design or of one resource. */
export function unpricedIn(cost: CostFiguresLike, resource?: string): number {
  if (resource === undefined) return cost.unpricedCount ?? cost.unpriced?.length ?? 0;
  if (cost.unpricedByResource !== undefined) return cost.unpricedByResource[resource] ?? 0;
  return cost.unpriced?.filter((item) => item.resource === resource).length ?? 0;
}

/** The number of unpriced items, of the whole design or of one resource. */
export function unpricedCount(cost: CostCompleteness, resource?: string): number {
  if (resource === undefined) return cost.unpriced.length;
  let count = 0;
  for (const item of cost.unpriced) if (item.resource === resource) count++;
  return count;
}

/** Unpriced items by resource name (for views that carry counts instead of the items). */
export function unpricedByResource(cost: CostCompleteness): Record<string, number> {
  const counts: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const item of cost.unpriced) counts[item.resource] = (counts[item.resource] ?? 0) + 1;
  return counts;
}

/**
 * A total as a view shows it: `$2.30/mo` when everything is priced, `≥ $2.30/mo · 1 unpriced`
 * when something is not (the figure is then a lower bound). `amount` is the formatted figure with
 * its unit (`$2.30/mo`).
 */
export function costFigureText(amount: string, unpriced: number): string {
  return unpriced > 0 ? `≥ ${amount} · ${unpriced} unpriced` : amount;
}

/** The lines whose unit price is another region's (the snapshot has none for the resource's region). */
export function borrowedLines(lines: readonly CostLineItem[]): CostLineItem[] {
  return lines.filter((line) => line.borrowedFrom !== undefined);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * The headline sentence of a cost report: the total, a lower bound when items are unpriced (each
 * named), and how many lines use a price borrowed from another region. `total` is formatted.
 */
export function costHeadline(cost: CostResult, total: string, lead = 'Monthly total'): string {
  const parts: string[] = [];
  if (cost.unpriced.length === 0) {
    parts.push(`${lead} ${total}.`);
  } else {
    const named = cost.unpriced.map((item) => `${item.resource} (${item.what})`);
    const shown = named.length > 5 ? [...named.slice(0, 5), `and ${named.length - 5} more`] : named;
    parts.push(
      `${lead} ≥ ${total}: at least this much, because ${plural(cost.unpriced.length, 'item')} ${cost.unpriced.length === 1 ? 'is' : 'are'} not priced: ${shown.join(', ')}.`,
    );
  }
  const borrowed = borrowedLines(cost.lineItems);
  if (borrowed.length > 0) {
    const pairs = [...new Set(borrowed.map((line) => `${line.borrowedFrom}`))].join(', ');
    parts.push(
      `${plural(borrowed.length, 'line')} use${borrowed.length === 1 ? 's' : ''} a price borrowed from ${pairs} (no sourced price for the resource's region; marked as estimates).`,
    );
  }
  return parts.join(' ');
}

/** The property whose value selects the SKU a price key prices, to put the diagnostic on it. */
function propertyOfKey(priceKey: string): string | undefined {
  if (priceKey.startsWith('ec2:')) return 'instanceType';
  if (/^(rds|aurora|docdb|neptune):db\./.test(priceKey)) return 'instanceClass';
  if (priceKey.startsWith('redshift:')) return 'nodeType';
  return undefined;
}

/**
 * One warning per unpriced item that a price would fix, on the resource (on the property that
 * names the SKU when there is one): what is missing, and the `assumptions.prices` key to set.
 */
export function unpricedDiagnostics(doc: ArchDocument, cost: CostResult): ArchDiagnostic[] {
  const diagnostics: ArchDiagnostic[] = [];
  for (const item of cost.unpriced) {
    if (item.priceKey === undefined) continue;
    const resource = doc.resourceByName.get(item.resource);
    if (!resource) continue;
    const property = propertyOfKey(item.priceKey);
    const range = (property !== undefined ? rangeOfPath(doc, resource.name, [property]) : undefined) ?? resource.nameRange;
    diagnostics.push({
      code: 'cost-unpriced',
      severity: 'warning',
      message: `Not priced: ${item.what}. The price snapshot has no "${item.priceKey}" price, so the cost total leaves it out. Set assumptions.prices["${item.priceKey}"] to the unit price to include it.`,
      range,
      source: 'cloudarch.cost',
      resource: resource.name,
    });
  }
  return diagnostics;
}
