/**
 * The bundled examples are the first thing a user opens, so each must be a realistic architecture
 * that the product accepts without a single error: well-formed, at least five resources, every
 * type and property known to the catalog, every reference pointing at a resource of a suitable
 * type, and zero error-severity diagnostics from the parser.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { allResourceTypes, resourceType } from '../../src/model/catalog';
import { evaluateAll } from '../../src/evaluate';
import { parseArchitecture } from '../../src/core/parse';
import { shapeProblems } from './model/shape-check';

const root = join(__dirname, '..', '..');
const examplesFolder = join(root, 'examples');
const exampleFiles = readdirSync(examplesFolder)
  .filter((name) => name.endsWith('.cloudarch.yaml'))
  .sort();

const namePattern = /^[a-z][a-z0-9-]{0,62}$/;

interface ExampleFile {
  readonly cloudarch?: unknown;
  readonly name?: unknown;
  readonly resources?: Record<string, Record<string, unknown>>;
}

function readExample(file: string): { text: string; data: ExampleFile } {
  const text = readFileSync(join(examplesFolder, file), 'utf8');
  const documents = parseAllDocuments(text);
  assert.ok(!Array.isArray(documents) || documents.length === 1, `${file} holds more than one YAML document`);
  const [document] = documents as ReturnType<typeof parseAllDocuments> & unknown[];
  assert.ok(document, `${file} is empty`);
  assert.deepEqual(
    document.errors.map((error) => error.message),
    [],
    `${file} is not valid YAML`,
  );
  return { text, data: document.toJS() as ExampleFile };
}

describe('bundled examples', () => {
  it('include at least nine architectures', () => {
    assert.ok(exampleFiles.length >= 9, `only ${exampleFiles.length} examples`);
  });

  it('include the first example of docs/format.md, which parses with no diagnostics at all', () => {
    const format = readFileSync(join(root, 'docs', 'format.md'), 'utf8');
    const example = /```yaml\n(cloudarch:[\s\S]*?)```/.exec(format)?.[1];
    assert.ok(example, 'docs/format.md has no complete example');
    const document = parseArchitecture(example);
    assert.deepEqual(
      document.diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`),
      [],
    );
    assert.equal(document.resources.length, 4);
  });

  it('use every resource type of the catalog at least once', () => {
    const used = new Set(exampleFiles.flatMap((file) => Object.values(readExample(file).data.resources ?? {}).map((body) => body.type)));
    assert.deepEqual(
      allResourceTypes()
        .map((def) => def.id)
        .filter((id) => !used.has(id)),
      [],
    );
  });

  for (const file of exampleFiles) {
    describe(file, () => {
      it('is a version-1 architecture with a name and at least five well-named resources', () => {
        const { data } = readExample(file);
        assert.equal(data.cloudarch, '1');
        assert.equal(typeof data.name, 'string');
        const names = Object.keys(data.resources ?? {});
        assert.ok(names.length >= 5, `${file} has only ${names.length} resources`);
        for (const name of names) assert.match(name, namePattern);
      });

      it('uses only catalog types, known properties, valid values and resolvable references', () => {
        const { data } = readExample(file);
        const resources = data.resources ?? {};
        const types = new Map(
          Object.entries(resources).map(([name, body]) => [name, typeof body.type === 'string' ? body.type : undefined]),
        );
        const problems: string[] = [];
        for (const [name, body] of Object.entries(resources)) {
          const def = typeof body.type === 'string' ? resourceType(body.type) : undefined;
          if (!def) {
            problems.push(`${name}: unknown type ${String(body.type)}`);
            continue;
          }
          for (const [key, value] of Object.entries(body)) {
            const property = def.properties[key];
            if (!property) problems.push(`${name}.${key}: not a property of ${def.id}`);
            else if (key !== 'type') problems.push(...shapeProblems(property.shape, value, `${name}.${key}`, types));
          }
          for (const [key, property] of Object.entries(def.properties))
            if (property.required && !(key in body)) problems.push(`${name}: required ${key} is missing`);
        }
        assert.deepEqual(problems, []);
      });

      it('is evaluated: availability, cost and security give finite figures', () => {
        const { text } = readExample(file);
        const result = evaluateAll(parseArchitecture(text), { monteCarloSamples: 2000, seed: 1 });
        const percent = result.availability?.percent ?? NaN;
        assert.ok(Number.isFinite(percent) && percent > 0 && percent <= 100, `availability ${percent}`);
        const monthly = result.cost?.monthlyUSD ?? NaN;
        assert.ok(Number.isFinite(monthly) && monthly >= 0, `monthly cost ${monthly}`);
        for (const [name, value] of Object.entries(result.cost?.byResource ?? {}))
          assert.ok(Number.isFinite(value), `${name} costs ${value}`);
        assert.ok(Array.isArray(result.security?.findings), 'security findings');
      });

      it('parses with no error diagnostics', () => {
        const { text, data } = readExample(file);
        const document = parseArchitecture(text);
        const errors = document.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
        assert.deepEqual(
          errors.map((error) => `${error.range.start.line + 1}:${error.range.start.character + 1} ${error.code}: ${error.message}`),
          [],
        );
        assert.equal(document.resources.length, Object.keys(data.resources ?? {}).length);
        assert.ok(
          document.resources.every((resource) => resource.typeDef !== undefined),
          'every resource resolves to a catalog type',
        );
      });
    });
  }
});
