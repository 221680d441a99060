/**
 * Purchase options: the factor each option applies to an on-demand price, and the table of a
 * compute resource's monthly cost under every option (`CostResult.purchaseOptions`).
 */
import type { CostContext, PriceFactor } from './context';
import { safeDivide } from './context';

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

/**
 * The factor of an EC2 purchase option for `instanceTypeName`, or undefined for on-demand (and for
 * an option the snapshot cannot price, which the caller reports). Spot uses the instance type's
 * own average spot price when known, else the reference's median discount.
 */
export function ec2Factor(ctx: CostContext, option: string, instanceTypeName: string): PriceFactor | undefined {
  if (option === 'on-demand') return undefined;
  // A user's own spot factor (`purchase:spot` in assumptions.prices) wins over the type's spot price.
  if (option === 'spot' && !ctx.price('purchase:spot')?.overridden) {
    const spot = ctx.price(`ec2:${instanceTypeName}:spot`);
    const onDemand = ctx.price(`ec2:${instanceTypeName}`);
    if (spot && onDemand && onDemand.usd > 0) {
      return { value: safeDivide(spot.usd, onDemand.usd), label: 'spot average', source: spot.source, estimate: true };
    }
  }
  const factor = ctx.price(`purchase:${option}`);
  if (!factor) return undefined;
  return { value: factor.usd, label: option, source: factor.source, estimate: factor.estimate };
}

/** The factor of a database reservation (`reserved-1y`/`reserved-3y`), or undefined for on-demand. */
export function databaseFactor(ctx: CostContext, option: string): PriceFactor | undefined {
  if (option !== 'reserved-1y' && option !== 'reserved-3y') return undefined;
  const factor = ctx.price(`purchase:rds-${option}`);
  if (!factor) return undefined;
  return { value: factor.usd, label: `RDS ${option}`, source: factor.source, estimate: factor.estimate };
}

/** Records the charged cost of capacity that the options table re-prices (see evaluateCost). */
export function addOptionCharged(ctx: CostContext, resource: string, amount: number): void {
  ctx.optionCharged[resource] = (ctx.optionCharged[resource] ?? 0) + (Number.isFinite(amount) ? amount : 0);
}

/** Adds `amount` to a resource's cost under `option` in the purchase-option table. */
export function addOptionCost(ctx: CostContext, resource: string, option: string, amount: number): void {
  const table = (ctx.purchaseOptions[resource] ??= {});
  table[option] = (table[option] ?? 0) + (Number.isFinite(amount) ? amount : 0);
}
