/**
 * A Route 53 failover record between two regions (dns-failover: four instances, 800 requests/s, in
 * us-east-1; three, 600 requests/s, in us-west-2, two of them in zone a; 500 requests/s, flat). The
 * record sends users to the first target that works: the primary while its region is up, the
 * standby while it is down. What a user reads: the capacity series (the standby's while the primary
 * is down), the requests dropped when the standby loses a zone meanwhile (its load balancer still
 * sends to the lost instances until its health check notices), the timeline word for word.
 */
import { strict as assert } from 'node:assert';
import type { SimulationResult } from '../../../src/evaluate/simulate';
import { day, loadFixture, runInjected } from './spec-helpers';

function run(...events: string[]): SimulationResult {
  return runInjected(loadFixture('dns-failover'), events);
}

describe('simulate engine: failover routing between two regions', () => {
  it('without an outage the primary serves everything', () => {
    const result = run();
    assert.deepEqual(result.requests, { offered: 500 * 2 * day, served: 500 * 2 * day, dropped: 0, droppedPercent: 0 });
    assert.deepEqual(result.series.capacity, [800, 800, 800, 800]);
    assert.deepEqual(result.timeline.events, []);
  });

  it('while the primary region is down the standby serves everything, and nothing is down', () => {
    const result = run('region:us-east-1@1d+2h');
    assert.deepEqual(result.requests, { offered: 500 * 2 * day, served: 500 * 2 * day, dropped: 0, droppedPercent: 0 });
    assert.equal(result.availability.downtimeMinutes, 0);
    assert.deepEqual(result.capacity, { belowNeededSeconds: 0, belowNeededPercent: 0 });
    assert.deepEqual(result.series.capacity, [800, 800, 600, 800]);
    assert.deepEqual(result.series.healthyUnitsByZone, {
      'us-east-1a': [2, 2, 0, 2],
      'us-east-1b': [2, 2, 0, 2],
      'us-west-2a': [2, 2, 2, 2],
      'us-west-2b': [1, 1, 1, 1],
    });
    assert.deepEqual(result.injected[0]!.recoverySeconds, 0);
    assert.deepEqual(
      result.timeline.events.map((e) => `${e.at} ${e.kind} ${e.message}`),
      ['86400 injected-start Injected: region:us-east-1@1d+2h', '93600 injected-end Injected event over: region:us-east-1@1d+2h'],
    );
  });

  it("when the standby loses a zone meanwhile, its health check's minute and the replacements cost requests", () => {
    const result = run('region:us-east-1@1d+2h', 'zone:us-west-2a@1d1h+30m');
    assert.deepEqual(
      result.timeline.events.map((e) => [e.at - day, e.kind, e.resource ?? '-', e.zone ?? '-', e.message].join(' | ')),
      [
        '0 | injected-start | - | - | Injected: region:us-east-1@1d+2h',
        '3600 | injected-start | - | - | Injected: zone:us-west-2a@1d1h+30m',
        '3900 | unit-replaced | standby-web | us-west-2b | standby-web: a replacement for a unit of a failed zone is in service in us-west-2b',
        '3900 | unit-replaced | standby-web | us-west-2b | standby-web: a replacement for a unit of a failed zone is in service in us-west-2b',
        '5400 | injected-end | - | - | Injected event over: zone:us-west-2a@1d1h+30m',
        '7200 | injected-end | - | - | Injected event over: region:us-east-1@1d+2h',
      ],
    );
    // For the health check's minute the standby's load balancer sends two requests in three to the
    // instances of zone a: 333.33 a second dropped (the one instance left serves the 166.67 that
    // reach it). Then, until the replacements serve five minutes in, that instance serves 200 of
    // the 500 a second, less the 10 seconds of queue (5,000 requests).
    const dropped = (500 * 2 * 60) / 3 + 300 * 240 - 10 * 500;
    assert.equal(result.requests.dropped, dropped);
    assert.equal(result.availability.downtimeMinutes, 0);
    assert.deepEqual(result.capacity, { belowNeededSeconds: 300, belowNeededPercent: 0.173611 });
    assert.deepEqual(result.series.capacity, [800, 800, 200, 800]);
    assert.deepEqual(result.series.healthyUnitsByZone['us-west-2a'], [2, 2, 0, 0]);
    assert.deepEqual(result.series.healthyUnitsByZone['us-west-2b'], [1, 1, 1, 3]);
    assert.deepEqual(
      result.injected.map((i) => [i.spec, i.droppedRequests, i.droppedPercent, i.recoverySeconds, i.belowNeededSeconds]),
      [
        ['region:us-east-1@1d+2h', dropped, 2.4167, 3_900, 300],
        ['zone:us-west-2a@1d1h+30m', dropped, 9.6667, 300, 300],
      ],
    );
  });

  it('with both regions down nothing works: every request of the hour is dropped', () => {
    const result = run('region:us-east-1@1d+1h', 'region:us-west-2@1d+1h');
    assert.deepEqual(
      result.timeline.events.map((e) => `${e.at - day} ${e.kind} ${e.message}`),
      [
        '0 injected-start Injected: region:us-east-1@1d+1h',
        '0 injected-start Injected: region:us-west-2@1d+1h',
        '0 system-down An entry point stopped working: requests are dropped',
        '3600 injected-end Injected event over: region:us-east-1@1d+1h',
        '3600 injected-end Injected event over: region:us-west-2@1d+1h',
        '3600 system-up Every entry point works again',
      ],
    );
    assert.equal(result.requests.dropped, 500 * 3_600);
    assert.equal(result.availability.downtimeMinutes, 60);
    assert.deepEqual(result.series.capacity, [800, 800, 0, 800]);
  });
});

