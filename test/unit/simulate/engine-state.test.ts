/**
 * The simulator's components and the state of the request path, as a user sees them: which zones a
 * load balancer and a group own, where replacements go, a component's minimum of healthy units,
 * failover at the first instant, a resource that never works, global resources in a two-region
 * design, and the rates of random failures and spot interruptions. Each run is a day (a year for
 * spot) of flat traffic, so that each figure is a product worked out in the comments.
 */
import { strict as assert } from 'node:assert';
import { simulate, type SimulationOptions, type SimulationResult } from '../../../src/evaluate/simulate';
import type { ArchDocument } from '../../../src/core/document';
import { day, designOf, fixtureText, flatTraffic, loadFixture, noCounts, runInjected, timelineLine, timelineOf } from './spec-helpers';

/** Injected events alone, one day, four series points of six hours each. */
function run(doc: ArchDocument, events: string[], options: SimulationOptions = {}): SimulationResult {
  return runInjected(doc, events, { days: 1, ...options });
}

/** two-zone at 100 requests/s: four t3.medium instances (200 requests/s each) in zones a and b. */
const twoZone100 = flatTraffic(600, 100);

describe('simulate engine: the zones a component owns', () => {
  it('a load balancer works while one of its zones is up, and stops when both are down', () => {
    // Zone a is down from 2 h to 4 h, zone b from 3 h to 5 h: both are down from 3 h to 4 h, and
    // only then is the load balancer down. 100 requests/s × 3,600 s = 360,000 dropped.
    const result = run(loadFixture('lb-lambda'), ['zone:a@2h+2h', 'zone:b@3h+2h']);
    assert.deepEqual(timelineOf(result), [
      '7200 | injected-start | - | - | Injected: zone:a@2h+2h',
      '10800 | injected-start | - | - | Injected: zone:b@3h+2h',
      '10800 | system-down | - | - | An entry point stopped working: requests are dropped',
      '14400 | injected-end | - | - | Injected event over: zone:a@2h+2h',
      '14400 | system-up | - | - | Every entry point works again',
      '18000 | injected-end | - | - | Injected event over: zone:b@3h+2h',
    ]);
    assert.deepEqual(result.requests, { offered: 100 * day, served: 100 * day - 360_000, dropped: 360_000, droppedPercent: 4.166667 });
    assert.equal(result.availability.downtimeMinutes, 60);
    assert.deepEqual(result.series.dropped, [360_000, 0, 0, 0]);
    assert.deepEqual(result.series.capacity, [0, null, null, null], 'nothing limits a function but an outage');
    assert.deepEqual(result.counts, noCounts);
    assert.equal(result.cost.monthlyEquivalentUSD, result.cost.staticMonthlyUSD);
  });

  it('a load balancer taken out by an injected outage is down, though its zones are up', () => {
    // resource:lb for an hour: 100 requests/s × 3,600 s = 360,000 dropped.
    const result = run(loadFixture('lb-lambda'), ['resource:lb@2h+1h']);
    assert.deepEqual(timelineOf(result), [
      '7200 | injected-start | - | - | Injected: resource:lb@2h+1h',
      '7200 | system-down | - | - | An entry point stopped working: requests are dropped',
      '10800 | injected-end | - | - | Injected event over: resource:lb@2h+1h',
      '10800 | system-up | - | - | Every entry point works again',
    ]);
    assert.equal(result.requests.dropped, 360_000);
    assert.equal(result.availability.downtimeMinutes, 60);
  });

  it('a group of one instance in [b, a] replaces it in a when zone b fails, after its repair time', () => {
    // The instance sits in b, the first of its zones; zone a is the group's too, though empty. The
    // replacement serves after the group's five minutes: 100 requests/s × 300 s = 30,000 dropped.
    const doc = loadFixture('two-zone', twoZone100, [
      'zones: [a, b]\n    min: 4\n    desired: 4\n    max: 4',
      'zones: [b, a]\n    min: 1\n    desired: 1\n    max: 1',
    ]);
    const result = run(doc, ['zone:b@2h+2h']);
    assert.deepEqual(timelineOf(result), [
      '7200 | injected-start | - | - | Injected: zone:b@2h+2h',
      '7200 | system-down | - | - | An entry point stopped working: requests are dropped',
      '7500 | unit-replaced | web | a | web: a replacement for a unit of a failed zone is in service in a',
      '7500 | system-up | - | - | Every entry point works again',
      '14400 | injected-end | - | - | Injected event over: zone:b@2h+2h',
    ]);
    assert.deepEqual(result.requests, { offered: 100 * day, served: 100 * day - 30_000, dropped: 30_000, droppedPercent: 0.347222 });
    assert.equal(result.availability.downtimeMinutes, 5);
    assert.deepEqual(result.series.healthyUnitsByZone, { a: [0, 1, 1, 1], b: [0, 0, 0, 0] });
    assert.deepEqual(result.series.capacity, [0, 200, 200, 200]);
    assert.deepEqual(result.injected, [
      {
        spec: 'zone:b@2h+2h',
        kind: 'zone',
        startSeconds: 7_200,
        endSeconds: 14_400,
        droppedRequests: 30_000,
        // 30,000 of the 720,000 requests of the two hours.
        droppedPercent: 4.1667,
        recoverySeconds: 300,
        belowNeededSeconds: 300,
      },
    ]);
  });

  it('a group that needs three healthy instances of four is down while zone a holds two of them', () => {
    // Zone a's two instances are lost at 2 h; two are left, one short, until both are replaced in b
    // five minutes later: 100 requests/s × 300 s = 30,000 dropped.
    const doc = loadFixture('two-zone', twoZone100, ['max: 4', 'max: 4\n    minHealthy: 3']);
    const result = run(doc, ['zone:a@2h+2h']);
    assert.deepEqual(timelineOf(result), [
      '7200 | injected-start | - | - | Injected: zone:a@2h+2h',
      '7200 | system-down | - | - | An entry point stopped working: requests are dropped',
      '7500 | unit-replaced | web | b | web: a replacement for a unit of a failed zone is in service in b',
      '7500 | unit-replaced | web | b | web: a replacement for a unit of a failed zone is in service in b',
      '7500 | system-up | - | - | Every entry point works again',
      '14400 | injected-end | - | - | Injected event over: zone:a@2h+2h',
    ]);
    assert.equal(result.requests.dropped, 30_000);
    assert.equal(result.availability.downtimeMinutes, 5);
    assert.deepEqual(result.series.healthyUnitsByZone, { a: [0, 0, 0, 0], b: [2, 4, 4, 4] });
  });

  it('a group whose zones are all down replaces nothing, and is back with its zones', () => {
    // Zones a and b are both down from 2 h to 3 h: no zone is up to take a replacement, so the
    // four instances wait for their zones. 100 requests/s × 3,600 s = 360,000 dropped.
    const result = run(loadFixture('two-zone', twoZone100), ['zone:a@2h+1h', 'zone:b@2h+1h']);
    assert.deepEqual(timelineOf(result), [
      '7200 | injected-start | - | - | Injected: zone:a@2h+1h',
      '7200 | injected-start | - | - | Injected: zone:b@2h+1h',
      '7200 | system-down | - | - | An entry point stopped working: requests are dropped',
      '10800 | injected-end | - | - | Injected event over: zone:a@2h+1h',
      '10800 | injected-end | - | - | Injected event over: zone:b@2h+1h',
      '10800 | system-up | - | - | Every entry point works again',
    ]);
    assert.deepEqual(result.requests, { offered: 100 * day, served: 100 * day - 360_000, dropped: 360_000, droppedPercent: 4.166667 });
    assert.deepEqual(result.capacity, { belowNeededSeconds: 3_600, belowNeededPercent: 4.166667 });
    assert.deepEqual(result.series.healthyUnitsByZone, { a: [0, 2, 2, 2], b: [0, 2, 2, 2] });
  });
});

