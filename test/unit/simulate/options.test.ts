/**
 * What `simulate` makes of its options and of the design before the engine runs: the run's length,
 * seed and defaults, the assumptions it reports, each resource's capacity per unit, scaling read
 * from an ECS service, which resources a load balancer's health check covers, and the input it
 * refuses, each with the message a user reads.
 */
import { strict as assert } from 'node:assert';
import { simulate } from '../../../src/evaluate/simulate';
import { assertRefused, loadFixture as load, runInjected as run } from './spec-helpers';

describe('simulate: options', () => {
  it('reports its defaults: 480 series points, a minute a step, a 10-second queue, the assumptions', () => {
    // No option but the events and the random failures: every default.
    const result = simulate(load('single-az-db'), { days: 2, randomFailures: false });
    assert.equal(result.seed, 1);
    assert.equal(result.stepSeconds, 60);
    assert.equal(result.series.intervalSeconds, 360);
    assert.equal(result.series.time.length, 480);
    assert.deepEqual(result.assumptions, {
      queueSeconds: 10,
      healthCheckDetectionSeconds: 60,
      spotNoticeSeconds: 120,
      spotInterruptionsPerUnitMonth: 0.05,
      zoneOutageMeanHours: 2,
      regionOutageMeanHours: 4,
      dailyPeakAt: '14:00 of each simulated day',
    });
  });

  it('runs at least an hour, and a whole seed', () => {
    const result = run(load('single-az-db'), [], { days: 0, seed: 2.7 });
    assert.equal(result.days, 0.041667);
    assert.equal(result.requests.offered, 300 * 3_600);
    assert.equal(result.seed, 2);
    assert.equal(result.availability.ci95, null, 'no interval from less than two days');
    assert.equal(run(load('single-az-db'), [], { seed: -1, seriesPoints: 2 }).seed, 4_294_967_295);
    assert.equal(run(load('single-az-db'), [], { seed: Number.NaN, seriesPoints: 2 }).seed, 1);
    assert.equal(run(load('single-az-db'), [], { days: Number.NaN, seriesPoints: 2 }).days, 30);
  });

  it('leaves out the analytic comparison when asked', () => {
    const result = run(load('single-az-db'), [], { compareWithAnalytic: false, seriesPoints: 2 });
    assert.equal(result.availability.analyticPercent, null);
    assert.equal(result.cost.staticMonthlyUSD, null);
    assert.ok(result.cost.accruedUSD > 0);
    const compared = run(load('single-az-db'), [], { seriesPoints: 2 });
    assert.equal(compared.availability.analyticPercent, 99.479106);
    assert.equal(compared.cost.staticMonthlyUSD, compared.cost.monthlyEquivalentUSD);
  });

  it("shows each resource's capacity per unit and its basis; a user is not a resource", () => {
    assert.deepEqual(run(load('single-az-db'), [], { seriesPoints: 2 }).unitCapacity, {
      lb: { rps: null, basis: 'not capacity-limited in the model' },
      web: { rps: 200, basis: '2 vCPU of t3.medium × 100 requests/s per vCPU (assumption)' },
      db: { rps: null, basis: 'not capacity-limited in the model' },
    });
  });

  it('without a workload nothing is offered, nothing dropped, and an outage is still downtime', () => {
    const doc = load('single-az-db', [
      '  requestsPerSecond: 300\n  peakRequestsPerSecond: 300\n',
      '  requestsPerSecond: 0\n  peakRequestsPerSecond: 0\n',
    ]);
    const result = run(doc, ['zone:a@1d+2h']);
    assert.deepEqual(result.requests, { offered: 0, served: 0, dropped: 0, droppedPercent: 0 });
    assert.equal(result.availability.servedPercent, 100);
    assert.equal(result.availability.downtimeMinutes, 120);
    assert.deepEqual(result.injected[0]!.droppedPercent, 0);
    assert.equal(result.capacity.belowNeededSeconds, 7_200, 'down is short of capacity, load or none');
  });
});

