/**
 * The simulator, judged by what a user reads in its result: requests dropped by an outage, how long
 * recovery took, scaling and spot replacement, the observed availability against the analytic
 * figure, the accrued cost against the static estimate, and determinism. The designs are fixtures
 * in test/fixtures/simulate/; traffic there is flat (average = peak) so that expected drops are
 * simple products a reader can check by hand.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchitecture } from '../../../src/core/parse';
import { checkSimulationTargets, simulate, SimulationInputError, type SimulationResult } from '../../../src/evaluate/simulate';
import { healthCheckDetection, spotNotice } from '../../../src/evaluate/simulate/behaviour';
import { assertRefused, loadFixture, runFixture, specs } from './spec-helpers';

const load = loadFixture;
const run = runFixture;

describe('simulate: outages', () => {
  const rps = 300;
  const outage = 2 * 3_600;

  it('a zone outage on a single-AZ database drops every request for the whole outage', () => {
    const result = run('single-az-db', ['zone:a@1d+2h']);
    const outcome = result.injected[0]!;
    assert.equal(outcome.droppedRequests, rps * outage);
    assert.equal(outcome.recoverySeconds, outage);
    assert.equal(result.requests.dropped, rps * outage, 'nothing is dropped outside the outage');
    assert.ok(result.timeline.events.some((e) => e.kind === 'system-down' && e.at === 86_400));
  });

  it('on a Multi-AZ database, only during the failover (60-120 s)', () => {
    const result = run('multi-az-db', ['zone:a@1d+2h']);
    const outcome = result.injected[0]!;
    assert.ok(outcome.recoverySeconds! >= 60 && outcome.recoverySeconds! <= 121, `recovery ${outcome.recoverySeconds}`);
    // Every request of the failover window, and nothing after it.
    assert.ok(Math.abs(outcome.droppedRequests - rps * outcome.recoverySeconds!) <= rps, `dropped ${outcome.droppedRequests}`);
    assert.deepEqual(
      result.timeline.events.filter((e) => e.kind === 'failover-start' || e.kind === 'failover-done').map((e) => e.kind),
      ['failover-start', 'failover-done'],
    );
  });

  it('on a design whose every tier spans two zones, only what the surviving zone cannot carry', () => {
    // 600 requests/s on four 200-requests/s instances, two per zone. Zone a goes down:
    // - for the health check's 60 s the load balancer still sends half the requests to zone a;
    // - then zone b's two instances (400/s) carry 600/s until the group's replacements in zone b
    //   are in service, 5 minutes (the catalog's repair time) after the zone failed;
    // - a request waits up to 10 s for capacity, so 10 s of load is queued rather than dropped.
    const result = run('two-zone', ['zone:a@1d+2h']);
    const outcome = result.injected[0]!;
    const load = 600;
    const survivors = 400;
    const detection = healthCheckDetection.value;
    const replacement = 5 * 60;
    const expected = (load / 2) * detection + (load - survivors) * (replacement - detection) - 10 * load;
    assert.equal(outcome.droppedRequests, expected);
    assert.equal(outcome.recoverySeconds, replacement);
    // With the replacements in, the outage's remaining 1 h 55 min drops nothing.
    assert.equal(result.requests.dropped, expected);
  });

  it('an outage of a resource or a region stops what needs it', () => {
    const db = run('multi-az-db', ['resource:db@1d+30m']).injected[0]!;
    assert.equal(db.droppedRequests, rps * 1_800);
    const region = run('two-zone', ['region:us-east-1@1d+1h']).injected[0]!;
    assert.equal(region.droppedRequests, 600 * 3_600);
  });
});

describe('simulate: scaling, surges and spot', () => {
  it('scaling follows a surge within its evaluation periods and warm-up, and scales back in after its cooldown', () => {
    // 200/s on two instances (cpu target 50% of 200/s each); a 3x surge needs 6 instances.
    const result = run('scaling', ['surge:3x@1d12h+2h'], { days: 3 });
    const start = 86_400 + 12 * 3_600;
    const out = result.timeline.events.find((e) => e.kind === 'scale-out')!;
    assert.ok(out.at >= start && out.at <= start + 3 * 60, `scale-out at ${out.at - start} s after the surge`);
    assert.match(out.message, /from 2 to 6 units/);
    const outcome = result.injected[0]!;
    assert.ok(outcome.recoverySeconds! <= 3 * 60 + 300, `recovered after ${outcome.recoverySeconds} s`);
    const scaleIn = result.timeline.events.find((e) => e.kind === 'scale-in')!;
    assert.ok(
      scaleIn.at >= start + 2 * 3_600 + 14 * 60,
      'scale-in waits for 15 low one-minute periods after the surge (the first at its end)',
    );
    assert.match(scaleIn.message, /from 6 to 2 units/);
    assert.equal(result.counts.scaleOuts, 1);
    assert.equal(result.counts.scaleIns, 1);
  });

  it('a surge past max drops what max cannot carry, for the whole surge', () => {
    // Capped at 3 instances (600/s); 5x of 200/s is 1000/s.
    const result = run('capped', ['surge:5x@1d+1h']);
    const outcome = result.injected[0]!;
    assert.equal(outcome.recoverySeconds, 3_600);
    // At least the excess over max for the hour, less the 10-s queue; at most that plus the ramp-up.
    const floor = (1_000 - 600) * 3_600 - 10 * 1_000;
    assert.ok(
      outcome.droppedRequests >= floor && outcome.droppedRequests <= floor + (1_000 - 400) * (3 * 60 + 300),
      `dropped ${outcome.droppedRequests}`,
    );
  });

  it('spot interruptions are noticed, replaced, and the group is whole again', () => {
    // Six-minute series points, so that the one after the replacements shows their capacity.
    const result = run('spot', ['spot@1d'], { seriesPoints: 480 });
    assert.equal(result.counts.spotInterruptions, 4);
    assert.equal(result.timeline.events.filter((e) => e.kind === 'spot-notice').length, 4);
    const outcome = result.injected[0]!;
    // Replacements are launched at the notice and serve after the group's repair time (5 min);
    // the interrupted instances serve until the end of their two-minute notice.
    assert.equal(outcome.recoverySeconds, 300);
    assert.equal(outcome.droppedRequests, 300 * (300 - spotNotice.value));
    const point = result.series.time.findIndex((t) => t > 86_400 + 600);
    assert.equal(result.series.capacity[point], 800, 'four instances again');
  });

  it('random spot interruptions happen at the assumed rate and are replaced', () => {
    const result = simulate(load('spot'), { days: 365, stepSeconds: 3_600, seriesPoints: 50, timelineLimit: 100_000 });
    // 4 units × 5% a month × 12 months ≈ 2.4 a year. A replacement is launched at the notice, so
    // one interrupted instance never leaves the group short: the three others carry 600/s.
    assert.ok(result.counts.spotInterruptions >= 1, `${result.counts.spotInterruptions} interruptions`);
    assert.equal(
      result.timeline.events.filter((e) => e.kind === 'unit-replaced' && e.message.includes('spot')).length,
      result.counts.spotInterruptions,
    );
  });
});

describe('simulate: against the analytic evaluations', () => {
  it('over many simulated years without injected failures the observed availability converges to the analytic figure', function () {
    this.timeout(60_000);
    // 40 years of a small design whose instances are 99% available (about 2,000 failures a year):
    // the 95% interval from daily batch means is a few thousandths of a percent wide. Tolerance:
    // the analytic figure lies within 4 standard errors of the observed one (a 1-in-15,000 chance
    // of failing by bad luck for a correct engine; the seed is fixed, so it cannot flake).
    const result = simulate(load('convergence'), { days: 40 * 365, stepSeconds: 3_600, seriesPoints: 10, timelineLimit: 0 });
    const { observedPercent, analyticPercent, ci95 } = result.availability;
    const standardError = (ci95![1] - ci95![0]) / 2 / 1.96;
    assert.ok(standardError < 0.01, `the sample is large enough to mean something (se ${standardError}%)`);
    assert.ok(
      Math.abs(observedPercent - analyticPercent!) <= 4 * standardError,
      `observed ${observedPercent}% vs analytic ${analyticPercent}% (se ${standardError}%)`,
    );
  });

  it('the simulated monthly cost of a steady design equals the static estimate within 1%', () => {
    const result = simulate(load('multi-az-db'), { days: 30 });
    const { monthlyEquivalentUSD, staticMonthlyUSD } = result.cost;
    assert.ok(staticMonthlyUSD! > 100);
    assert.ok(
      Math.abs(monthlyEquivalentUSD - staticMonthlyUSD!) / staticMonthlyUSD! < 0.01,
      `${monthlyEquivalentUSD} vs ${staticMonthlyUSD}`,
    );
  });

  it('a design that scales at peak accrues more than its static estimate at desired', () => {
    const result = simulate(load('scaling'), { days: 3, events: specs('surge:3x@1d12h+2h') });
    assert.ok(result.cost.monthlyEquivalentUSD > result.cost.staticMonthlyUSD!);
  });
});

describe('simulate: determinism and bounds', () => {
  it('the same input and seed give byte-identical JSON; another seed other failures', () => {
    const doc = load('multi-az-db');
    const first = JSON.stringify(simulate(doc, { days: 30, seed: 42, events: specs('zone:a@3d+4h') }));
    const again = JSON.stringify(simulate(parseArchitecture(doc.text), { days: 30, seed: 42, events: specs('zone:a@3d+4h') }));
    assert.equal(again, first);
    const other = simulate(doc, { days: 30, seed: 43, events: specs('zone:a@3d+4h') });
    const failures = (r: SimulationResult): string => JSON.stringify(r.timeline.events.filter((e) => e.kind === 'unit-failed'));
    assert.notEqual(failures(other), failures(JSON.parse(first) as SimulationResult));
  });

  it('series and timeline stay bounded however long the run', () => {
    const result = simulate(load('scaling'), { days: 365, seriesPoints: 100, timelineLimit: 50 });
    assert.ok(result.series.time.length <= 100);
    for (const values of Object.values(result.series.healthyUnitsByZone)) assert.equal(values.length, result.series.time.length);
    assert.ok(result.timeline.events.length <= 50);
    assert.ok(result.timeline.omitted > 0);
    assert.ok(JSON.stringify(result).length < 100_000);
  });

  it('no number in a result is NaN or infinite', () => {
    const text = JSON.stringify(simulate(load('two-zone'), { days: 7, events: specs('zone:b@1d', 'spot@2d', 'surge:10x@3d') }));
    assert.doesNotMatch(text, /NaN|Infinity/);
  });

  it('an event naming a zone, region or resource the design lacks is refused with its name', () => {
    for (const spec of ['zone:c@1d', 'region:eu-west-1@1d', 'resource:nope@1d']) {
      assert.throws(
        () => run('two-zone', [spec]),
        (error: unknown) => error instanceof SimulationInputError && error.message.includes(spec),
        spec,
      );
    }
  });
});

describe('simulate: targets', () => {
  it('judges the goals under targets: simulation:', () => {
    const doc = load('scaling');
    const result = simulate(doc, { days: 2, randomFailures: false });
    const judged = checkSimulationTargets(doc, result, (events) => simulate(doc, { days: 2, randomFailures: false, events }));
    assert.deepEqual(
      judged.map((t) => [t.target, t.met]),
      [
        ['maxDroppedPercent', true],
        ['zoneOutageMaxDroppedPercent', true],
      ],
    );
    // One instance per zone at 200/s: losing a zone at peak costs the health check's minute of
    // half the traffic, 6,000 of the 720,000 requests of the hour (0.83%).
    const zone = judged.find((t) => t.target === 'zoneOutageMaxDroppedPercent')!;
    assert.ok(Math.abs(zone.actual - (100 * 6_000) / (6_000 + 720_000)) < 0.01, `${zone.actual}%`);
    assert.match(zone.message, /zone a at the daily peak/);
    const capped = load('capped');
    const surge = simulate(capped, { days: 2, randomFailures: false, events: specs('surge:5x@1d+12h') });
    const missed = checkSimulationTargets(capped, surge, (events) => simulate(capped, { days: 2, randomFailures: false, events }));
    assert.equal(missed.find((t) => t.target === 'maxDroppedPercent')!.met, false);
  });
});

describe('simulate: every example', () => {
  const examples = join(__dirname, '..', '..', '..', 'examples');
  const files = readdirSync(examples).filter((f) => f.endsWith('.cloudarch.yaml'));
  for (const file of files) {
    it(`${file}: a week with a zone outage and a surge keeps its books`, () => {
      const doc = parseArchitecture(readFileSync(join(examples, file), 'utf8'));
      const zone = [...new Set(doc.resources.flatMap((r) => (Array.isArray(r.props.zones) ? (r.props.zones as string[]) : [])))][0];
      const events = specs(...(zone !== undefined ? [`zone:${zone}@1d+2h`] : []), 'surge:2x@2d+1h');
      const result = simulate(doc, { days: 7, events });
      const text = JSON.stringify(result);
      assert.doesNotMatch(text, /NaN|Infinity/);
      // Every offered request is served, dropped, or still waiting in the 10-second queue at the end.
      const { offered, served, dropped } = result.requests;
      assert.ok(
        served + dropped <= offered + 1 && offered - served - dropped <= offered * 0.001 + 10,
        `${offered} offered, ${served} served, ${dropped} dropped`,
      );
      assert.ok(result.availability.observedPercent >= 0 && result.availability.observedPercent <= 100);
      assert.equal(result.injected.length, events.length);
    });
  }

  it('refuses, with a reason, an architecture too large to simulate unit by unit', () => {
    const doc = parseArchitecture(
      'cloudarch: "1"\nname: huge\nresources:\n' +
        Array.from({ length: 6 }, (_, i) => `  web-${i}:\n    type: aws.ec2.instance\n    instanceType: t3.micro\n    count: 10000\n`).join(
          '',
        ),
    );
    assertRefused(() => simulate(doc, { days: 1 }), /60000 units/);
  });
});
