/**
 * The cost evaluation: a monthly estimate in USD from the offline price snapshot, as line items
 * with their sources, the cost of every compute resource under every purchase option, money-saving
 * suggestions, and a plain list of what could not be priced. The rules are documented in
 * docs/evaluation.md ("Cost").
 */
import type { ArchDocument, TextEdit } from '../../core/document';
import { setPropertyEdit } from '../../core/edits';
import type { CostResult } from '../types';
import { collectAlternatives, type FixBuilder } from './alternatives';
import { amountOr, CostContext } from './context';
import { chargeDataTransferOut } from './data-transfer';
import { PriceBook } from './price-book';
import { isFreeType, pricerFor } from './pricers';
import { requestShares } from './request-path';

export { PriceBook } from './price-book';
export { DATA_TRANSFER_PSEUDO_RESOURCE } from './data-transfer';
export { hasPricingRule } from './pricers';

/** The default hours in a month when `assumptions.hoursPerMonth` is absent or unusable. */
export const DEFAULT_HOURS_PER_MONTH = 730;

/** Options of `evaluateCost`; the fix builder turns a suggested change into a quick fix. */
export interface CostOptions {
  readonly fixBuilder?: FixBuilder;
}

/** The default fix builder: one `setPropertyEdit` per change, all or nothing. */
function propertyFixes(doc: ArchDocument): FixBuilder {
  return (resource, changes, title) => {
    const edits: TextEdit[] = [];
    for (const [path, value] of changes) {
      const edit = setPropertyEdit(doc, resource, path, value);
      if (!edit) return undefined;
      edits.push(edit);
    }
    return edits.length > 0 ? { title, edits } : undefined;
  };
}

/** Prices `doc`. Never throws on a parsed document, and never returns NaN or Infinity. */
export function evaluateCost(doc: ArchDocument, options: CostOptions = {}): CostResult {
  const hoursRaw = amountOr(doc.assumptions.hoursPerMonth, DEFAULT_HOURS_PER_MONTH);
  const hours = hoursRaw > 0 ? hoursRaw : DEFAULT_HOURS_PER_MONTH;
  const monthlyRequests = amountOr(doc.workload.requestsPerSecond, 0) * 3600 * hours;
  const ctx = new CostContext(doc, new PriceBook(doc.assumptions.prices ?? {}), hours, monthlyRequests, requestShares(doc));

  for (const resource of doc.resources) {
    const typeId = resource.type ?? '';
    const pricer = pricerFor(typeId);
    if (pricer) {
      try {
        pricer(ctx, resource);
      } catch (error) {
        // A pricer bug must not take the other evaluations down; the resource is reported instead.
        ctx.addUnpriced(resource.name, 'the whole resource', `internal error while pricing: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else if (!isFreeType(typeId)) {
      ctx.addUnpriced(resource.name, typeId || 'resource without a type', resource.typeDef ? 'no pricing rule for this type yet' : 'unknown resource type');
    }
  }
  chargeDataTransferOut(ctx);

  // Without a prototype: resource names are user input (see CostContext).
  const byResource: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const resource of doc.resources) {
    if (!(resource.type ?? '').startsWith('external.')) byResource[resource.name] = 0;
  }
  let monthlyUSD = 0;
  for (const line of ctx.lineItems) {
    byResource[line.resource] = (byResource[line.resource] ?? 0) + line.monthlyUSD;
    monthlyUSD += line.monthlyUSD;
  }

  // The options table holds the compute part; add the rest of the resource (volumes, storage...)
  // so each option reads as the resource's whole monthly cost under that option.
  for (const [name, table] of Object.entries(ctx.purchaseOptions)) {
    const rest = (byResource[name] ?? 0) - (ctx.optionCharged[name] ?? 0);
    for (const option of Object.keys(table)) table[option] = table[option]! + rest;
  }

  collectAlternatives(ctx, byResource, options.fixBuilder ?? propertyFixes(doc));

  return {
    monthlyUSD: Number.isFinite(monthlyUSD) ? monthlyUSD : 0,
    byResource,
    lineItems: ctx.lineItems,
    purchaseOptions: ctx.purchaseOptions,
    alternatives: ctx.alternatives,
    unpriced: ctx.unpriced,
  };
}
