/**
 * Where a fact of the format must be repeated (the settings declaration is bundled into the
 * extension client, which never loads the catalog), the copy must say what the catalog says.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { resourceType } from '../../../src/model/catalog';
import { enginePort } from '../../../src/model/ports';
import { findingSeverities } from '../../../src/model/severities';
import { SETTINGS } from '../../../src/protocol/settings';
import { sectionProperties, topLevelProperties as schemaTopLevel } from '../../../src/model/top-level-keys';
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
  it("the live minimum severity setting offers the catalog's severities, in its order", () => {
    assert.deepEqual([...SETTINGS['cloudarch.security.liveMinimumSeverity'].enum], [...findingSeverities]);
  });

  it("targets.maxFindingSeverity accepts the catalog's severities, in its order, in the schema and in completion", () => {
    assert.deepEqual(enumValues(objectProperty(schemaTopLevel, 'targets', 'maxFindingSeverity')), [...findingSeverities]);
    assert.deepEqual(enumValues(sectionProperties.targets!.maxFindingSeverity), [...findingSeverities]);
  });
});

describe('catalog sources named once', () => {
  const sourceFiles = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
    );
  const source = join(__dirname, '../../../src');

  it('SLA pages are written only in src/model/sla-pages.ts; figures name them from there', () => {
    const slaUrl = /https:\/\/aws\.amazon\.com\/[^\s'"`)]*sla[^\s'"`)]*/;
    const elsewhere = sourceFiles(source).filter(
      (file) => !file.endsWith(join('model', 'sla-pages.ts')) && slaUrl.test(readFileSync(file, 'utf8')),
    );
    assert.deepEqual(
      elsewhere.map((file) => relative(source, file)),
      [],
    );
  });

  it('every database engine the catalog offers has its port in src/model/ports.ts', () => {
    for (const typeId of ['aws.rds.instance', 'aws.rds.aurora']) {
      const engines = enumValues(resourceType(typeId)?.properties.engine);
      assert.ok(engines.length > 0, `${typeId} lists its engines`);
      for (const engine of engines) assert.ok(enginePort(engine) !== undefined, `${typeId} engine ${engine} has a port`);
    }
  });
});
