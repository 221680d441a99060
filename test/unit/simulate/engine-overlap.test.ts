/**
 * Injected outages that overlap: a zone or a resource is back only when the last outage of it
 * ends, and a group moves its instances out of a failed zone once, not once per outage.
 * single-az-db: 300 requests/s, four instances in zones a and b, the database in zone a only.
 */
import { strict as assert } from 'node:assert';
import type { SimulationResult } from '../../../src/evaluate/simulate';
import { day, loadFixture, movedOut, outcomes, runInjected, timelineOf } from './spec-helpers';

function run(...events: string[]): SimulationResult {
  return runInjected(loadFixture('single-az-db'), events);
}

describe('simulate engine: overlapping outages', () => {
  it('two outages of the same zone: down from the first start to the last end, instances moved once', () => {
    const result = run('zone:a@1d+2h', 'zone:a@1d1h+2h');
    assert.deepEqual(timelineOf(result, day), [
      '0 | injected-start | - | - | Injected: zone:a@1d+2h',
      '0 | system-down | - | - | An entry point stopped working: requests are dropped',
      movedOut(300, 'b'),
      movedOut(300, 'b'),
      '3600 | injected-start | - | - | Injected: zone:a@1d1h+2h',
      '7200 | injected-end | - | - | Injected event over: zone:a@1d+2h',
      '10800 | injected-end | - | - | Injected event over: zone:a@1d1h+2h',
      '10800 | system-up | - | - | Every entry point works again',
    ]);
    assert.equal(result.requests.dropped, 300 * 10_800);
    // Each event is charged from its own start until service is back.
    // Nothing works meanwhile: every second of it is below the needed capacity.
    assert.deepEqual(outcomes(result), [
      ['zone:a@1d+2h', 300 * 10_800, 10_800, 10_800],
      ['zone:a@1d1h+2h', 300 * 7_200, 7_200, 7_200],
    ]);
    assert.deepEqual(result.series.healthyUnitsByZone, { a: [3, 3, 0, 1], b: [2, 2, 2, 4] });
  });

  it('two outages of the same resource: back when the second ends', () => {
    const result = run('resource:web@1d6h+1h', 'resource:web@1d6h30m+1h');
    assert.deepEqual(timelineOf(result, day, ['system-down', 'system-up']), [
      '21600 | system-down | - | - | An entry point stopped working: requests are dropped',
      '27000 | system-up | - | - | Every entry point works again',
    ]);
    assert.equal(result.requests.dropped, 300 * 5_400);
    assert.equal(result.availability.downtimeMinutes, 90);
  });

  it("a region outage during a zone outage: the region's end brings service back, the zone's instances stay moved", () => {
    const result = run('zone:b@1d+2h', 'region:us-east-1@1d1h+2h');
    assert.deepEqual(timelineOf(result, day, ['system-down', 'system-up', 'unit-failed', 'unit-repaired', 'unit-replaced']), [
      movedOut(300, 'a'),
      movedOut(300, 'a'),
      '3600 | system-down | - | - | An entry point stopped working: requests are dropped',
      '10800 | system-up | - | - | Every entry point works again',
    ]);
    // Zone b's two instances for the health check's minute (half the requests), then the region's two hours.
    assert.equal(result.requests.dropped, 150 * 60 + 300 * 7_200);
    assert.deepEqual(result.series.healthyUnitsByZone, { a: [3, 3, 0, 5], b: [2, 2, 0, 0] });
  });
});
