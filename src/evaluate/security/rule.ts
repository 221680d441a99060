/**
 * The shape of a security rule and the helpers every rule uses to report a finding at the exact
 * place in the file. A rule is a small object: a stable id, cross-references to the well-known
 * scanners, and a `check` that reads one resource (and, when it must, the rest of the document).
 */
import type { ArchDocument, FixPayload, Range, ResourceNode, ValueNode, ValuePath } from '../../core/document';
import type { FindingSeverity, SecurityFinding } from '../types';
import { defaultValue } from '../../model/catalog';
import { buildSetPropertyFix } from './fixes';

/** Whose side of the shared-responsibility model a rule's finding falls on. */
export type Responsibility = SecurityFinding['responsibility'];

/**
 * What a rule protects: `security` rules guard confidentiality and integrity; `availability` rules
 * (Multi-AZ and similar) are resilience checks that the scanners list among security controls, and
 * reports may score them separately; `cost` rules are savings recommendations that ride along with
 * the security findings because they are found the same way (gp2 instead of gp3).
 */
export type RuleConcern = 'security' | 'availability' | 'cost';

/**
 * What every rule can see besides the resource it checks: the whole document and derived indexes.
 *
 * A resource's findings are cached by resource object and reused while the file's zones and the
 * resource's neighbours (every resource it references or that references it, by object) are the
 * same (see index.ts). A rule may therefore read its own resource, the file's `zones` and its
 * neighbours; it must not read other resources or whole-document lists such as `doc.references`
 * directly: add an index here instead, derived from the neighbours.
 */
export interface RuleContext {
  readonly doc: ArchDocument;
  /** Names of the resources whose `targets` include the given resource (load balancers in front of it). */
  readonly targetedBy: (resourceName: string) => readonly ResourceNode[];
  /** Whether another resource's `replication` names this one (it is the disaster-recovery copy). */
  readonly isReplicaTarget: (resourceName: string) => boolean;
}

/** One rule of the engine. Ids are `CA-<SERVICE>-<NNN>`, stable and never reused. */
export interface SecurityRule {
  readonly id: string;
  /** A short imperative-free title: what is wrong, e.g. "Security group allows SSH from the internet". */
  readonly title: string;
  /** Why it matters, in one or two sentences (SARIF fullDescription, documentation). */
  readonly description: string;
  readonly severity: FindingSeverity;
  /**
   * Why the severity is what it is, compared with Security Hub's and Checkov's (Prisma Cloud's)
   * grading of the same check. Required for critical and high rules; docs/security-rules.md prints it.
   */
  readonly severityRationale?: string;
  readonly concern: RuleConcern;
  /** Resource type ids this rule applies to. */
  readonly types: readonly string[];
  readonly remediation: string;
  readonly checkov: readonly string[];
  readonly securityHub: readonly string[];
  readonly responsibility: Responsibility;
  /** Whether findings of this rule carry a mechanical fix (documented in the rule table). */
  readonly fixable: boolean;
  readonly check: (resource: ResourceNode, context: RuleContext) => readonly SecurityFinding[];
}

/** The metadata of a rule without its check, as rule modules declare it. */
export type RuleMeta = Omit<SecurityRule, 'check'>;

/** The node at a path under a resource's body, when it is written. */
export function nodeAt(resource: ResourceNode, path: ValuePath): ValueNode | undefined {
  let node: ValueNode | undefined = resource.body;
  for (const step of path) {
    if (node === undefined) return undefined;
    if (typeof step === 'number') {
      node = node.kind === 'seq' ? node.items[step] : undefined;
    } else if (node.kind === 'map') {
      node = node.entries.find((entry) => entry.key === step)?.value;
    } else {
      return undefined;
    }
  }
  return node;
}

/** The plain value at a path under a resource's props. */
export function valueAt(resource: ResourceNode, path: ValuePath): unknown {
  let value: unknown = resource.props;
  for (const step of path) {
    if (value === null || value === undefined) return undefined;
    if (typeof step === 'number') value = Array.isArray(value) ? value[step] : undefined;
    else value = typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[step] : undefined;
  }
  return value;
}

