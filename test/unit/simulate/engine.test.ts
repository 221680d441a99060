/**
 * The simulation engine, judged by the whole of what a run shows: the timeline word for word, the
 * series point by point, the books (offered, served, dropped, downtime, cost) and the counts.
 * Traffic in these fixtures is flat, so that each figure is a product a reader can check by hand;
 * the random run uses a fixed seed, and its figures are checked against each other (the downtime
 * against the timeline's own outages, the drops against the downtime), which a wrong model breaks
 * whatever the seed.
 */
import { strict as assert } from 'node:assert';
import { simulate, type SimulationResult, type TimelineEvent } from '../../../src/evaluate/simulate';
import { round } from '../../../src/evaluate/simulate/engine';
import { healthCheckDetection } from '../../../src/evaluate/simulate/behaviour';
import { day, loadFixture, runFixture as run, timelineLine, timelineOf } from './spec-helpers';

const halfDays = [0, 43_200, 86_400, 129_600];

describe('simulate engine: a zone outage on a single-AZ database', () => {
  // 300 requests/s; the database lives in zone a only. Zone a is down for two hours from day 2.
  it('shows the outage in the timeline, word for word', () => {
    const result = run('single-az-db', ['zone:a@1d+2h']);
    assert.deepEqual(timelineOf(result), [
      '86400 | injected-start | - | - | Injected: zone:a@1d+2h',
      '86400 | system-down | - | - | An entry point stopped working: requests are dropped',
      // The group replaces its two zone-a instances in zone b after its repair time (5 minutes).
      '86700 | unit-replaced | web | b | web: a replacement for a unit of a failed zone is in service in b',
      '86700 | unit-replaced | web | b | web: a replacement for a unit of a failed zone is in service in b',
      '93600 | injected-end | - | - | Injected event over: zone:a@1d+2h',
      '93600 | system-up | - | - | Every entry point works again',
    ]);
    assert.equal(result.timeline.omitted, 0);
  });

  it('drops every request of the two hours, and books them in the series', () => {
    const result = run('single-az-db', ['zone:a@1d+2h']);
    const dropped = 300 * 7_200;
    assert.deepEqual(result.requests, { offered: 300 * 2 * day, served: 300 * 2 * day - dropped, dropped, droppedPercent: 4.166667 });
    assert.equal(result.availability.downtimeMinutes, 120);
    assert.equal(result.availability.observedPercent, 95.833333);
    assert.equal(result.availability.servedPercent, 95.833333);
    assert.deepEqual(result.capacity, { belowNeededSeconds: 7_200, belowNeededPercent: 4.166667 });
    // Two days are two daily batches: 100% and 11/12; their mean ± 1.96 standard errors, capped at 100.
    const mean = (1 + 1 - 7_200 / day) / 2;
    const half = (1.959963984540054 * Math.sqrt(2 * (7_200 / day / 2) ** 2)) / Math.sqrt(2);
    assert.deepEqual(result.availability.ci95, [round(100 * (mean - half), 6), 100]);
    const { series } = result;
    assert.equal(series.intervalSeconds, 43_200);
    assert.deepEqual(series.time, halfDays);
    assert.deepEqual(series.load, [300, 300, 300, 300]);
    // Four t3.medium instances of 200 requests/s; nothing at all while the database is down.
    assert.deepEqual(series.capacity, [800, 800, 0, 800]);
    assert.deepEqual(series.dropped, [0, 0, dropped, 0]);
    // Zone a holds two instances and the database; zone b two instances, four once they moved.
    assert.deepEqual(series.healthyUnitsByZone, { a: [3, 3, 0, 1], b: [2, 2, 2, 4] });
  });

  it('accrues the static monthly cost, at a constant rate', () => {
    const result = run('single-az-db', ['zone:a@1d+2h']);
    const { staticMonthlyUSD, accruedUSD, monthlyEquivalentUSD } = result.cost;
    assert.equal(monthlyEquivalentUSD, staticMonthlyUSD);
    const hoursPerMonth = 730;
    assert.ok(Math.abs(accruedUSD - (staticMonthlyUSD! * 48) / hoursPerMonth) < 0.001, `${accruedUSD}`);
    // Accrued so far at the end of each half day: a quarter, a half, three quarters, all.
    result.series.cost.forEach((value, i) => assert.ok(Math.abs(value - ((i + 1) * accruedUSD) / 4) < 0.001, `${i}: ${value}`));
  });
});

