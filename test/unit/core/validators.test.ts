/**
 * The build-time validators (src/core/generated/validators.ts, ajv standalone code): the committed
 * module matches the catalog, and each precompiled validator reports exactly what a validator
 * compiled at run time from the same schema reports, on every resource of the examples and fixtures.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { validatorsText } from '../../../scripts/generate-validators';
import { validators } from '../../../src/core/generated/validators';
import { parseArchitecture } from '../../../src/core';
import {
  checkResourceSchema,
  createAjv,
  topLevelValidationSchema,
  topLevelValidatorKey,
  validationSchema,
} from '../../../src/core/schema-check';
import { allResourceTypes } from '../../../src/model/catalog';
import { resourceTypeSchema } from '../../../src/model/json-schema';

const root = join(__dirname, '..', '..', '..');

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.cloudarch\.ya?ml$/.test(name) ? [path] : [];
  });
}

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };

/** A schema as text, without the `$id` the generator gives each schema. */
function schemaText(schema: unknown): string {
  return JSON.stringify(schema, (key, value: unknown) => (key === '$id' ? undefined : value)) ?? 'undefined';
}

/** What a validator says about `data`, with the schemas of its errors compared as text. */
function verdict(validate: Validate, data: unknown): unknown {
  const valid = validate(data);
  return {
    valid,
    errors: (validate.errors ?? []).map((error) => ({
      ...(error as object),
      schema: schemaText((error as { schema: unknown }).schema),
      parentSchema: schemaText((error as { parentSchema: unknown }).parentSchema),
    })),
  };
}

describe('precompiled validators', () => {
  it('src/core/generated/validators.ts is up to date (run `npm run generate`)', function () {
    this.timeout(60_000);
    const committed = readFileSync(join(root, 'src', 'core', 'generated', 'validators.ts'), 'utf8');
    assert.ok(committed === validatorsText(), 'the generated validators are stale: run `npm run generate`');
  });

  it('has a validator for every resource type and for the top level', () => {
    const table = validators as Record<string, unknown>;
    for (const def of allResourceTypes()) assert.equal(typeof table[def.id], 'function', def.id);
    assert.equal(typeof table[topLevelValidatorKey], 'function');
  });

  it('checks a type the build compiled no validator for (a type added without `npm run generate`) with one compiled at run time', () => {
    const doc = parseArchitecture('cloudarch: "1"\nname: x\nresources:\n  fn: { type: aws.lambda.function, memoryMB: 64, colour: blue }\n');
    const written = doc.resources[0]!;
    const added = { ...written.typeDef!, id: 'aws.lambda.not-generated' };
    const resource = { ...written, props: { ...written.props, type: added.id } };
    const said = (checked: typeof written, def: typeof added): string[] =>
      checkResourceSchema(checked, def).map((d) => `${d.severity} ${d.code} ${d.message}`);
    const expected = [
      'error unknown-property `colour` is not a property of a Lambda function.',
      'error value-out-of-range `memoryMB` must be at least 128 MB; it is 64.',
    ];
    assert.deepEqual(said(written, written.typeDef!), expected);
    // Twice: the validator compiled the first time is kept for the next.
    assert.deepEqual(said(resource, added), expected);
    assert.deepEqual(said(resource, added), expected);
    // The type written must be the definition's own.
    assert.deepEqual(said(written, added), [
      expected[0],
      'error invalid-value `aws.lambda.function` is not allowed here; expected `aws.lambda.not-generated`.',
      expected[1],
    ]);
  });

  it('reports what a validator compiled at run time reports, on every resource of the examples and fixtures', function () {
    this.timeout(60_000);
    const ajv = createAjv();
    const table = validators as Record<string, Validate>;
    const runtime = new Map<string, Validate>();
    const compiled = (id: string): Validate => {
      let validate = runtime.get(id);
      if (validate === undefined) {
        const def = allResourceTypes().find((candidate) => candidate.id === id)!;
        validate = ajv.compile(validationSchema(resourceTypeSchema(def)) as object) as Validate;
        runtime.set(id, validate);
      }
      return validate;
    };
    const top = ajv.compile(topLevelValidationSchema() as object) as Validate;
    let compared = 0;
    for (const path of [...filesUnder(join(root, 'examples')), ...filesUnder(join(root, 'test', 'fixtures'))]) {
      const doc = parseArchitecture(readFileSync(path, 'utf8'));
      for (const resource of doc.resources) {
        if (resource.typeDef === undefined) continue;
        assert.deepEqual(
          verdict(table[resource.typeDef.id]!, resource.props),
          verdict(compiled(resource.typeDef.id), resource.props),
          `${path}: ${resource.name}`,
        );
        compared++;
      }
      const plain = {
        cloudarch: '1',
        name: 'x',
        resources: {},
        ...Object.fromEntries(
          (doc.root?.entries ?? [])
            .filter((entry) => entry.key !== 'resources')
            .map((entry) => [entry.key, JSON.parse(JSON.stringify(entry.value ?? null))]),
        ),
      };
      assert.deepEqual(verdict(table[topLevelValidatorKey]!, plain), verdict(top, plain), `${path}: top level`);
    }
    assert.ok(compared > 300, `only ${compared} resources compared`);
  });
});