describe('simulate engine: regions', () => {
  it('a region outage of the standby region leaves the global DNS and the primary untouched', () => {
    // Route 53 is global: an outage of us-west-2 takes only the standby. 500 requests/s, none dropped.
    const result = run(loadFixture('dns-failover'), ['region:us-west-2@2h+1h']);
    assert.deepEqual(timelineOf(result), [
      '7200 | injected-start | - | - | Injected: region:us-west-2@2h+1h',
      '10800 | injected-end | - | - | Injected event over: region:us-west-2@2h+1h',
    ]);
    assert.deepEqual(result.requests, { offered: 500 * day, served: 500 * day, dropped: 0, droppedPercent: 0 });
    assert.deepEqual(result.series.capacity, [800, 800, 800, 800]);
    assert.deepEqual(result.series.healthyUnitsByZone['us-west-2a'], [0, 2, 2, 2]);
  });

  it('a group does not move the units of a failed zone into a zone whose region is down', () => {
    // us-east-1 and its zone a are down for the same hour: zone b is up but its region is not, so
    // the primary group's zone-a instances stay where they are; DNS sends the traffic to us-west-2.
    const result = run(loadFixture('dns-failover'), ['region:us-east-1@2h+1h', 'zone:a@2h+1h']);
    assert.deepEqual(timelineOf(result), [
      '7200 | injected-start | - | - | Injected: region:us-east-1@2h+1h',
      '7200 | injected-start | - | - | Injected: zone:a@2h+1h',
      '10800 | injected-end | - | - | Injected event over: region:us-east-1@2h+1h',
      '10800 | injected-end | - | - | Injected event over: zone:a@2h+1h',
    ]);
    assert.equal(result.requests.dropped, 0);
    // The standby's three instances (600 requests/s) carry the hour.
    assert.deepEqual(result.series.capacity, [600, 800, 800, 800]);
    assert.deepEqual(result.series.healthyUnitsByZone['us-east-1a'], [0, 2, 2, 2]);
    assert.deepEqual(result.series.healthyUnitsByZone['us-east-1b'], [0, 2, 2, 2]);
  });
});

