/**
 * The cost evaluation: a monthly estimate in USD from the offline price snapshot, as line items
 * with their sources, the cost of every compute resource under every purchase option, money-saving
 * suggestions, and a plain list of what could not be priced. The rules are documented in
 * docs/evaluation.md ("Cost").
 *
 * The language server evaluates after every edit, so the evaluation is incremental: each resource
 * is priced on its own (its "part": line items, unpriced items, option table, suggestions), and the
 * part is cached by the resource object, which the parser keeps for every resource whose text did
 * not change. A cached part is reused only when everything it was computed from is unchanged: the
 * document-level inputs (workload, hours, region, price overrides), every other-resource input it
 * read (request shares, types of targets: recorded while pricing), and the data transfer charged
 * to it. Reused or not, the result is identical to pricing the document from scratch; a property
 * test holds the two paths to that.
 */
import type { ArchDocument, ResourceNode, TextEdit } from '../../core/document';
import { setPropertyEdit } from '../../core/edits';
import type { CostAlternative, CostLineItem, CostResult } from '../types';
import { resourceAlternatives, sortedAlternatives, type FixBuilder, type SortedAlternatives } from './alternatives';
import { amountOr, CostContext, type CrossReads, type UnpricedItem } from './context';
import { chargeDataTransferOut } from './data-transfer';
import { overridesKey, PriceBook } from './price-book';
import { isFreeType, pricerFor } from './pricers';
import { requestSharesAfter, type RequestWalk } from './request-path';

export { PriceBook } from './price-book';
export { DATA_TRANSFER_PSEUDO_RESOURCE } from './data-transfer';
export { hasPricingRule } from './pricers';

/** The default hours in a month when `assumptions.hoursPerMonth` is absent or unusable. */
export const DEFAULT_HOURS_PER_MONTH = 730;

/** Options of `evaluateCost`; the fix builder turns a suggested change into a quick fix. */
export interface CostOptions {
  /** A custom builder turns the cache off: its fixes cannot be assumed to depend on the resource alone. */
  readonly fixBuilder?: FixBuilder;
  /** The result of the same document's previous version: the parts of unchanged resources are reused. */
  readonly previous?: CostResult;
}

/** What a cost result hands to the next evaluation of the same document. */
interface CostMemory {
  readonly environment: CostEnvironment;
  readonly walk: RequestWalk;
  readonly alternatives: SortedAlternatives;
}

/** Memo: what each result hands on, keyed by the result the caller holds and passes back as `previous`. */
const memoryOf = new WeakMap<CostResult, CostMemory>();

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

/** One resource's share of the result. */
interface ResourcePart {
  readonly lineItems: readonly CostLineItem[];
  readonly unpriced: readonly UnpricedItem[];
  /** The final purchase-option table (compute part re-priced, plus the rest of the resource). */
  readonly options: Readonly<Record<string, number>> | undefined;
  /** The resource's whole monthly cost, data transfer charged to it included. */
  readonly monthlyUSD: number;
  readonly alternatives: readonly CostAlternative[];
}

/** The document-level inputs of a pricing; `key` holds them all, so equal keys price alike. */
interface CostEnvironment {
  readonly key: string;
  readonly book: PriceBook;
  readonly hours: number;
  readonly monthlyRequests: number;
}

interface CachedPart {
  readonly environment: CostEnvironment;
  readonly reads: CrossReads;
  /**
   * The request shares the part's share reads were last found to hold in. The walk hands back the
   * same map while the request paths are unchanged (most keystrokes), and the share reads then
   * hold without being looked up again: they were most of the time of this loop.
   */
  readonly shares: ReadonlyMap<string, number>;
  /** The data transfer lines charged to the resource, as a key ('' for none). */
  readonly transferKey: string;
  readonly part: ResourcePart;
}

/**
 * Memo: parts by resource object (the parser hands back the same object for an unchanged
 * resource, and never changes one). A part is used only in an environment with the same key as
 * the one it was priced in (every document-level input equal).
 */
const partCache = new WeakMap<ResourceNode, CachedPart>();

