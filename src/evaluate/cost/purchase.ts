/**
 * Purchase options: the factor each option applies to an on-demand price, and the table of a
 * compute resource's monthly cost under every option (`CostResult.purchaseOptions`).
 *
 * The table re-prices the same quantity under each option by multiplying the on-demand price by
 * the option's factor; nothing is charged again. Factors depend on the price book only, so they are
 * worked out once per book and instance type (`PriceBook.memo`), not once per resource.
 */
import type { CostContext, PriceFactor } from './context';
import { safeDivide } from './context';
import type { PriceBook } from './price-book';

/** The purchase options of EC2 capacity, in the order reports show them. */
export const ec2PurchaseOptions = [
  'on-demand',
  'reserved-1y',
  'reserved-3y',
  'savings-plan-1y',
  'savings-plan-3y',
  'spot',
  'dedicated-instance',
  'dedicated-host',
] as const;

/** The purchase options of managed databases (reservations only). */
export const databasePurchaseOptions = ['on-demand', 'reserved-1y', 'reserved-3y'] as const;

/** One row of a factor list: an option and the factor applied to the on-demand price (1 for on-demand). */
export type OptionFactor = readonly [option: string, factor: number];

function computeEc2Factor(book: PriceBook, option: string, instanceTypeName: string, region: string): PriceFactor | undefined {
  if (option === 'on-demand') return undefined;
  // A user's own spot factor (`purchase:spot` in assumptions.prices) wins over the type's spot price.
  if (option === 'spot' && !book.get('purchase:spot')?.overridden) {
    const spot = book.get(`ec2:${instanceTypeName}:spot`, region);
    const onDemand = book.get(`ec2:${instanceTypeName}`, region);
    // Both figures of one region, or the ratio means nothing.
    if (spot && onDemand && onDemand.usd > 0 && spot.region === onDemand.region) {
      return {
        value: safeDivide(spot.usd, onDemand.usd),
        label: "spot average (derived: on-demand x the type's spot-average / on-demand ratio)",
        source: spot.source,
        estimate: true,
      };
    }
  }
  const factor = book.get(`purchase:${option}`);
  if (!factor) return undefined;
  return { value: factor.usd, label: `${option} (derived: on-demand x ${factor.usd})`, source: factor.source, estimate: factor.estimate };
}

/**
 * The factor of an EC2 purchase option for `instanceTypeName`, or undefined for on-demand (and for
 * an option the snapshot cannot price, which the caller reports). Spot uses the instance type's
 * own average spot price when known, else the reference's median discount.
 */
export function ec2Factor(ctx: CostContext, option: string, instanceTypeName: string, region = 'us-east-1'): PriceFactor | undefined {
  return ctx.book.memo(`ec2-factor\u0000${option}\u0000${instanceTypeName}\u0000${region}`, () =>
    computeEc2Factor(ctx.book, option, instanceTypeName, region),
  );
}

/** Every EC2 option the book can price for `instanceTypeName`, with its factor, in report order. */
export function ec2OptionFactors(ctx: CostContext, instanceTypeName: string, region = 'us-east-1'): readonly OptionFactor[] {
  return ctx.book.memo(`ec2-options\u0000${instanceTypeName}\u0000${region}`, () => {
    const rows: OptionFactor[] = [];
    for (const option of ec2PurchaseOptions) {
      const f = ec2Factor(ctx, option, instanceTypeName, region);
      if (option !== 'on-demand' && !f) continue;
      rows.push([option, f ? f.value : 1]);
    }
    return rows;
  });
}

/** The factor of a database reservation (`reserved-1y`/`reserved-3y`), or undefined for on-demand. */
export function databaseFactor(ctx: CostContext, option: string): PriceFactor | undefined {
  if (option !== 'reserved-1y' && option !== 'reserved-3y') return undefined;
  return ctx.book.memo(`db-factor\u0000${option}`, () => {
    const factor = ctx.book.get(`purchase:rds-${option}`);
    if (!factor) return undefined;
    return {
      value: factor.usd,
      label: `RDS ${option} (derived: on-demand x ${factor.usd})`,
      source: factor.source,
      estimate: factor.estimate,
    };
  });
}

/** Every database reservation option with its factor (1 when the book has none), in report order. */
export function databaseOptionFactors(ctx: CostContext): readonly OptionFactor[] {
  return ctx.book.memo('db-options', () =>
    databasePurchaseOptions.map((option): OptionFactor => [option, databaseFactor(ctx, option)?.value ?? 1]),
  );
}

/** Records the charged cost of capacity that the options table re-prices (see evaluateCost). */
export function addOptionCharged(ctx: CostContext, amount: number): void {
  ctx.optionCharged += Number.isFinite(amount) ? amount : 0;
}

/** Adds `amount` to the current resource's cost under `option` in the purchase-option table. */
export function addOptionCost(ctx: CostContext, option: string, amount: number): void {
  const table = (ctx.optionTable ??= {});
  table[option] = (table[option] ?? 0) + (Number.isFinite(amount) ? amount : 0);
}

/** Adds `quantity x onDemandUSD x factor` under every option of `factors`. */
export function addOptionCosts(ctx: CostContext, factors: readonly OptionFactor[], quantity: number, onDemandUSD: number): void {
  for (const [option, factor] of factors) addOptionCost(ctx, option, quantity * onDemandUSD * factor);
}
