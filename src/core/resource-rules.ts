/** Per-resource semantic rules (filled in below). */
import type { ResourceTypeDef } from '../model/catalog-types';
import type { ArchDiagnostic, ResourceNode } from './document';

export function checkResourceRules(_resource: ResourceNode, _typeDef: ResourceTypeDef): ArchDiagnostic[] {
  return [];
}
