/**
 * Managed-database instance classes (`db.<family>.<size>`): hardware, and the us-east-1 on-demand
 * Single-AZ price by engine where the project's reference snapshot has one.
 *
 * A price appears only when it was transcribed from a dated source; every other class has
 * hardware figures but no price, and the cost evaluation says it cannot price it rather than
 * guess. A Multi-AZ deployment bills the standby too; the cost engine doubles the Single-AZ price.
 */
import type { DbInstanceClassDef } from './catalog-types';

const rdsPriceSource = 'github:vantage-sh/ec2instances.info www/rds/instances.json @ 14ede5a5';
const rdsPriceAsOf = '2021-08-03';

/** The sizes of a family with their vCPUs and memory (GiB). */
type Sizes = readonly (readonly [size: string, vcpu: number, memoryGiB: number])[];

const burstableSizes: Sizes = [
  ['micro', 2, 1],
  ['small', 2, 2],
  ['medium', 2, 4],
  ['large', 2, 8],
  ['xlarge', 4, 16],
  ['2xlarge', 8, 32],
];

/** General purpose: 4 GiB per vCPU. */
const generalPurposeSizes: Sizes = [
  ['large', 2, 8],
  ['xlarge', 4, 16],
  ['2xlarge', 8, 32],
  ['4xlarge', 16, 64],
  ['8xlarge', 32, 128],
  ['12xlarge', 48, 192],
  ['16xlarge', 64, 256],
  ['24xlarge', 96, 384],
];

/** Memory optimised: 8 GiB per vCPU. */
const memoryOptimizedSizes: Sizes = [
  ['large', 2, 16],
  ['xlarge', 4, 32],
  ['2xlarge', 8, 64],
  ['4xlarge', 16, 128],
  ['8xlarge', 32, 256],
  ['12xlarge', 48, 384],
  ['16xlarge', 64, 512],
  ['24xlarge', 96, 768],
];

/**
 * Sourced on-demand Single-AZ prices in USD per hour (us-east-1), by class and engine. Copied from
 * the reference snapshot; db.t3.large was cross-checked against a 2026 infracost golden.
 */
const sourcedPrices: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'db.t3.micro': { mysql: 0.017, postgres: 0.018 },
  'db.t3.large': { mysql: 0.136, postgres: 0.145 },
  'db.m5.large': { mysql: 0.171, postgres: 0.178 },
  'db.r5.large': { mysql: 0.24, postgres: 0.25 },
};

function family(name: string, sizes: Sizes, maxSize?: string): DbInstanceClassDef[] {
  const lastIndex = maxSize === undefined ? sizes.length - 1 : sizes.findIndex(([size]) => size === maxSize);
  return sizes.slice(0, lastIndex + 1).map(([size, vcpu, memoryGiB]) => {
    const className = `db.${name}.${size}`;
    const prices = sourcedPrices[className];
    return prices
      ? { name: className, vcpu, memoryGiB, onDemandUsdPerHour: prices, priceSource: rdsPriceSource, priceAsOf: rdsPriceAsOf }
      : { name: className, vcpu, memoryGiB };
  });
}

const classes: readonly DbInstanceClassDef[] = [
  ...family('t3', burstableSizes),
  ...family('t4g', burstableSizes),
  ...family('m5', generalPurposeSizes),
  // Graviton families stop at 16xlarge.
  ...family('m6g', generalPurposeSizes, '16xlarge'),
  ...family('r5', memoryOptimizedSizes),
  ...family('r6g', memoryOptimizedSizes, '16xlarge'),
];

const byName: ReadonlyMap<string, DbInstanceClassDef> = new Map(classes.map((def) => [def.name, def]));

/** The instance class called `name` (e.g. `db.r5.large`), or undefined when it is not in the table. */
export function dbInstanceClass(name: string): DbInstanceClassDef | undefined {
  return byName.get(name);
}

/** Every known instance class, smallest family first. */
export function allDbInstanceClasses(): readonly DbInstanceClassDef[] {
  return classes;
}
