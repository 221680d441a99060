/**
 * The state one cost evaluation builds up: line items, unpriced items, purchase-option tables and
 * suggestions, plus the helpers every pricer uses to read a resource and to charge a price key.
 * Pricers never compute `monthlyUSD` themselves; `charge` does, so every figure is a line item with
 * its source, and no figure is ever NaN or Infinity.
 */
import type { ArchDocument, ResourceNode } from '../../core/document';
import type { CostLineItem } from '../types';
import type { PriceBook, ResolvedPrice } from './price-book';

/** A multiplier applied to a unit price, e.g. a purchase option's factor, with its own source. */
export interface PriceFactor {
  readonly value: number;
  /** Shown in the line item's `what`, e.g. `reserved-1y`. */
  readonly label: string;
  readonly source: string;
  readonly estimate: boolean;
}

export interface ChargeRequest {
  readonly key: string;
  readonly quantity: number;
  /** What is billed; defaults to the price's description. */
  readonly what?: string;
  /** The quantity's unit; defaults to the price's unit. */
  readonly unit?: string;
  readonly factor?: PriceFactor;
  /** Marks the line as an estimate whatever the price's confidence (a derived quantity). */
  readonly estimate?: boolean;
  readonly note?: string;
}

/** Above this a single line item is not a plausible cost but an input error. */
const MAX_LINE_USD = 1e15;

/** Treats anything that is not a finite number as `fallback`, so bad input never reaches a total. */
export function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** A non-negative finite number, or `fallback`. */
export function amountOr(value: unknown, fallback: number): number {
  const n = finiteOr(value, fallback);
  return n < 0 ? fallback : n;
}

/**
 * A quantity to charge: a non-negative finite number, or Infinity kept as it is. Written values are
 * always finite (the parser drops others), so Infinity is a product of huge inputs that overflowed:
 * `charge` reports it as too large to price, where 0 would drop it from the estimate without a word.
 */
export function quantityOr0(value: unknown): number {
  return value === Infinity ? Infinity : amountOr(value, 0);
}

/** `a / b`, or 0 when the division is not defined. */
export function safeDivide(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return 0;
  const q = a / b;
  return Number.isFinite(q) ? q : 0;
}

/** One thing the evaluation could not price, said plainly. */
export interface UnpricedItem {
  readonly resource: string;
  readonly what: string;
  readonly reason: string;
  /** The `assumptions.prices` key that would price it, when one would. */
  readonly priceKey?: string;
}

/**
 * What pricing one resource read from outside the resource and the document-level inputs (the
 * workload, assumptions, region): other resources' request shares and types. A cached pricing is
 * reused only while every one of these still reads the same (see index.ts).
 */
export interface CrossReads {
  readonly shares: (readonly [string, number])[];
  readonly types: (readonly [string, string | undefined])[];
  /** Other resources' regions (a transfer's price depends on where it goes). */
  readonly regions: (readonly [string, string | undefined])[];
}

/**
 * The state of one cost evaluation. Document-level inputs are fixed for the evaluation; the output
 * buffers (`lineItems`, `unpriced`, the purchase-option table) hold the resource being priced and
 * are replaced by `begin` for the next one, so each resource's part can be cached on its own.
 */
export class CostContext {
  lineItems: CostLineItem[] = [];
  unpriced: UnpricedItem[] = [];
  /** The current resource's monthly cost under every purchase option (its compute part only). */
  optionTable: Record<string, number> | undefined;
  /** The monthly USD actually charged for the capacity that `optionTable` re-prices. */
  optionCharged = 0;
  /** Cross-resource inputs read since `begin`. */
  reads: CrossReads = { shares: [], types: [], regions: [] };

  constructor(
    readonly doc: ArchDocument,
    readonly book: PriceBook,
    /** `assumptions.hoursPerMonth`, guarded. */
    readonly hours: number,
    /** Requests a month from the workload's average rate. */
    readonly monthlyRequests: number,
    /** The share of the workload's requests that reaches each resource (see request-path.ts). */
    readonly shares: ReadonlyMap<string, number>,
  ) {}

  /** Starts a new output part (one resource's, or the data transfer's). */
  begin(): void {
    this.lineItems = [];
    this.unpriced = [];
    this.optionTable = undefined;
    this.optionCharged = 0;
    this.reads = { shares: [], types: [], regions: [] };
  }

  /** The type of another resource by name (recorded: the caller's price depends on it). */
  typeOf(name: string): string | undefined {
    const type = this.doc.resourceByName.get(name)?.type;
    this.reads.types.push([name, type]);
    return type;
  }

  /** The region of another resource by name, or undefined when there is none (recorded: the caller's price depends on it). */
  regionOfResource(name: string): string | undefined {
    const resource = this.doc.resourceByName.get(name);
    const region = resource ? this.regionOf(resource) : undefined;
    this.reads.regions.push([name, region]);
    return region;
  }

  /** Whether any of the workload's requests reach `name`. */
  onRequestPath(name: string): boolean {
    return this.requestShare(name) > 0;
  }

  /** The share (0..1) of the workload's requests that reach `name`. */
  requestShare(name: string): number {
    const share = this.shares.get(name) ?? 0;
    this.reads.shares.push([name, share]);
    return share;
  }