describe('simulate engine: failover, spot and scaling', () => {
  it('a Multi-AZ database fails over to its standby in the other zone (seed 1: 94.1 s)', () => {
    const result = run('multi-az-db', ['zone:a@1d+2h']);
    assert.deepEqual(timelineOf(result), [
      '86400 | injected-start | - | - | Injected: zone:a@1d+2h',
      '86400 | failover-start | db | - | db: the writer is lost; failing over to a unit in b',
      '86400 | system-down | - | - | An entry point stopped working: requests are dropped',
      '86494.116 | failover-done | db | - | db: failover complete; the writer is in b',
      '86494.116 | system-up | - | - | Every entry point works again',
      '86700 | unit-replaced | web | b | web: a replacement for a unit of a failed zone is in service in b',
      '86700 | unit-replaced | web | b | web: a replacement for a unit of a failed zone is in service in b',
      '93600 | injected-end | - | - | Injected event over: zone:a@1d+2h',
    ]);
    assert.equal(result.counts.failovers, 1);
    assert.deepEqual(result.injected, [
      {
        spec: 'zone:a@1d+2h',
        kind: 'zone',
        startSeconds: day,
        endSeconds: day + 7_200,
        droppedRequests: Math.round(300 * 94.116),
        // Of the requests of the outage's two hours, not of the whole half-day the series point covers.
        droppedPercent: round((100 * Math.round(300 * 94.116)) / (300 * 7_200), 4),
        recoverySeconds: 94.1,
        belowNeededSeconds: 94.1,
      },
    ]);
    assert.equal(result.availability.downtimeMinutes, round(94.116 / 60, 3));
    // The database's standby stays in zone a's place: zone a keeps its writer-to-be, zone b gains two instances.
    assert.deepEqual(result.series.healthyUnitsByZone, { a: [3, 3, 0, 1], b: [3, 3, 3, 5] });
  });

  it('a spot interruption of every instance: notices, two minutes of service, replacements after five', () => {
    const result = run('spot', ['spot@1d']);
    assert.deepEqual(timelineOf(result), [
      '86400 | injected-start | - | - | Injected: spot@1d',
      '86400 | spot-notice | web | a | web: spot interruption notice for a unit in a',
      '86400 | spot-notice | web | b | web: spot interruption notice for a unit in b',
      '86400 | spot-notice | web | a | web: spot interruption notice for a unit in a',
      '86400 | spot-notice | web | b | web: spot interruption notice for a unit in b',
      '86520 | system-down | - | - | An entry point stopped working: requests are dropped',
      '86700 | unit-replaced | web | a | web: a replacement for an interrupted spot unit is in service in a',
      '86700 | unit-replaced | web | b | web: a replacement for an interrupted spot unit is in service in b',
      '86700 | unit-replaced | web | a | web: a replacement for an interrupted spot unit is in service in a',
      '86700 | unit-replaced | web | b | web: a replacement for an interrupted spot unit is in service in b',
      '86700 | system-up | - | - | Every entry point works again',
    ]);
    const outcome = result.injected[0]!;
    assert.deepEqual(
      [outcome.startSeconds, outcome.endSeconds, outcome.droppedRequests, outcome.recoverySeconds, outcome.belowNeededSeconds],
      [day, day, 300 * 180, 300, 180],
    );
    assert.equal(result.requests.dropped, 300 * 180);
    assert.equal(result.availability.downtimeMinutes, 3);
    assert.deepEqual(result.series.capacity, [800, 800, 0, 800]);
    assert.deepEqual(result.series.healthyUnitsByZone, { a: [2, 2, 0, 2], b: [2, 2, 0, 2] });
    // Spot instances are billed per unit: for the three minutes four were notified and four new
    // ones were starting, eight were billed, so the run costs a little more than the static estimate.
    assert.ok(result.cost.monthlyEquivalentUSD > result.cost.staticMonthlyUSD!);
    assert.ok(result.cost.monthlyEquivalentUSD < result.cost.staticMonthlyUSD! * 1.001);
  });

  it('a 3x surge: scale-out after three minutes, seven minutes short, scale-in 14 minutes after it ends', () => {
    const result = run('scaling', ['surge:3x@1d12h+2h']);
    const start = day + 12 * 3_600;
    assert.deepEqual(timelineOf(result), [
      `${start} | injected-start | - | - | Injected: surge:3x@1d12h+2h`,
      // Three one-minute periods above target: at the surge, a minute later, two minutes later.
      `${start + 120} | scale-out | web | - | web: scaling out from 2 to 6 units (in service after 300 s)`,
      `${start + 7_200} | injected-end | - | - | Injected event over: surge:3x@1d12h+2h`,
      // Fifteen low periods, the first at the end of the surge.
      `${start + 7_200 + 14 * 60} | scale-in | web | - | web: scaling in from 6 to 2 units`,
    ]);
    // 600/s on 400/s for 7 minutes, less the 10 s of load a request may wait.
    const dropped = (600 - 400) * 420 - 10 * 600;
    assert.deepEqual(result.injected[0], {
      spec: 'surge:3x@1d12h+2h',
      kind: 'surge',
      startSeconds: start,
      endSeconds: start + 7_200,
      droppedRequests: dropped,
      droppedPercent: round((100 * dropped) / (600 * 7_200), 4),
      recoverySeconds: 420,
      belowNeededSeconds: 420,
    });
    assert.equal(result.requests.dropped, dropped);
    assert.equal(result.availability.downtimeMinutes, 0, 'short of capacity is not down');
    assert.deepEqual(result.capacity, { belowNeededSeconds: 420, belowNeededPercent: round((100 * 420) / (2 * day), 6) });
    assert.deepEqual(result.series.load, [200, 200, 200, 600]);
    assert.deepEqual(result.counts, {
      unitFailures: 0,
      failovers: 0,
      scaleOuts: 1,
      scaleIns: 1,
      spotInterruptions: 0,
      zoneOutages: 0,
      regionOutages: 0,
    });
  });

  it('scaling out spreads the new instances over the zones, and scaling in takes them back from each', () => {
    // Points of ten minutes: the minimum number of usable units in each.
    const result = run('scaling', ['surge:3x@1d12h+2h'], { seriesPoints: 288 });
    const at = (seconds: number): number => result.series.time.indexOf(seconds);
    const start = day + 12 * 3_600;
    const zones = result.series.healthyUnitsByZone;
    assert.deepEqual([zones.a![at(start)], zones.b![at(start)]], [1, 1], 'before the new instances are in service');
    assert.deepEqual([zones.a![at(start + 600)], zones.b![at(start + 600)]], [3, 3], 'six instances, three per zone');
    assert.deepEqual([zones.a![at(start + 7_200)], zones.b![at(start + 7_200)]], [3, 3], 'still six in the 10 minutes after the surge');
    assert.deepEqual(
      [zones.a![at(start + 7_800)], zones.b![at(start + 7_800)]],
      [1, 1],
      'one per zone from the scale-in, 14 minutes after',
    );
    assert.equal(result.series.capacity[at(start + 600)], 1_200);
    assert.equal(result.series.capacity[at(start + 9_000)], 400);
  });
});

