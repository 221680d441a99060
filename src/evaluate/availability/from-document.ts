/**
 * The adapter from a parsed architecture to the reliability model: units, placement, zones,
 * region and unit availability from the catalog and the resource's properties, dependencies from
 * the resolved references and their catalog roles, and the entry points.
 */
import type { ArchDocument, ResourceNode } from '../../core/document';
import { everyReferencePair, resourcesReplacedInPlace } from '../../core/replaced-in-place';
import { defaultValue, figuresFor } from '../../model/catalog';
import type { ComponentPlacement, ReliabilityComponent, ReliabilityModel } from './model';

/** Security groups never fail and are never dependencies (evaluation.md, "Availability", 4). */
const securityGroupType = 'aws.ec2.security-group';

function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out = value.filter((v): v is string => typeof v === 'string' && v.length > 0);
  return out.length > 0 ? [...new Set(out)] : undefined;
}

/** The number of units by the type's rule (evaluation.md, "Availability", 1). */
function unitCount(resource: ResourceNode): number {
  const def = resource.typeDef;
  if (!def) return 1;
  const rule = def.units;
  switch (rule.rule) {
    case 'fixed':
      return rule.units;
    case 'property': {
      // An unwritten count takes the property's (derived) default: an auto scaling group with only
      // `min: 3` runs three instances.
      const value = finiteNumber(resource.props[rule.property]) ?? finiteNumber(defaultValue(def, rule.property, resource.props));
      return value === undefined ? rule.default : Math.max(0, Math.floor(value));
    }
    case 'standby-pair':
      return resource.props[rule.property] === true ? 2 : 1;
  }
}

function isExternalType(resource: ResourceNode): boolean {
  return resource.type !== undefined && resource.type.startsWith('external.');
}

/** Whether this reference property of this resource has OR semantics in this configuration. */
function isAnyOfProperty(resource: ResourceNode, property: string): boolean {
  if (resource.type === 'aws.route53.zone' && property === 'targets') {
    const routing = resource.props.routing;
    return typeof routing === 'string' && routing !== 'simple';
  }
  if (resource.type === 'aws.cloudfront.distribution' && property === 'origins') return resource.props.originFailover === true;
  return false;
}

/** The model, with what the report needs to present it (zone labels, regions). */
export interface DocumentModel {
  readonly model: ReliabilityModel;
  /** Zone id (`us-east-1a`) -> its letter (`a`). */
  readonly zoneLetter: ReadonlyMap<string, string>;
  /** The document the model was built from and the dependencies its references gave: the next version's model starts from them. */
  readonly source?: { readonly doc: ArchDocument; readonly dependencies: Dependencies };
}

/** The dependencies by name that a document's references give, and its entry points. */
interface Dependencies {
  /** Only resources with hard dependencies have an entry (most have none). */
  readonly hard: ReadonlyMap<string, readonly string[]>;
  /** Per resource, its any-of groups (one per property). */
  readonly anyOf: ReadonlyMap<string, readonly (readonly string[])[]>;
  readonly entryPoints: readonly string[];
}

/**
 * What a resource contributes to its component on its own, whatever the rest of the file says:
 * read once per resource object (the parser keeps the object of an unchanged resource).
 */
interface ResourceFacts {
  readonly placement: ComponentPlacement;
  /** Percent, from `availability:` or the catalog. */
  readonly percent: number;
  readonly units: number;
  readonly minHealthy: number;
  /** The resource's own `region:`, when set. */
  readonly region: string | undefined;
  /** The resource's own `zones:` letters, when set. */
  readonly zoneLetters: readonly string[] | undefined;
}

/** Memo: what the model reads of each resource, by resource object (never changed once parsed). */
const factsByResource = new WeakMap<ResourceNode, ResourceFacts>();

