/**
 * The reliability model: what the availability engine computes on. It is deliberately independent
 * of the file format, so the algorithm can be tested against a brute-force enumeration on small
 * hand-made models, and the adapter from an `ArchDocument` (module `from-document`) is the only place
 * that knows about YAML properties and the catalog.
 */

/** Where a component's units live, which decides what they fail together with (see docs/evaluation.md). */
export type ComponentPlacement = 'zonal' | 'regional' | 'load-balancer' | 'global' | 'external';

/** One resource of the architecture, reduced to what its availability depends on. */
export interface ReliabilityComponent {
  /** The resource name; unique within the model. */
  readonly name: string;
  readonly placement: ComponentPlacement;
  /** Probability (0..1) that one unit is up, independent of everything else. */
  readonly unitAvailability: number;
  /** How many units the component has (0 or more). */
  readonly units: number;
  /** The component is up iff at least this many of its units are usable (default 1). */
  readonly minHealthy: number;
  /** The region the component needs (zonal, regional and load-balancer placements). */
  readonly region?: string;
  /**
   * Zone ids, unique across the whole model (the adapter uses full names such as `us-east-1a`).
   * Zonal units are placed on them round-robin, first unit in the first zone; a load balancer needs
   * at least one of them.
   */
  readonly zones: readonly string[];
  /** Names of components that must all work for this one to work. */
  readonly hard: readonly string[];
  /** Groups of names: for each group, at least one member must work (failover routing, origin groups). */
  readonly anyOf: readonly (readonly string[])[];
}

/** A whole system: its components, what "the system works" means, and the zone and region figures. */
export interface ReliabilityModel {
  readonly components: readonly ReliabilityComponent[];
  /** The system works iff every entry point works. */
  readonly entryPoints: readonly string[];
  /** Probability (0..1) that a zone is up. Zones fail independently of each other. */
  readonly zoneAvailability: number;
  /** Probability (0..1) that a region is up. */
  readonly regionAvailability: number;
}

/** What the engine reports, keyed by component name, zone id and region. */
export interface ReliabilityReport {
  /** Probability (0..1) that every entry point works. */
  readonly probability: number;
  /** Component name -> probability that it works. */
  readonly byComponent: ReadonlyMap<string, number>;
  /** Components whose single-unit failure, with everything else up, stops the system. */
  readonly spof: readonly string[];
  /** Zone id -> whether the system works with that zone down and everything else up. */
  readonly zoneOutage: ReadonlyMap<string, boolean>;
  /** Region -> whether the system works with that region down and everything else up. */
  readonly regionOutage: ReadonlyMap<string, boolean>;
  /** Zone id -> its region, for every zone in use. */
  readonly zoneRegion: ReadonlyMap<string, string>;
  /** Regions in use (by zonal, regional and load-balancer components), in first-use order. */
  readonly regions: readonly string[];
  readonly monteCarlo: {
    readonly samples: number;
    readonly seed: number;
    readonly probability: number;
    readonly ci95: readonly [number, number];
  };
  /**
   * `exact` when `probability` is the exact value; `monte-carlo-estimate` when the exact
   * computation would have exceeded its work budget and the figure is a seeded estimate.
   */
  readonly method: 'exact' | 'monte-carlo-estimate';
  /** Why and how figures were estimated (also when only some per-component figures were). */
  readonly note?: string;
  /** With an estimated `probability`: its 95 % interval (probabilities, not percents). */
  readonly estimateInterval?: readonly [number, number];
  /** How many times the exact computation conditioned on a node, zone or region. */
  readonly conditioningSteps: number;
}
