/**
 * Injected events against one another and against spot capacity, zone by zone: what a user reads
 * in the timeline (word for word, seconds after the first day), the requests each event cost, and
 * the healthy units per zone. Two days, no random failures, four series points of half a day.
 *
 * Fixtures: `spot` (four t3.medium spot instances in a group over zones a and b behind a load
 * balancer, 300 requests/s flat, 200 requests/s per instance), `two-zone` (the same without spot,
 * at 600 requests/s; edited to 300 here, so that one zone's two instances carry the load), and a
 * three-zone variant of it whose group stays in zones a and b while the load balancer also spans c.
 */
import { strict as assert } from 'node:assert';
import {
  day,
  designOf,
  fixtureText,
  flatTraffic,
  fourPlaced,
  loadFixture,
  movedOut,
  outcomes,
  runInjected,
  spotAsInstances,
  spotNotices,
  spotReplacements,
  timelineOf,
  twoZoneWithThirdLbZone,
} from './spec-helpers';

/** The timeline lines of spot EC2 instances repaired in place at `at`, one in each zone it was fourPlaced in. */
const repairedInPlace = (at: number): string[] =>
  fourPlaced.map((zone) => `${at} | unit-repaired | web | - | web: a unit is repaired in ${zone}`);

describe('simulate engine: events meeting spot capacity', () => {
  it('a zone outage interrupts no spot instance: only the health check and the replacements', () => {
    const result = runInjected(loadFixture('spot'), ['zone:a@1d+1h']);
    assert.deepEqual(timelineOf(result, day), [
      '0 | injected-start | - | - | Injected: zone:a@1d+1h',
      movedOut(300, 'b'),
      movedOut(300, 'b'),
      '3600 | injected-end | - | - | Injected event over: zone:a@1d+1h',
    ]);
    assert.equal(result.counts.spotInterruptions, 0);
    // Zone b's two instances (400/s) carry the 300/s; the load balancer sends zone a's half to its
    // failed targets for the health check's minute: 150 × 60 = 9,000 requests.
    assert.deepEqual(outcomes(result), [['zone:a@1d+1h', 9_000, 60, 60]]);
    assert.equal(result.requests.dropped, 9_000);
    assert.deepEqual(result.series.healthyUnitsByZone, { a: [2, 2, 0, 0], b: [2, 2, 2, 4] });
    assert.deepEqual(result.series.capacity, [800, 800, 400, 800]);
  });

  it('spot EC2 instances interrupted twice are interrupted both times, and come back both times', () => {
    const result = runInjected(loadFixture('spot', spotAsInstances), ['spot@1d', 'spot@1d12h']);
    assert.deepEqual(timelineOf(result, day), [
      '0 | injected-start | - | - | Injected: spot@1d',
      ...spotNotices(0, fourPlaced),
      '120 | system-down | - | - | An entry point stopped working: requests are dropped',
      ...repairedInPlace(2_820),
      '2820 | system-up | - | - | Every entry point works again',
      '43200 | injected-start | - | - | Injected: spot@1d12h',
      ...spotNotices(43_200, fourPlaced),
      '43320 | system-down | - | - | An entry point stopped working: requests are dropped',
      ...repairedInPlace(46_020),
      '46020 | system-up | - | - | Every entry point works again',
    ]);
    assert.equal(result.counts.spotInterruptions, 8);
    // Each time: the notice's two minutes of service, then 2,700 s (the instances' 45-minute
    // repair) with nothing: 300 × 2,700 = 810,000 requests.
    assert.deepEqual(outcomes(result), [
      ['spot@1d', 810_000, 2_820, 2_700],
      ['spot@1d12h', 810_000, 2_820, 2_700],
    ]);
    assert.equal(result.requests.dropped, 1_620_000);
  });

  it('a second spot event during the notice finds nothing left to interrupt', () => {
    // At 1d1m the four instances are terminating and their replacements starting.
    const result = runInjected(loadFixture('spot'), ['spot@1d', 'spot@1d1m']);
    assert.deepEqual(timelineOf(result, day), [
      '0 | injected-start | - | - | Injected: spot@1d',
      ...spotNotices(0, fourPlaced),
      '60 | injected-start | - | - | Injected: spot@1d1m',
      '120 | system-down | - | - | An entry point stopped working: requests are dropped',
      ...spotReplacements(300, fourPlaced),
      '300 | system-up | - | - | Every entry point works again',
    ]);
    assert.equal(result.counts.spotInterruptions, 4);
    // Down from the terminations (120 s) to the replacements (300 s): 300 × 180 = 54,000.
    assert.deepEqual(outcomes(result), [
      ['spot@1d', 54_000, 300, 180],
      ['spot@1d1m', 54_000, 240, 180],
    ]);
  });

  it('replacements ready while their zone is down serve in the other zone', () => {
    // Launched in a, b, a, b when capacity returns (1d1h); zone a fails at 1d1h2m, before they serve.
    const result = runInjected(loadFixture('spot'), ['spot@1d+1h', 'zone:a@1d1h2m+1h']);
    assert.deepEqual(timelineOf(result, day), [
      '0 | injected-start | - | - | Injected: spot@1d+1h',
      ...spotNotices(0, fourPlaced),
      '120 | system-down | - | - | An entry point stopped working: requests are dropped',
      '3600 | injected-end | - | - | Injected event over: spot@1d+1h',
      '3720 | injected-start | - | - | Injected: zone:a@1d1h2m+1h',
      ...spotReplacements(3_900, ['b', 'b', 'b', 'b']),
      '3900 | system-up | - | - | Every entry point works again',
      '7320 | injected-end | - | - | Injected event over: zone:a@1d1h2m+1h',
    ]);
    // 300 × (3,900 − 120) = 1,134,000; of them the zone's, from 3,720: 300 × 180 = 54,000.
    assert.deepEqual(outcomes(result), [
      ['spot@1d+1h', 1_134_000, 3_900, 3_780],
      ['zone:a@1d1h2m+1h', 54_000, 180, 180],
    ]);
    assert.deepEqual(result.series.healthyUnitsByZone, { a: [2, 2, 0, 0], b: [2, 2, 0, 4] });
  });

  it('instances interrupted in a failed zone are not also moved out of it', () => {
    // Zone a fails at 1d; at 1d3m20s, before the group moves zone a's two instances (1d5m), every
    // instance gets its notice; the replacements are launched at once, in zone b, the one up.
    const result = runInjected(loadFixture('spot'), ['zone:a@1d+1h', 'spot@1d3m20s']);
    assert.deepEqual(timelineOf(result, day), [
      '0 | injected-start | - | - | Injected: zone:a@1d+1h',
      '200 | injected-start | - | - | Injected: spot@1d3m20s',
      ...spotNotices(200, fourPlaced),
      '320 | system-down | - | - | An entry point stopped working: requests are dropped',
      ...spotReplacements(500, ['b', 'b', 'b', 'b']),
      '500 | system-up | - | - | Every entry point works again',
      '3600 | injected-end | - | - | Injected event over: zone:a@1d+1h',
    ]);
    // Zone a's half for the health check's minute, 150 × 60 = 9,000; nothing from the
    // terminations (320 s) to the replacements (500 s), 300 × 180 = 54,000. Both within the
    // zone's hour, so it too is whole again only at 500 s.
    assert.deepEqual(outcomes(result), [
      ['zone:a@1d+1h', 63_000, 500, 240],
      ['spot@1d3m20s', 54_000, 300, 180],
    ]);
    assert.deepEqual(result.series.healthyUnitsByZone, { a: [2, 2, 0, 0], b: [2, 2, 0, 4] });
  });

  it('spot EC2 instances repaired while their zone is down stay in it, and the notice is what the events cost', () => {
    // Zone a and every notice at 1d: zone a's half for the health check's minute, 150 × 60 = 9,000,
    // then nothing from the terminations (120 s) until the instances are repaired in place
    // (2,820 s), 300 × 2,700 = 810,000. An EC2 instance is not moved: those of zone a are
    // repaired there and serve once it returns (3,600 s).
    const result = runInjected(loadFixture('spot', spotAsInstances), ['zone:a@1d+1h', 'spot@1d']);
    assert.deepEqual(timelineOf(result, day), [
      '0 | injected-start | - | - | Injected: zone:a@1d+1h',
      '0 | injected-start | - | - | Injected: spot@1d',
      ...spotNotices(0, fourPlaced),
      '120 | system-down | - | - | An entry point stopped working: requests are dropped',
      ...repairedInPlace(2_820),
      '2820 | system-up | - | - | Every entry point works again',
      '3600 | injected-end | - | - | Injected event over: zone:a@1d+1h',
    ]);
    // Whole after the health check's minute, then hurt again: each is whole again at 2,820 s.
    assert.deepEqual(outcomes(result), [
      ['zone:a@1d+1h', 819_000, 2_820, 2_760],
      ['spot@1d', 819_000, 2_820, 2_760],
    ]);
    assert.deepEqual(result.series.healthyUnitsByZone, { a: [2, 2, 0, 2], b: [2, 2, 0, 2] });
  });

  it('a spot group that scales waits for spot capacity too, rather than scaling out into none', () => {
    const scaling = loadFixture('spot', ['    max: 4', '    max: 4\n    scaling: { metric: cpu, target: 50, warmupSeconds: 300 }']);
    const result = runInjected(scaling, ['spot@1d+1h']);
    // The alarm is raised from 120 s, but the group launches only when capacity returns (1d1h),
    // and its instances serve after their warm-up: as a group without a policy.
    assert.deepEqual(timelineOf(result, day), [
      '0 | injected-start | - | - | Injected: spot@1d+1h',
      ...spotNotices(0, fourPlaced),
      '120 | system-down | - | - | An entry point stopped working: requests are dropped',
      '3600 | injected-end | - | - | Injected event over: spot@1d+1h',
      '3900 | system-up | - | - | Every entry point works again',
    ]);
    assert.deepEqual(result.counts, {
      unitFailures: 0,
      failovers: 0,
      scaleOuts: 0,
      scaleIns: 0,
      spotInterruptions: 4,
      zoneOutages: 0,
      regionOutages: 0,
    });
    assert.deepEqual(outcomes(result), [['spot@1d+1h', 300 * (3_900 - 120), 3_900, 3_780]]);
    assert.deepEqual(result.series.healthyUnitsByZone, { a: [2, 2, 0, 2], b: [2, 2, 0, 2] });
  });
});