function resourceFacts(r: ResourceNode): ResourceFacts {
  const known = factsByResource.get(r);
  if (known !== undefined) return known;
  const def = r.typeDef;
  const figures = def ? figuresFor(def, r.props) : undefined;
  // An unknown type (reported by validation) or a security group neither fails nor changes the
  // result, but a resource of unknown type still passes its dependencies on.
  let placement: ComponentPlacement = figures?.placement ?? 'external';
  if (r.type === securityGroupType) placement = 'external';
  const override = finiteNumber(r.props.availability);
  const minHealthy = finiteNumber(r.props.minHealthy);
  const facts: ResourceFacts = {
    placement,
    percent: override !== undefined && override >= 0 && override <= 100 ? override : (figures?.availability.value ?? 100),
    units: unitCount(r),
    minHealthy: minHealthy === undefined ? 1 : Math.max(1, Math.floor(minHealthy)),
    region: typeof r.props.region === 'string' && r.props.region.length > 0 ? r.props.region : undefined,
    zoneLetters: stringList(r.props.zones),
  };
  factsByResource.set(r, facts);
  return facts;
}

/** The last component built for a resource object, with the file-wide settings it was built under. */
interface CachedComponent {
  readonly docRegion: string;
  readonly zonesKey: string;
  readonly component: ReliabilityComponent;
}

/** Memo: each resource's component, by resource object, valid while `zonesKey` and its dependencies are the same. */
const componentByResource = new WeakMap<ResourceNode, CachedComponent>();

const defaultZoneLetters: readonly string[] = ['a'];
const noNames: readonly string[] = [];
const noGroups: readonly (readonly string[])[] = [];

function sameStrings(left: readonly string[], right: readonly string[]): boolean {
  if (left === right) return true;
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index++) if (left[index] !== right[index]) return false;
  return true;
}

function sameGroups(left: readonly (readonly string[])[], right: readonly (readonly string[])[]): boolean {
  if (left === right) return true;
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index++) if (!sameStrings(left[index]!, right[index]!)) return false;
  return true;
}

/** The dependencies of a document, from all its references. */
function dependenciesOf(doc: ArchDocument): Dependencies {
  const hard = new Map<string, string[]>();
  const addHard = (from: string, to: string): void => {
    const list = hard.get(from);
    if (list === undefined) hard.set(from, [to]);
    else list.push(to);
  };
  const anyOf = new Map<string, Map<string, string[]>>();
  const dependedOn = new Set<string>();
  const isSecurityGroup = (name: string): boolean => doc.resourceByName.get(name)?.type === securityGroupType;

  for (const ref of doc.references) {
    if (!ref.resolved || ref.from === ref.target || ref.optional === true || ref.role === 'none') continue;
    if (isSecurityGroup(ref.from) || isSecurityGroup(ref.target)) continue;
    const from = doc.resourceByName.get(ref.from);
    if (!from || !doc.resourceByName.has(ref.target)) continue;
    if (ref.role === 'reverse-hard') {
      // `attachedTo: [x]` on a volume: x needs the volume.
      addHard(ref.target, ref.from);
      dependedOn.add(ref.from);
      continue;
    }
    const property = String(ref.path[0] ?? '');
    if (ref.role === 'any-of' || isAnyOfProperty(from, property)) {
      let groups = anyOf.get(ref.from);
      if (!groups) {
        groups = new Map();
        anyOf.set(ref.from, groups);
      }
      if (!groups.has(property)) groups.set(property, []);
      groups.get(property)!.push(ref.target);
    } else {
      addHard(ref.from, ref.target);
    }
    dependedOn.add(ref.target);
  }

  // Entry points: what the outside world (external.*) connects to; failing that, every resource
  // nothing else depends on (evaluation.md, "Availability", 5).
  const entryPoints: string[] = [];
  for (const ref of doc.references) {
    if (!ref.resolved || ref.optional === true || ref.role === 'none' || ref.role === 'reverse-hard') continue;
    const from = doc.resourceByName.get(ref.from);
    if (!from || !isExternalType(from) || isSecurityGroup(ref.target) || ref.target === ref.from) continue;
    if (!entryPoints.includes(ref.target)) entryPoints.push(ref.target);
  }
  if (entryPoints.length === 0) {
    for (const r of doc.resources) {
      if (isExternalType(r) || r.type === securityGroupType || dependedOn.has(r.name)) continue;
      entryPoints.push(r.name);
    }
  }
  const groupLists = new Map<string, readonly (readonly string[])[]>();
  for (const [name, groups] of anyOf) groupLists.set(name, [...groups.values()]);
  return { hard, anyOf: groupLists, entryPoints };
}

/** Beyond this many resources replaced since the previous version, the dependencies are worked out afresh. */
const dependencyReuseLimit = 32;

