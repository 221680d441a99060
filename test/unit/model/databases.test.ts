/**
 * The database, analytics and migration entries of the catalog: the facts the evaluations rely on
 * (placement, units, data stores, sourced figures, dependency roles), complete documentation for
 * every property and enum value, snippets that are valid resources, and the instance-class prices.
 * Expected facts live in test/fixtures/model so a reviewer can check them against the references.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { resourceType } from '../../../src/model/catalog';
import type { PropertyDef, PropertyShape, ResourceTypeDef } from '../../../src/model/catalog-types';
import { allDbInstanceClasses, dbInstanceClass } from '../../../src/model/db-instance-classes';
import { expandSnippet, shapeProblems } from './shape-check';

const fixtures = join(__dirname, '..', '..', 'fixtures', 'model');

interface ExpectedType {
  readonly category: string;
  readonly placement: string;
  readonly inVpc: boolean;
  readonly units: unknown;
  readonly dataStore: boolean;
  readonly availability: number;
  readonly kind: string;
  readonly references: Readonly<Record<string, string>>;
  readonly variantFigures?: readonly number[];
}

const expectedTypes = (JSON.parse(readFileSync(join(fixtures, 'database-types.json'), 'utf8')) as { types: Record<string, ExpectedType> })
  .types;

interface ExpectedPrices {
  readonly source: string;
  readonly asOf: string;
  readonly prices: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly hardware: Readonly<Record<string, { vcpu: number; memoryGiB: number }>>;
}

const expectedPrices = JSON.parse(readFileSync(join(fixtures, 'db-prices.json'), 'utf8')) as ExpectedPrices;

function typeOrFail(id: string): ResourceTypeDef {
  const def = resourceType(id);
  assert.ok(def, `the catalog has no type ${id}`);
  return def;
}

/** Every property definition reachable from a type's properties, with its dotted path. */
function* allProperties(properties: Readonly<Record<string, PropertyDef>>, prefix = ''): Generator<[string, PropertyDef]> {
  for (const [name, def] of Object.entries(properties)) {
    const path = prefix ? `${prefix}.${name}` : name;
    yield [path, def];
    yield* nestedProperties(def.shape, path);
  }
}

function* nestedProperties(shape: PropertyShape, path: string): Generator<[string, PropertyDef]> {
  if (shape.kind === 'object') yield* allProperties(shape.properties, path);
  else if (shape.kind === 'list') yield* nestedProperties(shape.items, `${path}[]`);
  else if (shape.kind === 'one-of') for (const variant of shape.variants) yield* nestedProperties(variant, path);
  else if (shape.kind === 'map') yield* nestedProperties(shape.values, `${path}{}`);
}

function* enumValues(shape: PropertyShape): Generator<{ value: unknown; description: string }> {
  if (shape.kind === 'enum') yield* shape.values;
  else if (shape.kind === 'list') yield* enumValues(shape.items);
  else if (shape.kind === 'one-of') for (const variant of shape.variants) yield* enumValues(variant);
}

/** The reference patterns a shape accepts, if it is (a list of) references. */
function referenceTargets(shape: PropertyShape): readonly string[] | undefined {
  if (shape.kind === 'reference') return shape.to;
  if (shape.kind === 'list') return referenceTargets(shape.items);
  return undefined;
}

