/**
 * What `simulate` reads from the design and the options before the engine runs, judged by the
 * result: a scaling policy's `min` as the floor of a quiet day, the 95% interval's bounds and when
 * there is none, and the message for an event that names a zone the design does not have.
 */
import { strict as assert } from 'node:assert';
import { simulate } from '../../../src/evaluate/simulate';
import { round } from '../../../src/evaluate/simulate/engine';
import {
  assertRefused,
  day,
  designOf,
  fixtureText,
  loadFixture,
  noCounts,
  runOneDay as run,
  timelineLine,
  timelineOf,
} from './spec-helpers';

describe('simulate: a scaling policy read from the design', () => {
  it("an auto scaling group's min is the floor of a quiet day: 10 requests/s want one instance, it keeps two", () => {
    // A 50% CPU target of a t3.medium (200 requests/s) wants ⌈10 / 100⌉ = 1 instance; min is 2.
    const doc = loadFixture('scaling', [
      'requestsPerSecond: 200\n  peakRequestsPerSecond: 200',
      'requestsPerSecond: 10\n  peakRequestsPerSecond: 10',
    ]);
    const result = run(doc, []);
    assert.deepEqual(result.timeline.events, []);
    assert.equal(result.counts.scaleIns, 0);
    assert.deepEqual(result.series.capacity, [400, 400, 400, 400]);
    assert.equal(result.cost.monthlyEquivalentUSD, result.cost.staticMonthlyUSD);
  });

  it('an auto scaling group without max starts at its desired 4 and never scales out past it (max defaults to max(desired, min))', () => {
    // The scaling fixture with desired 4 and no max: 200 requests/s want two instances, so it
    // scales in to its min of 2 after fifteen quiet minutes (840 s). A surge to 600/s from 2 h wants
    // ⌈600 / 100⌉ = 6, but the group's max is its desired 4 (the catalog's derived default, as the
    // hover and the cost estimate read it): it scales out to 4 after three minutes above target.
    const doc = loadFixture('scaling', ['min: 2\n    desired: 2\n    max: 10', 'min: 2\n    desired: 4']);
    const result = run(doc, ['surge:3x@2h+1h']);
    assert.deepEqual(timelineOf(result), [
      '840 | scale-in | web | - | web: scaling in from 4 to 2 units',
      '7200 | injected-start | - | - | Injected: surge:3x@2h+1h',
      '7320 | scale-out | web | - | web: scaling out from 2 to 4 units (in service after 300 s)',
      '10800 | injected-end | - | - | Injected event over: surge:3x@2h+1h',
      '11640 | scale-in | web | - | web: scaling in from 4 to 2 units',
    ]);
    assert.deepEqual({ ...result.counts }, { ...noCounts, scaleOuts: 1, scaleIns: 2 });
  });

  it('a group of no instances whose bounds are partly unwritten scales out to the catalog max of 1, whichever of min and desired is written', () => {
    // The catalog reads `min: 0` + `desired: 0`, `desired: 0` and `min: 0` alike: min 0, desired 0,
    // max 1 (max(desired, min, 1)). At 200 requests/s the group has nothing to serve with from 0 s,
    // scales out after three minutes above target (120 s) and serves from 420 s:
    // 200 requests/s × 420 s = 84,000 dropped.
    for (const bounds of ['min: 0\n    desired: 0', 'desired: 0', 'min: 0']) {
      const doc = loadFixture('scaling', ['min: 2\n    desired: 2\n    max: 10', bounds]);
      const result = run(doc, []);
      assert.deepEqual(
        timelineOf(result),
        [
          '0 | system-down | - | - | An entry point stopped working: requests are dropped',
          '120 | scale-out | web | - | web: scaling out from 0 to 1 units (in service after 300 s)',
          '420 | system-up | - | - | Every entry point works again',
        ],
        bounds,
      );
      assert.equal(result.requests.dropped, 84_000, bounds);
      assert.deepEqual(result.series.capacity, [0, 200, 200, 200], bounds);
    }
  });

  it("an ECS service's scaling min is the floor too: 10 requests/s want one task of 3,000 a minute, it keeps two", () => {
    // ⌈10 × 60 / 3,000⌉ = 1 task wanted; the policy's min is 2.
    const doc = loadFixture('ecs-requests', [
      'requestsPerSecond: 100\n  peakRequestsPerSecond: 100',
      'requestsPerSecond: 10\n  peakRequestsPerSecond: 10',
    ]);
    const result = run(doc, []);
    assert.deepEqual(result.timeline.events, []);
    assert.equal(result.counts.scaleIns, 0);
    assert.deepEqual(result.series.capacity, [200, 200, 200, 200]);
  });
});

