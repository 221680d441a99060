/**
 * The service catalog: every resource type, looked up by id. Type definitions live in
 * `types/*.ts`, one file per group of services; this module merges in the common properties and
 * answers questions about the whole catalog.
 */
import type { Placement, PropertyDef, ResourceTypeDef, SourcedFigure } from './catalog-types';
import { commonProperties, securityGroupsProperty, subnetProperty, zonesProperty } from './common-properties';
import { resourceTypeDefinitions } from './types';

/** Every property a resource of this type accepts: the common ones, then the type's own. */
function withCommonProperties(def: ResourceTypeDef): ResourceTypeDef {
  const properties: Record<string, PropertyDef> = { ...commonProperties };
  if (def.zonal) properties.zones = zonesProperty;
  if (def.inVpc) {
    properties.subnet = subnetProperty;
    properties.securityGroups = securityGroupsProperty;
  }
  // A type's own definition of a common property wins: it can say more (a default, a limit).
  Object.assign(properties, def.properties);
  return { ...def, properties };
}

const catalogTypes: readonly ResourceTypeDef[] = resourceTypeDefinitions.map(withCommonProperties);
const byId: ReadonlyMap<string, ResourceTypeDef> = new Map(catalogTypes.map((def) => [def.id, def]));

/** All resource types, in catalog order (grouped by category). */
export function allResourceTypes(): readonly ResourceTypeDef[] {
  return catalogTypes;
}

export function resourceType(id: string): ResourceTypeDef | undefined {
  return byId.get(id);
}

/** Whether a type id matches a reference pattern: an exact id, `*`, or a prefix such as `aws.elb.*`. */
export function typeMatches(typeId: string, pattern: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return typeId.startsWith(pattern.slice(0, -1));
  return typeId === pattern;
}

/** The figures that apply to one resource once its property values are known. */
export interface ResolvedFigures {
  readonly availability: SourcedFigure;
  readonly durability: SourcedFigure | undefined;
  readonly placement: Placement;
  readonly mttrMinutes: number;
}

/**
 * The availability, durability, placement and repair time of a resource of type `def` whose
 * properties are `values`: the type's figures, replaced by the first matching `variants` entry
 * for each figure. A property that is absent is compared through its catalog default, so a bucket
 * without `storageClass` gets the STANDARD figures.
 */
export function figuresFor(def: ResourceTypeDef, values: Readonly<Record<string, unknown>>): ResolvedFigures {
  let availability: SourcedFigure | undefined;
  let durability: SourcedFigure | undefined;
  let placement: Placement | undefined;
  let mttrMinutes: number | undefined;
  for (const variant of def.variants ?? []) {
    const actual = values[variant.property] ?? def.properties[variant.property]?.default;
    if (actual !== variant.value) continue;
    availability ??= variant.availability;
    durability ??= variant.durability;
    placement ??= variant.placement;
    mttrMinutes ??= variant.mttrMinutes;
  }
  return {
    availability: availability ?? def.availability,
    durability: durability ?? def.durability,
    placement: placement ?? def.placement,
    mttrMinutes: mttrMinutes ?? def.mttrMinutes,
  };
}

/**
 * The value a resource has for a top-level property it does not write: the property's derived
 * default computed from the resource's other properties, else its static default, else undefined.
 * Every reader of defaults (validation, evaluations, hover) goes through here so they agree.
 */
export function defaultValue(def: ResourceTypeDef, property: string, props: Readonly<Record<string, unknown>>): unknown {
  const declared = def.properties[property];
  if (declared === undefined) return undefined;
  return declared.derivedDefault ? declared.derivedDefault.value(props) : declared.default;
}

/** A top-level property's value as the file means it: written, else its (derived) default. */
export function effectiveValue(def: ResourceTypeDef, property: string, props: Readonly<Record<string, unknown>>): unknown {
  const written = props[property];
  return written !== undefined && written !== null ? written : defaultValue(def, property, props);
}
