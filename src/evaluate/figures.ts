/**
 * The view model of an evaluation: the figures the editor views read (CodeLens, status bar, inlay
 * hints, hover, fix previews), cut down from the full `EvaluationResult`.
 *
 * The full result of 1,000 resources is megabytes of line items, exposure paths and fixes; the
 * evaluation worker keeps it and hands these figures to the server thread, which serves the views
 * from them. `EvaluationResult` has this shape too (it has more), so every view accepts either.
 */
import { unpricedByResource } from './cost/summary';
import { findingSeverityOrder } from './targets';
import type { EvaluationResult, FindingSeverity, TargetResult } from './types';

/** The figures the editor views read. */
export interface EvaluationFigures {
  readonly availability?: {
    readonly percent: number;
    readonly byResource: Readonly<Record<string, number>>;
    readonly spof: readonly string[];
  };
  readonly cost?: {
    readonly monthlyUSD: number;
    readonly byResource: Readonly<Record<string, number>>;
    /** Items the total leaves out (the total is then a lower bound), and their count per resource. */
    readonly unpricedCount?: number;
    readonly unpricedByResource?: Readonly<Record<string, number>>;
  };
  readonly security?: { readonly counts: Readonly<Record<FindingSeverity, number>> };
  readonly targets: readonly TargetResult[];
}

/** The figures of a full result, as plain data that crosses a thread boundary cheaply. */
export function figuresOf(result: EvaluationResult): EvaluationFigures {
  const { availability, cost, security } = result;
  return {
    ...(availability
      ? { availability: { percent: availability.percent, byResource: availability.byResource, spof: availability.spof } }
      : {}),
    ...(cost
      ? {
          cost: {
            monthlyUSD: cost.monthlyUSD,
            byResource: cost.byResource,
            unpricedCount: cost.unpriced.length,
            unpricedByResource: unpricedByResource(cost),
          },
        }
      : {}),
    ...(security ? { security: { counts: security.counts } } : {}),
    targets: result.targets,
  };
}

/** Whether a finding of `severity` is shown live when the least severe shown is `minimum`. */
export function severityShownLive(severity: FindingSeverity, minimum: FindingSeverity): boolean {
  return findingSeverityOrder.indexOf(severity) <= findingSeverityOrder.indexOf(minimum);
}
