/**
 * Price resolution for the cost engine: one place that turns a price key into a unit price with
 * its source, applying the user's `assumptions.prices` overrides first. The key scheme is
 * documented in `src/model/prices.ts` and docs/evaluation.md ("Cost").
 */
import { priceEntry, type PriceEntry } from '../../model/prices';
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

/** Resolves price keys against the user's overrides, the snapshot table and the instance tables. */
export class PriceBook {
  constructor(private readonly overrides: Readonly<Record<string, number>>) {}

  /** The price under `key`, or undefined when neither the overrides nor the snapshot have one. */
  get(key: string): ResolvedPrice | undefined {
    const base = priceEntry(key) ? fromEntry(key, priceEntry(key)!) : (ec2Price(key) ?? dbClassPrice(key));
    if (Object.prototype.hasOwnProperty.call(this.overrides, key)) {
      const usd = this.overrides[key];
      if (isUsablePrice(usd)) {
        return {
          key,
          usd,
          unit: base?.unit ?? 'unit',
          description: base?.description ?? key,
          source: `assumptions.prices["${key}"]`,
          estimate: false,
          overridden: true,
        };
      }
    }
    return base;
  }

  /** Whether the user overrides `key` (a spot factor then no longer comes from the instance table). */
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
}
