import type { ResourceTypeDef } from '../catalog-types';

/** Resource types of this group; see ARCHITECTURE.md, "How to add a resource type". */
export const externalTypes: readonly ResourceTypeDef[] = [];