/**
 * Where a finding about `path` points: the offending value when it is written, else the nearest
 * written ancestor's key when the value sits inside a list item, else the resource's name (a missing
 * property has no text of its own).
 */
export function rangeFor(resource: ResourceNode, path: ValuePath): Range {
  const node = nodeAt(resource, path);
  if (node !== undefined) return node.range;
  for (let length = path.length - 1; length > 0; length--) {
    const parent = nodeAt(resource, path.slice(0, length));
    // A missing key inside a written list item (`volumes[0].encrypted`) points at the item, which
    // is more useful than the resource name when the resource has several items.
    if (parent !== undefined && typeof path[length - 1] === 'number') return parent.range;
  }
  return resource.nameRange;
}

/** The default the catalog declares for a top-level property of the resource's type, if any. */
export function catalogDefault(resource: ResourceNode, property: string): unknown {
  return resource.typeDef === undefined ? undefined : defaultValue(resource.typeDef, property, resource.props);
}

/** A top-level property's value as the file means it: written, else the catalog's default. */
export function effective(resource: ResourceNode, property: string): unknown {
  const written = resource.props[property];
  return written !== undefined && written !== null ? written : catalogDefault(resource, property);
}

/** Arguments for `finding`: everything a finding has that the rule cannot supply itself. */
export interface FindingInput {
  readonly path: ValuePath;
  readonly message: string;
  readonly fix?: FixPayload;
  readonly exposurePath?: SecurityFinding['exposurePath'];
  /** Overrides the range derived from `path` (exposure findings point at the data store's name). */
  readonly range?: Range;
}

/** A finding of `rule` about `resource`, located by path. */
export function finding(rule: RuleMeta, resource: ResourceNode, input: FindingInput): SecurityFinding {
  return {
    ruleId: rule.id,
    severity: rule.severity,
    resource: resource.name,
    path: input.path,
    range: input.range ?? rangeFor(resource, input.path),
    message: input.message,
    remediation: rule.remediation,
    ...(input.fix ? { fix: input.fix } : {}),
    ...(rule.checkov.length > 0 ? { checkov: rule.checkov } : {}),
    ...(rule.securityHub.length > 0 ? { securityHub: rule.securityHub } : {}),
    responsibility: rule.responsibility,
    concern: rule.concern,
    ...(input.exposurePath ? { exposurePath: input.exposurePath } : {}),
  };
}

/** Renders a value the way it appears in a message: strings quoted with backticks, absence said plainly. */
export function shown(value: unknown): string {
  if (value === undefined) return 'not set';
  if (typeof value === 'string') return `\`${value}\``;
  return `\`${JSON.stringify(value)}\``;
}

/** Declarative description of a "this property should have a safe value" rule. */
export interface PropertyRuleSpec extends Omit<RuleMeta, 'fixable'> {
  /** The property path under the resource, e.g. `['encrypted']` or `['storage', 'encrypted']`. */
  readonly path: ValuePath;
  /**
   * The value assumed when the property is absent and the catalog declares no default. What AWS does
   * when the setting is left out (e.g. `false` for `deletionProtection`).
   */
  readonly assumedDefault: unknown;
  /** Whether the effective value is acceptable. */
  readonly ok: (value: unknown, resource: ResourceNode, context: RuleContext) => boolean;
  /** Whether the rule applies to this resource at all (e.g. only provisioned tables). */
  readonly appliesTo?: (resource: ResourceNode, context: RuleContext) => boolean;
  /** The one-sentence message, naming the resource and the value. */
  readonly message: (resource: ResourceNode, value: unknown, written: boolean, context: RuleContext) => string;
  /** The value the mechanical fix writes, and the fix's title; absent when there is no safe mechanical fix. */
  readonly fix?: {
    readonly title: string;
    /** A constant value to write... */
    readonly value?: unknown;
    /** ...or one computed from the resource; `undefined` means no mechanical fix for this resource. */
    readonly compute?: (resource: ResourceNode, context: RuleContext) => unknown;
  };
}

