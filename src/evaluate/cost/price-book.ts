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

/** The snapshot's own prices by key, resolved once when the module loads (the tables are constants). */
const tablePrices: ReadonlyMap<string, ResolvedPrice> = new Map(
  Object.keys(priceTable).map((key) => [key, fromEntry(key, priceTable[key]!)]),
);

/** Bounds a book's memo of other keys, which come from user input (instance types, engines). */
const MAX_MEMOIZED_KEYS = 50_000;

/** A key the snapshot table does not list, in `region`: an instance type or DB class, or nothing (`null`). */
function derivedPrice(key: string, region: string): ResolvedPrice | null {
  const entry = priceEntry(key);
  return (entry ? fromEntry(key, entry) : (ec2Price(key, region) ?? dbClassPrice(key, region))) ?? null;
}

/** Resolves price keys against the user's overrides, the snapshot table and the instance tables. */
export class PriceBook {
  /** Overridden keys, resolved on first use (the override needs the snapshot's unit and description). */
  private readonly resolvedOverrides = new Map<string, ResolvedPrice | null>();
  /** Anything a caller derives from this book's prices alone (purchase factors...), by the caller's key. */
  private readonly derived = new Map<string, unknown>();
  /** Keys the snapshot table does not list, by region, resolved on first use; `null`: no price. */
  private readonly otherKeys = new Map<string, ResolvedPrice | null>();

  constructor(private readonly overrides: Readonly<Record<string, number>>) {}

  /** The snapshot's price under `key` in `region` (the tables', for an instance type or DB class). */
  private snapshotPrice(key: string, region: string): ResolvedPrice | undefined {
    const listed = tablePrices.get(key);
    if (listed !== undefined) return listed;
    const memoKey = `${region}\u0000${key}`;
    let found = this.otherKeys.get(memoKey);
    if (found === undefined) {
      found = derivedPrice(key, region);
      if (this.otherKeys.size < MAX_MEMOIZED_KEYS) this.otherKeys.set(memoKey, found);
    }
    return found ?? undefined;
  }

  /**
   * The price under `key` for `region` (us-east-1 when not given), or undefined when neither the
   * overrides nor the snapshot have one. An override applies to every region.
   */
  get(key: string, region: string = PRICE_REGION): ResolvedPrice | undefined {
    if (!Object.prototype.hasOwnProperty.call(this.overrides, key)) return this.snapshotPrice(key, region);
    const memoKey = `${region}\u0000${key}`;
    let found = this.resolvedOverrides.get(memoKey);
    if (found === undefined) {
      const base = this.snapshotPrice(key, region);
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

/** A canonical text of an overrides table (own keys, in order), NaN and Infinity included: equal texts, equal books. */
export function overridesKey(overrides: Readonly<Record<string, number>>): string {
  let key = '';
  for (const name of Object.keys(overrides)) key += `${JSON.stringify(name)}=${String(overrides[name])};`;
  return key;
}
