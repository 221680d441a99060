/**
 * The parsed architecture: what every other layer (evaluations, language features, diagram, CLI)
 * reads. Produced by `parseArchitecture` from text; never built by hand outside tests.
 *
 * Every position is LSP-style: 0-based line and character counted in UTF-16 code units, so ranges
 * can be handed to an editor unchanged.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import type { DependencyRole, ResourceTypeDef } from '../model/catalog-types';
import type { FindingSeverity } from '../model/severities';

export type { Position, Range };

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Which part of the product produced a diagnostic. Shown as the diagnostic's `source`. */
export type DiagnosticSource = 'cloudarch' | 'cloudarch.availability' | 'cloudarch.cost' | 'cloudarch.security' | 'cloudarch.targets';

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/**
 * A mechanical fix, computed where the problem is found and carried with the diagnostic, so the
 * editor's quick fix and any other consumer apply the same edit (house style: fixes travel in
 * `Diagnostic.data`, they are never re-derived).
 */
export interface FixPayload {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly isPreferred?: boolean;
}

export interface RelatedInformation {
  readonly message: string;
  readonly range: Range;
}

export interface ArchDiagnostic {
  /** Stable, never reused: kebab-case for validation (`unknown-reference`), `CA-XXX-NNN` for rules. */
  readonly code: string;
  readonly severity: Severity;
  /** One or two sentences a person understands, naming the offending value and what is expected. */
  readonly message: string;
  readonly range: Range;
  readonly source: DiagnosticSource;
  /** The resource the diagnostic is about, when there is one. */
  readonly resource?: string;
  readonly related?: readonly RelatedInformation[];
  readonly fixes?: readonly FixPayload[];
  /** Marks a diagnostic as being about unnecessary or deprecated code (editor styling). */
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
}

/** A path from a resource (or the top level) down to a value: keys and sequence indexes. */
export type ValuePath = readonly (string | number)[];

interface NodeBase {
  /** The node's extent in the text. For a scalar, the scalar's text (with quotes). */
  readonly range: Range;
}

export interface ScalarNode extends NodeBase {
  readonly kind: 'scalar';
  /** The value under the YAML 1.2 core schema; unsafe tags are read as plain strings. */
  readonly value: string | number | boolean | null;
  /** The scalar exactly as written (used for did-you-mean and to keep quoting in edits). */
  readonly source: string;
}

export interface MapEntry {
  readonly key: string;
  readonly keyRange: Range;
  /** Absent for `key:` with nothing after it. */
  readonly value: ValueNode | undefined;
}

export interface MapNode extends NodeBase {
  readonly kind: 'map';
  readonly entries: readonly MapEntry[];
  /** Written in flow style (`{ a: 1 }`). Edits keep the style. */
  readonly flow: boolean;
}

export interface SeqNode extends NodeBase {
  readonly kind: 'seq';
  readonly items: readonly ValueNode[];
  readonly flow: boolean;
}

export type ValueNode = ScalarNode | MapNode | SeqNode;

export interface ResourceNode {
  readonly name: string;
  readonly nameRange: Range;
  /** From the start of the name to the end of the resource's last value. */
  readonly range: Range;
  /** The `type:` value as written, when it is a string. */
  readonly type: string | undefined;
  readonly typeRange: Range | undefined;
  /** The catalog entry, when `type` names a known type. */
  readonly typeDef: ResourceTypeDef | undefined;
  /** The resource's map as written. Undefined when the resource's value is not a map. */
  readonly body: MapNode | undefined;
  /** The same content as plain values (numbers, strings, lists, objects), for the evaluators. */
  readonly props: Readonly<Record<string, unknown>>;
}

/** One occurrence of a reference to a resource name, wherever it is written. */
export interface ReferenceOccurrence extends ReferenceSite {
  /** The resource the reference is written in. */
  readonly from: string;
  /** Whether a resource of that name exists in the file. */
  readonly resolved: boolean;
}

/** Where a reference is written and what it says, whichever resource holds it. */
export interface ReferenceSite {
  /** The property path inside that resource, e.g. `['connectsTo', 0]` or `['ingress', 1, 'from']`. */
  readonly path: ValuePath;
  /** The referenced resource name. */
  readonly target: string;
  /** The range of the name only (without `:port`), which is what rename replaces. */
  readonly range: Range;
  /** `connectsTo` port, from `name:port` or `{ port }`. */
  readonly port?: number;
  /** `connectsTo` entries marked `optional: true`. */
  readonly optional?: boolean;
  /** The role of the reference in the availability model (from the catalog's property). */
  readonly role: DependencyRole;
}

/** The model knobs of `assumptions:` with defaults applied. */
export interface Assumptions {
  readonly zoneAvailability: number;
  readonly regionAvailability: number;
  readonly hoursPerMonth: number;
  readonly prices: Readonly<Record<string, number>>;
}

/** Traffic and data of `workload:` with defaults applied (all zero when absent). */
export interface Workload {
  readonly requestsPerSecond: number;
  readonly peakRequestsPerSecond: number;
  readonly dataTransferOutGB: number;
  readonly storageGrowthGBPerMonth: number;
}

export interface Targets {
  readonly availability?: number;
  readonly monthlyBudget?: number;
  readonly maxFindingSeverity?: FindingSeverity;
}

/** The top-level values with defaults applied. */
export interface TopLevel {
  readonly formatVersion: string | undefined;
  readonly name: string | undefined;
  readonly description: string | undefined;
  /** `region:` or `us-east-1`. */
  readonly region: string;
  /** `zones:` or `[a, b, c]`. */
  readonly zones: readonly string[];
  readonly workload: Workload;
  readonly assumptions: Assumptions;
  readonly targets: Targets;
}

export interface ArchDocument extends TopLevel {
  /** The text this document was parsed from. */
  readonly text: string;
  /** The top-level map as written; undefined when the file is empty or not a map. */
  readonly root: MapNode | undefined;
  /** In file order. */
  readonly resources: readonly ResourceNode[];
  readonly resourceByName: ReadonlyMap<string, ResourceNode>;
  readonly references: readonly ReferenceOccurrence[];
  /** Syntax, schema and semantic diagnostics (evaluations add theirs separately). */
  readonly diagnostics: readonly ArchDiagnostic[];
}