/** Builds a rule from a declarative property spec (most rules are exactly this). */
export function propertyRule(spec: PropertyRuleSpec): SecurityRule {
  const { path, assumedDefault, ok, appliesTo, message, fix, ...meta } = spec;
  const rule: SecurityRule = {
    ...meta,
    fixable: fix !== undefined,
    check(resource, context) {
      if (appliesTo && !appliesTo(resource, context)) return [];
      const written = nodeAt(resource, path) !== undefined;
      const writtenValue = valueAt(resource, path);
      const topDefault = path.length === 1 && typeof path[0] === 'string' ? catalogDefault(resource, path[0]) : undefined;
      const value =
        writtenValue !== undefined && writtenValue !== null ? writtenValue : topDefault !== undefined ? topDefault : assumedDefault;
      if (ok(value, resource, context)) return [];
      const fixValue = fix === undefined ? undefined : fix.compute ? fix.compute(resource, context) : fix.value;
      const payload =
        fix === undefined || fixValue === undefined ? undefined : buildSetPropertyFix(context.doc, resource, path, fixValue, fix.title);
      // A finding about a value the user did not write says so, and names the default it reasons from.
      const base = message(resource, value, written, context);
      const key = path.join('.');
      const note = base.includes(String(path[path.length - 1]))
        ? ` That is the default: \`${key}\` is not written.`
        : ` \`${key}\` is not written, so it takes the default ${shown(value)}.`;
      const full = written || value === undefined || /default/i.test(base) ? base : `${base}${note}`;
      return [finding(rule, resource, { path, message: full, ...(payload ? { fix: payload } : {}) })];
    },
  };
  return rule;
}

/** What is wrong with one item of a list property: the key in the item it is about, and the value that fixes it, if one does. */
export interface ItemProblem {
  readonly key: string;
  readonly message: string;
  readonly fix?: { readonly value: unknown; readonly title: string };
}

/**
 * Builds a rule that checks each map item of the list property `list` (an instance's `volumes`, a
 * load balancer's `listeners`): `problemOf` says what is wrong with an item, and the finding points
 * at that key of the item, with a fix that sets it when the problem names a value.
 */
export function listItemRule(
  meta: RuleMeta,
  list: string,
  problemOf: (item: Readonly<Record<string, unknown>>, index: number, resource: ResourceNode) => ItemProblem | undefined,
): SecurityRule {
  return {
    ...meta,
    check(resource, context) {
      const items = resource.props[list];
      if (!Array.isArray(items)) return [];
      const findings: SecurityFinding[] = [];
      items.forEach((item, index) => {
        if (item === null || typeof item !== 'object' || Array.isArray(item)) return;
        const problem = problemOf(item as Record<string, unknown>, index, resource);
        if (problem === undefined) return;
        const path = [list, index, problem.key];
        const fix = problem.fix && buildSetPropertyFix(context.doc, resource, path, problem.fix.value, problem.fix.title);
        findings.push(finding(meta, resource, { path, message: problem.message, ...(fix ? { fix } : {}) }));
      });
      return findings;
    },
  };
}

/**
 * Declarative description of a rule that wants a boolean switch on (`encrypted: true`): the switch
 * is off when absent (unless the catalog's default says otherwise), and the fix turns it on.
 */
export interface SwitchRuleSpec extends Omit<PropertyRuleSpec, 'responsibility' | 'path' | 'assumedDefault' | 'ok' | 'fix'> {
  /** The top-level property that must be `true`. */
  readonly property: string;
  /** The title of the fix that writes `property: true`. */
  readonly fixTitle: string;
}

/** Builds a customer-side rule from a switch spec (a property rule with its usual defaults). */
export function switchRule(spec: SwitchRuleSpec): SecurityRule {
  const { property, fixTitle, ...rest } = spec;
  return propertyRule({
    ...rest,
    responsibility: 'customer',
    path: [property],
    assumedDefault: false,
    ok: isTrue,
    fix: { value: true, title: fixTitle },
  });
}

/** A rule with a check of its own; `checkOf` makes the check from the rule's metadata (which its findings cite). */
export function customRule(meta: RuleMeta, checkOf: (meta: RuleMeta) => SecurityRule['check']): SecurityRule {
  return { ...meta, check: checkOf(meta) };
}

/** Truthiness as a YAML author means it: only `true` is on. */
export const isTrue = (value: unknown): boolean => value === true;