  /** Requests a month that reach `name`. */
  requestsReaching(name: string): number {
    return this.monthlyRequests * this.requestShare(name);
  }

  /** A property's value as written, else the catalog's default for it. */
  prop(resource: ResourceNode, name: string): unknown {
    const written = resource.props[name];
    if (written !== undefined && written !== null) return written;
    return resource.typeDef?.properties[name]?.default;
  }

  /** A non-negative number property (written, else catalog default, else `fallback`). */
  num(resource: ResourceNode, name: string, fallback = 0): number {
    return amountOr(this.prop(resource, name), fallback);
  }

  str(resource: ResourceNode, name: string): string | undefined {
    const value = this.prop(resource, name);
    return typeof value === 'string' ? value : undefined;
  }

  bool(resource: ResourceNode, name: string): boolean {
    return this.prop(resource, name) === true;
  }

  regionOf(resource: ResourceNode): string {
    const region = resource.props.region;
    return typeof region === 'string' && region.length > 0 ? region : this.doc.region;
  }

  /** The resolved price in `region` (default us-east-1), or undefined (callers that can do without it use this instead of `charge`). */
  price(key: string, region?: string): ResolvedPrice | undefined {
    return this.book.get(key, region);
  }

  /**
   * Adds one line item: quantity x unit price (x factor). A missing price becomes an `unpriced`
   * entry naming the key to override, never a silent $0. Returns the monthly USD added.
   */
  charge(resource: string, region: string, request: ChargeRequest): number {
    const quantity = quantityOr0(request.quantity);
    const price = this.book.get(request.key, region);
    if (!price) {
      this.addUnpriced(
        resource,
        request.what ?? request.key,
        `the price snapshot has no "${request.key}" price; set assumptions.prices["${request.key}"] to price it`,
        request.key,
      );
      return 0;
    }
    if (quantity === 0) return 0;
    const factor = request.factor;
    const unitPrice = price.usd * (factor ? amountOr(factor.value, 1) : 1);
    const monthly = quantity * unitPrice;
    if (!Number.isFinite(monthly) || monthly > MAX_LINE_USD) {
      // An absurd quantity (validation reports it with its location) must not turn the total
      // into Infinity, nor vanish: it is listed as unpriced instead.
      this.addUnpriced(
        resource,
        request.what ?? price.description,
        Number.isFinite(quantity)
          ? `the quantity (${quantity}) is too large to price`
          : 'the quantity is beyond the largest number a price can be computed for, too large to price',
      );
      return 0;
    }
    // A figure for another region than the resource's is borrowed: shown as an estimate, and said.
    const otherRegion = region !== price.region && !price.overridden;
    const estimate = price.estimate || otherRegion || request.estimate === true || (factor?.estimate ?? false);
    // Built field by field (not with spreads and filtered arrays): this runs for every line item.
    let note = request.note !== undefined && request.note.length > 0 ? request.note : undefined;
    if (price.note !== undefined && price.note.length > 0) note = note === undefined ? price.note : `${note}; ${price.note}`;
    if (otherRegion) {
      const regionNote = `${price.region} price borrowed for ${region}: the snapshot has no ${region} price for this`;
      note = note === undefined ? regionNote : `${note}; ${regionNote}`;
    }
    const line: { -readonly [K in keyof CostLineItem]: CostLineItem[K] } = {
      resource,
      what: request.what ?? price.description,
      quantity,
      unit: request.unit ?? price.unit,
      unitPriceUSD: Number.isFinite(unitPrice) ? unitPrice : 0,
      monthlyUSD: Number.isFinite(monthly) ? monthly : 0,
      priceSource: factor ? `${price.source}; ${factor.label}: ${factor.source}` : price.source,
      priceKey: request.key,
    };
    if (estimate) line.estimate = true;
    if (otherRegion) line.borrowedFrom = price.region;
    if (note !== undefined) line.note = note;
    this.lineItems.push(line);
    return Number.isFinite(monthly) ? monthly : 0;
  }

  /**
   * Charges consecutive tiers of one quantity (data transfer, Lambda GB-seconds, S3 Standard):
   * `tiers` are [cumulative upper bound of the tier, price key]; the last bound may be Infinity.
   * One line per tier actually used, described by the tier's price description. Returns nothing:
   * the lines carry the amounts, and no caller read a total.
   */
  chargeTiered(resource: string, region: string, quantity: number, tiers: readonly (readonly [number, string])[], note?: string): void {
    let remaining = quantityOr0(quantity);
    let lower = 0;
    for (const [upper, key] of tiers) {
      if (remaining <= 0) break;
      const inTier = Math.min(remaining, upper - lower);
      this.charge(resource, region, { key, quantity: inTier, ...(note ? { note } : {}) });
      remaining -= inTier;
      lower = upper;
    }
  }

  /** Reports something that cannot be priced, with the reason and (when one would) the price key that would price it. */
  addUnpriced(resource: string, what: string, reason: string, priceKey?: string): void {
    this.unpriced.push(priceKey === undefined ? { resource, what, reason } : { resource, what, reason, priceKey });
  }

  /** A whole-month amount in hours for `units` units, guarded. */
  unitHours(units: number): number {
    return amountOr(units, 0) * this.hours;
  }
}