describe('simulate engine: failover and a resource that never works', () => {
  it('a Multi-AZ database fails over at the very first instant when its zone starts down', () => {
    // Zone a is down from 0 s: the writer (in a) is lost at once; seed 1 draws 94.116 s of failover,
    // 300 requests/s × 94.116 s ≈ 28,235 dropped.
    const result = run(loadFixture('multi-az-db'), ['zone:a@0s+1h']);
    assert.deepEqual(timelineOf(result), [
      '0 | injected-start | - | - | Injected: zone:a@0s+1h',
      '0 | failover-start | db | - | db: the writer is lost; failing over to a unit in b',
      '0 | system-down | - | - | An entry point stopped working: requests are dropped',
      '94.116 | failover-done | db | - | db: failover complete; the writer is in b',
      '94.116 | system-up | - | - | Every entry point works again',
      '300 | unit-replaced | web | b | web: a replacement for a unit of a failed zone is in service in b',
      '300 | unit-replaced | web | b | web: a replacement for a unit of a failed zone is in service in b',
      '3600 | injected-end | - | - | Injected event over: zone:a@0s+1h',
    ]);
    assert.equal(result.requests.dropped, Math.round(300 * 94.116));
    assert.equal(result.counts.failovers, 1);
    assert.equal(result.availability.downtimeMinutes, 1.569);
  });

  it('a Multi-AZ database with both zones down takes the first unit back without a failover window', () => {
    // Both zones fail at 2 h; b is back at 3 h, a at 4 h. While both are down there is nothing to
    // fail over to, so the database is simply down; at 3 h its unit in b serves at once.
    // 300 requests/s × 3,600 s = 1,080,000 dropped.
    const result = run(loadFixture('multi-az-db'), ['zone:a@2h+2h', 'zone:b@2h+1h']);
    assert.deepEqual(
      result.timeline.events.filter((event) => event.resource !== 'web').map((event) => timelineLine(event)),
      [
        '7200 | injected-start | - | - | Injected: zone:a@2h+2h',
        '7200 | injected-start | - | - | Injected: zone:b@2h+1h',
        '7200 | system-down | - | - | An entry point stopped working: requests are dropped',
        '10800 | injected-end | - | - | Injected event over: zone:b@2h+1h',
        '10800 | system-up | - | - | Every entry point works again',
        '14400 | injected-end | - | - | Injected event over: zone:a@2h+2h',
      ],
    );
    assert.equal(result.counts.failovers, 0);
    assert.equal(result.requests.dropped, 1_080_000);
    assert.equal(result.availability.downtimeMinutes, 60);
  });

  it('an instance of availability 0 never serves, even without random failures; its cost still accrues', () => {
    const doc = designOf(
      [
        'cloudarch: "1"',
        'name: broken',
        'zones: [a, b]',
        'workload:',
        '  requestsPerSecond: 100',
        '  peakRequestsPerSecond: 100',
        'resources:',
        '  users:',
        '    type: external.users',
        '    connectsTo: [vm]',
        '  vm:',
        '    type: aws.ec2.instance',
        '    instanceType: t3.medium',
        '    availability: 0',
        '',
      ].join('\n'),
    );
    const result = run(doc, []);
    assert.deepEqual(timelineOf(result), ['0 | system-down | - | - | An entry point stopped working: requests are dropped']);
    assert.deepEqual(result.requests, { offered: 100 * day, served: 0, dropped: 100 * day, droppedPercent: 100 });
    assert.equal(result.availability.observedPercent, 0);
    assert.equal(result.availability.downtimeMinutes, 1_440);
    assert.deepEqual(result.series.healthyUnitsByZone, { a: [0, 0, 0, 0], b: [0, 0, 0, 0] });
    assert.deepEqual(result.counts, noCounts, 'a unit that never works never fails either');
    assert.equal(result.cost.monthlyEquivalentUSD, result.cost.staticMonthlyUSD);
    assert.ok(result.cost.accruedUSD > 0);
  });
});

