/**
 * Price resolution for the cost engine: one place that turns a price key into a unit price with
 * its source, applying the user's `assumptions.prices` overrides first. The key scheme is
 * documented in `src/model/prices.ts` and docs/evaluation.md ("Cost").
 *
 * Resolving is on the hot path of every evaluation (a large design asks for thousands of prices),
 * so nothing is formatted per call: the snapshot's prices are resolved once per process, the
 * instance-table prices once per key, and a book (one set of overrides) is reused by every
 * evaluation with the same overrides.
 */
import { PRICE_REGION, priceEntry, priceTable, type PriceEntry } from '../../model/prices';
import { ec2RegionalPrice, instanceType } from '../../model/instance-types';
import { dbClassRegionalPrice, dbInstanceClass } from '../../model/db-instance-classes';

/** A unit price ready to be multiplied, with everything a line item must show about it. */
export interface ResolvedPrice {
  readonly key: string;
  readonly usd: number;
  readonly unit: string;
  readonly description: string;
  readonly source: string;
  /** True for low-confidence figures (not found in a stored source). */
  readonly estimate: boolean;
  readonly note?: string;
  /** True when the figure came from `assumptions.prices`. */
  readonly overridden: boolean;
  /**
   * The region the figure is the price of. The snapshot's service prices are us-east-1 only; EC2
   * and RDS instance prices are per region. A charge in another region than this is *borrowed*,
   * and the line item says so.
   */
  readonly region: string;
}

/** Engine names as written in a file, and the spellings a price table might use for them. */
const engineAliases: Readonly<Record<string, readonly string[]>> = {
  postgres: ['postgres'],
  postgresql: ['postgres'],
  mysql: ['mysql'],
  mariadb: ['mariadb'],
  oracle: ['oracle', 'oracle-se2', 'oracle-ee'],
  sqlserver: ['sqlserver', 'sqlserver-se', 'sqlserver-ex', 'sqlserver-web', 'sqlserver-ee'],
  'aurora-mysql': ['aurora-mysql'],
  'aurora-postgresql': ['aurora-postgresql'],
  docdb: ['docdb', 'documentdb'],
  neptune: ['neptune'],
  redshift: ['redshift'],
};

