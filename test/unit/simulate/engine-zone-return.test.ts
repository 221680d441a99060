/**
 * A self-healing group whose zones are all down cannot replace the units of a failed zone; it
 * tries again when a zone or region returns, or when spot capacity does, as AWS Auto Scaling keeps
 * trying to launch in the group's zones. What a user reads: the timeline (seconds after the first
 * day), the requests each event cost and its recovery, the healthy units per zone, the cost.
 *
 * Fixtures: `two-zone` (four t3.medium instances of 200 requests/s in a group over zones a and b
 * behind a load balancer, 600 requests/s flat: one zone's two instances cannot carry it) and
 * `spot` (the same with spot instances at 300 requests/s).
 */
import { strict as assert } from 'node:assert';
import {
  day,
  designOf,
  fixtureText,
  flatTraffic,
  loadFixture,
  movedOut,
  outcomes,
  runInjected,
  spotNotices,
  spotReplacements,
  timelineOf,
  twoZoneWithThirdLbZone,
} from './spec-helpers';

const spot: [string, string] = ['instanceType: t3.medium\n', 'instanceType: t3.medium\n    purchase: spot\n'];

describe('simulate engine: a group whose zones were all down replaces its units when one returns', () => {
  // Both of the group's zones are unusable at 1d, the instances of the zone still down (`down`)
  // cannot be moved at 300 s, and the other zone (`into`) is usable again after an hour: back
  // itself, or with its region.
  for (const { title, events, zoneEnd, down, into } of [
    {
      title: 'the units of a zone still down are replaced in the first zone back, after the repair time',
      events: ['zone:a@1d+2h', 'zone:b@1d+1h'],
      zoneEnd: 7_200,
      down: 'a',
      into: 'b',
    },
    {
      title: 'the units of zone b are replaced in zone a, the first zone of the group, when it is back first',
      events: ['zone:b@1d+2h', 'zone:a@1d+1h'],
      zoneEnd: 7_200,
      down: 'b',
      into: 'a',
    },
    {
      title: 'a region back before the zone lets the group replace them too',
      events: ['zone:a@1d+3h', 'region:us-east-1@1d+1h'],
      zoneEnd: 10_800,
      down: 'a',
      into: 'b',
    },
  ]) {
    it(title, () => {
      // When zone `into` is usable, the group launches the replacements of the two instances of
      // zone `down` there, in service 300 s later. They used to stay missing until their own
      // zone returned (zoneEnd).
      const result = runInjected(loadFixture('two-zone'), events);
      const [zoneA, other] = events as [string, string];
      assert.deepEqual(timelineOf(result, day), [
        `0 | injected-start | - | - | Injected: ${zoneA}`,
        `0 | injected-start | - | - | Injected: ${other}`,
        '0 | system-down | - | - | An entry point stopped working: requests are dropped',
        `3600 | injected-end | - | - | Injected event over: ${other}`,
        '3600 | system-up | - | - | Every entry point works again',
        movedOut(3_900, into),
        movedOut(3_900, into),
        `${zoneEnd} | injected-end | - | - | Injected event over: ${zoneA}`,
      ]);
      // Every request of the hour nothing works, 600 × 3,600 = 2,160,000; then zone `into`'s two
      // instances (400/s) until the replacements serve, less the 10 s of load the queue holds:
      // 200 × 300 − 6,000 = 54,000 (it was 200 × (zoneEnd − 3,600) − 6,000).
      assert.deepEqual(outcomes(result), [
        [zoneA, 2_214_000, 3_900, 3_900],
        [other, 2_214_000, 3_900, 3_900],
      ]);
      assert.equal(result.requests.dropped, 2_214_000);
      assert.equal(result.availability.downtimeMinutes, 60);
      assert.deepEqual(result.series.healthyUnitsByZone, { [down]: [2, 2, 0, 0], [into]: [2, 2, 0, 4] });
      assert.deepEqual(result.series.capacity, [800, 800, 0, 800]);
      // A replacement is a move: four instances are billed throughout, the static estimate.
      assert.equal(result.cost.monthlyEquivalentUSD, result.cost.staticMonthlyUSD);
    });
  }

  it('a replacement under way is not ordered again when another zone returns', () => {
    // two-zone with six instances over zones a, b and c. Zone b is down for 100 s from 1d, zone
    // a from 50 s for an hour: a's instances are moved 300 s after their zone failed (to b and c,
    // the least loaded), whatever zone b does meanwhile; b's own instances serve again at 100 s.
    const doc = designOf(fixtureText('two-zone').replaceAll('[a, b]', '[a, b, c]'), [
      'min: 4\n    desired: 4\n    max: 4',
      'min: 6\n    desired: 6\n    max: 6',
    ]);
    const result = runInjected(doc, ['zone:b@1d+100s', 'zone:a@1d50s+1h']);
    assert.deepEqual(timelineOf(result, day), [
      '0 | injected-start | - | - | Injected: zone:b@1d+100s',
      '50 | injected-start | - | - | Injected: zone:a@1d50s+1h',
      '100 | injected-end | - | - | Injected event over: zone:b@1d+100s',
      movedOut(350, 'b'),
      movedOut(350, 'c'),
      '3650 | injected-end | - | - | Injected event over: zone:a@1d50s+1h',
    ]);
  });

  it("the return of a zone outside the group changes nothing: its replacements wait for one of the group's zones", () => {
    // The load balancer spans zones a, b and c, the group a and b. All three fail at 1d; c is back
    // at 600 s, b at 700 s, a after two hours. Zone c's return finds no zone of the group up; the
    // group moves a's instances when b returns, in service at 1,000 s.
    const result = runInjected(twoZoneWithThirdLbZone(), ['zone:a@1d+2h', 'zone:b@1d+700s', 'zone:c@1d+600s']);
    assert.deepEqual(timelineOf(result, day, ['unit-replaced', 'system-down', 'system-up']), [
      '0 | system-down | - | - | An entry point stopped working: requests are dropped',
      '700 | system-up | - | - | Every entry point works again',
      movedOut(1_000, 'b'),
      movedOut(1_000, 'b'),
    ]);
  });

  it('a spot group moves the units of a failed zone only once spot capacity is back', () => {
    // The spot fixture at 600 requests/s. Every instance gets a notice at 1d; their replacements
    // are starting when `spot@1d1m+1h` takes spot capacity away for the hour, so they serve at
    // 300 s. Zone a fails at 600 s: its two replacements can be moved to b only when capacity
    // returns (3,660 s), in service at 3,960 s; they used to move at 900 s as if it were there.
    const doc = loadFixture('spot', flatTraffic(300, 600));
    const result = runInjected(doc, ['spot@1d', 'spot@1d1m+1h', 'zone:a@1d10m+2h']);
    assert.deepEqual(timelineOf(result, day), [
      '0 | injected-start | - | - | Injected: spot@1d',
      ...spotNotices(0, ['a', 'b', 'a', 'b']),
      '60 | injected-start | - | - | Injected: spot@1d1m+1h',
      '120 | system-down | - | - | An entry point stopped working: requests are dropped',
      ...spotReplacements(300, ['a', 'b', 'a', 'b']),
      '300 | system-up | - | - | Every entry point works again',
      '600 | injected-start | - | - | Injected: zone:a@1d10m+2h',
      '3660 | injected-end | - | - | Injected event over: spot@1d1m+1h',
      movedOut(3_960, 'b'),
      movedOut(3_960, 'b'),
      '7800 | injected-end | - | - | Injected event over: zone:a@1d10m+2h',
    ]);
    // Zone a: half the load to its failed targets for the health check's minute, 300 × 60 =
    // 18,000; then zone b's 400/s against 600/s until 3,960 s, less the queue's 10 s of load:
    // 200 × 3,300 − 6,000 = 654,000. Recovered 3,360 s after it started (it was 300 s).
    assert.deepEqual(outcomes(result), [
      ['spot@1d', 108_000, 300, 180],
      ['spot@1d1m+1h', 780_000, 3_900, 3_540],
      ['zone:a@1d10m+2h', 672_000, 3_360, 3_360],
    ]);
    assert.equal(result.requests.dropped, 108_000 + 672_000);
  });

  it('replacements launched while no zone of the group is up wait in its zones, not in none', () => {
    // The load balancer spans zones a, b and c, the group a and b. Both of the group's zones fail
    // at 1d and every instance gets a spot notice: the replacements are launched into zones a and
    // b, ready at 300 s but of no use until b returns (3,600 s); a's are then moved to b. They
    // used to serve at 300 s from no zone at all, "in the region", while their zones were down.
    const result = runInjected(twoZoneWithThirdLbZone(spot), ['zone:a@1d+2h', 'zone:b@1d+1h', 'spot@1d']);
    const waiting = ['a', 'b', 'a', 'b'].map(
      (zone) =>
        `300 | unit-replaced | web | ${zone} | web: a replacement for an interrupted spot unit is ready in ${zone}, but no zone of the group is up`,
    );
    assert.deepEqual(timelineOf(result, day), [
      '0 | injected-start | - | - | Injected: zone:a@1d+2h',
      '0 | injected-start | - | - | Injected: zone:b@1d+1h',
      '0 | injected-start | - | - | Injected: spot@1d',
      ...spotNotices(0, ['a', 'b', 'a', 'b']),
      '0 | system-down | - | - | An entry point stopped working: requests are dropped',
      ...waiting,
      '3600 | injected-end | - | - | Injected event over: zone:b@1d+1h',
      '3600 | system-up | - | - | Every entry point works again',
      movedOut(3_900, 'b'),
      movedOut(3_900, 'b'),
      '7200 | injected-end | - | - | Injected event over: zone:a@1d+2h',
    ]);
    // Every request until zone b returns: 300 × 3,600 = 1,080,000 (it was 300 × 300 = 90,000).
    // Zone b's two replacements (400/s) carry the 300/s from then on.
    assert.deepEqual(outcomes(result), [
      ['zone:a@1d+2h', 1_080_000, 3_600, 3_600],
      ['zone:b@1d+1h', 1_080_000, 3_600, 3_600],
      ['spot@1d', 1_080_000, 3_600, 3_600],
    ]);
    assert.equal(result.availability.downtimeMinutes, 60);
    assert.deepEqual(result.series.healthyUnitsByZone, { a: [2, 2, 0, 0], b: [2, 2, 0, 4], c: [0, 0, 0, 0] });
  });

  it('a replacement ordered in an earlier outage of the zone is void: the group moves them 300 s after the last failure', () => {
    // Zone a is down for 100 s from 1d and again from 200 s for an hour. The replacement the
    // first outage ordered (due at 300 s) is void once the zone is back; the second outage orders
    // its own, in service at 500 s. It used to move the instances at 300 s, 100 s into the outage.
    const result = runInjected(loadFixture('two-zone'), ['zone:a@1d+100s', 'zone:a@1d200s+1h']);
    assert.deepEqual(timelineOf(result, day), [
      '0 | injected-start | - | - | Injected: zone:a@1d+100s',
      '100 | injected-end | - | - | Injected event over: zone:a@1d+100s',
      '200 | injected-start | - | - | Injected: zone:a@1d200s+1h',
      movedOut(500, 'b'),
      movedOut(500, 'b'),
      '3800 | injected-end | - | - | Injected event over: zone:a@1d200s+1h',
    ]);
    // Each outage: half of the 600/s to zone a's failed targets for the health check's minute,
    // 300 × 60 = 18,000; then zone b's 400/s against 600/s, less the queue's 10 s of load. The
    // first, 40 s of it until the zone is back: 200 × 40 − 6,000 = 2,000. The second, until the
    // replacements serve at 500 s: 200 × 240 − 6,000 = 42,000 (it was 2,000, until 300 s).
    assert.deepEqual(outcomes(result), [
      ['zone:a@1d+100s', 20_000, 120, 100],
      ['zone:a@1d200s+1h', 60_000, 300, 300],
    ]);
    assert.equal(result.requests.dropped, 80_000);
  });
});
