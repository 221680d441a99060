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
import { priceEntry, priceTable, type PriceEntry } from '../../model/prices';
import { instanceType } from '../../model/instance-types';
import { dbInstanceClass } from '../../model/db-instance-classes';

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
}

/** Engine names as written in a file, and the spellings a price table might use for them. */
const engineAliases: Readonly<Record<string, readonly string[]>> = {
  postgres: ['postgres', 'postgresql'],
  mysql: ['mysql'],
  mariadb: ['mariadb'],
  oracle: ['oracle', 'oracle-se2', 'oracle-ee'],
  sqlserver: ['sqlserver', 'sqlserver-se', 'sqlserver-ex', 'sqlserver-web', 'sqlserver-ee'],
  'aurora-mysql': ['aurora-mysql', 'aurora'],
  'aurora-postgresql': ['aurora-postgresql', 'aurora'],
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
  };
}

/** EC2 on-demand (`ec2:<type>`) and average spot (`ec2:<type>:spot`) prices from the instance table. */
function ec2Price(key: string): ResolvedPrice | undefined {
  const match = /^ec2:([^:]+)(:spot)?$/.exec(key);
  if (!match) return undefined;
  const def = instanceType(match[1]!);
  const usd = match[2] ? def?.spotAvgUsdPerHour : def?.onDemandUsdPerHour;
  if (!def || !isUsablePrice(usd)) return undefined;
  return {
    key,
    usd,
    unit: 'hour',
    description: `${def.name} ${match[2] ? 'average spot' : 'on-demand Linux'} price`,
    source: `${def.priceSource ?? 'instance-types.ts'}${def.priceAsOf ? ` (as of ${def.priceAsOf})` : ''}`,
    estimate: false,
    overridden: false,
  };
}

/** Managed-database instance-hours (`rds:<class>:<engine>`, Single-AZ) from the instance-class table. */
function dbClassPrice(key: string): ResolvedPrice | undefined {
  const match = /^(rds|aurora|docdb|neptune):(db\.[^:]+):?([^:]*)$/.exec(key);
  if (!match) return undefined;
  const [, service, className, engineWritten] = match;
  const def = dbInstanceClass(className!);
  const engine = engineWritten || service!;
  for (const alias of engineAliases[engine] ?? [engine]) {
    const usd = def?.onDemandUsdPerHour?.[alias];
    if (def && isUsablePrice(usd)) {
      return {
        key,
        usd,
        unit: 'hour',
        description: `${className} ${engine} instance (Single-AZ)`,
        source: `${def.priceSource ?? 'db-instance-classes.ts'}${def.priceAsOf ? ` (as of ${def.priceAsOf})` : ''}`,
        estimate: false,
        overridden: false,
      };
    }
  }
  return undefined;
}

/** The snapshot's own prices by key, resolved once when the module loads (the tables are constants). */
const snapshotPrices: ReadonlyMap<string, ResolvedPrice> = new Map(Object.keys(priceTable).map((key) => [key, fromEntry(key, priceTable[key]!)]));

/** Bounds a book's memo of other keys, which come from user input (instance types, engines). */
const MAX_MEMOIZED_KEYS = 50_000;

/** A key the snapshot table does not list: an instance type or DB class, or nothing (`null`). */
function derivedPrice(key: string): ResolvedPrice | null {
  const entry = priceEntry(key);
  return (entry ? fromEntry(key, entry) : (ec2Price(key) ?? dbClassPrice(key))) ?? null;
}

/** Resolves price keys against the user's overrides, the snapshot table and the instance tables. */
export class PriceBook {
  /** Overridden keys, resolved on first use (the override needs the snapshot's unit and description). */
  private readonly resolvedOverrides = new Map<string, ResolvedPrice | null>();
  /** Anything a caller derives from this book's prices alone (purchase factors...), by the caller's key. */
  private readonly derived = new Map<string, unknown>();
  /** Keys the snapshot table does not list, resolved on first use; `null`: no price. */
  private readonly otherKeys = new Map<string, ResolvedPrice | null>();

  constructor(private readonly overrides: Readonly<Record<string, number>>) {}

  /** The snapshot's price under `key` (the tables', for an instance type or DB class). */
  private snapshotPrice(key: string): ResolvedPrice | undefined {
    const listed = snapshotPrices.get(key);
    if (listed !== undefined) return listed;
    let found = this.otherKeys.get(key);
    if (found === undefined) {
      found = derivedPrice(key);
      if (this.otherKeys.size < MAX_MEMOIZED_KEYS) this.otherKeys.set(key, found);
    }
    return found ?? undefined;
  }

  /** The price under `key`, or undefined when neither the overrides nor the snapshot have one. */
  get(key: string): ResolvedPrice | undefined {
    if (!Object.prototype.hasOwnProperty.call(this.overrides, key)) return this.snapshotPrice(key);
    let found = this.resolvedOverrides.get(key);
    if (found === undefined) {
      const base = this.snapshotPrice(key);
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
          }
        : (base ?? null);
      this.resolvedOverrides.set(key, found);
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
