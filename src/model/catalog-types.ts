/**
 * The shape of the service catalog: one `ResourceTypeDef` per resource type.
 *
 * The catalog is the single source of truth for the format. The JSON Schema, completion, hover,
 * validation, the evaluations and the documentation are all derived from these definitions, so a
 * fact about a service is written once, here, and every view agrees.
 */

export type Category =
  | 'compute'
  | 'containers'
  | 'serverless'
  | 'storage'
  | 'database'
  | 'analytics'
  | 'networking'
  | 'integration'
  | 'migration'
  | 'management'
  | 'security'
  | 'blockchain'
  | 'external';

/** Cloud service model: who manages what (see the shared-responsibility text of each type). */
export type ServiceModel = 'IaaS' | 'PaaS' | 'SaaS' | 'on-premises' | 'internet';

/**
 * Where a resource's units live, which decides what they fail together with:
 * - `zonal`: each unit sits in one availability zone and needs that zone and its region;
 * - `regional`: one unit that needs its region (S3, DynamoDB, Lambda, ...);
 * - `load-balancer`: one unit that needs its region and at least one of its zones;
 * - `global`: one unit that needs nothing else (Route 53, CloudFront);
 * - `external`: outside AWS; never fails in the model.
 */
export type Placement = 'zonal' | 'regional' | 'load-balancer' | 'global' | 'external';

/** One allowed value of an enumerated property, with the sentence shown in completion and hover. */
export interface EnumValue {
  readonly value: string | number | boolean;
  readonly description: string;
}

/** What a reference property may point at: exact type ids, or a prefix ending in `*` (`aws.elb.*`). */
export type TypePattern = string;

/** The value shape of a property. A discriminated union so every consumer can switch on `kind`. */
export type PropertyShape =
  | {
      readonly kind: 'string';
      readonly pattern?: string;
      readonly examples?: readonly string[];
      readonly minLength?: number;
      readonly maxLength?: number;
    }
  | { readonly kind: 'number'; readonly integer?: boolean; readonly minimum?: number; readonly maximum?: number }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'enum'; readonly values: readonly EnumValue[] }
  /** An EC2 instance type name such as `t3.medium` (checked against the instance-type table). */
  | { readonly kind: 'instance-type' }
  /** An RDS-style instance class such as `db.r5.large` (checked against the instance-class table). */
  | { readonly kind: 'db-instance-class' }
  /** An availability zone letter (`a`..`f`). */
  | { readonly kind: 'zone' }
  /** An AWS region name such as `us-west-2`. */
  | { readonly kind: 'region' }
  /** An IPv4 or IPv6 CIDR block. */
  | { readonly kind: 'cidr' }
  /** A TCP/UDP port number, or `all`. */
  | { readonly kind: 'port' }
  /**
   * The name of another resource in the same file.
   * `allowCidr`: a CIDR is also accepted (a security group rule's `from`/`to`).
   * `allowPort`: the `name:port` form is accepted (`connectsTo`).
   */
  | { readonly kind: 'reference'; readonly to: readonly TypePattern[]; readonly allowCidr?: boolean; readonly allowPort?: boolean }
  | {
      readonly kind: 'list';
      readonly items: PropertyShape;
      readonly minItems?: number;
      readonly maxItems?: number;
      readonly uniqueItems?: boolean;
    }
  | {
      readonly kind: 'object';
      readonly properties: Readonly<Record<string, PropertyDef>>;
      readonly required?: readonly string[];
      readonly additionalProperties?: boolean;
    }
  /** A map from free-form string keys to values of one shape (`tags`). */
  | { readonly kind: 'map'; readonly values: PropertyShape }
  /** Either of several shapes, e.g. a `connectsTo` entry is a reference string or an object. */
  | { readonly kind: 'one-of'; readonly variants: readonly PropertyShape[] };

/** How a reference property takes part in the availability model. */
export type DependencyRole =
  /** The owner works only if the referenced resource works. */
  | 'hard'
  /** The owner works if at least one referenced resource works (failover routing, origin groups). */
  | 'any-of'
  /** Not a dependency at all (security groups, replication targets, result buckets read later). */
  | 'none'
  /**
   * The referenced resource depends on the owner, not the other way round: an EBS volume's
   * `attachedTo: [x]` makes the volume a hard dependency of `x`.
   */
  | 'reverse-hard';

