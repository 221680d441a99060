/**
 * `--no-random-failures` (`randomFailures: false`): nothing happens at random, however
 * failure-prone the design. The random fixture (instances of 99.8% and 99.5%, zones of 99.5%, regions
 * of 99%) with forty spot instances behind its load balancer, for a year: a run at random holds
 * thousands of failures, dozens of zone and region outages and spot interruptions; this one none.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchitecture } from '../../../src/core/parse';
import { simulate } from '../../../src/evaluate/simulate';

describe('simulate engine: without random failures', () => {
  it('a year of a failure-prone design with spot instances shows no event and drops nothing', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'simulate', 'random.cloudarch.yaml'), 'utf8');
    const from = 'min: 4\n    desired: 4\n    max: 4';
    assert.ok(text.includes(from));
    const doc = parseArchitecture(text.replace(from, 'min: 40\n    desired: 40\n    max: 40\n    purchase: spot'));
    assert.deepEqual(
      doc.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
      [],
    );
    const result = simulate(doc, { days: 365, randomFailures: false, seriesPoints: 4 });
    assert.deepEqual(result.counts, {
      unitFailures: 0,
      failovers: 0,
      scaleOuts: 0,
      scaleIns: 0,
      spotInterruptions: 0,
      zoneOutages: 0,
      regionOutages: 0,
    });
    assert.deepEqual(result.timeline, { events: [], omitted: 0 });
    assert.deepEqual(result.requests, { offered: 300 * 365 * 86_400, served: 300 * 365 * 86_400, dropped: 0, droppedPercent: 0 });
    assert.equal(result.availability.downtimeMinutes, 0);
    assert.equal(result.cost.monthlyEquivalentUSD, result.cost.staticMonthlyUSD);
  });
});
