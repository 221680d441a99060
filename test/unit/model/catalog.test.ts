/**
 * The compute, storage, networking, application and external entries of the catalog, and the EC2
 * instance-type table: the facts the evaluations rely on, complete documentation, snippets that are
 * valid resources, format.md's example accepted property by property, and prices equal to the
 * reference. Expected facts live in test/fixtures/model so a reviewer can check them against the
 * team's references without reading code.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { allResourceTypes, figuresFor, resourceType, typeMatches } from '../../../src/model/catalog';
import type { PropertyDef, PropertyShape, ResourceTypeDef } from '../../../src/model/catalog-types';
import { allInstanceTypes, instanceType } from '../../../src/model/instance-types';

const fixtures = join(__dirname, '..', '..', 'fixtures', 'model');

interface ExpectedType {
  readonly category: string;
  readonly serviceModel: string;
  readonly placement: string;
  readonly units: unknown;
  readonly dataStore: boolean;
  readonly availability: number;
  readonly kind: string;
  readonly durability?: number;
  readonly mttrMinutes?: number;
  readonly references: Readonly<Record<string, string>>;
}

interface ExpectedVariant {
  readonly type: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly availability: number;
  readonly durability?: number;
  readonly placement?: string;
}

interface CoreFixture {
  readonly coverage: readonly string[];
  readonly types: Readonly<Record<string, ExpectedType>>;
  readonly variants: readonly ExpectedVariant[];
  readonly seedInstanceTypes: readonly string[];
  readonly instanceStore: Readonly<Record<string, { disks: number; sizeGBEach: number; media: string }>>;
  readonly noInstanceStore: readonly string[];
}

interface PriceFixture {
  readonly source: string;
  readonly asOf: string;
  readonly instances: Readonly<Record<string, { vcpu: number; memoryGiB: number; arch: string; onDemand: number; spotAvg: number }>>;
}

const core = JSON.parse(readFileSync(join(fixtures, 'core-types.json'), 'utf8')) as CoreFixture;
const prices = JSON.parse(readFileSync(join(fixtures, 'ec2-prices.json'), 'utf8')) as PriceFixture;
const ownIds = Object.keys(core.types);

function typeOrFail(id: string): ResourceTypeDef {
  const def = resourceType(id);
  assert.ok(def, `the catalog has no type ${id}`);
  return def;
}

/** Every property definition reachable from a set of properties, with its dotted path. */
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

/** Every shape reachable from a shape, itself included. */
function* allShapes(shape: PropertyShape): Generator<PropertyShape> {
  yield shape;
  if (shape.kind === 'object') for (const def of Object.values(shape.properties)) yield* allShapes(def.shape);
  else if (shape.kind === 'list') yield* allShapes(shape.items);
  else if (shape.kind === 'one-of') for (const variant of shape.variants) yield* allShapes(variant);
  else if (shape.kind === 'map') yield* allShapes(shape.values);
}

/** A sentence: starts with a capital letter, a digit or code, has several words, ends with a full stop. */
function isSentence(text: string): boolean {
  return /^[A-Z0-9`(]/.test(text) && /[.)]$/.test(text.trim()) && text.trim().split(/\s+/).length >= 4;
}

/** An enum value's description: may be short ("MySQL."), but is capitalized text ending with a full stop. */
function isLabel(text: string): boolean {
  return /^[A-Z0-9`.]/.test(text) && text.endsWith('.') && text.length >= 5;
}

/** The YAML a snippet inserts when every placeholder keeps its default (first choice, default text). */
function expandSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

const cidrPattern = /^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$|^[0-9a-fA-F:]+\/\d{1,3}$/;
const namePattern = /^[a-z][a-z0-9-]{0,62}$/;

