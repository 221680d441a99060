/**
 * Data-driven: every `*.cloudarch.yaml` under test/fixtures/availability goes through the real
 * parser and the evaluation, and is checked against its sibling JSON (the published result of a
 * worked example to its printed digits, or a closed-form value where the naive product is wrong),
 * against the independent brute force, and against the Monte Carlo interval. The shipped examples
 * are checked for the last two.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchitecture } from '../../../../src/core/parse';
import { evaluateAvailability, explainAvailability, reliabilityModelFromDocument } from '../../../../src/evaluate/availability';
import { bruteForce } from './brute-force';

interface Expected {
  readonly percent?: number;
  readonly decimals?: number;
  readonly exact?: number;
  readonly naiveWrongPercent?: number;
  readonly spof?: readonly string[];
  readonly entryPoints?: readonly string[];
  readonly zoneOutage?: Record<string, { works: boolean }>;
  readonly regionOutage?: Record<string, { works: boolean }>;
  readonly downtimeMinutesPerYear?: number;
  readonly downtimeDecimals?: number;
  /** What the CLI's text output, the report and hovers say about the result, line by line. */
  readonly explanation?: readonly string[];
}

const root = join(__dirname, '..', '..', '..', '..');
const fixtureDir = join(root, 'test', 'fixtures', 'availability');
const exampleDir = join(root, 'examples');

function checkAgainstBruteForceAndMonteCarlo(text: string): void {
  const doc = parseArchitecture(text);
  const result = evaluateAvailability(doc);
  assert.ok(Number.isFinite(result.percent) && result.percent >= 0 && result.percent <= 100);
  const [lo, hi] = result.monteCarlo.ci95;
  assert.ok(lo <= result.percent && result.percent <= hi, `exact ${result.percent} outside the Monte Carlo interval [${lo}, ${hi}]`);
  const brute = bruteForce(reliabilityModelFromDocument(doc).model, 20);
  if (brute) {
    assert.ok(
      Math.abs(brute.probability * 100 - result.percent) < 1e-10,
      `engine ${result.percent} vs brute force ${brute.probability * 100}`,
    );
    for (const [name, p] of brute.byComponent) {
      assert.ok(
        Math.abs(p * 100 - result.byResource[name]!) < 1e-10,
        `${name}: engine ${result.byResource[name]} vs brute force ${p * 100}`,
      );
    }
  }
}

describe('availability fixtures', () => {
  const files = readdirSync(fixtureDir)
    .filter((f) => f.endsWith('.cloudarch.yaml'))
    .sort();
  it('has fixtures', () => assert.ok(files.length >= 10));
  for (const file of files) {
    describe(file, () => {
      const text = readFileSync(join(fixtureDir, file), 'utf8');
      const expected = JSON.parse(readFileSync(join(fixtureDir, file.replace('.cloudarch.yaml', '.json')), 'utf8')) as Expected;
      // Every test evaluates the fixture itself, never while the file loads and never through a
      // result another test computed: mutation testing runs only the tests that reached a mutant,
      // so a check that read a shared result would never run against one (see docs/testing.md).
      it('parses without errors and gives its expected figures, tables and explanation', () => {
        const doc = parseArchitecture(text);
        const result = evaluateAvailability(doc);
        const errors = doc.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);
        assert.deepEqual(errors, []);
        if (expected.percent !== undefined) {
          const tolerance = 0.5 * 10 ** -(expected.decimals ?? 4) + 1e-12;
          assert.ok(
            Math.abs(result.percent - expected.percent) <= tolerance,
            `published ${expected.percent} % to ${expected.decimals} decimals: ${result.percent}`,
          );
        }
        if (expected.exact !== undefined)
          assert.ok(Math.abs(result.percent - expected.exact) < 1e-9, `closed form ${expected.exact}: ${result.percent}`);
        if (expected.naiveWrongPercent !== undefined)
          assert.ok(Math.abs(result.percent - expected.naiveWrongPercent) > 1e-7, 'differs from the naive product');
        if (expected.spof) assert.deepEqual([...result.spof].sort(), [...expected.spof].sort(), 'single points of failure');
        if (expected.entryPoints) assert.deepEqual(result.entryPoints, expected.entryPoints, 'entry points');
        if (expected.zoneOutage) assert.deepEqual(result.zoneOutage, expected.zoneOutage, 'zone outages');
        if (expected.regionOutage) assert.deepEqual(result.regionOutage, expected.regionOutage, 'region outages');
        if (expected.downtimeMinutesPerYear !== undefined) {
          assert.equal(
            result.downtimeMinutesPerYear.toFixed(expected.downtimeDecimals ?? 2),
            expected.downtimeMinutesPerYear.toFixed(expected.downtimeDecimals ?? 2),
            'downtime per year',
          );
        }
        const lines = explainAvailability(result);
        assert.match(lines[0]!, /^System availability: \d/);
        assert.ok(
          lines.some((l) => (result.spof.length > 0 ? l.includes('Single points of failure') : l.includes('No single point of failure'))),
        );
        if (expected.explanation) assert.deepEqual(lines, expected.explanation, 'explanation');
      });
      it('agrees with the brute force and lies in the Monte Carlo interval', () => checkAgainstBruteForceAndMonteCarlo(text));
    });
  }
});

describe('availability of the shipped examples', () => {
  const files = existsSync(exampleDir)
    ? readdirSync(exampleDir)
        .filter((f) => f.endsWith('.cloudarch.yaml'))
        .sort()
    : [];
  for (const file of files) {
    it(`${file}: exact value within the Monte Carlo interval, brute force agrees where small`, () => {
      checkAgainstBruteForceAndMonteCarlo(readFileSync(join(exampleDir, file), 'utf8'));
    });
  }
});