describe('simulate engine: what never fails and what costs nothing', () => {
  it('an external resource never fails in the simulation, whatever availability it is given', () => {
    // docs/evaluation.md: an external resource never fails. A month at random of two-zone with an
    // on-premises database of 99% behind the group: the instances fail, the database never does.
    const doc = designOf(
      fixtureText('two-zone').replace('connectsTo: [table]', 'connectsTo: [table, legacy]') +
        '  legacy:\n    type: external.onprem-database\n    availability: 99\n',
    );
    const result = simulate(doc, { days: 30, seed: 1, seriesPoints: 4 });
    assert.ok(result.counts.unitFailures > 0);
    assert.deepEqual(
      result.timeline.events.filter((event) => event.resource === 'legacy'),
      [],
      'only the instances fail',
    );
  });

  it('a group of no instances serves nothing and costs nothing; the rest of the bill still accrues', () => {
    // min 0, desired 0: no unit, so every request is dropped; the load balancer and the table
    // accrue their static cost, a day of it.
    const doc = loadFixture('two-zone', ['min: 4\n    desired: 4', 'min: 0\n    desired: 0']);
    const result = run(doc, []);
    assert.deepEqual(result.requests, { offered: 600 * day, served: 0, dropped: 600 * day, droppedPercent: 100 });
    assert.deepEqual(result.series.capacity, [0, 0, 0, 0]);
    assert.ok(result.cost.accruedUSD > 0);
    assert.equal(result.cost.monthlyEquivalentUSD, result.cost.staticMonthlyUSD);
  });
});

