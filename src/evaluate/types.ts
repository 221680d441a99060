/**
 * The results of the three evaluations. One engine, many views: the CLI prints these, the language
 * server turns them into CodeLens, inlay hints and diagnostics, the diagram overlays them. The JSON
 * shape of `cloudarch evaluate --format json` is these objects as they are (see docs/evaluation.md).
 */
import type { ArchDiagnostic, FixPayload, Range, ValuePath } from '../core/document';

export interface AvailabilityResult {
  /** System availability, percent. */
  readonly percent: number;
  readonly downtimeMinutesPerYear: number;
  /** Resource names whose single-unit failure stops the system. */
  readonly spof: readonly string[];
  /** Zone letter (single region) or full zone name (multi-region) -> does the system work with that zone down. */
  readonly zoneOutage: Readonly<Record<string, { readonly works: boolean }>>;
  /** Region -> does the system work with that region down (present for multi-region designs). */
  readonly regionOutage: Readonly<Record<string, { readonly works: boolean }>>;
  readonly monteCarlo: {
    readonly samples: number;
    readonly seed: number;
    readonly percent: number;
    readonly ci95: readonly [number, number];
  };
  /** Resource name -> probability (percent) that the resource works (is up and its hard dependencies work). */
  readonly byResource: Readonly<Record<string, number>>;
  /** The entry points whose joint working defines the system. */
  readonly entryPoints: readonly string[];
  /**
   * How `percent` was obtained: `exact` (the usual case), or `monte-carlo-estimate` when the
   * architecture depends on so many zones and regions jointly that the exact computation would
   * exceed its work budget. Absent in results made before the field existed: read it as `exact`.
   */
  readonly method?: 'exact' | 'monte-carlo-estimate';
  /** Why and how figures were estimated, in one sentence; present whenever any figure is. */
  readonly note?: string;
}

export interface CostLineItem {
  readonly resource: string;
  /** What is billed, e.g. `t3.medium on-demand instance-hours`. */
  readonly what: string;
  readonly quantity: number;
  /** The unit of the quantity: `instance-hours`, `GB-month`, `million requests`... */
  readonly unit: string;
  readonly unitPriceUSD: number;
  readonly monthlyUSD: number;
  readonly priceSource: string;
  /** True when the price is an estimate (another region, a low-confidence figure). */
  readonly estimate?: boolean;
  /** The price key of the unit price: the key to set in `assumptions.prices` to override it. */
  readonly priceKey?: string;
  /** Why the line is an estimate, or how its quantity was derived, in a few words. */
  readonly note?: string;
  /** Set when the unit price is another region's (the snapshot has none for the resource's region). */
  readonly borrowedFrom?: string;
}

export interface CostAlternative {
  readonly resource: string;
  /** e.g. `purchase: reserved-1y` or `volumeType: gp3`. */
  readonly change: string;
  readonly monthlyUSD: number;
  readonly savingUSD: number;
  readonly fix?: FixPayload;
}

export interface CostResult {
  readonly monthlyUSD: number;
  readonly byResource: Readonly<Record<string, number>>;
  readonly lineItems: readonly CostLineItem[];
  /** Per compute resource: monthly cost under every purchase option. */
  readonly purchaseOptions: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly alternatives: readonly CostAlternative[];
  /** Things the catalog cannot price, each said plainly (never a silent $0). */
  readonly unpriced: readonly { readonly resource: string; readonly what: string; readonly reason: string; readonly priceKey?: string }[];
}

export type { FindingSeverity } from '../model/severities';
import type { FindingSeverity } from '../model/severities';

export interface SecurityFinding {
  readonly ruleId: string;
  readonly severity: FindingSeverity;
  readonly resource: string;
  readonly path: ValuePath;
  readonly range: Range;
  readonly message: string;
  readonly remediation: string;
  readonly fix?: FixPayload;
  readonly checkov?: readonly string[];
  readonly securityHub?: readonly string[];
  /** Whose side of the shared-responsibility model the finding falls on. */
  readonly responsibility: 'customer' | 'aws' | 'shared';
  /** For exposure findings: the path from the internet, resource by resource, with ports. */
  readonly exposurePath?: readonly ExposureHop[];
  /** Security or availability (Multi-AZ and similar resilience checks), so reports can score them apart. */
  readonly concern?: 'security' | 'availability' | 'cost';
}

/** One hop of an exposure path: the resource entered and the port it is entered on (absent: any port). */
export interface ExposureHop {
  readonly resource: string;
  readonly port?: number | 'all';
}

/**
 * A way the internet reaches a data store: the first hop is the internet-facing entry point, the
 * last the data store. Every hop into a resource with security groups is admitted by one of them.
 */
export interface ExposurePath {
  readonly dataStore: string;
  /** How the internet reaches the first hop. */
  readonly entry: 'cdn' | 'api' | 'load-balancer' | 'public-bucket' | 'public-database' | 'public-ip';
  readonly hops: readonly ExposureHop[];
}

export interface SecurityResult {
  readonly findings: readonly SecurityFinding[];
  readonly counts: Readonly<Record<FindingSeverity, number>>;
  /** Every exposure path, shortest first (reports list them; CA-NET findings cite the shortest per data store). */
  readonly exposurePaths: readonly ExposurePath[];
}

export interface TargetResult {
  readonly target: 'availability' | 'monthlyBudget' | 'maxFindingSeverity';
  readonly goal: number | string;
  readonly actual: number | string;
  readonly met: boolean;
  readonly range?: Range;
}

export interface EvaluationResult {
  readonly availability?: AvailabilityResult;
  readonly cost?: CostResult;
  readonly security?: SecurityResult;
  readonly targets: readonly TargetResult[];
  /** Findings and missed targets as editor diagnostics. */
  readonly diagnostics: readonly ArchDiagnostic[];
}