/**
 * Whether `doc` has the dependencies of `before`, the previous version of the same document: true
 * when the edit replaced a few resources in place (same names, same places, same types) and every
 * reference reads as it did (same source, target, property and role, and a replaced resource's
 * routing or failover, which turn a property's references into any-of groups, unchanged). The
 * usual keystroke inside a resource; then the previous maps and arrays are reused as they are, and
 * each unchanged component is recognised by reference.
 */
function sameDependencies(doc: ArchDocument, before: ArchDocument): boolean {
  if (doc === before) return true;
  const replaced = resourcesReplacedInPlace(
    doc,
    before,
    dependencyReuseLimit,
    (resource, old) =>
      resource.type === old.type && doc.resourceByName.get(resource.name)?.type === before.resourceByName.get(old.name)?.type,
  );
  if (replaced === undefined) return false;
  return everyReferencePair(doc, before, (ref, old) => {
    if (
      ref !== old &&
      (ref.from !== old.from ||
        ref.target !== old.target ||
        ref.resolved !== old.resolved ||
        ref.optional !== old.optional ||
        ref.role !== old.role ||
        String(ref.path[0] ?? '') !== String(old.path[0] ?? ''))
    )
      return false;
    if (!replaced.has(ref.from)) return true;
    const property = String(ref.path[0] ?? '');
    const from = doc.resourceByName.get(ref.from);
    const oldFrom = before.resourceByName.get(ref.from);
    return from === undefined || oldFrom === undefined || isAnyOfProperty(from, property) === isAnyOfProperty(oldFrom, property);
  });
}

/**
 * Builds the reliability model of a parsed architecture. With `previous`, the model of the
 * previous version of the same document, its dependencies are reused when the edit left them as
 * they were (`sameDependencies`).
 */
export function reliabilityModelFromDocument(doc: ArchDocument, previous?: DocumentModel): DocumentModel {
  const zoneLetter = new Map<string, string>();
  const source = previous?.source;
  const dependencies = source !== undefined && sameDependencies(doc, source.doc) ? source.dependencies : dependenciesOf(doc);
  const { hard, anyOf, entryPoints } = dependencies;

  // As JSON, so that zones `[a, b]` and `['a,b']` never share a key.
  const zonesKey = JSON.stringify(doc.zones);
  // Most resources name the same zones as the one before them: their zone ids are in the map already.
  let lastRegion: string | undefined;
  let lastLetters: readonly string[] = [];
  const components: ReliabilityComponent[] = doc.resources.map((r) => {
    const facts = resourceFacts(r);
    const region = facts.region ?? doc.region;
    const letters = facts.zoneLetters ?? (doc.zones.length > 0 ? doc.zones : defaultZoneLetters);
    if (region !== lastRegion || !sameStrings(letters, lastLetters)) {
      for (const letter of letters) zoneLetter.set(`${region}${letter}`, letter);
      lastRegion = region;
      lastLetters = letters;
    }
    const hardNames = hard.get(r.name) ?? noNames;
    const anyOfGroups = anyOf.get(r.name) ?? noGroups;
    // The same resource object in the same region and zones with the same dependencies gives the
    // same component: keeping the object lets the result cache compare models by identity.
    const cached = componentByResource.get(r);
    if (
      cached !== undefined &&
      cached.docRegion === doc.region &&
      cached.zonesKey === zonesKey &&
      sameStrings(cached.component.hard, hardNames) &&
      sameGroups(cached.component.anyOf, anyOfGroups)
    ) {
      return cached.component;
    }
    const component: ReliabilityComponent = {
      name: r.name,
      placement: facts.placement,
      unitAvailability: facts.percent / 100,
      units: facts.units,
      minHealthy: facts.minHealthy,
      region,
      zones: facts.placement === 'zonal' || facts.placement === 'load-balancer' ? letters.map((letter) => `${region}${letter}`) : [],
      hard: hardNames,
      anyOf: anyOfGroups,
    };
    componentByResource.set(r, { docRegion: doc.region, zonesKey, component });
    return component;
  });

  return {
    model: {
      components,
      entryPoints,
      zoneAvailability: doc.assumptions.zoneAvailability / 100,
      regionAvailability: doc.assumptions.regionAvailability / 100,
    },
    zoneLetter,
    source: { doc, dependencies },
  };
}
