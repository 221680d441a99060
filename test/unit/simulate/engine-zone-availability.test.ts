/**
 * Random zone and region outages drawn from `assumptions.zoneAvailability` and
 * `regionAvailability`: each zone alternates up and down, down for a mean of 2 hours and up for a
 * mean of 2·p/(1−p) hours, so that it is up a share p of the time, the analytic model's figure.
 * The two ends of the range are no rate: 100% never fails, and 0% is down for the whole run.
 */
import { strict as assert } from 'node:assert';
import { simulate } from '../../../src/evaluate/simulate';
import { flatTraffic, loadFixture, noCounts, runInjected, timelineOf } from './spec-helpers';

/** An `assumptions:` block put before a fixture's `workload:`. */
const assuming = (...lines: string[]): [string, string] => [
  'zones: [a, b]\nworkload',
  `zones: [a, b]\nassumptions:\n${lines.map((line) => `  ${line}\n`).join('')}workload`,
];

describe('simulate engine: zone and region availability', () => {
  it('a zone availability of 0 keeps every zone down for the whole run, as the analytic figure has it', () => {
    // two-zone at 300 requests/s: the load balancer and the group are zonal. An injected outage of
    // zone a ends without bringing the zone back. The simulator used to ignore an availability of
    // 0 (no rate to draw from) and observe 100% where the analytic figure is 0%.
    const doc = loadFixture('two-zone', flatTraffic(600, 300), assuming('zoneAvailability: 0'));
    const quiet = runInjected(doc, ['zone:a@1d+1h']);
    assert.deepEqual(timelineOf(quiet), [
      '0 | zone-down | - | a | Zone a is down for the whole run (its availability is 0%)',
      '0 | zone-down | - | b | Zone b is down for the whole run (its availability is 0%)',
      '0 | system-down | - | - | An entry point stopped working: requests are dropped',
      '86400 | injected-start | - | - | Injected: zone:a@1d+1h',
      '90000 | injected-end | - | - | Injected event over: zone:a@1d+1h',
    ]);
    assert.deepEqual(quiet.counts, noCounts, 'a zone that is never up has no outages at random');
    // With random failures too (the instances fail and are replaced, in zones that stay down).
    const random = simulate(doc, { days: 2, seed: 1, seriesPoints: 4 });
    assert.ok(random.counts.unitFailures > 0);
    // Each failed instance is replaced in its own zone, where it waits: no zone of the group is up.
    const replaced = timelineOf(random, 0, ['unit-replaced']);
    assert.equal(replaced.length, random.counts.unitFailures);
    for (const line of replaced) assert.match(line, /\| web: a replacement unit is ready in [ab], but no zone of the group is up$/);
    assert.equal(random.counts.zoneOutages, 0);
    assert.deepEqual(timelineOf(random, 0, ['zone-down', 'zone-up', 'system-down', 'system-up']), timelineOf(quiet).slice(0, 3));
    for (const result of [quiet, random]) {
      assert.equal(result.availability.observedPercent, 0);
      assert.equal(result.availability.analyticPercent, 0);
      assert.equal(result.availability.downtimeMinutes, 2 * 1_440);
      assert.deepEqual(result.requests, { offered: 300 * 172_800, served: 0, dropped: 300 * 172_800, droppedPercent: 100 });
      assert.deepEqual(result.series.healthyUnitsByZone, { a: [0, 0, 0, 0], b: [0, 0, 0, 0] });
      // The instances are still billed: a steady bill, the static estimate.
      assert.equal(result.cost.monthlyEquivalentUSD, result.cost.staticMonthlyUSD);
    }
    assert.deepEqual(quiet.injected[0]!.recoverySeconds, null, 'never recovered');
  });

  it('a region availability of 0 keeps the region down for the whole run', () => {
    // lb-lambda: a load balancer and a regional function, 100 requests/s.
    const doc = loadFixture('lb-lambda', assuming('regionAvailability: 0'));
    const result = runInjected(doc, []);
    assert.deepEqual(timelineOf(result), [
      '0 | region-down | - | - | Region us-east-1 is down for the whole run (its availability is 0%)',
      '0 | system-down | - | - | An entry point stopped working: requests are dropped',
    ]);
    assert.equal(result.availability.observedPercent, 0);
    assert.equal(result.availability.analyticPercent, 0);
    assert.deepEqual(result.requests, { offered: 100 * 172_800, served: 0, dropped: 100 * 172_800, droppedPercent: 100 });
    assert.deepEqual(result.counts, noCounts);
  });

  it('over ten simulated years, zones of 50% and 90% fail at their rate and the observed figure meets the analytic one', () => {
    // lb-lambda with every resource and the region at 100%: the system works iff one of the load
    // balancer's two zones is up, 1 − (1 − p)². A zone's outages: one per cycle of mean
    // 2 h / (1 − p), so 10 years × 8,760 h × (1 − p) / 2 h of them in each zone. Tolerance: 4 standard
    // errors of the daily batch means, and 4 √n for the count of outages (fixed seed: no flakes).
    for (const [zonePercent, analytic] of [
      [50, 75],
      [90, 99],
    ] as const) {
      const doc = loadFixture(
        'lb-lambda',
        assuming(`zoneAvailability: ${zonePercent}`, 'regionAvailability: 100'),
        ['    targets: [fn]', '    availability: 100\n    targets: [fn]'],
        ['memoryMB: 512', 'memoryMB: 512\n    availability: 100'],
      );
      const result = simulate(doc, { days: 3_650, stepSeconds: 3_600, seriesPoints: 10, timelineLimit: 0 });
      const { observedPercent, analyticPercent, ci95 } = result.availability;
      assert.equal(analyticPercent, analytic);
      const standardError = (ci95![1] - ci95![0]) / 2 / 1.96;
      assert.ok(standardError < 0.25, `se ${standardError}%`);
      assert.ok(
        Math.abs(observedPercent - analytic) <= 4 * standardError,
        `${zonePercent}%: observed ${observedPercent}% (se ${standardError}%)`,
      );
      const expectedOutages = (2 * 3_650 * 24 * (1 - zonePercent / 100)) / 2;
      assert.ok(
        Math.abs(result.counts.zoneOutages - expectedOutages) <= 4 * Math.sqrt(expectedOutages),
        `${zonePercent}%: ${result.counts.zoneOutages} outages, ${expectedOutages} expected`,
      );
      assert.equal(result.counts.regionOutages, 0);
    }
  });
});
