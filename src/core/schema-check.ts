/** Schema validation of one resource against its catalog type (filled in below). */
import type { ResourceTypeDef } from '../model/catalog-types';
import type { ArchDiagnostic, ResourceNode } from './document';

export function checkResourceSchema(_resource: ResourceNode, _typeDef: ResourceTypeDef): ArchDiagnostic[] {
  return [];
}

export function checkTopLevelSchema(_root: import('./document').MapNode): ArchDiagnostic[] {
  return [];
}