/** A default computed from the resource's other written properties (see `PropertyDef.derivedDefault`). */
export interface DerivedDefault {
  /** The rule in words, e.g. "`max(desired, min)`". */
  readonly text: string;
  readonly value: (props: Readonly<Record<string, unknown>>) => unknown;
}

export interface PropertyDef {
  readonly shape: PropertyShape;
  /** One paragraph in the project's own words: what it does and why one would set it. */
  readonly description: string;
  readonly required?: boolean;
  /** The value used when the property is absent. Shown in completion and hover. */
  readonly default?: unknown;
  /**
   * A default that follows other properties of the same resource (an auto scaling group's `max`
   * defaults to its `desired`). `text` is how hover and messages name the rule; `value` computes it
   * from the resource's written properties. Takes precedence over `default` where both are given.
   */
  readonly derivedDefault?: DerivedDefault;
  /** Unit of a number: `GB`, `IOPS`, `MiB/s`, `MB`, `ms`, `days`, `percent`, `requests/s`... */
  readonly unit?: string;
  /** For reference-bearing properties: their role in the availability model (default `hard`). */
  readonly dependency?: DependencyRole;
  /** Snippet-ready example value, used by completion of the key. */
  readonly example?: unknown;
}

/** A figure with where it came from. Every number that is shown to users carries one. */
export interface SourcedFigure {
  readonly value: number;
  /** A URL or `github:owner/repo path @ commit`. */
  readonly source: string;
  /** What the figure is: an SLA credit threshold, a designed availability, an estimate... */
  readonly kind: 'sla' | 'designed' | 'estimate' | 'inherited';
  readonly note?: string;
}

/** How many units a resource has; each type documents its rule (the availability spec, step 1). */
export type UnitRule =
  /** A fixed number of units (1 for most managed services). */
  | { readonly rule: 'fixed'; readonly units: number }
  /** The number is a property of the resource (`count`, `desired`, `instances`, `nodes`...). */
  | { readonly rule: 'property'; readonly property: string; readonly default: number }
  /** 2 when the boolean property is true (primary and standby), 1 otherwise. */
  | { readonly rule: 'standby-pair'; readonly property: string };

/**
 * A published figure for a deployment option as a whole (RDS Multi-AZ 99.95%, DynamoDB global
 * tables 99.999%, Aurora across zones 99.99%). Unlike a `FigureVariant`, it does not replace the
 * unit figure: the model still derives the resource's availability from its units, zones and
 * region. It is what AWS commits to for the option, shown in hover and documentation next to the
 * computed value, and available to an evaluator that wants to compare the two.
 */
export interface AvailabilityVariant {
  /** Which resources the figure applies to: a property equal to a value, a non-empty list, or a count of at least N. */
  readonly when: {
    readonly property: string;
    readonly equals?: string | number | boolean;
    readonly nonEmpty?: boolean;
    /** For a number, the value; for a list, its length. */
    readonly atLeast?: number;
  };
  /** A short name of the option, e.g. `Multi-AZ`. */
  readonly label: string;
  readonly figure: SourcedFigure;
}

/**
 * A figure that changes with one property's value: an S3 bucket's availability follows its storage
 * class, an EBS volume's durability its volume type, an FSx file system's placement its deployment
 * type. The first variant whose property equals the resource's value (or the property's default)
 * replaces the type-level figure; `figuresFor` in catalog.ts applies them.
 */
export interface FigureVariant {
  readonly property: string;
  readonly value: string | number | boolean;
  readonly availability?: SourcedFigure;
  readonly durability?: SourcedFigure;
  readonly placement?: Placement;
  readonly mttrMinutes?: number;
}

export interface TypeDocs {
  /** What the service is, in two or three sentences. */
  readonly what: string;
  /** When to choose it, and when not to. */
  readonly whenToUse: string;
  /** Key limits and facts an architect must know (EBS is bound to one zone, ...). */
  readonly limits: readonly string[];
  /** The customer's side of the shared-responsibility model for this service. */
  readonly customerResponsibility: readonly string[];
  /** The security controls the service offers (encryption, network isolation, IAM...). */
  readonly securityControls: readonly string[];
  /** How the service is billed, in words (the numbers live in the price table). */
  readonly pricing: string;
}

/** AWS has closed the service to new customers (see `aws-facts.ts`). */
export interface ClosedService {
  /** Gone for everyone: no `existingCustomer` exception. */
  readonly retired?: boolean;
  readonly statement: string;
  readonly alternatives: string;
  readonly source: string;
  readonly checked: string;
}

