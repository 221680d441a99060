/**
 * The list of all type definitions, in the order completion and documentation show them.
 * Add a new file's array here (ARCHITECTURE.md, "How to add a resource type").
 */
import type { ResourceTypeDef } from '../catalog-types';

export const resourceTypeDefinitions: readonly ResourceTypeDef[] = [];
