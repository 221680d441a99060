/**
 * The list of all type definitions, in the order completion and documentation show them.
 * Add a new file's array here (ARCHITECTURE.md, "How to add a resource type").
 */
import type { ResourceTypeDef } from '../catalog-types';
import { analyticsTypes } from './analytics';
import { applicationTypes } from './application';
import { computeTypes } from './compute';
import { databasesTypes } from './databases';
import { externalTypes } from './external';
import { migrationTypes } from './migration';
import { networkingTypes } from './networking';
import { storageTypes } from './storage';

export const resourceTypeDefinitions: readonly ResourceTypeDef[] = [
  ...externalTypes,
  ...networkingTypes,
  ...computeTypes,
  ...applicationTypes,
  ...storageTypes,
  ...databasesTypes,
  ...analyticsTypes,
  ...migrationTypes,
];
