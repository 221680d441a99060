/**
 * Random events that a month of the random fixture (engine.test.ts) meets too rarely to pin down:
 * spot interruptions at the assumed rate, an instance repaired while its zone is down, zones and
 * regions that never fail. Each run has a fixed seed; the figures are that seed's, and each test
 * also checks what must hold whatever the seed.
 */
import { strict as assert } from 'node:assert';
import { simulate } from '../../../src/evaluate/simulate';
import { loadFixture, noCounts, specs, timelineLine, timelineOf } from './spec-helpers';

describe('simulate engine: random events, seeded', () => {
  it('forty spot instances for a month: interrupted at random, each replaced five minutes later', () => {
    // The spot fixture with 40 instances: at 5% a month, two interruptions expected; seed 1 has two.
    const doc = loadFixture('spot', ['min: 4\n    desired: 4\n    max: 4', 'min: 40\n    desired: 40\n    max: 40']);
    const result = simulate(doc, { days: 30, seed: 1, seriesPoints: 30, timelineLimit: 100_000 });
    assert.equal(result.counts.spotInterruptions, 2);
    assert.deepEqual(timelineOf(result, 0, ['spot-notice']), [
      '229052.34 | spot-notice | web | a | web: spot interruption notice for a unit in a',
      '2074199.049 | spot-notice | web | a | web: spot interruption notice for a unit in a',
    ]);
    // The replacement is launched at the notice and serves after the group's five minutes.
    assert.deepEqual(
      result.timeline.events.filter((e) => e.message.includes('interrupted spot unit')).map((e) => e.at),
      [229_352.34, 2_074_499.049],
    );
    assert.equal(result.counts.unitFailures, 1_765);
    assert.equal(timelineOf(result, 0, ['unit-failed']).length, result.counts.unitFailures);
    assert.equal(result.requests.served + result.requests.dropped, result.requests.offered);
  });

  it('an instance that failed just before its zone did is replaced in the other zone', () => {
    // The random fixture with its group's instances at 90% (a failure every 45 minutes each, on
    // average), zones and the region that never fail, and zone a down for the hour from 1d.
    const doc = loadFixture(
      'random',
      ['availability: 99.8', 'availability: 90'],
      ['zoneAvailability: 99.5', 'zoneAvailability: 100'],
      ['regionAvailability: 99', 'regionAvailability: 100'],
    );
    const result = simulate(doc, { days: 2, seed: 1, seriesPoints: 4, timelineLimit: 100_000, events: specs('zone:a@1d+1h') });
    // It failed at 86,288.928 s, 111 s before the zone; its replacement, five minutes later, cannot go to zone a.
    const near = result.timeline.events
      .filter((e) => e.resource === 'web' && e.at > 86_280 && e.at < 86_700)
      .map((event) => timelineLine(event));
    assert.deepEqual(near, [
      '86288.928 | unit-failed | web | a | web: a unit in a failed',
      '86588.928 | unit-replaced | web | - | web: a replacement unit is in service in b (its own zone is down)',
    ]);
    assert.deepEqual(result.counts, { ...noCounts, unitFailures: 212, failovers: 1 });
  });

  it('zones and a region of 100% never fail; the seed gives the same unit failures each time', () => {
    const doc = loadFixture(
      'random',
      ['zoneAvailability: 99.5', 'zoneAvailability: 100'],
      ['regionAvailability: 99', 'regionAvailability: 100'],
    );
    const result = simulate(doc, { days: 7, seed: 2, seriesPoints: 7, timelineLimit: 100_000 });
    assert.deepEqual(result.counts, { ...noCounts, unitFailures: 19, failovers: 1 });
    assert.deepEqual(timelineOf(result, 0, ['zone-down', 'zone-up', 'region-down', 'region-up']), []);
    assert.equal(result.requests.dropped, 98_142);
  });

  it('instances scaled in before they serve never come into service, nor fail', () => {
    // The scaling fixture with a 30-minute warm-up: the 3x surge of ten minutes from 1d scales out
    // to 6 (at 1d2m); 15 minutes below after the surge, it scales in (1d24m) and takes back the
    // four new instances, still starting (they would serve at 1d32m).
    const doc = loadFixture('scaling', ['warmupSeconds: 300', 'warmupSeconds: 1800']);
    const result = simulate(doc, { days: 2, seed: 1, seriesPoints: 4, timelineLimit: 100_000, events: specs('surge:3x@1d+10m') });
    assert.deepEqual(timelineOf(result, 0, ['scale-out', 'scale-in', 'unit-failed', 'unit-replaced']), [
      '83707.433 | unit-failed | web | a | web: a unit in a failed',
      '84007.433 | unit-replaced | web | - | web: a replacement unit is in service in a',
      '86520 | scale-out | web | - | web: scaling out from 2 to 6 units (in service after 1800 s)',
      '87840 | scale-in | web | - | web: scaling in from 6 to 2 units',
      '129753.087 | unit-failed | web | a | web: a unit in a failed',
      '130053.087 | unit-replaced | web | - | web: a replacement unit is in service in a',
      '131446.288 | unit-failed | web | b | web: a unit in b failed',
      '131746.288 | unit-replaced | web | - | web: a replacement unit is in service in b',
      '154539.961 | unit-failed | web | a | web: a unit in a failed',
      '154839.961 | unit-replaced | web | - | web: a replacement unit is in service in a',
    ]);
    assert.equal(result.counts.unitFailures, 4);
  });
});