/** The document-level inputs of `doc`: the previous evaluation's object when they are all equal, so its parts stay valid. */
function environmentOf(doc: ArchDocument, previous: CostEnvironment | undefined): CostEnvironment {
  const hoursRaw = amountOr(doc.assumptions.hoursPerMonth, DEFAULT_HOURS_PER_MONTH);
  const hours = hoursRaw > 0 ? hoursRaw : DEFAULT_HOURS_PER_MONTH;
  const monthlyRequests = amountOr(doc.workload.requestsPerSecond, 0) * 3600 * hours;
  const overrides = doc.assumptions.prices ?? {};
  const w = doc.workload;
  // Every document-level value a pricer reads (pricers read `workload` and `region` directly).
  const key = [
    hours,
    monthlyRequests,
    JSON.stringify(doc.region),
    w.requestsPerSecond,
    w.peakRequestsPerSecond,
    w.dataTransferOutGB,
    w.storageGrowthGBPerMonth,
    overridesKey(overrides),
  ]
    .map(String)
    .join('|');
  if (previous !== undefined && previous.key === key) return previous;
  return { key, book: new PriceBook(overrides), hours, monthlyRequests };
}

/** Whether every cross-resource input a cached part read still reads the same. */
function readsHold(reads: CrossReads, doc: ArchDocument, shares: ReadonlyMap<string, number>, sharesHold: boolean): boolean {
  // Indexed loops: this runs for every resource on every edit, and most parts read nothing.
  if (!sharesHold) {
    const shareReads = reads.shares;
    for (let index = 0; index < shareReads.length; index++) {
      const read = shareReads[index]!;
      if ((shares.get(read[0]) ?? 0) !== read[1]) return false;
    }
  }
  const typeReads = reads.types;
  for (let index = 0; index < typeReads.length; index++) {
    const read = typeReads[index]!;
    if (doc.resourceByName.get(read[0])?.type !== read[1]) return false;
  }
  const regionReads = reads.regions;
  for (let index = 0; index < regionReads.length; index++) {
    const read = regionReads[index]!;
    const other = doc.resourceByName.get(read[0]);
    const region = other
      ? typeof other.props.region === 'string' && other.props.region.length > 0
        ? other.props.region
        : doc.region
      : undefined;
    if (region !== read[1]) return false;
  }
  return true;
}

function transferKeyOf(lines: readonly CostLineItem[] | undefined): string {
  if (lines === undefined || lines.length === 0) return '';
  let key = '';
  for (const line of lines) key += `${line.monthlyUSD};`;
  return key;
}