describe('simulate: what the design tells the engine', () => {
  it('an ECS service scales on requests between its own min and max, its tasks in service after a minute', () => {
    // 3x of 100/s is 300/s, 6,000 requests a minute a task too many for 2; capped at 5 tasks.
    const result = run(load('ecs-requests'), ['surge:3x@1d+1h']);
    assert.deepEqual(
      result.timeline.events.filter((e) => e.kind === 'scale-out' || e.kind === 'scale-in').map((e) => [e.at, e.message]),
      [
        [86_400 + 120, 'svc: scaling out from 2 to 5 units (in service after 60 s)'],
        [90_000 + 14 * 60, 'svc: scaling in from 5 to 2 units'],
      ],
    );
    // Two tasks (200/s) carry 300/s for the three minutes before the new ones serve, less 10 s of queue.
    assert.equal(result.injected[0]!.droppedRequests, 100 * 180 - 10 * 300);
  });

  it("a group's cooldown holds back the scale-in, and its warm-up the new instances", () => {
    const doc = load('scaling', ['max: 10\n', 'max: 10\n    cooldownSeconds: 3600\n'], ['warmupSeconds: 300', 'warmupSeconds: 120']);
    const result = run(doc, ['surge:3x@1d12h+30m']);
    const start = 86_400 + 12 * 3_600;
    const kinds = result.timeline.events.filter((e) => e.kind === 'scale-out' || e.kind === 'scale-in');
    assert.deepEqual(
      kinds.map((e) => [e.at - start, e.message]),
      [
        [120, 'web: scaling out from 2 to 6 units (in service after 120 s)'],
        // Fifteen low minutes after the surge would be 44 minutes in; the cooldown holds it to an hour after the scale-out.
        [120 + 3_600, 'web: scaling in from 6 to 2 units'],
      ],
    );
    assert.equal(result.injected[0]!.recoverySeconds, 240);
  });

  it('only the targets of a load balancer keep receiving requests until the health check notices', () => {
    // The same instances, reached directly by the users instead of through the load balancer:
    // losing zone b costs only what zone a cannot carry until the replacements serve.
    const direct = load('two-zone', ['connectsTo: [lb]', 'connectsTo: [web]'], ['    targets: [web]\n', '']);
    const throughLb = run(load('two-zone'), ['zone:b@1d+2h']).injected[0]!;
    const directly = run(direct, ['zone:b@1d+2h']).injected[0]!;
    assert.equal(throughLb.droppedRequests, 300 * 60 + 200 * 240 - 10 * 600);
    assert.equal(directly.droppedRequests, 200 * 300 - 10 * 600);
  });

  it('a purchase other than spot is never interrupted', () => {
    const doc = load('spot', ['purchase: spot', 'purchase: on-demand']);
    const result = run(doc, ['spot@1d']);
    assert.equal(result.counts.spotInterruptions, 0);
    assert.equal(result.requests.dropped, 0);
  });
});

describe('simulate: input it refuses', () => {
  it('an event that starts after the run ends', () => {
    assertRefused(
      () => run(load('single-az-db'), ['zone:a@2d+1h']),
      '`zone:a@2d+1h` starts after the simulation ends (2 days): simulate longer with --days, or start it earlier',
    );
    assertRefused(() => run(load('single-az-db'), ['zone:a@1h'], { days: 1 / 48 }), /\(0\.041667 days\)/);
  });

  it('a design with more units than it simulates one by one, with the count', () => {
    const doc = load('single-az-db', ['min: 4\n    desired: 4\n    max: 4', 'min: 50000\n    desired: 50000\n    max: 50000']);
    assertRefused(
      () => simulate(doc, { days: 1 }),
      'this architecture has 50003 units (instances, tasks, nodes); the simulator models each one and stops at 50000',
    );
  });

  it('a design of exactly 50,000 units is simulated: the limit is the last count it takes', () => {
    // 49,997 instances, the load balancer, the database and the users: 50,000. An hour without
    // random failures and without the analytic figure (which would take seconds for that group).
    const doc = load('single-az-db', ['min: 4\n    desired: 4\n    max: 4', 'min: 49997\n    desired: 49997\n    max: 49997']);
    const result = simulate(doc, { days: 1 / 24, randomFailures: false, compareWithAnalytic: false, seriesPoints: 4 });
    assert.deepEqual(result.requests, { offered: 300 * 3_600, served: 300 * 3_600, dropped: 0, droppedPercent: 0 });
  });
});
