/**
 * Where a fact of the format must be repeated (the settings declaration is bundled into the
 * extension client, which never loads the catalog), the copy must say what the catalog says.
 */
import { strict as assert } from 'node:assert';
import { topLevelProperties as schemaTopLevel } from '../../../src/model/json-schema';
import { findingSeverities } from '../../../src/model/severities';
import { SETTINGS } from '../../../src/protocol/settings';
import { targetProperties } from '../../../src/language/top-level';
import type { PropertyDef } from '../../../src/model/catalog-types';

function enumValues(property: PropertyDef | undefined): string[] {
  const shape = property?.shape;
  return shape?.kind === 'enum' ? shape.values.map((entry) => String(entry.value)) : [];
}

function objectProperty(properties: Readonly<Record<string, PropertyDef>>, key: string, child: string): PropertyDef | undefined {
  const shape = properties[key]?.shape;
  return shape?.kind === 'object' ? shape.properties[child] : undefined;
}

describe('single sources', () => {
  it('the live minimum severity setting offers the catalog\'s severities, in its order', () => {
    assert.deepEqual([...SETTINGS['cloudarch.security.liveMinimumSeverity'].enum], [...findingSeverities]);
  });

  it('targets.maxFindingSeverity accepts the catalog\'s severities, in its order, in the schema and in completion', () => {
    assert.deepEqual(enumValues(objectProperty(schemaTopLevel, 'targets', 'maxFindingSeverity')), [...findingSeverities]);
    assert.deepEqual(enumValues(targetProperties.maxFindingSeverity), [...findingSeverities]);
  });
});
