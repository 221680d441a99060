/**
 * The simulator's options and results (docs/evaluation.md, "Simulation"). Everything in a result is
 * a plain JSON value: the CLI prints it as is, and the same input and seed give the same bytes.
 */
import type { SimulationSpec } from '../../core/simulation-spec';

export interface SimulationOptions {
  /** Simulated days (default 30). */
  readonly days?: number;
  /** Seed of the random number generator (default 1). */
  readonly seed?: number;
  /** Injected events: outages, spot interruptions, surges (parsed specs). */
  readonly events?: readonly SimulationSpec[];
  /** Whether units, zones and regions also fail at random by their availability (default true). */
  readonly randomFailures?: boolean;
  /** The most points of each time series (default 480). */
  readonly seriesPoints?: number;
  /** The traffic curve's resolution and the scaling policies' evaluation period, seconds (default 60). */
  readonly stepSeconds?: number;
  /** The most timeline entries kept besides those of injected events (default 400). */
  readonly timelineLimit?: number;
  /** How long a request may wait for capacity before it is dropped, seconds (default 10). */
  readonly queueSeconds?: number;
  /** Whether to compute the analytic availability and the static cost to compare with (default true). */
  readonly compareWithAnalytic?: boolean;
}

/** One entry of the event timeline. */
export interface TimelineEvent {
  /** Seconds from the start. */
  readonly at: number;
  readonly kind:
    | 'injected-start'
    | 'injected-end'
    | 'unit-failed'
    | 'unit-repaired'
    | 'unit-replaced'
    | 'zone-down'
    | 'zone-up'
    | 'region-down'
    | 'region-up'
    | 'failover-start'
    | 'failover-done'
    | 'scale-out'
    | 'scale-in'
    | 'spot-notice'
    | 'system-down'
    | 'system-up';
  readonly resource?: string;
  readonly zone?: string;
  readonly message: string;
}

/** What an injected event did. */
export interface InjectedOutcome {
  readonly spec: string;
  readonly kind: SimulationSpec['kind'];
  readonly startSeconds: number;
  readonly endSeconds: number;
  /** Requests dropped from the start until service was whole again. */
  readonly droppedRequests: number;
  /** The same, as a percent of the requests offered in that window. */
  readonly droppedPercent: number;
  /** Seconds from the start until full service resumed; 0 when service never suffered, null when it had not recovered by the end. */
  readonly recoverySeconds: number | null;
  /** Seconds in that window with less capacity than load. */
  readonly belowNeededSeconds: number;
}

export interface SimulationSeries {
  /** Seconds each point summarises. */
  readonly intervalSeconds: number;
  /** Start of each point's interval, seconds. */
  readonly time: readonly number[];
  /** Highest offered load in the interval, requests/s. */
  readonly load: readonly number[];
  /** Lowest capacity of the request path in the interval, requests/s; null when no tier limits it. */
  readonly capacity: readonly (number | null)[];
  /** Requests dropped in the interval. */
  readonly dropped: readonly number[];
  /** Cost accrued from the start to the end of the interval, USD. */
  readonly cost: readonly number[];
  /** Zone -> lowest number of usable units of zonal resources in the interval. */
  readonly healthyUnitsByZone: Readonly<Record<string, readonly number[]>>;
}

export interface SimulationResult {
  readonly seed: number;
  readonly days: number;
  readonly stepSeconds: number;
  readonly requests: { readonly offered: number; readonly served: number; readonly dropped: number; readonly droppedPercent: number };
  readonly availability: {
    /** Percent of time every entry point worked. */
    readonly observedPercent: number;
    /** 95 % interval of the observed figure from daily batch means; null with fewer than two days. */
    readonly ci95: readonly [number, number] | null;
    /** The analytic figure (evaluateAvailability), null when not compared. */
    readonly analyticPercent: number | null;
    /** Percent of offered requests served. */
    readonly servedPercent: number;
    readonly downtimeMinutes: number;
  };
  readonly capacity: { readonly belowNeededSeconds: number; readonly belowNeededPercent: number };
  readonly cost: {
    readonly accruedUSD: number;
    /** The accrued cost scaled to `assumptions.hoursPerMonth`. */
    readonly monthlyEquivalentUSD: number;
    /** The static estimate (evaluateCost), null when not compared. */
    readonly staticMonthlyUSD: number | null;
  };
  readonly injected: readonly InjectedOutcome[];
  readonly timeline: { readonly events: readonly TimelineEvent[]; readonly omitted: number };
  readonly series: SimulationSeries;
  /** Counts of what happened at random. */
  readonly counts: {
    readonly unitFailures: number;
    readonly failovers: number;
    readonly scaleOuts: number;
    readonly scaleIns: number;
    readonly spotInterruptions: number;
    readonly zoneOutages: number;
    readonly regionOutages: number;
  };
  /** Per resource: what one unit serves and why (the capacity assumption made visible). */
  readonly unitCapacity: Readonly<Record<string, { readonly rps: number | null; readonly basis: string }>>;
  /** The modelling assumptions in force, for the report. */
  readonly assumptions: Readonly<Record<string, number | string>>;
}