function isUsablePrice(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function fromEntry(key: string, found: PriceEntry): ResolvedPrice {
  return {
    key,
    usd: found.usd,
    unit: found.unit,
    description: found.description,
    source: `${found.source} (as of ${found.asOf})`,
    estimate: found.confidence === 'low',
    ...(found.note ? { note: found.note } : {}),
    overridden: false,
    region: PRICE_REGION,
  };
}

/**
 * EC2 on-demand (`ec2:<type>`) and average spot (`ec2:<type>:spot`) prices of `region`; a region
 * without a sourced price for the type borrows us-east-1's (the charge marks it borrowed).
 */
function ec2Price(key: string, region: string): ResolvedPrice | undefined {
  const match = /^ec2:([^:]+)(:spot)?$/.exec(key);
  if (!match) return undefined;
  const def = instanceType(match[1]!);
  if (!def) return undefined;
  for (const priceRegion of region === PRICE_REGION ? [region] : [region, PRICE_REGION]) {
    const regional = ec2RegionalPrice(def.name, priceRegion);
    const usd = match[2] ? regional?.spotAvgUsdPerHour : regional?.onDemandUsdPerHour;
    if (!regional || !isUsablePrice(usd)) continue;
    return {
      key,
      usd,
      unit: 'hour',
      description: `${def.name} ${match[2] ? 'average spot' : 'on-demand Linux'} price (${priceRegion})`,
      source: (match[2] ? regional.spotSource : regional.source) ?? regional.source,
      estimate: false,
      overridden: false,
      region: priceRegion,
    };
  }
  return undefined;
}

/** Managed-database instance-hours (`rds:<class>:<engine>`, Single-AZ) of `region`, else borrowed from us-east-1. */
function dbClassPrice(key: string, region: string): ResolvedPrice | undefined {
  const match = /^(rds|aurora|docdb|neptune):(db\.[^:]+):?([^:]*)$/.exec(key);
  if (!match) return undefined;
  const [, service, className, engineWritten] = match;
  if (!dbInstanceClass(className!)) return undefined;
  const engine = engineWritten || service!;
  for (const priceRegion of region === PRICE_REGION ? [region] : [region, PRICE_REGION]) {
    for (const alias of engineAliases[engine] ?? [engine]) {
      const found = dbClassRegionalPrice(className!, alias, priceRegion);
      if (found && isUsablePrice(found.usd)) {
        return {
          key,
          usd: found.usd,
          unit: 'hour',
          description: `${className} ${engine} instance (Single-AZ, ${priceRegion})`,
          source: found.source,
          estimate: false,
          overridden: false,
          region: priceRegion,
        };
      }
    }
  }
  return undefined;
}

/**
 * The snapshot's own prices by region and key, resolved at most once per process. The tables
 * behind them are constants, so an answer never changes; `null` remembers that a key has no
 * price (a user's typo is asked for again on every evaluation).
 */
const snapshotPrices = new Map<string, ResolvedPrice | null>();
const tablePrices = new Map<string, ResolvedPrice>();
for (const key of Object.keys(priceTable)) tablePrices.set(key, fromEntry(key, priceTable[key]!));

/** Bounds the memo of unknown keys, which come from user input (instance types, engines). */
const MAX_MEMOIZED_KEYS = 50_000;

function snapshotPrice(key: string, region: string): ResolvedPrice | undefined {
  const table = tablePrices.get(key);
  if (table !== undefined) return table;
  const memoKey = `${region}\u0000${key}`;
  let found = snapshotPrices.get(memoKey);
  if (found === undefined) {
    const entry = priceEntry(key);
    found = (entry ? fromEntry(key, entry) : (ec2Price(key, region) ?? dbClassPrice(key, region))) ?? null;
    if (snapshotPrices.size < MAX_MEMOIZED_KEYS) snapshotPrices.set(memoKey, found);
  }
  return found ?? undefined;
}

/** Resolves price keys against the user's overrides, the snapshot table and the instance tables. */
export class PriceBook {
  /** Overridden keys, resolved on first use (the override needs the snapshot's unit and description). */
  private readonly resolvedOverrides = new Map<string, ResolvedPrice | null>();
  /** Anything a caller derives from this book's prices alone (purchase factors...), by the caller's key. */
  private readonly derived = new Map<string, unknown>();

  constructor(private readonly overrides: Readonly<Record<string, number>>) {}

  /**
   * The price under `key` for `region` (us-east-1 when not given), or undefined when neither the
   * overrides nor the snapshot have one. An override applies to every region.
   */
  get(key: string, region: string = PRICE_REGION): ResolvedPrice | undefined {
    if (!Object.prototype.hasOwnProperty.call(this.overrides, key)) return snapshotPrice(key, region);
    const memoKey = `${region}\u0000${key}`;
    let found = this.resolvedOverrides.get(memoKey);
    if (found === undefined) {
      const base = snapshotPrice(key, region);
      const usd = this.overrides[key];
      found = isUsablePrice(usd)
        ? {
            key,
            usd,
            unit: base?.unit ?? 'unit',
            description: base?.description ?? key,
            source: `assumptions.prices["${key}"]`,
            estimate: false,
            overridden: true,
            region,
          }
        : (base ?? null);
      this.resolvedOverrides.set(memoKey, found);
    }
    return found ?? undefined;
  }

  /** Whether the user overrides `key` (a spot factor then no longer comes from the instance table). */
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /**
   * A value computed from this book's prices only, computed once per book: `compute` must read
   * nothing but the book (and constants), so the value is valid for as long as the book is.
   */
  memo<T>(key: string, compute: () => T): T {
    if (this.derived.has(key)) return this.derived.get(key) as T;
    const value = compute();
    if (this.derived.size < MAX_MEMOIZED_KEYS) this.derived.set(key, value);
    return value;
  }
}

/** Recently used books by their overrides, so an unchanged `assumptions.prices` reuses its book. */
const recentBooks = new Map<string, PriceBook>();
const MAX_RECENT_BOOKS = 8;

/** The book for `overrides`: the same object as last time when the overrides are equal. */
export function priceBookFor(overrides: Readonly<Record<string, number>>): { readonly book: PriceBook; readonly key: string } {
  const key = overridesKey(overrides);
  let book = recentBooks.get(key);
  if (book === undefined) {
    book = new PriceBook(overrides);
    if (recentBooks.size >= MAX_RECENT_BOOKS) recentBooks.delete(recentBooks.keys().next().value!);
  } else {
    recentBooks.delete(key);
  }
  recentBooks.set(key, book);
  return { book, key };
}

/** A canonical text of an overrides table (own keys, in order), NaN and Infinity included. */
function overridesKey(overrides: Readonly<Record<string, number>>): string {
  let key = '';
  for (const name of Object.keys(overrides)) key += `${JSON.stringify(name)}=${String(overrides[name])};`;
  return key;
}