/**
 * The same record in front of two scaling groups that track 50% CPU (dns-failover-scaling): 2 to 6
 * t3.medium instances (200 requests/s each) in us-east-1, 1 to 6 in us-west-2; 500 requests/s
 * flat, so the group that serves wants 5 instances. The standby is offered no requests while the
 * primary works, so it must stay at its minimum (it used to scale on the entry's load and be billed
 * for five instances it never needed); it scales out when the failover sends it the traffic.
 */
describe('simulate engine: scaling groups behind failover routing', () => {
  function runScaling(...events: string[]): SimulationResult {
    return runInjected(loadFixture('dns-failover-scaling'), events, { seriesPoints: 8 });
  }
  const scaling = (result: SimulationResult): string[] =>
    result.timeline.events.filter((e) => e.kind === 'scale-out' || e.kind === 'scale-in').map((e) => `${e.at} ${e.message}`);

  it('the standby stays at its minimum while the primary serves', () => {
    const result = runScaling();
    assert.deepEqual(scaling(result), ['120 primary-web: scaling out from 2 to 5 units (in service after 300 s)']);
    // Two instances carry 400 of the 500 a second until the three new ones serve at 420 s; the
    // first 10 seconds of load (5,000 requests) wait in the queue instead of being dropped.
    assert.equal(result.requests.dropped, 100 * 420 - 10 * 500);
    assert.deepEqual(result.series.healthyUnitsByZone['us-west-2a'], [1, 1, 1, 1, 1, 1, 1, 1]);
    assert.deepEqual(result.series.healthyUnitsByZone['us-west-2b'], [0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('a failover hands the traffic, and the scaling, to the standby and back', () => {
    const result = runScaling('region:us-east-1@1d+2h');
    assert.deepEqual(scaling(result), [
      '120 primary-web: scaling out from 2 to 5 units (in service after 300 s)',
      // Three minutes above target from the failover's first minute, counted at once.
      `${day + 120} standby-web: scaling out from 1 to 5 units (in service after 300 s)`,
      // The primary, offered nothing while its region is down, returns to its minimum after 15 minutes.
      `${day + 840} primary-web: scaling in from 5 to 2 units`,
      `${day + 7_200 + 120} primary-web: scaling out from 2 to 5 units (in service after 300 s)`,
      `${day + 7_200 + 840} standby-web: scaling in from 5 to 1 units`,
    ]);
    // The standby's one instance serves 200 of the 500 a second for 420 s, the primary's two 400
    // after it returns; each time 10 seconds of load wait in the queue.
    const atFailover = 300 * 420 - 10 * 500;
    const atReturn = 100 * 420 - 10 * 500;
    assert.equal(result.injected[0]!.droppedRequests, atFailover + atReturn);
    // Whole again only once the primary's new instances serve, 420 s after the region's return.
    assert.equal(result.injected[0]!.recoverySeconds, 7_200 + 420);
    assert.equal(result.requests.dropped, atReturn + atFailover + atReturn);
    assert.equal(result.availability.downtimeMinutes, 0);
  });
});