describe('simulate engine: what an injected event cost', () => {
  it("the percent dropped is of the requests offered in the event's own window, whatever the series resolution", () => {
    // Once the percent of a zone outage on a single-AZ database was 33% with four series points
    // and 95% with 480: the window ran on to the end of the series point where service was back.
    for (const seriesPoints of [4, 480]) {
      const outcome = run('single-az-db', ['zone:a@1d+2h'], { seriesPoints }).injected[0]!;
      assert.equal(outcome.droppedPercent, 100, `${seriesPoints} points`);
      // A spot interruption is followed for the notice and the relaunch: 7 minutes, 3 of them down.
      const spot = run('spot', ['spot@1d'], { seriesPoints }).injected[0]!;
      assert.equal(spot.droppedPercent, round((100 * 300 * 180) / (300 * 420), 4), `${seriesPoints} points`);
    }
  });
});

describe('simulate engine: other outages', () => {
  it('a resource outage of the instances behind the load balancer stops the service for its length', () => {
    const result = run('two-zone', ['resource:web@1d+30m']);
    assert.deepEqual(timelineOf(result), [
      '86400 | injected-start | - | - | Injected: resource:web@1d+30m',
      '86400 | system-down | - | - | An entry point stopped working: requests are dropped',
      '88200 | injected-end | - | - | Injected event over: resource:web@1d+30m',
      '88200 | system-up | - | - | Every entry point works again',
    ]);
    assert.equal(result.injected[0]!.droppedRequests, 600 * 1_800);
    assert.equal(result.injected[0]!.recoverySeconds, 1_800);
    assert.equal(result.availability.downtimeMinutes, 30);
    assert.deepEqual(result.series.healthyUnitsByZone, { a: [2, 2, 0, 2], b: [2, 2, 0, 2] });
  });

  it('a region outage stops every regional and zonal resource of the region', () => {
    const result = run('two-zone', ['region:us-east-1@1d+1h']);
    assert.deepEqual(timelineOf(result), [
      '86400 | injected-start | - | - | Injected: region:us-east-1@1d+1h',
      '86400 | system-down | - | - | An entry point stopped working: requests are dropped',
      '90000 | injected-end | - | - | Injected event over: region:us-east-1@1d+1h',
      '90000 | system-up | - | - | Every entry point works again',
    ]);
    assert.equal(result.requests.dropped, 600 * 3_600);
    assert.deepEqual(result.series.capacity, [800, 800, 0, 800]);
    assert.deepEqual(result.series.healthyUnitsByZone, { a: [2, 2, 0, 2], b: [2, 2, 0, 2] });
  });

  it('an outage that lasts past the end of the run is reported as not recovered', () => {
    const result = run('single-az-db', ['zone:a@1d12h+1d']);
    const outcome = result.injected[0]!;
    assert.equal(outcome.recoverySeconds, null);
    assert.equal(outcome.droppedRequests, 300 * 12 * 3_600);
    assert.equal(outcome.droppedPercent, 100);
    assert.equal(outcome.belowNeededSeconds, 12 * 3_600);
    assert.deepEqual(
      result.timeline.events.map((e) => e.kind),
      ['injected-start', 'system-down', 'unit-replaced', 'unit-replaced'],
    );
  });

  it('an event that never hurts service recovers in no time and drops nothing', () => {
    // Zone b holds half the instances; the three-minute outage is shorter than the repair time and
    // the other zone carries 600/s... except during the health check's minute.
    const result = run('two-zone', ['surge:1.2x@1d+1h']);
    const outcome = result.injected[0]!;
    assert.deepEqual([outcome.droppedRequests, outcome.droppedPercent, outcome.recoverySeconds, outcome.belowNeededSeconds], [0, 0, 0, 0]);
    assert.deepEqual(result.series.load, [600, 600, 720, 600]);
    assert.equal(result.requests.offered, 600 * 2 * day + 120 * 3_600);
  });

  it('a zone outage at the daily peak of a design with two zones costs the health check and the replacements', () => {
    const result = run('two-zone', ['zone:b@1d+2h']);
    const detection = healthCheckDetection.value;
    // Half the requests for the health check's minute, then 200/s more than zone a carries until
    // the replacements are in service 5 minutes after the zone failed, less 10 s of queued load.
    const expected = 300 * detection + 200 * (300 - detection) - 10 * 600;
    assert.equal(result.injected[0]!.droppedRequests, expected);
    assert.equal(result.injected[0]!.belowNeededSeconds, 300);
    assert.equal(result.availability.downtimeMinutes, 0);
    assert.deepEqual(result.series.healthyUnitsByZone, { a: [2, 2, 2, 4], b: [2, 2, 0, 0] });
  });
});

