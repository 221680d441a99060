/**
 * Table-driven: how each property of a document becomes the reliability model (placement, units,
 * minimum healthy units, unit figure, region, zones, dependencies by kind of reference, entry
 * points), one row per rule in test/fixtures/availability/model/document-rules.yaml, checked on
 * the model and on what a user sees of the result (figure, single points of failure, zone and
 * region outage tables). Each test parses and evaluates its own row, so that mutation testing
 * runs every check against every mutant the row reaches.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseArchitecture } from '../../../../src/core/parse';
import { evaluateAvailability, reliabilityModelFromDocument, type ReliabilityComponent } from '../../../../src/evaluate/availability';

interface ComponentExpectation {
  readonly placement?: string;
  readonly units?: number;
  readonly minHealthy?: number;
  readonly region?: string;
  readonly zones?: readonly string[];
  /** The unit figure in percent. */
  readonly availability?: number;
  readonly hard?: readonly string[];
  readonly anyOf?: readonly (readonly string[])[];
}

interface Row {
  readonly what: string;
  readonly file: string;
  readonly model?: Readonly<Record<string, ComponentExpectation>>;
  readonly entryPoints?: readonly string[];
  readonly percent?: number;
  readonly spof?: readonly string[];
  readonly zoneOutage?: Readonly<Record<string, boolean>>;
  readonly regionOutage?: Readonly<Record<string, boolean>>;
}

const rowsFile = join(__dirname, '..', '..', '..', 'fixtures', 'availability', 'model', 'document-rules.yaml');
const rows = parse(readFileSync(rowsFile, 'utf8')) as readonly Row[];

/** The fields of a component a row names, in the row's terms (the unit figure in percent). */
function described(component: ReliabilityComponent, expected: ComponentExpectation): ComponentExpectation {
  const actual: Record<string, unknown> = {};
  for (const key of Object.keys(expected)) {
    actual[key] =
      key === 'availability' ? Number((component.unitAvailability * 100).toFixed(9)) : component[key as keyof ReliabilityComponent];
  }
  return actual;
}

function outageTable(table: Readonly<Record<string, { works: boolean }>>): Record<string, boolean> {
  return Object.fromEntries(Object.entries(table).map(([key, value]) => [key, value.works]));
}

describe('availability model of a document, rule by rule', () => {
  it('has its rows', () => assert.ok(rows.length >= 30, `${rows.length} rows`));
  for (const row of rows) {
    it(row.what, () => {
      const doc = parseArchitecture(`cloudarch: "1"\nname: rule\n${row.file}`);
      const { model } = reliabilityModelFromDocument(doc);
      for (const [name, expected] of Object.entries(row.model ?? {})) {
        const component = model.components.find((each) => each.name === name);
        assert.ok(component, `the model has a component ${name}`);
        assert.deepEqual(described(component, expected), expected, `component ${name}`);
      }
      assert.deepEqual(
        model.components.map((component) => component.name),
        doc.resources.map((resource) => resource.name),
        'one component per resource, in the order written',
      );
      if (row.entryPoints) assert.deepEqual(model.entryPoints, row.entryPoints, 'entry points');
      const result = evaluateAvailability(doc, { monteCarloSamples: 0 });
      assert.deepEqual(result.entryPoints, model.entryPoints, 'the result names the entry points of the model');
      if (row.percent !== undefined)
        assert.ok(Math.abs(result.percent - row.percent) < 1e-9, `availability ${result.percent} % vs ${row.percent} %`);
      if (row.spof) assert.deepEqual([...result.spof].sort(), [...row.spof].sort(), 'single points of failure');
      if (row.zoneOutage) assert.deepEqual(outageTable(result.zoneOutage), row.zoneOutage, 'zone outages');
      if (row.regionOutage) assert.deepEqual(outageTable(result.regionOutage), row.regionOutage, 'region outages');
    });
  }
});