describe('simulate engine: zone outages that meet', () => {
  it('a second outage of a zone 30 s into the first: the health check and the moves happen once', () => {
    const result = runInjected(loadFixture('two-zone', flatTraffic(600, 300)), ['zone:a@1d+2h', 'zone:a@1d30s+1h']);
    assert.deepEqual(timelineOf(result, day), [
      '0 | injected-start | - | - | Injected: zone:a@1d+2h',
      '30 | injected-start | - | - | Injected: zone:a@1d30s+1h',
      movedOut(300, 'b'),
      movedOut(300, 'b'),
      '3630 | injected-end | - | - | Injected event over: zone:a@1d30s+1h',
      '7200 | injected-end | - | - | Injected event over: zone:a@1d+2h',
    ]);
    // Half of 300/s to zone a's failed targets for the minute from 1d: 150 × 60 = 9,000; the
    // second event, from 1d30s, sees the last 30 s of it: 150 × 30 = 4,500.
    assert.deepEqual(outcomes(result), [
      ['zone:a@1d+2h', 9_000, 60, 60],
      ['zone:a@1d30s+1h', 4_500, 30, 30],
    ]);
    assert.equal(result.requests.dropped, 9_000);
  });

  it('a zone back within the replacement time keeps its instances', () => {
    const result = runInjected(loadFixture('two-zone', flatTraffic(600, 300)), ['zone:a@1d+2m']);
    assert.deepEqual(timelineOf(result, day), [
      '0 | injected-start | - | - | Injected: zone:a@1d+2m',
      '120 | injected-end | - | - | Injected event over: zone:a@1d+2m',
    ]);
    assert.deepEqual(outcomes(result), [['zone:a@1d+2m', 9_000, 60, 60]]);
    assert.deepEqual(result.series.healthyUnitsByZone, { a: [2, 2, 0, 2], b: [2, 2, 2, 2] });
  });

  it('a group in three zones moves the instances of each failed zone after its own five minutes', () => {
    // Six instances in a, b and c; zone a fails at 1d, zone b 100 s later: a's two are replaced in
    // c at 300 s, b's two at 400 s.
    const doc = designOf(fixtureText('two-zone').replaceAll('[a, b]', '[a, b, c]'), flatTraffic(600, 300), [
      'min: 4\n    desired: 4\n    max: 4',
      'min: 6\n    desired: 6\n    max: 6',
    ]);
    const result = runInjected(doc, ['zone:a@1d+1h', 'zone:b@1d1m40s+1h']);
    assert.deepEqual(timelineOf(result, day), [
      '0 | injected-start | - | - | Injected: zone:a@1d+1h',
      '100 | injected-start | - | - | Injected: zone:b@1d1m40s+1h',
      ...[300, 300, 400, 400].map((at) => movedOut(at, 'c')),
      '3600 | injected-end | - | - | Injected event over: zone:a@1d+1h',
      '3700 | injected-end | - | - | Injected event over: zone:b@1d1m40s+1h',
    ]);
    // Zone a's third of the 300/s goes to its failed targets for the health check's minute:
    // 100 × 60 = 6,000. From 100 s the load balancer sends to b's and c's four, b's two of them
    // failed, for a minute: 150 × 60 = 9,000. Zone a's hour holds both, so it is whole again at 160 s.
    assert.deepEqual(outcomes(result), [
      ['zone:a@1d+1h', 15_000, 160, 120],
      ['zone:b@1d1m40s+1h', 9_000, 60, 60],
    ]);
    assert.deepEqual(result.series.healthyUnitsByZone, { a: [2, 2, 0, 0], b: [2, 2, 0, 0], c: [2, 2, 2, 6] });
  });

  it("with both of a group's zones down, its instances stay where they are until a zone returns", () => {
    // The load balancer still has zone c, but no instance can move there: the group spans a and b.
    const result = runInjected(twoZoneWithThirdLbZone(), ['zone:a@1d+1h', 'zone:b@1d+1h']);
    assert.deepEqual(timelineOf(result, day), [
      '0 | injected-start | - | - | Injected: zone:a@1d+1h',
      '0 | injected-start | - | - | Injected: zone:b@1d+1h',
      '0 | system-down | - | - | An entry point stopped working: requests are dropped',
      '3600 | injected-end | - | - | Injected event over: zone:a@1d+1h',
      '3600 | injected-end | - | - | Injected event over: zone:b@1d+1h',
      '3600 | system-up | - | - | Every entry point works again',
    ]);
    // Every request of the hour: 300 × 3,600 = 1,080,000.
    assert.equal(result.requests.dropped, 1_080_000);
    assert.deepEqual(result.series.healthyUnitsByZone, { a: [2, 2, 0, 2], b: [2, 2, 0, 2], c: [0, 0, 0, 0] });
  });

  it("spot replacements ready while both of their group's zones are down wait for the zones", () => {
    const result = runInjected(twoZoneWithThirdLbZone(['instanceType: t3.medium\n', 'instanceType: t3.medium\n    purchase: spot\n']), [
      'spot@1d+1h',
      'zone:a@1d1h2m+1h',
      'zone:b@1d1h2m+1h',
    ]);
    assert.deepEqual(timelineOf(result, day), [
      '0 | injected-start | - | - | Injected: spot@1d+1h',
      ...spotNotices(0, fourPlaced),
      '120 | system-down | - | - | An entry point stopped working: requests are dropped',
      '3600 | injected-end | - | - | Injected event over: spot@1d+1h',
      '3720 | injected-start | - | - | Injected: zone:a@1d1h2m+1h',
      '3720 | injected-start | - | - | Injected: zone:b@1d1h2m+1h',
      // Ready, but not in service: no zone of the group is up.
      ...fourPlaced.map(
        (zone) =>
          `3900 | unit-replaced | web | ${zone} | web: a replacement for an interrupted spot unit is ready in ${zone}, but no zone of the group is up`,
      ),
      '7320 | injected-end | - | - | Injected event over: zone:a@1d1h2m+1h',
      '7320 | injected-end | - | - | Injected event over: zone:b@1d1h2m+1h',
      '7320 | system-up | - | - | Every entry point works again',
    ]);
    // Down from 120 s to the zones' return at 7,320 s: 300 × 7,200 = 2,160,000.
    assert.deepEqual(outcomes(result), [
      ['spot@1d+1h', 2_160_000, 7_320, 7_200],
      ['zone:a@1d1h2m+1h', 1_080_000, 3_600, 3_600],
      ['zone:b@1d1h2m+1h', 1_080_000, 3_600, 3_600],
    ]);
  });
});

