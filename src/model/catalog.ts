/**
 * The service catalog: every resource type, looked up by id. Type definitions live in
 * `types/*.ts`, one file per group of services; this module merges in the common properties and
 * answers questions about the whole catalog.
 */
import type { PropertyDef, ResourceTypeDef } from './catalog-types';
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