/** Problems with `value` against `shape`, as path-prefixed messages (empty when it conforms). */
function check(value: unknown, shape: PropertyShape, path: string): string[] {
  switch (shape.kind) {
    case 'string':
      if (typeof value !== 'string') return [`${path}: expected a string`];
      return shape.pattern && !new RegExp(shape.pattern).test(value) ? [`${path}: ${value} does not match ${shape.pattern}`] : [];
    case 'number':
      if (typeof value !== 'number') return [`${path}: expected a number`];
      if (shape.integer && !Number.isInteger(value)) return [`${path}: expected an integer`];
      if (shape.minimum !== undefined && value < shape.minimum) return [`${path}: below ${shape.minimum}`];
      if (shape.maximum !== undefined && value > shape.maximum) return [`${path}: above ${shape.maximum}`];
      return [];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path}: expected true or false`];
    case 'enum':
      return shape.values.some((entry) => entry.value === value)
        ? []
        : [`${path}: ${String(value)} is not one of ${shape.values.map((entry) => String(entry.value)).join(', ')}`];
    case 'instance-type':
      return typeof value === 'string' && instanceType(value) ? [] : [`${path}: unknown instance type ${String(value)}`];
    case 'db-instance-class':
      return typeof value === 'string' && value.startsWith('db.') ? [] : [`${path}: expected a db.* class`];
    case 'zone':
      return typeof value === 'string' && /^[a-f]$/.test(value) ? [] : [`${path}: expected a zone letter`];
    case 'region':
      return typeof value === 'string' && /^[a-z]{2}(-[a-z]+)+-\d$/.test(value) ? [] : [`${path}: expected a region`];
    case 'cidr':
      return typeof value === 'string' && cidrPattern.test(value) ? [] : [`${path}: expected a CIDR block`];
    case 'port':
      return value === 'all' || (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65535)
        ? []
        : [`${path}: expected a port`];
    case 'reference': {
      if (typeof value !== 'string') return [`${path}: expected a resource name`];
      if (shape.allowCidr && cidrPattern.test(value)) return [];
      const name = shape.allowPort ? value.replace(/:\d+$/, '') : value;
      return namePattern.test(name) ? [] : [`${path}: ${value} is not a resource name`];
    }
    case 'list':
      if (!Array.isArray(value)) return [`${path}: expected a list`];
      return value.flatMap((item, index) => check(item, shape.items, `${path}[${index}]`));
    case 'map':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected a map`];
      return Object.entries(value).flatMap(([key, item]) => check(item, shape.values, `${path}.${key}`));
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected a map`];
      const record = value as Record<string, unknown>;
      const problems = Object.entries(record).flatMap(([key, item]) => {
        const def = shape.properties[key];
        return def ? check(item, def.shape, `${path}.${key}`) : [`${path}: unknown key ${key}`];
      });
      for (const key of shape.required ?? []) if (!(key in record)) problems.push(`${path}: missing ${key}`);
      return problems;
    }
    case 'one-of':
      return shape.variants.some((variant) => check(value, variant, path).length === 0)
        ? []
        : [`${path}: matches none of the accepted forms`];
  }
}

/** Problems with a resource body against its type: unknown keys, bad values, missing required keys. */
function checkResource(def: ResourceTypeDef, body: Record<string, unknown>): string[] {
  const problems = check(body, { kind: 'object', properties: def.properties }, def.id);
  for (const [name, property] of Object.entries(def.properties)) {
    if (property.required && !(name in body)) problems.push(`${def.id}: missing required ${name}`);
  }
  return problems;
}

describe('catalog: compute, storage, networking, application and external types', () => {
  describe('coverage', () => {
    for (const id of ownIds) {
      it(`has ${id}`, () => {
        assert.equal(typeOrFail(id).id, id);
      });
    }

    it('lists every type of the coverage table that this group owns', () => {
      const owned = core.coverage.filter((id) =>
        /^(external\.|aws\.(ec2|autoscaling|imagebuilder|ebs|efs|fsx|elb|s3|ecs|apigateway|batch|lightsail|lambda|elasticbeanstalk|route53|cloudfront)\.)/.test(
          id,
        ),
      );
      assert.deepEqual(
        owned.filter((id) => !ownIds.includes(id)),
        [],
      );
    });
  });

  describe('facts the evaluations rely on', () => {
    for (const [id, expected] of Object.entries(core.types)) {
      it(`${id}: category, model, placement, units, data store, figures and dependency roles`, () => {
        const def = typeOrFail(id);
        assert.equal(def.category, expected.category);
        assert.equal(def.serviceModel, expected.serviceModel);
        assert.equal(def.placement, expected.placement);
        assert.deepEqual(def.units, expected.units);
        assert.equal(def.dataStore, expected.dataStore);
        assert.equal(def.availability.value, expected.availability);
        assert.equal(def.availability.kind, expected.kind);
        if (expected.durability !== undefined) assert.equal(def.durability?.value, expected.durability);
        if (expected.mttrMinutes !== undefined) assert.equal(def.mttrMinutes, expected.mttrMinutes);
        for (const [property, role] of Object.entries(expected.references)) {
          const prop = def.properties[property];
          assert.ok(prop, `${id} has no property ${property}`);
          assert.equal(prop.dependency ?? 'hard', role, `${id}.${property} dependency role`);
        }
      });
    }

    for (const variant of core.variants) {
      it(`${variant.type} with ${JSON.stringify(variant.values)} resolves to ${variant.availability}%`, () => {
        const figures = figuresFor(typeOrFail(variant.type), variant.values);
        assert.equal(figures.availability.value, variant.availability);
        if (variant.durability !== undefined) assert.equal(figures.durability?.value, variant.durability);
        if (variant.placement !== undefined) assert.equal(figures.placement, variant.placement);
      });
    }

    it('a unit-count property named by a type exists, is an integer and has the same default', () => {
      for (const id of ownIds) {
        const def = typeOrFail(id);
        if (def.units.rule !== 'property') continue;
        const property = def.properties[def.units.property];
        assert.ok(property, `${id}: unit property ${def.units.property} is missing`);
        assert.equal(property.shape.kind, 'number');
      }
    });

    it('every availability figure is in (0, 100] with a source, and every mean time to repair is finite', () => {
      for (const id of ownIds) {
        const def = typeOrFail(id);
        const figures = [def.availability, def.durability, ...(def.variants ?? []).flatMap((v) => [v.availability, v.durability])].filter(
          (f) => f !== undefined,
        );
        for (const figure of figures) {
          assert.ok(figure.value > 0 && figure.value <= 100, `${id}: ${figure.value} is not a percentage`);
          assert.ok(figure.source.length > 10, `${id}: a figure has no source`);
        }
        assert.ok(Number.isFinite(def.mttrMinutes) && def.mttrMinutes >= 0, `${id}: mttrMinutes`);
      }
    });
  });

  describe('documentation', () => {
    for (const id of ownIds) {
      it(`${id}: docs, every property and every enum value are described in sentences`, () => {
        const def = typeOrFail(id);
        for (const text of [
          def.docs.what,
          def.docs.whenToUse,
          def.docs.pricing,
          ...def.docs.limits,
          ...def.docs.customerResponsibility,
          ...def.docs.securityControls,
        ]) {
          assert.ok(isSentence(text) || text === 'Free.', `${id}: "${text}" is not a sentence`);
        }
        assert.ok(
          def.docs.limits.length > 0 && def.docs.customerResponsibility.length > 0 && def.docs.securityControls.length > 0,
          `${id}: empty docs list`,
        );
        for (const [path, property] of allProperties(def.properties)) {
          assert.ok(isSentence(property.description), `${id}.${path}: "${property.description}" is not a sentence`);
          for (const shape of allShapes(property.shape)) {
            if (shape.kind !== 'enum') continue;
            for (const entry of shape.values)
              assert.ok(isLabel(entry.description), `${id}.${path} = ${String(entry.value)}: "${entry.description}"`);
          }
        }
      });
    }

    it('every default is a value the property accepts', () => {
      for (const id of ownIds) {
        for (const [path, property] of allProperties(typeOrFail(id).properties)) {
          if (property.default === undefined) continue;
          assert.deepEqual(check(property.default, property.shape, `${id}.${path}`), []);
        }
      }
    });
  });

  describe('references', () => {
    it('every reference pattern matches a catalog type, or a coverage type another group has yet to add', () => {
      const ids = allResourceTypes().map((def) => def.id);
      for (const id of ownIds) {
        for (const [path, property] of allProperties(typeOrFail(id).properties)) {
          for (const shape of allShapes(property.shape)) {
            if (shape.kind !== 'reference') continue;
            for (const pattern of shape.to) {
              const known =
                ids.some((typeId) => typeMatches(typeId, pattern)) || core.coverage.some((typeId) => typeMatches(typeId, pattern));
              assert.ok(known, `${id}.${path} points at ${pattern}, which matches no type`);
            }
          }
        }
      }
    });

    it('a pattern that is not a prefix matches exactly one type id format', () => {
      for (const id of ownIds) {
        for (const [, property] of allProperties(typeOrFail(id).properties)) {
          for (const shape of allShapes(property.shape)) {
            if (shape.kind === 'reference') for (const pattern of shape.to) assert.match(pattern, /^(\*|(aws|external)\.[a-z0-9.-]+\*?)$/);
          }
        }
      }
    });
  });

  describe('snippets', () => {
    for (const id of ownIds) {
      it(`${id}: the snippet is a complete resource of its type`, () => {
        const def = typeOrFail(id);
        assert.ok(!/^\s/.test(def.snippet), 'a snippet starts at indentation 0');
        const body = parse(expandSnippet(def.snippet)) as Record<string, unknown>;
        assert.equal(body.type, id);
        assert.deepEqual(checkResource(def, body), []);
      });
    }
  });

  describe("format.md's example", () => {
    const file = parse(readFileSync(join(fixtures, 'format-example.cloudarch.yaml'), 'utf8')) as {
      resources: Record<string, Record<string, unknown>>;
    };
    for (const [name, body] of Object.entries(file.resources)) {
      const id = String(body.type);
      if (!ownIds.includes(id)) continue;
      it(`${name} (${id}) uses only known properties with accepted values`, () => {
        assert.deepEqual(checkResource(typeOrFail(id), body), []);
      });
    }

    it('rejects what a user could get wrong (the checks can fail)', () => {
      const instance = typeOrFail('aws.ec2.instance');
      assert.notDeepEqual(checkResource(instance, { type: 'aws.ec2.instance', instanceType: 't3.mediun' }), []);
      assert.notDeepEqual(checkResource(instance, { type: 'aws.ec2.instance', instanceType: 't3.medium', purchase: 'reserved' }), []);
      const group = typeOrFail('aws.ec2.security-group');
      assert.deepEqual(
        checkResource(group, { type: 'aws.ec2.security-group', ingress: [{ port: '8000-8100', protocol: 'tcp', from: '10.0.0.0/16' }] }),
        [],
      );
      assert.notDeepEqual(
        checkResource(group, { type: 'aws.ec2.security-group', ingress: [{ port: 22, protocol: 'ssh', from: '0.0.0.0/0' }] }),
        [],
      );
    });
  });

  describe('EC2 instance types', () => {
    for (const name of core.seedInstanceTypes) {
      it(`${name} exists with positive vCPUs and memory`, () => {
        const def = instanceType(name);
        assert.ok(def, `no instance type ${name}`);
        assert.ok(def.vcpu > 0 && def.memoryGiB > 0);
      });
    }

    for (const [name, expected] of Object.entries(prices.instances)) {
      it(`${name} has the reference's hardware and us-east-1 prices`, () => {
        const def = instanceType(name);
        assert.ok(def, `no instance type ${name}`);
        assert.equal(def.vcpu, expected.vcpu);
        assert.equal(def.memoryGiB, expected.memoryGiB);
        assert.equal(def.arch, expected.arch);
        // The on-demand figure is the newest source's (karpenter's 2026 us-east-1 table, which has
        // not changed these types' prices since the 2024 reference); the spot average is the reference's.
        assert.equal(def.onDemandUsdPerHour, expected.onDemand);
        assert.equal(def.spotAvgUsdPerHour, expected.spotAvg);
        assert.ok(def.priceAsOf === '2026-07-20' || def.priceAsOf === prices.asOf, `${name}: as of ${def.priceAsOf}`);
        assert.ok(def.priceSource?.includes('karpenter-provider-aws') || def.priceSource?.includes('a19cd859'), def.priceSource);
      });
    }

    it('prices nothing without a source, and every price is below its on-demand rate when spot', () => {
      for (const def of allInstanceTypes()) {
        if (def.onDemandUsdPerHour === undefined) {
          assert.equal(def.spotAvgUsdPerHour, undefined, def.name);
          continue;
        }
        assert.ok(def.priceSource && def.priceAsOf, `${def.name} has a price without a source`);
        if (def.spotAvgUsdPerHour !== undefined) assert.ok(def.spotAvgUsdPerHour < def.onDemandUsdPerHour, def.name);
      }
    });

    for (const [name, store] of Object.entries(core.instanceStore)) {
      it(`${name} has ${store.disks} x ${store.sizeGBEach} GB of ${store.media} instance store`, () => {
        assert.deepEqual(instanceType(name)?.instanceStore, store);
      });
    }

    it('EBS-only types have no instance store, and names are unique and well formed', () => {
      for (const name of core.noInstanceStore) assert.equal(instanceType(name)?.instanceStore, undefined, name);
      const names = allInstanceTypes().map((def) => def.name);
      assert.equal(new Set(names).size, names.length);
      for (const def of allInstanceTypes()) {
        assert.match(def.name, /^[a-z][a-z0-9-]*\.[a-z0-9-]+$/);
        assert.ok(def.name.startsWith(`${def.family}.`));
        // Graviton families have a `g` after the generation (m7g, c7gn, im4gn, x2gd); a1 is the first Graviton.
        assert.equal(
          def.arch === 'arm64',
          /^(a1|[a-z]+\d+[a-z]*g[a-z]*)$/.test(def.family),
          `${def.name}: Graviton families have a g after the generation`,
        );
      }
      assert.equal(instanceType('t3.mediun'), undefined);
    });

    it('burstable types are exactly the t families, and GPUs only on accelerated types', () => {
      for (const def of allInstanceTypes()) {
        assert.equal(def.burstable === true, /^t\d/.test(def.family), def.name);
        if (def.gpus) assert.equal(def.category, 'accelerated-computing', def.name);
      }
    });
  });
});