describe('simulate engine: a month of random failures (seed 2)', () => {
  // test/fixtures/simulate/random: a load balancer, four self-healing instances, one EC2 instance
  // (400 requests/s, repaired in place), a Multi-AZ database; zones 99.5%, the region 99%.
  // Each test runs the month again (`beforeEach`, about half a second), not once in a `before()`:
  // Stryker's per-test coverage charges what a `before()` runs to no test of this block, so it
  // tried a mutant of the random paths only against the tests that simulate on their own (the
  // bounded timeline, another seed), which compare the mutated run with itself.
  const days = 30;
  let result: SimulationResult;
  const events = (): readonly TimelineEvent[] => result.timeline.events;
  const ofKind = (kind: TimelineEvent['kind']): TimelineEvent[] => events().filter((e) => e.kind === kind);
  beforeEach(() => {
    result = simulate(loadFixture('random'), { days, seed: 2, seriesPoints: 30, timelineLimit: 100_000 });
  });

  it('counts what happened, and the timeline holds each of it', () => {
    assert.deepEqual(result.counts, {
      unitFailures: 89,
      failovers: 4,
      scaleOuts: 0,
      scaleIns: 0,
      spotInterruptions: 0,
      zoneOutages: 5,
      regionOutages: 4,
    });
    assert.equal(ofKind('unit-failed').length, result.counts.unitFailures);
    assert.equal(ofKind('failover-start').length, result.counts.failovers);
    assert.equal(ofKind('failover-done').length, result.counts.failovers);
    assert.equal(ofKind('zone-down').length, result.counts.zoneOutages);
    assert.equal(ofKind('region-down').length, result.counts.regionOutages);
    assert.equal(result.timeline.omitted, 0);
  });

  it('words each kind of event as a user reads it', () => {
    const first = (kind: TimelineEvent['kind'], resource?: string): string =>
      timelineLine(events().find((e) => e.kind === kind && (resource === undefined || e.resource === resource))!);
    assert.equal(first('unit-failed', 'web'), '66412.198 | unit-failed | web | b | web: a unit in b failed');
    assert.equal(first('unit-replaced', 'web'), '66712.198 | unit-replaced | web | - | web: a replacement unit is in service in b');
    assert.equal(first('unit-failed', 'db'), '151438.299 | unit-failed | db | a | db: a unit in a failed');
    assert.equal(first('failover-start'), '151438.299 | failover-start | db | - | db: the writer is lost; failing over to a unit in b');
    assert.equal(first('failover-done'), '151532.99 | failover-done | db | - | db: failover complete; the writer is in b');
    assert.equal(first('unit-repaired', 'db'), '151877.338 | unit-repaired | db | - | db: a unit is repaired in a');
    assert.equal(first('unit-failed', 'worker'), '794488.976 | unit-failed | worker | a | worker: a unit in a failed');
    assert.equal(first('unit-repaired', 'worker'), '797137.686 | unit-repaired | worker | - | worker: a unit is repaired in a');
    assert.equal(first('region-down'), '1050483.273 | region-down | - | - | Region us-east-1 failed');
    assert.equal(first('region-up'), '1063118.978 | region-up | - | - | Region us-east-1 is back');
    assert.equal(first('zone-down'), '1775017.427 | zone-down | - | b | Zone b failed');
    assert.equal(first('zone-up'), '1777193.288 | zone-up | - | b | Zone b is back');
    // A regional resource's unit is in no zone.
    assert.equal(first('unit-failed', 'lb'), '2011092.63 | unit-failed | lb | - | lb: a unit in the region failed');
    assert.equal(first('unit-repaired', 'lb'), '2011482.893 | unit-repaired | lb | - | lb: a unit is repaired in the region');
  });

  it('every failure is followed by its repair, every outage by its end, every failover by its completion', () => {
    const sequence = events();
    for (const [index, event] of sequence.entries()) {
      const later = sequence.slice(index + 1);
      if (event.kind === 'unit-failed') {
        const repair = later.find((e) => e.resource === event.resource && (e.kind === 'unit-repaired' || e.kind === 'unit-replaced'));
        assert.ok(repair !== undefined || event.at > days * day - 3 * 3_600, `${timelineLine(event)} is never repaired`);
      }
      if (event.kind === 'failover-start') {
        const done = later.find((e) => e.kind === 'failover-done' && e.resource === event.resource)!;
        // An RDS Multi-AZ failover takes 60 to 120 seconds.
        assert.ok(done.at - event.at >= 60 && done.at - event.at <= 120, `failover of ${done.at - event.at} s`);
      }
      if (event.kind === 'zone-down') assert.ok(later.some((e) => e.kind === 'zone-up' && e.zone === event.zone));
      if (event.kind === 'region-down') assert.ok(later.some((e) => e.kind === 'region-up'));
    }
    // The service goes down and comes back in turn, starting up.
    const states = sequence.filter((e) => e.kind === 'system-down' || e.kind === 'system-up').map((e) => e.kind);
    states.forEach((kind, i) => assert.equal(kind, i % 2 === 0 ? 'system-down' : 'system-up', `state change ${i}`));
  });

  it('the downtime is the sum of the outages in the timeline, and the drops follow from it', () => {
    let down = 0;
    let since: number | undefined;
    for (const event of events()) {
      if (event.kind === 'system-down') since = event.at;
      if (event.kind === 'system-up') {
        down += event.at - since!;
        since = undefined;
      }
    }
    if (since !== undefined) down += days * day - since;
    assert.ok(Math.abs(result.availability.downtimeMinutes - down / 60) < 0.01, `${result.availability.downtimeMinutes} vs ${down / 60}`);
    assert.equal(result.availability.downtimeMinutes, 651.736);
    assert.equal(result.availability.observedPercent, round(100 * (1 - down / (days * day)), 6));
    // 300 requests/s. While down every request is dropped; each failed instance behind the load
    // balancer takes a quarter of the requests for the health check's minute (300 × 60 / 4).
    const webFailures = events().filter((e) => e.kind === 'unit-failed' && e.resource === 'web').length;
    const expected = 300 * down + webFailures * 300 * (healthCheckDetection.value / 4);
    assert.ok(Math.abs(result.requests.dropped - expected) / expected < 0.01, `${result.requests.dropped} vs ${expected}`);
    assert.equal(result.requests.offered, 300 * days * day);
    assert.equal(result.requests.served + result.requests.dropped, result.requests.offered);
    const shortSeconds = down + webFailures * healthCheckDetection.value;
    assert.ok(Math.abs(result.capacity.belowNeededSeconds - shortSeconds) / shortSeconds < 0.01, `${result.capacity.belowNeededSeconds}`);
    // The daily series books every dropped request, and no capacity on the days service stopped.
    const seriesDropped = result.series.dropped.reduce((sum, value) => sum + value, 0);
    assert.ok(Math.abs(seriesDropped - result.requests.dropped) <= 30, `${seriesDropped}`);
    const downDays = new Set(
      events()
        .filter((e) => e.kind === 'system-down')
        .map((e) => Math.floor(e.at / day)),
    );
    result.series.capacity.forEach((capacity, i) => assert.equal(capacity, downDays.has(i) ? 0 : 400, `day ${i + 1}`));
  });

  it('the daily batch means bound the observed availability, and the analytic figure is within the interval', () => {
    const { observedPercent, ci95, analyticPercent } = result.availability;
    assert.ok(ci95![0] < observedPercent && observedPercent < ci95![1], `${ci95}`);
    assert.ok(ci95![0] < analyticPercent! && analyticPercent! < ci95![1], `${analyticPercent}`);
    assert.deepEqual(ci95, [97.259071, 99.723632]);
  });

  it('a unit that has failed is still billed: the cost is the static estimate', () => {
    assert.equal(result.cost.monthlyEquivalentUSD, result.cost.staticMonthlyUSD);
    assert.equal(result.series.cost.at(-1), result.cost.accruedUSD);
  });

  it('a bounded timeline keeps the first entries and counts the others', () => {
    const bounded = simulate(loadFixture('random'), { days, seed: 2, seriesPoints: 30, timelineLimit: 10 });
    assert.deepEqual(bounded.timeline.events, events().slice(0, 10));
    assert.equal(bounded.timeline.omitted, events().length - 10);
    assert.equal(bounded.requests.dropped, result.requests.dropped, 'the bound changes the report, not the run');
  });

  it('another seed, another month', () => {
    const other = simulate(loadFixture('random'), { days, seed: 3, seriesPoints: 30, timelineLimit: 0 });
    assert.notDeepEqual(other.counts, result.counts);
    assert.equal(other.timeline.events.length, 0);
    assert.ok(other.timeline.omitted > 100);
  });
});

