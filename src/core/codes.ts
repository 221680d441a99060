/**
 * The stable codes of the diagnostics the parser and validator report. A code is part of the
 * product's contract (users filter on it, tests assert it, quick fixes key on it): once published it
 * keeps its meaning and is never reused for something else.
 */
export const Codes = {
  // --- Reading the file -------------------------------------------------------------------------
  /** The file is larger than the parser accepts; nothing is parsed. */
  fileTooLarge: 'file-too-large',
  /** Nesting deeper than the parser accepts (protects the YAML composer from deep input). */
  nestingTooDeep: 'nesting-too-deep',
  /** More aliases than allowed, or an alias expansion that would explode (billion laughs). */
  tooManyAliases: 'too-many-aliases',
  /** A character YAML does not allow (NUL, other control characters, an unpaired surrogate). */
  invalidCharacter: 'invalid-character',
  /** The file starts with a byte-order mark, which is not needed in UTF-8. */
  byteOrderMark: 'byte-order-mark',
  /** A YAML syntax error, reported with yaml's own position. */
  yamlSyntax: 'yaml-syntax',
  /** A tab used for indentation, which YAML forbids. */
  tabIndentation: 'tab-indentation',
  /** A second YAML document (`---`) in the file: one architecture per file. */
  multipleDocuments: 'multiple-documents',
  /** A tag such as `!Ref` or `!!python/object` that is not part of the YAML 1.2 core schema; the value is read as text. */
  unsafeTag: 'unsafe-tag',
  /** A `<<` merge key, which YAML 1.2 does not define; it is read as an ordinary key. */
  mergeKey: 'merge-key',
  /** A key such as `__proto__` that could alter objects in the JavaScript that reads the file. */
  forbiddenKey: 'forbidden-key',
  /** The same key twice in one map (later occurrences are ignored). */
  duplicateKey: 'duplicate-key',
  /** A number that is not finite (`.inf`, `.nan`, `1e400`): the value is ignored. */
  nonFiniteNumber: 'non-finite-number',
  /** A plain integer with a leading zero (`0755`): decimal in YAML 1.2, octal in YAML 1.1 tools. */
  octalLookingNumber: 'octal-looking-number',
  /** A fraction (`0.999`) where a percentage is expected (`99.9`): almost always a slip. */
  percentWrittenAsFraction: 'percent-written-as-fraction',
  /** A map key that is not a plain string (a number, a list, `null`). */
  invalidKey: 'invalid-key',
  /** The file is empty or contains only comments. */
  emptyFile: 'empty-file',
  /** The file's top level is not a map of keys. */
  notAMap: 'not-a-map',

  // --- Schema -----------------------------------------------------------------------------------
  /** A required key is missing (`cloudarch`, `name`, `resources`, a resource's `type`, ...). */
  missingRequired: 'missing-required',
  /** `cloudarch:` names a format version this release does not read. */
  unsupportedVersion: 'unsupported-version',
  /** A key the format does not define at this place. */
  unknownProperty: 'unknown-property',
  /** A value of the wrong kind (a string where a number is expected, ...). */
  wrongType: 'wrong-type',
  /** A value that is not one of the allowed values of an enumerated property. */
  invalidValue: 'invalid-value',
  /** A number outside its allowed range, a string of the wrong form, a list of the wrong length. */
  valueOutOfRange: 'value-out-of-range',
  /** `type:` names no resource type of the catalog. */
  unknownType: 'unknown-type',
  /** A resource name that does not match `^[a-z][a-z0-9-]{0,62}$`. */
  resourceNameInvalid: 'resource-name-invalid',
  /** A resource's value is not a map. */
  resourceNotAMap: 'resource-not-a-map',

  // --- References -------------------------------------------------------------------------------
  /** A reference to a resource name that does not exist in the file. */
  unknownReference: 'unknown-reference',
  /** A reference to a resource whose type the property does not accept. */
  wrongReferenceKind: 'wrong-reference-kind',
  /** A resource that references itself. */
  selfReference: 'self-reference',
  /** Resources that depend on one another in a loop. */
  dependencyCycle: 'dependency-cycle',
  /** A `name:port` reference whose port is not a number between 0 and 65535. */
  invalidPort: 'invalid-port',

  // --- Zones and placement ----------------------------------------------------------------------
  /** A resource zone that is not listed in the file's top-level `zones`. */
  unknownZone: 'unknown-zone',
  /** A top-level `zones` list with more zones than any AWS region has (six, in us-east-1). */
  tooManyZones: 'too-many-zones',
  /** An EBS volume attached to an instance in a different zone (EBS is bound to one zone). */
  ebsZoneMismatch: 'ebs-zone-mismatch',
  /** `multiAZ: true` with fewer than two zones. */
  multiAzNeedsTwoZones: 'multi-az-needs-two-zones',
  /** An Application or Network Load Balancer with fewer than two zones (AWS requires two). */
  loadBalancerNeedsTwoZones: 'load-balancer-needs-two-zones',

  // --- EBS volumes ------------------------------------------------------------------------------
  /** `multiAttach: true` on a volume type other than io1/io2. */
  multiAttachUnsupported: 'multi-attach-unsupported',
  /** A volume size outside the volume type's limits. */
  volumeSizeOutOfRange: 'volume-size-out-of-range',
  /** Provisioned IOPS outside the volume type's limits (absolute, or per GiB of size). */
  volumeIopsOutOfRange: 'volume-iops-out-of-range',
  /** `iops` on a volume type whose IOPS cannot be provisioned (gp2, st1, sc1). */
  volumeIopsNotSettable: 'volume-iops-not-settable',
  /** `iops` missing on a volume type that requires it (io1, io2). */
  volumeIopsRequired: 'volume-iops-required',
  /** Throughput outside the volume type's limits, or set on a type other than gp3. */
  volumeThroughputOutOfRange: 'volume-throughput-out-of-range',
  /** A multi-attach volume attached to instances in several zones, or to more than 16 instances. */
  multiAttachLimit: 'multi-attach-limit',
  /** A volume not using multi-attach that is attached to more than one instance. */
  volumeAttachedTwice: 'volume-attached-twice',
  /** S3 replication whose kind contradicts the destination's region (CRR within one region, SRR across two). */
  replicationRegionMismatch: 'replication-region-mismatch',

  // --- Compute ----------------------------------------------------------------------------------
  /** Auto scaling group capacities out of order (needs min <= desired <= max). */
  asgCapacityOrder: 'asg-capacity-order',
  /** `instanceType:` names no EC2 instance type known to the catalog. */
  unknownInstanceType: 'unknown-instance-type',
  /** `instanceClass:` names no database instance class known to the catalog. */
  unknownDbInstanceClass: 'unknown-db-instance-class',
  /** Spot purchase for a single instance that holds state: an interruption loses it. */
  spotStateful: 'spot-stateful',
  /** Instance store requested on an instance type that has none. */
  instanceStoreUnavailable: 'instance-store-unavailable',
  /** A public IP on a resource in a private subnet: it cannot be reached from the internet. */
  publicIpInPrivateSubnet: 'public-ip-in-private-subnet',

  // --- Simulation -------------------------------------------------------------------------------
  /** A `scenarios:` entry with a failure or surge that cannot be read or names nothing in the file. */
  invalidScenario: 'invalid-scenario',

  // --- Current facts -----------------------------------------------------------------------------
  /** A service AWS no longer opens to new customers (Timestream for LiveAnalytics, Snowball Edge), in a design that does not say the account already uses it. */
  closedToNewCustomers: 'closed-to-new-customers',
  /** A service AWS has retired for every customer (QLDB): a design cannot be built with it. */
  serviceRetired: 'service-retired',
  /** S3 replication or Object Lock on a bucket without versioning, which both require. */
  s3VersioningRequired: 's3-versioning-required',
  /** DynamoDB multi-Region strong consistency with other than three regions. */
  dynamodbStrongConsistencyRegions: 'dynamodb-strong-consistency-regions',
  /** RDS gp3 storage with provisioned IOPS below the baseline that its size already includes. */
  rdsGp3IopsBelowBaseline: 'rds-gp3-iops-below-baseline',

  // --- Hygiene ----------------------------------------------------------------------------------
  /** A security group that no resource uses. */
  unusedSecurityGroup: 'unused-security-group',
} as const;

/** Any diagnostic code the core reports. */
export type CoreCode = (typeof Codes)[keyof typeof Codes];