/** Prices one resource into a fresh part of `ctx`, with `transfer` (data transfer lines) added to its total. */
function priceResource(
  ctx: CostContext,
  resource: ResourceNode,
  transfer: readonly CostLineItem[] | undefined,
  fix: FixBuilder,
): ResourcePart {
  ctx.begin();
  const typeId = resource.type ?? '';
  const pricer = pricerFor(typeId);
  if (pricer) {
    try {
      pricer(ctx, resource);
    } catch (error) {
      // A pricer bug must not take the other evaluations down; the resource is reported instead.
      ctx.addUnpriced(
        resource.name,
        'the whole resource',
        `internal error while pricing: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  } else if (!isFreeType(typeId)) {
    ctx.addUnpriced(
      resource.name,
      typeId || 'resource without a type',
      resource.typeDef ? 'no pricing rule for this type yet' : 'unknown resource type',
    );
  }
  // Summed in line order, own lines first and data transfer last, as the totals always were.
  let monthlyUSD = 0;
  for (const line of ctx.lineItems) monthlyUSD += line.monthlyUSD;
  if (transfer !== undefined) for (const line of transfer) monthlyUSD += line.monthlyUSD;

  // The option table holds the compute part; add the rest of the resource (volumes, storage...)
  // so each option reads as the resource's whole monthly cost under that option.
  let options: Record<string, number> | undefined;
  if (ctx.optionTable !== undefined) {
    const rest = monthlyUSD - ctx.optionCharged;
    options = {};
    for (const option of Object.keys(ctx.optionTable)) options[option] = ctx.optionTable[option]! + rest;
  }
  const alternatives = resourceAlternatives(ctx, resource, { monthlyUSD, options }, fix);
  return { lineItems: ctx.lineItems, unpriced: ctx.unpriced, options, monthlyUSD, alternatives };
}

/** The position of each resource in the file, worked out on first use (only ties need it). */
function positionsOf(doc: ArchDocument): (name: string) => number {
  let positions: Map<string, number> | undefined;
  return (name) => {
    if (positions === undefined) {
      positions = new Map();
      doc.resources.forEach((resource, index) => positions!.set(resource.name, index));
    }
    return positions.get(name) ?? -1;
  };
}

/** Prices `doc`. Never throws on a parsed document, and never returns NaN or Infinity. */
export function evaluateCost(doc: ArchDocument, options: CostOptions = {}): CostResult {
  const previous = options.previous && memoryOf.get(options.previous);
  const environment = environmentOf(doc, previous?.environment);
  const walk = requestSharesAfter(doc, previous?.walk);
  const shares = walk.shares;
  const ctx = new CostContext(doc, environment.book, environment.hours, environment.monthlyRequests, shares);
  const useCache = options.fixBuilder === undefined;
  const fix = options.fixBuilder ?? propertyFixes(doc);

  // Data transfer first: the resource it is charged to needs it in its total.
  ctx.begin();
  chargeDataTransferOut(ctx);
  const transferLines = ctx.lineItems;
  const transferUnpriced = ctx.unpriced;
  const transferByResource = new Map<string, CostLineItem[]>();
  for (const line of transferLines) {
    const list = transferByResource.get(line.resource);
    if (list === undefined) transferByResource.set(line.resource, [line]);
    else list.push(line);
  }

  const lineItems: CostLineItem[] = [];
  const unpriced: UnpricedItem[] = [];
  const alternativeLists: (readonly CostAlternative[])[] = [];
  // Keyed by resource names, which come from the user's file: without a prototype, a resource
  // named `__proto__` or `constructor` is an ordinary key instead of a way into Object.prototype.
  const byResource: Record<string, number> = Object.create(null) as Record<string, number>;
  const purchaseOptions: Record<string, Readonly<Record<string, number>>> = Object.create(null) as Record<
    string,
    Readonly<Record<string, number>>
  >;

  for (const resource of doc.resources) {
    const transfer = transferByResource.get(resource.name);
    const transferKey = transferKeyOf(transfer);
    let part: ResourcePart;
    const cached = useCache ? partCache.get(resource) : undefined;
    // Environments are compared by key: two evaluations of one document (a fix preview beside the
    // live one) each hold their own environment object, and must not evict each other's parts.
    if (
      cached !== undefined &&
      (cached.environment === environment || cached.environment.key === environment.key) &&
      cached.transferKey === transferKey &&
      readsHold(cached.reads, doc, shares, cached.shares === shares)
    ) {
      part = cached.part;
      // Its share reads hold in these shares too: the next walk that hands back this map skips them.
      if (cached.shares !== shares) partCache.set(resource, { ...cached, shares });
    } else {
      part = priceResource(ctx, resource, transfer, fix);
      if (useCache) partCache.set(resource, { environment, reads: ctx.reads, shares, transferKey, part });
    }
    for (const line of part.lineItems) lineItems.push(line);
    for (const item of part.unpriced) unpriced.push(item);
    if (part.alternatives.length > 0) alternativeLists.push(part.alternatives);
    if (part.options !== undefined) purchaseOptions[resource.name] = part.options;
    if (!(resource.type ?? '').startsWith('external.') || part.lineItems.length > 0 || transfer !== undefined)
      byResource[resource.name] = part.monthlyUSD;
  }
  for (const line of transferLines) {
    lineItems.push(line);
    // Data transfer with no resource to carry it stays under its pseudo-resource.
    if (!doc.resourceByName.has(line.resource)) byResource[line.resource] = (byResource[line.resource] ?? 0) + line.monthlyUSD;
  }
  for (const item of transferUnpriced) unpriced.push(item);

  let monthlyUSD = 0;
  for (const line of lineItems) monthlyUSD += line.monthlyUSD;

  const alternatives = sortedAlternatives(alternativeLists, positionsOf(doc), previous?.alternatives);
  const result: CostResult = {
    monthlyUSD: Number.isFinite(monthlyUSD) ? monthlyUSD : 0,
    byResource,
    lineItems,
    purchaseOptions,
    alternatives: alternatives.sorted.slice(),
    unpriced,
  };
  memoryOf.set(result, { environment, walk, alternatives });
  return result;
}
