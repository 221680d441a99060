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
import type { ArchDocument } from '../../../../src/core/document';
import { parseArchitecture } from '../../../../src/core/parse';
import { evaluateAvailability, explainAvailability, reliabilityModelFromDocument } from '../../../../src/evaluate/availability';
import type { AvailabilityResult } from '../../../../src/evaluate/types';
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
      // Evaluated by the first test that needs it, never while the file loads: mutation testing
      // cannot attribute load-time code to a test (see docs/testing.md).
      let evaluated: { doc: ArchDocument; result: AvailabilityResult } | undefined;
      const evaluation = (): { doc: ArchDocument; result: AvailabilityResult } => {
        if (evaluated === undefined) {
          const doc = parseArchitecture(text);
          evaluated = { doc, result: evaluateAvailability(doc) };
        }
        return evaluated;
      };

      it('parses without errors', () => {
        const errors = evaluation()
          .doc.diagnostics.filter((d) => d.severity === 'error')
          .map((d) => `${d.code}: ${d.message}`);
        assert.deepEqual(errors, []);
      });
      if (expected.percent !== undefined) {
        it(`matches the published ${expected.percent} % to ${expected.decimals} decimals`, () => {
          const tolerance = 0.5 * 10 ** -(expected.decimals ?? 4) + 1e-12;
          assert.ok(
            Math.abs(evaluation().result.percent - expected.percent!) <= tolerance,
            `${evaluation().result.percent} vs ${expected.percent}`,
          );
        });
      }
      if (expected.exact !== undefined) {
        it('equals the closed form', () =>
          assert.ok(Math.abs(evaluation().result.percent - expected.exact!) < 1e-9, `${evaluation().result.percent} vs ${expected.exact}`));
      }
      if (expected.naiveWrongPercent !== undefined) {
        it('differs from the naive product', () => assert.ok(Math.abs(evaluation().result.percent - expected.naiveWrongPercent!) > 1e-7));
      }
      if (expected.spof)
        it('finds the single points of failure', () => assert.deepEqual([...evaluation().result.spof].sort(), [...expected.spof!].sort()));
      if (expected.entryPoints) it('finds the entry points', () => assert.deepEqual(evaluation().result.entryPoints, expected.entryPoints));
      if (expected.zoneOutage) it('tabulates zone outages', () => assert.deepEqual(evaluation().result.zoneOutage, expected.zoneOutage));
      if (expected.regionOutage)
        it('tabulates region outages', () => assert.deepEqual(evaluation().result.regionOutage, expected.regionOutage));
      if (expected.downtimeMinutesPerYear !== undefined) {
        it('reports the downtime per year', () =>
          assert.equal(
            evaluation().result.downtimeMinutesPerYear.toFixed(expected.downtimeDecimals ?? 2),
            expected.downtimeMinutesPerYear!.toFixed(expected.downtimeDecimals ?? 2),
          ));
      }
      it('agrees with the brute force and lies in the Monte Carlo interval', () => checkAgainstBruteForceAndMonteCarlo(text));
      it('explains itself', () => {
        const lines = explainAvailability(evaluation().result);
        assert.match(lines[0]!, /^System availability: \d/);
        assert.ok(
          lines.some((l) =>
            evaluation().result.spof.length > 0 ? l.includes('Single points of failure') : l.includes('No single point of failure'),
          ),
        );
        if (expected.explanation) assert.deepEqual(lines, expected.explanation);
      });
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