describe("simulate: a failover type's repair time", () => {
  it("a Multi-AZ database's failed unit is repaired in the type's own time (mean 60 min), not in the failover's 2 min", () => {
    // Everything but the database at 100%, so that its units are the only random events (seed 1).
    // The failover itself takes its 60-120 s window (89.401 s here); the lost unit comes back after
    // an exponential time of mean 60 minutes: 7,926.409 s for this draw.
    const doc = loadFixture(
      'multi-az-db',
      ['zones: [a, b]\nworkload', 'zones: [a, b]\nassumptions:\n  zoneAvailability: 100\n  regionAvailability: 100\nworkload'],
      ['max: 4\n', 'max: 4\n    availability: 100\n'],
      ['subnet: public', 'subnet: public\n    availability: 100'],
    );
    const result = simulate(doc, { days: 365, seed: 1, seriesPoints: 4 });
    assert.deepEqual(
      result.timeline.events.slice(0, 6).map((e) => [e.at, e.kind, e.resource ?? '-', e.message].join(' | ')),
      [
        '602301.44 | unit-failed | db | db: a unit in a failed',
        '602301.44 | failover-start | db | db: the writer is lost; failing over to a unit in b',
        '602301.44 | system-down | - | An entry point stopped working: requests are dropped',
        '602390.841 | failover-done | db | db: failover complete; the writer is in b',
        '602390.841 | system-up | - | Every entry point works again',
        '610227.849 | unit-repaired | db | db: a unit is repaired in a',
      ],
    );
    assert.deepEqual([result.counts.unitFailures, result.counts.failovers], [79, 44]);
  });
});

describe('simulate: the repair time of a type that does not fail over', () => {
  it("a Multi-AZ FSx file system's unit is repaired in its variant's 1 minute, not the type's 30", () => {
    // two-zone's group depends on an FSx for Windows file system of deploymentType multi-az-1;
    // everything else at 100%, so that the file system is the only thing to fail (seed 1, a year).
    // Its unit availability is 99.99%: R·A/(1−A) with R = 60 s is a failure every 6.9 days, about
    // 53 a year (50 here), each repaired after an exponential time of mean 60 s.
    const doc = designOf(
      fixtureText('two-zone').replace('connectsTo: [table]', 'connectsTo: [table]\n    fileSystems: [files]') +
        '  files:\n    type: aws.fsx.filesystem\n    kind: windows\n    deploymentType: multi-az-1\n    storageCapacityGB: 100\n',
      ['zones: [a, b]\nworkload', 'zones: [a, b]\nassumptions:\n  zoneAvailability: 100\n  regionAvailability: 100\nworkload'],
      ['max: 4\n', 'max: 4\n    availability: 100\n'],
      ['subnet: public', 'subnet: public\n    availability: 100'],
      ['capacityMode: on-demand', 'capacityMode: on-demand\n    availability: 100'],
    );
    const result = simulate(doc, { days: 365, seed: 1, seriesPoints: 4 });
    assert.deepEqual(
      result.timeline.events.slice(0, 4).map((event) => timelineLine(event)),
      [
        '504389.623 | unit-failed | files | - | files: a unit in the region failed',
        '504389.623 | system-down | - | - | An entry point stopped working: requests are dropped',
        '504473.751 | unit-repaired | files | - | files: a unit is repaired in the region',
        '504473.751 | system-up | - | - | Every entry point works again',
      ],
    );
    assert.equal(result.counts.unitFailures, 50);
    const repairs: number[] = [];
    let failedAt = 0;
    for (const event of result.timeline.events) {
      if (event.kind === 'unit-failed') failedAt = event.at;
      if (event.kind === 'unit-repaired') repairs.push(event.at - failedAt);
    }
    const mean = repairs.reduce((sum, seconds) => sum + seconds, 0) / repairs.length;
    assert.equal(repairs.length, 50);
    assert.ok(mean > 30 && mean < 120, `mean repair ${mean} s`);
    assert.equal(result.availability.downtimeMinutes, 62.123);
  });
});

