/**
 * The sentences the CLI's text output, the report and hovers show for an availability result, and
 * how downtime and percentages are written, at the edges of each unit (seconds, minutes, hours,
 * days; the digits that show the nines). The fixtures check whole explanations of real designs;
 * these rows reach the cases those designs do not: no entry point, an estimate, several zones or
 * regions that stop the system, more than three weak points, no Monte Carlo run.
 */
import { strict as assert } from 'node:assert';
import { explainAvailability } from '../../../../src/evaluate/availability';
import { formatDowntime, formatPercent } from '../../../../src/evaluate/availability/explain';
import type { AvailabilityResult } from '../../../../src/evaluate/types';

describe('availability explanation', () => {
  const downtimes: readonly (readonly [minutes: number, text: string])[] = [
    [0, 'no downtime'],
    [-3, 'no downtime'],
    [Number.NaN, 'no downtime'],
    [Number.POSITIVE_INFINITY, 'no downtime'],
    [0.5, '30.0 seconds'],
    [1, '1.0 minutes'],
    [119.9, '119.9 minutes'],
    [120, '2.0 hours'],
    [47.9 * 60, '47.9 hours'],
    [48 * 60, '2.0 days'],
    [365 * 24 * 60, '365.0 days'],
  ];
  for (const [minutes, text] of downtimes) {
    it(`writes ${minutes} minutes of downtime as "${text}"`, () => assert.equal(formatDowntime(minutes), text));
  }

  const percents: readonly (readonly [value: number, text: string])[] = [
    [Number.NaN, '0 %'],
    [Number.NEGATIVE_INFINITY, '0 %'],
    [100, '100 %'],
    [100.5, '100 %'],
    [50, '50.00 %'],
    [99.9, '99.9000 %'],
    [99.99995, '99.9999500 %'],
  ];
  for (const [value, text] of percents) {
    it(`writes ${value} % as "${text}"`, () => assert.equal(formatPercent(value), text));
  }

  const result: AvailabilityResult = {
    percent: 99.9,
    downtimeMinutesPerYear: 525.6,
    spof: [],
    zoneOutage: {},
    regionOutage: {},
    monteCarlo: { samples: 0, seed: 42, percent: 0, ci95: [0, 0] },
    byResource: {},
    entryPoints: ['web'],
    method: 'exact',
  };

  it('says when the figure is an estimate, and why', () => {
    const lines = explainAvailability({ ...result, method: 'monte-carlo-estimate', note: 'Too many zones to compute exactly.' });
    assert.deepEqual(lines.slice(0, 2), [
      'System availability (estimated): 99.9000 %, about 8.8 hours of downtime a year.',
      'Too many zones to compute exactly.',
    ]);
  });

  it('says when nothing is required to work, and leaves out the Monte Carlo line when there were no samples', () => {
    assert.deepEqual(explainAvailability({ ...result, percent: 100, downtimeMinutesPerYear: 0, entryPoints: [] }), [
      'System availability: 100 %, no downtime a year.',
      'There is no entry point, so nothing is required to work.',
      'No single point of failure: every single unit can fail without stopping the system.',
    ]);
  });

  it('names every zone and region whose loss stops the system, and the zones it survives', () => {
    const lines = explainAvailability({
      ...result,
      zoneOutage: { a: { works: false }, b: { works: true }, c: { works: false }, d: { works: true } },
      regionOutage: { 'us-east-1': { works: false }, 'us-west-2': { works: false } },
    });
    assert.deepEqual(lines.slice(3), [
      'Stops when zone a or c is down; survives the loss of b, d.',
      'Stops when region us-east-1 or us-west-2 is down.',
    ]);
  });

  it('names the three weakest single points of failure, weakest first', () => {
    const lines = explainAvailability({
      ...result,
      spof: ['web', 'db', 'cache', 'queue'],
      byResource: { web: 99.9, db: 99.5, lonely: 90, cache: 99.7, queue: 99.8 },
    });
    assert.equal(lines.at(-1), 'Weakest single points: `db` 99.500 %, `cache` 99.700 %, `queue` 99.800 %.');
  });
});
