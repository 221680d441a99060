/**
 * `--no-random-failures` (`randomFailures: false`): nothing happens at random, however
 * failure-prone the design. The random fixture (instances of 99.8% and 99.5%, zones of 99.5%, regions
 * of 99%) with forty spot instances behind its load balancer, for a year: a run at random holds
 * thousands of failures, dozens of zone and region outages and spot interruptions; this one none.
 */
import { strict as assert } from 'node:assert';
import { simulate } from '../../../src/evaluate/simulate';
import { loadFixture, noCounts } from './spec-helpers';

describe('simulate engine: without random failures', () => {
  it('a year of a failure-prone design with spot instances shows no event and drops nothing', () => {
    const doc = loadFixture('random', ['min: 4\n    desired: 4\n    max: 4', 'min: 40\n    desired: 40\n    max: 40\n    purchase: spot']);
    const result = simulate(doc, { days: 365, randomFailures: false, seriesPoints: 4 });
    assert.deepEqual(result.counts, noCounts);
    assert.deepEqual(result.timeline, { events: [], omitted: 0 });
    assert.deepEqual(result.requests, { offered: 300 * 365 * 86_400, served: 300 * 365 * 86_400, dropped: 0, droppedPercent: 0 });
    assert.equal(result.availability.downtimeMinutes, 0);
    assert.equal(result.cost.monthlyEquivalentUSD, result.cost.staticMonthlyUSD);
  });
});