describe('simulate: the 95% interval of the observed availability', () => {
  it('two days down 2 h and 4 h: daily means 22/24 and 20/24, the interval 87.5% ± 1.96 × (1/24)', () => {
    // The sample standard deviation of the two daily means is √2 × 1/24, its standard error 1/24.
    const result = run(loadFixture('single-az-db'), ['zone:a@0s+2h', 'zone:a@1d+4h'], { days: 2 });
    assert.equal(result.availability.observedPercent, 87.5);
    const half = 1.959963984540054 / 24;
    assert.deepEqual(result.availability.ci95, [round(100 * (0.875 - half), 6), round(100 * (0.875 + half), 6)]);
    assert.deepEqual(result.availability.ci95, [79.333483, 95.666517]);
    assert.equal(result.availability.downtimeMinutes, 360);
    // 300 requests/s × 6 h.
    assert.deepEqual(result.requests, {
      offered: 300 * 2 * day,
      served: 300 * 2 * day - 300 * 21_600,
      dropped: 300 * 21_600,
      droppedPercent: 12.5,
    });
  });

  it('one day is one daily mean: no interval', () => {
    const result = run(loadFixture('single-az-db'), ['zone:a@0s+2h']);
    assert.equal(result.availability.observedPercent, 91.666667);
    assert.equal(result.availability.ci95, null);
  });
});

describe('simulate: an event naming a zone the design does not have', () => {
  it("takes a bare letter for a zone of the design's own region only; another region's zones go by their full names", () => {
    // The standby region's zones are c and d: `zone:c` would mean us-east-1c, which no resource uses.
    const doc = loadFixture(
      'dns-failover',
      [
        'region: us-west-2\n    scheme: internet-facing\n    subnet: public\n    zones: [a, b]',
        'region: us-west-2\n    scheme: internet-facing\n    subnet: public\n    zones: [c, d]',
      ],
      [
        'region: us-west-2\n    instanceType: t3.medium\n    zones: [a, b]',
        'region: us-west-2\n    instanceType: t3.medium\n    zones: [c, d]',
      ],
    );
    assertRefused(
      () => run(doc, ['zone:c@1h']),
      '`zone:c@1h`: no zone `c` in this architecture (zones in use: a, b, us-east-1a, us-east-1b, us-west-2c, us-west-2d)',
    );
    // The standby's zone c down for an hour: DNS keeps the primary, nothing is dropped.
    assert.equal(run(doc, ['zone:us-west-2c@1h']).requests.dropped, 0);
  });

  it('names no region in a design of global and external resources only', () => {
    const doc = designOf(
      [
        'cloudarch: "1"',
        'name: edge',
        'resources:',
        '  users:',
        '    type: external.users',
        '    connectsTo: [dns]',
        '  dns:',
        '    type: aws.route53.zone',
        '    domain: shop.example.com',
        '    targets: [origin]',
        '  origin:',
        '    type: external.onprem-server',
        '',
      ].join('\n'),
    );
    assertRefused(() => run(doc, ['region:us-east-1@1h']), '`region:us-east-1@1h`: no region `us-east-1` in this architecture');
  });

  it('is refused with the zones in use', () => {
    assertRefused(
      () => run(loadFixture('single-az-db'), ['zone:q@1h']),
      '`zone:q@1h`: no zone `q` in this architecture (zones in use: a, b, us-east-1a, us-east-1b)',
    );
  });
});