describe('simulate engine: options and rounding', () => {
  it('a timeline limit of 0 still shows every injected event', () => {
    const result = run('single-az-db', ['zone:a@1d+2h'], { timelineLimit: 0 });
    assert.deepEqual(
      result.timeline.events.map((e) => e.kind),
      ['injected-start', 'injected-end'],
    );
    assert.equal(result.timeline.omitted, 4);
  });

  it('a step that does not divide a day evenly is replaced by a minute; an hour is kept', () => {
    const odd = run('scaling', ['surge:3x@1d12h+2h'], { stepSeconds: 90 });
    assert.equal(odd.stepSeconds, 60);
    assert.equal(odd.timeline.events.find((e) => e.kind === 'scale-out')!.at, day + 12 * 3_600 + 120);
    const hourly = run('scaling', ['surge:3x@1d12h+2h'], { stepSeconds: 3_600 });
    assert.equal(hourly.stepSeconds, 3_600);
    // Target tracking acts after at least one evaluation period: here the hour the surge starts.
    assert.equal(hourly.timeline.events.find((e) => e.kind === 'scale-out')!.at, day + 12 * 3_600);
  });

  it('a request waits for capacity as long as the queue allows, then is dropped', () => {
    // 600/s on the 400/s of one zone for four minutes (48,000 requests too many): a queue of a
    // minute holds 36,000 of them, which are served once the replacements are in.
    const queued = run('two-zone', ['zone:a@1d+2h'], { queueSeconds: 0 });
    const waiting = run('two-zone', ['zone:a@1d+2h'], { queueSeconds: 60 });
    assert.equal(queued.requests.dropped - waiting.requests.dropped, 60 * 600);
    assert.equal(waiting.requests.served + waiting.requests.dropped, waiting.requests.offered);
    assert.equal(waiting.assumptions.queueSeconds, 60);
  });

  it('series points are at least two, whatever is asked', () => {
    const result = run('single-az-db', [], { seriesPoints: 1 });
    assert.deepEqual(result.series.time, [0, day]);
    assert.equal(result.series.intervalSeconds, day);
  });

  it('rounds for output without -0, NaN or infinities', () => {
    assert.equal(round(1.23456, 2), 1.23);
    assert.equal(round(1.235, 1), 1.2);
    assert.equal(round(-1.26, 1), -1.3);
    assert.ok(Object.is(round(-0.0001, 2), 0));
    assert.equal(round(Number.NaN, 2), 0);
    assert.equal(round(Infinity, 2), 0);
    assert.equal(round(-Infinity, 2), 0);
    assert.equal(round(1_234.5, 0), 1_235);
  });
});
