/**
 * Managed-database instance classes (`db.<family>.<size>`): hardware, and the on-demand Single-AZ
 * price per engine and region where the snapshot has one (`generated/price-snapshot.ts`, built
 * by `npm run prices` from the dated files in `data/sources/`).
 *
 * The classes are those of the RDS price list scrape, plus the newer families that run on the EC2
 * type of the same name (their hardware is that type's); a class or engine without a sourced price
 * is known (no "unknown class" error) but unpriced, the cost evaluation says so, and completion does
 * not offer it. A Multi-AZ deployment bills the standby too; the cost engine doubles the price.
 */
import type { DbInstanceClassDef } from './catalog-types';
import { DB_CLASS_SOURCE, DB_CLASSES, PRICE_SOURCES, PRICED_REGIONS, RDS_PRICE_SOURCE, RDS_PRICES } from './generated/price-snapshot';
import { EC2_HARDWARE_AS_OF, instanceType } from './instance-types';

const CATALOG_PRICE_REGION = 'us-east-1';
const rdsSource = PRICE_SOURCES[RDS_PRICE_SOURCE]!;
const classSource = PRICE_SOURCES[DB_CLASS_SOURCE]!;

/**
 * Families RDS sells that the 2021 scrape predates. Their hardware is the EC2 type's; they stay
 * unpriced until a dated source for their price is gathered into `data/sources/`.
 */
const newerFamilies = ['t4g', 'm6i', 'm6gd', 'm6id', 'm7g', 'm7i', 'r6i', 'r6gd', 'r6id', 'r7g', 'r7i', 'r8g', 'm8g', 'x2g', 'c6gd'];

const usEast1 = RDS_PRICES[CATALOG_PRICE_REGION] ?? {};

function fromScrape([name, vcpu, memoryGiB, network]: (typeof DB_CLASSES)[number]): DbInstanceClassDef {
  const prices = usEast1[name];
  return {
    name,
    vcpu,
    memoryGiB,
    ...(network ? { networkPerformance: network } : {}),
    hardwareSource: `${classSource.origin}, as of ${classSource.asOf}`,
    ...(prices ? { onDemandUsdPerHour: prices, priceSource: rdsSource.origin, priceAsOf: rdsSource.asOf } : {}),
  };
}

const scraped = DB_CLASSES.map(fromScrape);
const scrapedNames = new Set(scraped.map((def) => def.name));
const sameAsEc2: readonly DbInstanceClassDef[] = newerFamilies.flatMap((family) => {
  // RDS sells the burstable family from micro, the others from large (no medium or metal classes).
  const sizes = family.startsWith('t')
    ? ['micro', 'small', 'medium', 'large', 'xlarge', '2xlarge']
    : ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '32xlarge', '48xlarge'];
  return sizes.flatMap((size): DbInstanceClassDef[] => {
    const ec2 = instanceType(`${family}.${size}`);
    const name = `db.${family}.${size}`;
    if (!ec2 || scrapedNames.has(name)) return [];
    return [
      {
        name,
        vcpu: ec2.vcpu,
        memoryGiB: ec2.memoryGiB,
        hardwareSource: `the EC2 type ${ec2.name} it runs on (EC2 hardware list as of ${EC2_HARDWARE_AS_OF})`,
      },
    ];
  });
});

const classes: readonly DbInstanceClassDef[] = [...scraped, ...sameAsEc2];
const byName: ReadonlyMap<string, DbInstanceClassDef> = new Map(classes.map((def) => [def.name, def]));

/** The instance class called `name` (e.g. `db.r5.large`), or undefined when it is not in the table. */
export function dbInstanceClass(name: string): DbInstanceClassDef | undefined {
  return byName.get(name);
}

/** Every known instance class. */
export function allDbInstanceClasses(): readonly DbInstanceClassDef[] {
  return classes;
}

/** The engines the snapshot has prices for, as written in a file's `engine`. */
export const PRICED_DB_ENGINES: readonly string[] = ['mysql', 'postgres', 'mariadb', 'aurora-mysql', 'aurora-postgresql'];

/** The on-demand Single-AZ price of `className` running `engine` in `region`, with its source, or undefined. */
export function dbClassRegionalPrice(
  className: string,
  engine: string,
  region: string,
): { readonly usd: number; readonly source: string } | undefined {
  const usd = RDS_PRICES[region]?.[className]?.[engine];
  return usd === undefined ? undefined : { usd, source: `${rdsSource.origin}, as of ${rdsSource.asOf}` };
}

/** Whether `className` running `engine` has a sourced price in at least one region. */
export function isPricedDbClass(className: string, engine?: string): boolean {
  return PRICED_REGIONS.some((region) => {
    const prices = RDS_PRICES[region]?.[className];
    return prices !== undefined && (engine === undefined ? Object.keys(prices).length > 0 : prices[engine] !== undefined);
  });
}