describe('simulate engine: surges that overlap', () => {
  it('the traffic is the product of the surges under way, and the base again after both', () => {
    // two-zone at 100 requests/s, so that 6x (600/s) stays within its 800/s.
    const doc = loadFixture(
      'two-zone',
      ['requestsPerSecond: 600', 'requestsPerSecond: 100'],
      ['peakRequestsPerSecond: 600', 'peakRequestsPerSecond: 100'],
    );
    const result = runInjected(doc, ['surge:2x@1d+2h', 'surge:3x@1d1h+2h']);
    // 100 × 172,800 over the two days, plus 100 × 3,600 × (2 − 1) from 1d, × (6 − 1) from 1d1h,
    // × (3 − 1) from 1d2h, and nothing more from 1d3h.
    const offered = 100 * 172_800 + 100 * 3_600 * (1 + 5 + 2);
    assert.deepEqual(result.requests, { offered, served: offered, dropped: 0, droppedPercent: 0 });
    assert.deepEqual(result.series.load, [100, 100, 600, 100]);
  });
});

describe('simulate engine: a resource outage during a zone outage', () => {
  it("the health check's minute is not charged again to the instances of the failed zone", () => {
    // two-zone at 300 requests/s with four EC2 instances (repaired in place, never moved).
    const ec2: [string, string] = [
      '    type: aws.autoscaling.group\n    instanceType: t3.medium\n    zones: [a, b]\n    min: 4\n    desired: 4\n    max: 4',
      '    type: aws.ec2.instance\n    instanceType: t3.medium\n    zones: [a, b]\n    count: 4',
    ];
    const result = runInjected(loadFixture('two-zone', flatTraffic(600, 300), ec2), ['zone:a@1d+2h', 'resource:web@1d1h+30s']);
    assert.deepEqual(timelineOf(result, day), [
      '0 | injected-start | - | - | Injected: zone:a@1d+2h',
      '3600 | injected-start | - | - | Injected: resource:web@1d1h+30s',
      '3600 | system-down | - | - | An entry point stopped working: requests are dropped',
      '3630 | injected-end | - | - | Injected event over: resource:web@1d1h+30s',
      '3630 | system-up | - | - | Every entry point works again',
      '7200 | injected-end | - | - | Injected event over: zone:a@1d+2h',
    ]);
    // Zone a's half for the health check's minute, 150 × 60 = 9,000; every request of the 30 s,
    // 300 × 30 = 9,000; then zone b's two instances carry the load again. The zone's two hours
    // hold both, so service is whole again for it at 1d1h30s.
    assert.deepEqual(outcomes(result), [
      ['zone:a@1d+2h', 18_000, 3_630, 90],
      ['resource:web@1d1h+30s', 9_000, 30, 30],
    ]);
    assert.equal(result.requests.dropped, 18_000);
  });
});