describe('catalog: database, analytics and migration types', () => {
  for (const [id, expected] of Object.entries(expectedTypes)) {
    describe(id, () => {
      it('has the placement, unit rule and data-store flag the evaluations rely on', () => {
        const def = typeOrFail(id);
        assert.equal(def.category, expected.category);
        assert.equal(def.placement, expected.placement);
        assert.equal(def.inVpc, expected.inVpc);
        assert.deepEqual(def.units, expected.units);
        assert.equal(def.dataStore, expected.dataStore);
        assert.equal(def.zonal, def.placement === 'zonal', 'zones apply exactly to zonal types here');
      });

      it('carries a unit availability figure within range, with its source and kind', () => {
        const def = typeOrFail(id);
        assert.equal(def.availability.value, expected.availability);
        assert.equal(def.availability.kind, expected.kind);
        const figures = [
          def.availability,
          ...(def.availabilityVariants ?? []).map((variant) => variant.figure),
          ...(def.variants ?? []).flatMap((variant) => (variant.availability ? [variant.availability] : [])),
        ];
        if (def.durability) figures.push(def.durability);
        for (const figure of figures) {
          assert.ok(figure.value > 90 && figure.value <= 100, `${figure.value} is not a plausible percentage`);
          assert.match(figure.source, /^(https:\/\/|github:)/, 'a figure names a URL or a repository as its source');
        }
        assert.deepEqual(
          (def.availabilityVariants ?? []).map((variant) => variant.figure.value),
          expected.variantFigures ?? [],
        );
        assert.ok(def.mttrMinutes > 0 && Number.isFinite(def.mttrMinutes));
      });

      it('describes the service, its limits, responsibilities, controls and pricing', () => {
        const { docs } = typeOrFail(id);
        for (const text of [docs.what, docs.whenToUse, docs.pricing]) assert.ok(text.length > 40, `too short: ${text}`);
        for (const list of [docs.limits, docs.customerResponsibility, docs.securityControls]) {
          assert.ok(list.length > 0);
          for (const item of list) assert.ok(item.trim().length > 10, `too short: ${item}`);
        }
      });

      it('describes every property and every enum value', () => {
        const def = typeOrFail(id);
        for (const [path, property] of allProperties(def.properties)) {
          assert.ok(property.description.trim().length > 10, `${id}.${path} has no real description`);
          for (const entry of enumValues(property.shape))
            assert.ok(entry.description.trim().length > 5, `${id}.${path} = ${String(entry.value)} has no description`);
          if (property.default !== undefined)
            assert.deepEqual(shapeProblems(property.shape, property.default, `${id}.${path} default`), []);
        }
      });

      it('gives each reference property its dependency role and well-formed target types', () => {
        const def = typeOrFail(id);
        const own = Object.entries(def.properties).filter(
          ([name, property]) => referenceTargets(property.shape) && !['dependsOn', 'connectsTo', 'securityGroups'].includes(name),
        );
        assert.deepEqual(Object.fromEntries(own.map(([name, property]) => [name, property.dependency ?? 'hard'])), expected.references);
        for (const [name, property] of own) {
          for (const pattern of referenceTargets(property.shape)!)
            assert.match(pattern, /^(aws\.[a-z0-9]+\.([a-z0-9-]+|\*)|external\.[a-z0-9-]+)$/, `${id}.${name} points at ${pattern}`);
        }
      });

      it('offers a snippet that is a complete, valid resource once its placeholders are accepted', () => {
        const def = typeOrFail(id);
        assert.ok(!/^\s/m.test(def.snippet), 'the snippet body starts at indentation 0');
        const body = parse(expandSnippet(def.snippet)) as Record<string, unknown>;
        assert.equal(body.type, id);
        const problems: string[] = [];
        for (const [key, value] of Object.entries(body)) {
          const property = def.properties[key];
          if (!property) problems.push(`unknown key ${key}`);
          else if (key !== 'type') problems.push(...shapeProblems(property.shape, value, key));
        }
        for (const [name, property] of Object.entries(def.properties))
          if (property.required && !(name in body)) problems.push(`required ${name} missing`);
        assert.deepEqual(problems, []);
      });
    });
  }

  it('keeps the exact core properties of aws.rds.instance and aws.dynamodb.table from the format contract', () => {
    const rds = typeOrFail('aws.rds.instance');
    for (const name of [
      'engine',
      'instanceClass',
      'multiAZ',
      'zones',
      'storage',
      'encrypted',
      'backupRetentionDays',
      'publiclyAccessible',
      'deletionProtection',
    ])
      assert.ok(rds.properties[name], `rds lacks ${name}`);
    assert.deepEqual(
      [...enumValues(rds.properties.engine!.shape)].map((entry) => entry.value),
      ['mysql', 'postgres', 'mariadb', 'oracle', 'sqlserver'],
    );
    const storage = rds.properties.storage!.shape;
    assert.equal(storage.kind, 'object');
    if (storage.kind === 'object') {
      assert.deepEqual(
        [...enumValues(storage.properties.volumeType!.shape)].map((entry) => entry.value),
        ['gp2', 'gp3', 'io1', 'io2'],
      );
      assert.ok(storage.properties.sizeGB && storage.properties.iops);
    }
    const retention = rds.properties.backupRetentionDays!.shape;
    assert.ok(retention.kind === 'number' && retention.minimum === 0 && retention.maximum === 35);
    const dynamodb = typeOrFail('aws.dynamodb.table');
    for (const name of ['capacityMode', 'storageGB', 'pointInTimeRecovery', 'globalTables'])
      assert.ok(dynamodb.properties[name], `dynamodb lacks ${name}`);
    assert.deepEqual(
      [...enumValues(dynamodb.properties.capacityMode!.shape)].map((entry) => entry.value),
      ['on-demand', 'provisioned'],
    );
  });

  it('expands snippet placeholders the way the editor does', () => {
    assert.equal(expandSnippet('engine: ${1|postgres,mysql|}\nsize: ${2:100}\nx: $3'), 'engine: postgres\nsize: 100\nx: ');
  });
});

describe('catalog: DB instance classes', () => {
  it('lists the requested families and sizes with their hardware', () => {
    const names = new Set(allDbInstanceClasses().map((def) => def.name));
    for (const name of [
      'db.t3.micro',
      'db.t3.2xlarge',
      'db.t4g.micro',
      'db.m5.large',
      'db.m5.24xlarge',
      'db.m6g.large',
      'db.r5.large',
      'db.r5.24xlarge',
      'db.r6g.large',
    ])
      assert.ok(names.has(name), `missing ${name}`);
    for (const def of allDbInstanceClasses()) {
      assert.match(def.name, /^db\.[a-z0-9]+\.[a-z0-9]+$/);
      assert.ok(def.vcpu >= 2 && def.memoryGiB >= 1, `${def.name} has implausible hardware`);
    }
    for (const [name, hardware] of Object.entries(expectedPrices.hardware)) {
      const def = dbInstanceClass(name);
      assert.deepEqual({ vcpu: def?.vcpu, memoryGiB: def?.memoryGiB }, hardware, name);
    }
  });

  it("prices the reference snapshot's classes as the reference does, and every other price from the dated scrape", () => {
    for (const def of allDbInstanceClasses()) {
      const expected = expectedPrices.prices[def.name];
      if (expected)
        for (const [engine, usd] of Object.entries(expected)) assert.equal(def.onDemandUsdPerHour?.[engine], usd, `${def.name} ${engine}`);
      if (def.onDemandUsdPerHour === undefined) continue;
      assert.ok(def.priceSource?.startsWith(expectedPrices.source), `${def.name}: ${def.priceSource}`);
      assert.equal(def.priceAsOf, expectedPrices.asOf);
    }
    // Newer families are known (hardware of their EC2 type) but have no sourced price.
    assert.equal(dbInstanceClass('db.m7g.large')?.onDemandUsdPerHour, undefined);
    assert.equal(dbInstanceClass('db.m7g.large')?.vcpu, 2);
    assert.equal(dbInstanceClass('db.x9.huge'), undefined);
  });
});