describe('simulate engine: a group starts at its desired size within its bounds', () => {
  it('a scaling group of desired 4 and min 2 starts with four and scales in to two after fifteen quiet minutes', () => {
    // 200 requests/s at a 50% CPU target of 200 requests/s per instance wants two instances; the
    // group starts at its desired four and scales in once the low alarm has held for 15 periods
    // (0 s to 840 s).
    const doc = loadFixture('scaling', ['min: 2\n    desired: 2', 'min: 2\n    desired: 4']);
    const result = run(doc, []);
    assert.deepEqual(timelineOf(result), ['840 | scale-in | web | - | web: scaling in from 4 to 2 units']);
    assert.deepEqual({ ...result.counts }, { ...noCounts, scaleIns: 1 });
    assert.equal(result.requests.dropped, 0);
  });
});

describe('simulate engine: random failures at their rates (fixed seeds)', () => {
  it('four instances of 99.5% fail about 4 × 30 days × 0.5% / 5 minutes ≈ 173 times a month (seed 3: 175)', () => {
    // Mean time between failures R·A/(1−A) with R = 300 s and A = 0.995: 59,700 s; each failure
    // is repaired after exactly R (the group heals itself).
    const result = simulate(loadFixture('two-zone'), { days: 30, seed: 3, seriesPoints: 4 });
    assert.equal(result.counts.unitFailures, 175);
    assert.deepEqual(
      result.timeline.events.slice(0, 4).map((event) => timelineLine(event)),
      [
        '28839.557 | unit-failed | web | b | web: a unit in b failed',
        '29139.557 | unit-replaced | web | - | web: a replacement unit is in service in b',
        '42261.317 | unit-failed | web | b | web: a unit in b failed',
        '42561.317 | unit-replaced | web | - | web: a replacement unit is in service in b',
      ],
    );
    assert.deepEqual(result.requests, { offered: 1_555_200_000, served: 1_553_603_355, dropped: 1_596_645, droppedPercent: 0.102665 });
  });

  it('four spot instances that never fail otherwise are interrupted about 2.4 times a year (seed 4: 3), each replaced in its zone', () => {
    // 4 units × 5% a month × 12.2 months ≈ 2.4. Zones, regions and every resource are at 100%,
    // so the spot interruptions are the only random events. Each replacement is launched at the
    // notice and serves after the group's 300 s, in the zone the interrupted unit leaves.
    const doc = designOf(
      fixtureText('spot'),
      ['zones: [a, b]\nworkload', 'zones: [a, b]\nassumptions:\n  zoneAvailability: 100\n  regionAvailability: 100\nworkload'],
      ['purchase: spot', 'purchase: spot\n    availability: 100'],
      ['capacityMode: on-demand', 'capacityMode: on-demand\n    availability: 100'],
      ['subnet: public', 'subnet: public\n    availability: 100'],
    );
    const result = simulate(doc, { days: 365, seed: 4, seriesPoints: 4 });
    assert.deepEqual(timelineOf(result), [
      '1609354.148 | spot-notice | web | b | web: spot interruption notice for a unit in b',
      '1609654.148 | unit-replaced | web | b | web: a replacement for an interrupted spot unit is in service in b',
      '8202092.075 | spot-notice | web | a | web: spot interruption notice for a unit in a',
      '8202392.075 | unit-replaced | web | a | web: a replacement for an interrupted spot unit is in service in a',
      '17386965.965 | spot-notice | web | b | web: spot interruption notice for a unit in b',
      '17387265.965 | unit-replaced | web | b | web: a replacement for an interrupted spot unit is in service in b',
    ]);
    assert.deepEqual({ ...result.counts }, { ...noCounts, spotInterruptions: 3 });
    // Four instances of 200 requests/s carry 300 requests/s even with one under notice.
    assert.equal(result.requests.dropped, 0);
    // For each notice's 120 s the leaving instance and its replacement are both billed: a little over the estimate.
    assert.ok(result.cost.monthlyEquivalentUSD > result.cost.staticMonthlyUSD!);
    assert.ok(result.cost.monthlyEquivalentUSD < result.cost.staticMonthlyUSD! * 1.0001);
  });
});