describe('simulate engine: a surge that ends at full capacity', () => {
  it('after surges of 1.1x and 2.1x the traffic is exactly the base again, within capacity', () => {
    // Four instances of 75 requests/s: exactly the 300/s offered. 1.1 × 2.1 ÷ 1.1 ÷ 2.1 is not
    // exactly 1 in floating point; the traffic after the surges must be 300/s, not a hair above.
    const doc = loadFixture('two-zone', flatTraffic(600, 300), ['    max: 4\n', '    max: 4\n    capacityRps: 75\n']);
    const result = runInjected(doc, ['surge:1.1x@1d+2h', 'surge:2.1x@1d1h+2h']);
    // Offered: 300 × 172,800 + 300 × 3,600 × (0.1 + 1.31 + 1.1) = 54,550,800. Served: the
    // capacity all the time, 300 × 172,800; the queue ends holding its 10 s of load, 3,000.
    assert.deepEqual(result.requests, { offered: 54_550_800, served: 51_840_000, dropped: 2_707_800, droppedPercent: 4.963814 });
    // Short during the three hours of surge only.
    assert.equal(result.capacity.belowNeededSeconds, 10_800);
    assert.deepEqual(result.series.load, [300, 300, 693, 300]);
  });
});

describe('simulate engine: an event that never hurts', () => {
  it('a surge within capacity that lasts past the end of the run is recovered in no time', () => {
    const result = runInjected(loadFixture('two-zone', flatTraffic(600, 300)), ['surge:2x@1d23h+2h']);
    // 600/s for the last hour, within the four instances' 800/s: nothing dropped, nothing short.
    assert.deepEqual(outcomes(result), [['surge:2x@1d23h+2h', 0, 0, 0]]);
    assert.equal(result.requests.offered, 300 * 172_800 + 300 * 3_600);
  });
});