export interface ResourceTypeDef {
  /** `aws.<service>.<kind>` or `external.<kind>`. */
  readonly id: string;
  /** The AWS product name, e.g. `Amazon EC2`. */
  readonly service: string;
  /** A short title for this kind of resource, e.g. `EC2 instance`. */
  readonly title: string;
  readonly category: Category;
  readonly serviceModel: ServiceModel;
  readonly placement: Placement;
  /** Whether the resource lives in a VPC subnet (it then accepts `subnet`, `securityGroups`). */
  readonly inVpc: boolean;
  /** Whether `zones:` applies to this type (zonal resources and load balancers). */
  readonly zonal: boolean;
  readonly units: UnitRule;
  /** Availability of one unit, as a percentage. */
  readonly availability: SourcedFigure;
  /** Published figures for deployment options of this type (see `AvailabilityVariant`). */
  readonly availabilityVariants?: readonly AvailabilityVariant[];
  /**
   * Set when AWS no longer opens the service to new customers: validation warns unless the resource
   * says `existingCustomer: true`, and hover shows it among the limits.
   */
  readonly closedToNewCustomers?: ClosedService;
  /** Durability of stored data, as a percentage, for storage and database types. */
  readonly durability?: SourcedFigure;
  /** Mean time to repair one unit, in minutes (used by the simulator). */
  readonly mttrMinutes: number;
  /** Requests per second one unit can serve, where that is meaningful (used by the simulator). */
  readonly capacityPerUnitRps?: number;
  /** Whether this type is a data store (the security exposure analysis looks for paths to these). */
  readonly dataStore: boolean;
  readonly docs: TypeDocs;
  /** Type-specific properties. The common ones (label, region, zones, ...) are added by the catalog. */
  readonly properties: Readonly<Record<string, PropertyDef>>;
  /** Figures that depend on a property's value (storage class, volume type...); see `FigureVariant`. */
  readonly variants?: readonly FigureVariant[];
  /** A YAML snippet body (VS Code snippet syntax) for a complete, valid resource of this type. */
  readonly snippet: string;
}

/** An EC2 instance type with its hardware and us-east-1 Linux prices. */
export interface InstanceTypeDef {
  readonly name: string;
  readonly family: string;
  readonly category: 'general-purpose' | 'compute-optimized' | 'memory-optimized' | 'storage-optimized' | 'accelerated-computing';
  readonly vcpu: number;
  readonly memoryGiB: number;
  readonly arch: 'x86_64' | 'arm64';
  /** Local instance store (ephemeral: lost on stop, hibernate or termination). */
  readonly instanceStore?: { readonly disks: number; readonly sizeGBEach: number; readonly media: 'nvme-ssd' | 'ssd' | 'hdd' };
  /**
   * False when the type likely has an instance store (a `d` family, storage-optimized or GPU
   * families) but the hardware list does not give its size: then no rule may say it has none.
   */
  readonly instanceStoreKnown?: false;
  readonly gpus?: number;
  /** Burstable (CPU credits): the t family. */
  readonly burstable?: boolean;
  /** Baseline network bandwidth in Mbit/s, where the source lists it. */
  readonly networkMbps?: number;
  /** Where the hardware figures come from, with the date the list was taken. */
  readonly hardwareSource?: string;
  /** On-demand Linux price in USD per hour, us-east-1; absent when no sourced price is known. */
  readonly onDemandUsdPerHour?: number;
  /** Average spot price in USD per hour at the time of the price snapshot. */
  readonly spotAvgUsdPerHour?: number;
  readonly priceSource?: string;
  readonly priceAsOf?: string;
}

/** A managed-database instance class (RDS, DocumentDB, Neptune, Redshift node types...). */
export interface DbInstanceClassDef {
  readonly name: string;
  readonly vcpu: number;
  readonly memoryGiB: number;
  /** On-demand USD per hour of a Single-AZ instance by engine, us-east-1, where sourced. */
  readonly onDemandUsdPerHour?: Readonly<Partial<Record<string, number>>>;
  /** The network performance AWS lists for the class (`Up to 10 Gigabit`...). */
  readonly networkPerformance?: string;
  /** Where the hardware figures come from, with the date the list was taken. */
  readonly hardwareSource?: string;
  readonly priceSource?: string;
  readonly priceAsOf?: string;
}
