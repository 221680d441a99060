/**
 * The JSON Schema: the committed file matches the catalog, it is valid draft-07 that ajv compiles,
 * it accepts the examples and rejects a wrong value with only the errors of the declared type.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { schemaText } from '../../../scripts/generate-schema';

const root = join(__dirname, '..', '..', '..');

describe('JSON Schema', () => {
  it('schemas/cloudarch.schema.json is up to date (run `npm run generate`)', () => {
    const committed = readFileSync(join(root, 'schemas', 'cloudarch.schema.json'), 'utf8');
    assert.ok(committed === schemaText(), 'the committed schema is stale: run `npm run generate`');
  });

  const schema = JSON.parse(schemaText()) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);

  for (const file of readdirSync(join(root, 'examples')).filter((name) => name.endsWith('.cloudarch.yaml'))) {
    it(`accepts examples/${file}`, () => {
      const data = parseYaml(readFileSync(join(root, 'examples', file), 'utf8'));
      assert.ok(validate(data), JSON.stringify(validate.errors?.slice(0, 3)));
    });
  }

  it("reports only the declared type's errors for a bad resource", () => {
    const ok = validate({ cloudarch: '1', name: 'x', resources: { data: { type: 'aws.ebs.volume', volumeType: 'gp4', sizeGB: 10 } } });
    assert.equal(ok, false);
    const real = (validate.errors ?? []).filter((error) => error.keyword !== 'if');
    assert.equal(real.length, 1, JSON.stringify(real));
    assert.equal(real[0]!.instancePath, '/resources/data/volumeType');
  });

  it('describes enum values for editors', () => {
    const definitions = schema.definitions as Record<
      string,
      { properties: Record<string, { enum?: unknown[]; markdownEnumDescriptions?: string[]; description?: string }> }
    >;
    const volumeType = definitions['aws.ebs.volume']!.properties.volumeType!;
    assert.ok(volumeType.enum?.includes('gp3'));
    assert.equal(volumeType.markdownEnumDescriptions?.length, volumeType.enum?.length);
    assert.ok((volumeType.description ?? '').length > 20);
  });
});
