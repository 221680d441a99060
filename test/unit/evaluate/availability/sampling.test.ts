/**
 * What the availability report says around the exact figure: the Monte Carlo cross-check (its
 * generator, its interval, how many samples and which seed), the what-if tables (single points of
 * failure, zone and region outages), and which engine answered and why (exact, conditional
 * estimate, plain sampling). Exact figures are checked against series / parallel / k-of-n formulas
 * written here; sampled ones against the exact figure within a stated number of standard errors,
 * with a fixed seed. Every figure is computed inside its `it` (see docs/testing.md).
 */
import { strict as assert } from 'node:assert';
import { compileModel } from '../../../../src/evaluate/availability/compile';
import { analyzeReliability } from '../../../../src/evaluate/availability/engine';
import { atLeastKofN } from '../../../../src/evaluate/availability/k-of-n';
import type { ReliabilityComponent, ReliabilityModel } from '../../../../src/evaluate/availability/model';
import { wilsonInterval, xoshiro128 } from '../../../../src/evaluate/availability/monte-carlo';
import { reliabilityComponent } from './components';

/** P(exactly j of n independent zones up), each up with probability p. */
function binomialOf(n: number, j: number, p: number): number {
  let coefficient = 1;
  for (let i = 1; i <= j; i++) coefficient = (coefficient * (n - j + i)) / i;
  return coefficient * p ** j * (1 - p) ** (n - j);
}

/** E[f(number of zones up)] over n independent zones, each up with probability p. */
function sumOverZones(n: number, p: number, f: (up: number) => number): number {
  let sum = 0;
  for (let j = 0; j <= n; j++) sum += binomialOf(n, j, p) * f(j);
  return sum;
}

const component = reliabilityComponent;

function model(components: ReliabilityComponent[], entryPoints: string[], zone = 0.95, region = 0.98): ReliabilityModel {
  return { components, entryPoints, zoneAvailability: zone, regionAvailability: region };
}

/**
 * xoshiro128** seeded by four outputs of splitmix32 (a Weyl sequence through MurmurHash3's
 * finaliser), written from the published algorithms with BigInt arithmetic: an implementation
 * independent of the engine's 32-bit integer tricks.
 */
function referenceGenerator(seed: number): () => number {
  const mask = 0xffffffffn;
  const mul = (a: bigint, b: bigint): bigint => (a * b) & mask;
  const rotl = (x: bigint, k: bigint): bigint => ((x << k) | (x >> (32n - k))) & mask;
  let weyl = BigInt(seed >>> 0);
  const splitmix = (): bigint => {
    weyl = (weyl + 0x9e3779b9n) & mask;
    let z = weyl;
    z = mul(z ^ (z >> 16n), 0x85ebca6bn);
    z = mul(z ^ (z >> 13n), 0xc2b2ae35n);
    return z ^ (z >> 16n);
  };
  const s = [splitmix(), splitmix(), splitmix(), splitmix()];
  return () => {
    const result = mul(rotl(mul(s[1]!, 5n), 7n), 9n);
    const t = (s[1]! << 9n) & mask;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11n);
    return Number(result) / 4294967296;
  };
}

describe('the Monte Carlo generator and interval', () => {
  for (const seed of [0, 1, 42, 7, 123_456_789, 0x7fffffff, 0xffffffff, -1]) {
    it(`seed ${seed}: the same numbers as xoshiro128** seeded by splitmix32, all in [0, 1)`, () => {
      const engine = xoshiro128(seed);
      const reference = referenceGenerator(seed);
      for (let i = 0; i < 200; i++) {
        const value = engine();
        assert.equal(value, reference(), `number ${i}`);
        assert.ok(value >= 0 && value < 1);
      }
    });
  }

  // Wilson score intervals at 95 % as published (Newcombe 1998, Statistics in Medicine 17: 857-872,
  // method 3, to four decimals), and the edges the report relies on.
  const wilson: [successes: number, samples: number, low: number, high: number][] = [
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [0, 10, 0, 0.2775],
    [5, 10, 0.2366, 0.7634],
    [10, 10, 0.7225, 1],
  ];
  for (const [successes, samples, low, high] of wilson) {
    it(`Wilson interval of ${successes} in ${samples}: ${low} to ${high}`, () => {
      const [l, h] = wilsonInterval(successes, samples);
      assert.ok(Math.abs(l - low) < 5e-5 && Math.abs(h - high) < 5e-5, `[${l}, ${h}]`);
      assert.ok(l >= 0 && h <= 1);
    });
  }

  it('no samples say nothing: the interval is [0, 1]', () => {
    assert.deepEqual(wilsonInterval(0, 0), [0, 1]);
    assert.deepEqual(wilsonInterval(3, -5), [0, 1]);
  });
});

/** Models whose exact availability is a formula, and that formula. */
const formulas: { name: string; build: () => ReliabilityModel; exact: () => number }[] = [
  {
    name: 'series: an API in one zone needs a regional database',
    build: () =>
      model(
        [
          component('api', { placement: 'zonal', zones: ['r1a'], hard: ['db'], unitAvailability: 0.9 }),
          component('db', { unitAvailability: 0.8 }),
        ],
        ['api'],
        0.95,
        0.97,
      ),
    exact: () => 0.97 * 0.95 * 0.9 * 0.8,
  },
  {
    name: 'parallel: failover between two regions',
    build: () =>
      model(
        [
          component('dns', { placement: 'global', unitAvailability: 1, anyOf: [['east', 'west']] }),
          component('east', { region: 'r1', unitAvailability: 0.7 }),
          component('west', { region: 'r2', unitAvailability: 0.6 }),
        ],
        ['dns'],
        0.95,
        0.9,
      ),
    exact: () => 1 - (1 - 0.9 * 0.7) * (1 - 0.9 * 0.6),
  },
  {
    name: 'k-of-n: a fleet needs 2 of its 3 units, one per zone',
    build: () =>
      model(
        [component('fleet', { placement: 'zonal', zones: ['r1a', 'r1b', 'r1c'], units: 3, minHealthy: 2, unitAvailability: 0.8 })],
        ['fleet'],
        0.9,
        0.95,
      ),
    exact: () => 0.95 * atLeastKofN(2, 3, 0.9 * 0.8),
  },
  {
    name: 'a load balancer needs its region, its own unit and one of its two zones',
    build: () => model([component('lb', { placement: 'load-balancer', zones: ['r1a', 'r1b'], unitAvailability: 0.85 })], ['lb'], 0.7, 0.9),
    exact: () => 0.9 * 0.85 * (1 - 0.3 * 0.3),
  },
  {
    name: 'two entry points, both needed: global x regional',
    build: () =>
      model(
        [component('cdn', { placement: 'global', unitAvailability: 0.75 }), component('api', { unitAvailability: 0.8 })],
        ['cdn', 'api'],
        0.95,
        0.9,
      ),
    exact: () => 0.75 * 0.9 * 0.8,
  },
];

describe('the Monte Carlo cross-check against the exact figure', () => {
  for (const { name, build, exact } of formulas) {
    it(`${name}: exact to the formula, sampled within four standard errors (seed 3, 40,000 samples)`, () => {
      const truth = exact();
      const report = analyzeReliability(build(), { monteCarloSamples: 40_000, seed: 3 });
      assert.equal(report.method, 'exact');
      assert.ok(Math.abs(report.probability - truth) < 1e-15, `exact ${report.probability} vs ${truth}`);
      assert.equal(report.monteCarlo.samples, 40_000);
      assert.equal(report.monteCarlo.seed, 3);
      const sigma = Math.sqrt((truth * (1 - truth)) / 40_000);
      assert.ok(Math.abs(report.monteCarlo.probability - truth) < 4 * sigma, `sampled ${report.monteCarlo.probability} vs ${truth}`);
      const [low, high] = report.monteCarlo.ci95;
      assert.deepEqual([low, high], wilsonInterval(Math.round(report.monteCarlo.probability * 40_000), 40_000));
      assert.ok(low <= truth && truth <= high, `${truth} outside [${low}, ${high}]`);
    });
  }

  it('the same seed gives the same figure, another seed another figure', () => {
    const m = formulas[0]!.build();
    const a = analyzeReliability(m, { monteCarloSamples: 5_000, seed: 11 }).monteCarlo.probability;
    const b = analyzeReliability(m, { monteCarloSamples: 5_000, seed: 11 }).monteCarlo.probability;
    const c = analyzeReliability(m, { monteCarloSamples: 5_000, seed: 12 }).monteCarlo.probability;
    assert.equal(a, b);
    assert.notEqual(a, c);
  });

  // What the report says it sampled, for the options a caller may pass.
  const options: { label: string; samples?: number; seed?: number; expectSamples: number; expectSeed: number }[] = [
    { label: 'defaults', expectSamples: 100_000, expectSeed: 42 },
    { label: 'a fractional count and seed are rounded down', samples: 2_500.9, seed: 7.9, expectSamples: 2_500, expectSeed: 7 },
    { label: 'a negative count skips the cross-check', samples: -5, expectSamples: 0, expectSeed: 42 },
    { label: 'zero skips the cross-check', samples: 0, seed: 5, expectSamples: 0, expectSeed: 5 },
    {
      label: 'a count or seed that is not a number means the default',
      samples: Number.NaN,
      seed: Number.NaN,
      expectSamples: 100_000,
      expectSeed: 42,
    },
    {
      label: 'an infinite count means the default',
      samples: Number.POSITIVE_INFINITY,
      seed: Number.POSITIVE_INFINITY,
      expectSamples: 100_000,
      expectSeed: 42,
    },
  ];
  for (const { label, samples, seed, expectSamples, expectSeed } of options) {
    it(`${label}: ${expectSamples} samples, seed ${expectSeed}`, () => {
      const m = model([component('api', { unitAvailability: 0.5 })], ['api'], 0.95, 1);
      const report = analyzeReliability(m, {
        ...(samples !== undefined ? { monteCarloSamples: samples } : {}),
        ...(seed !== undefined ? { seed } : {}),
      });
      assert.equal(report.monteCarlo.samples, expectSamples);
      assert.equal(report.monteCarlo.seed, expectSeed);
      if (expectSamples === 0) {
        assert.equal(report.monteCarlo.probability, 0);
        assert.deepEqual(report.monteCarlo.ci95, [0, 1]);
      } else {
        const sigma = Math.sqrt(0.25 / expectSamples);
        assert.ok(Math.abs(report.monteCarlo.probability - 0.5) < 4 * sigma, `${report.monteCarlo.probability}`);
        // The default seed is 42: the figure is the one an explicit 42 gives.
        if (expectSeed === 42)
          assert.equal(
            report.monteCarlo.probability,
            analyzeReliability(m, { monteCarloSamples: expectSamples, seed: 42 }).monteCarlo.probability,
          );
      }
    });
  }

  it('a large file gets fewer default samples: 20 million node visits, at least 1,000', () => {
    // 3,000 resources of which only the entry point is reached: cheap to sample, large to count.
    const components = [component('api', { placement: 'global', unitAvailability: 1 })];
    for (let i = 0; i < 3_000; i++) components.push(component(`idle-${i}`, { placement: 'global', unitAvailability: 1 }));
    const m = model(components, ['api'], 1, 1);
    const nodes = compileModel(m).nodeCount;
    assert.ok(nodes >= 3_001);
    const report = analyzeReliability(m);
    assert.equal(report.monteCarlo.samples, Math.max(1_000, Math.min(100_000, Math.floor(20_000_000 / nodes))));
    assert.ok(report.monteCarlo.samples < 100_000);
    assert.equal(report.monteCarlo.probability, 1);
  });
});

describe('the what-if tables', () => {
  const cases: {
    name: string;
    build: () => ReliabilityModel;
    spof: string[];
    zoneOutage: [string, boolean][];
    regionOutage: [string, boolean][];
  }[] = [
    {
      name: 'one instance per zone behind a load balancer: only the balancer and the database are single points',
      build: () =>
        model(
          [
            component('lb', { placement: 'load-balancer', zones: ['r1a', 'r1b'], hard: ['web'] }),
            component('web', { placement: 'zonal', zones: ['r1a', 'r1b'], units: 2 }),
            component('db', { placement: 'zonal', zones: ['r1a'] }),
            component('users', { placement: 'external', hard: ['lb', 'db'] }),
          ],
          ['users'],
        ),
      spof: ['lb', 'db'],
      zoneOutage: [
        ['r1a', false],
        ['r1b', true],
      ],
      regionOutage: [],
    },
    {
      name: 'a fleet that needs both of its units: it is a single point, and each zone is needed',
      build: () => model([component('fleet', { placement: 'zonal', zones: ['r1a', 'r1b'], units: 2, minHealthy: 2 })], ['fleet']),
      spof: ['fleet'],
      zoneOutage: [
        ['r1a', false],
        ['r1b', false],
      ],
      regionOutage: [],
    },
    {
      name: 'a resource nothing reaches is never a single point; an external one never fails',
      build: () =>
        model(
          [
            component('api', { placement: 'global', hard: ['partner'] }),
            component('partner', { placement: 'external' }),
            component('orphan', { placement: 'zonal', zones: ['r1c'] }),
          ],
          ['api'],
        ),
      spof: ['api'],
      zoneOutage: [['r1c', true]],
      regionOutage: [],
    },
    {
      name: 'failover between two regions: either region may go, the DNS is the single point',
      build: () =>
        model(
          [
            component('dns', { placement: 'global', anyOf: [['east', 'west']] }),
            component('east', { region: 'r1' }),
            component('west', { region: 'r2', placement: 'zonal', zones: ['r2a'] }),
          ],
          ['dns'],
        ),
      spof: ['dns'],
      zoneOutage: [['r2a', true]],
      regionOutage: [
        ['r1', true],
        ['r2', true],
      ],
    },
    {
      name: 'two regions in series: each region outage stops the system',
      build: () => model([component('front', { region: 'r1', hard: ['back'] }), component('back', { region: 'r2' })], ['front']),
      spof: ['front', 'back'],
      zoneOutage: [],
      regionOutage: [
        ['r1', false],
        ['r2', false],
      ],
    },
    {
      name: 'a system that is down with everything up has no single point of failure to name',
      build: () =>
        model(
          [component('api', { hard: ['dead'] }), component('dead', { unitAvailability: 0, placement: 'zonal', zones: ['r1a'] })],
          ['api'],
        ),
      spof: [],
      zoneOutage: [['r1a', false]],
      regionOutage: [],
    },
  ];
  for (const { name, build, spof, zoneOutage, regionOutage } of cases) {
    it(name, () => {
      const report = analyzeReliability(build(), { monteCarloSamples: 0 });
      assert.deepEqual([...report.spof].sort(), [...spof].sort(), 'single points of failure');
      assert.deepEqual([...report.zoneOutage], zoneOutage, 'zone outages');
      assert.deepEqual([...report.regionOutage], regionOutage, 'region outages');
    });
  }
});

/**
 * A ring of regions: stack i needs regions i and i+1 (one resource in each, each unit up with
 * probability q), and the DNS fails over between all the stacks. Every region is shared by two
 * stacks around the ring, so no part of it is independent of the rest: the exact computation
 * conditions on region after region, and past about a dozen regions it exceeds its budget for
 * even one zone state.
 */
function ring(n: number, q: number, region: number): ReliabilityModel {
  const components = [
    component('dns', { placement: 'global', unitAvailability: 1, anyOf: [Array.from({ length: n }, (_, i) => `s${i}`)] }),
  ];
  for (let i = 0; i < n; i++) {
    components.push(component(`s${i}`, { placement: 'global', unitAvailability: 1, hard: [`a${i}`, `b${i}`] }));
    components.push(component(`a${i}`, { region: `r${i}`, unitAvailability: q }));
    components.push(component(`b${i}`, { region: `r${(i + 1) % n}`, unitAvailability: q }));
  }
  return model(components, ['dns'], 0.99, region);
}

/**
 * The ring's availability by a transfer matrix around it (state: region i up or down). The system
 * fails when no stack works: summed over the cyclic region states, prod P(r_i) x prod over i of
 * (1 - q^2 when r_i and r_i+1 are both up, else 1), which is the trace of M^n.
 */
function ringTruth(n: number, q: number, region: number): number {
  const p = [1 - region, region];
  const m = [
    [p[0]!, p[1]!],
    [p[0]!, p[1]! * (1 - q * q)],
  ];
  let power = [
    [1, 0],
    [0, 1],
  ];
  for (let i = 0; i < n; i++) power = [0, 1].map((r) => [0, 1].map((c) => power[r]![0]! * m[0]![c]! + power[r]![1]! * m[1]![c]!));
  return 1 - (power[0]![0]! + power[1]![1]!);
}

describe('which engine answered, and why', () => {
  it('a ring of 8 regions is exact, to the transfer-matrix figure, with no note', () => {
    const report = analyzeReliability(ring(8, 0.9, 0.6), { monteCarloSamples: 0 });
    assert.equal(report.method, 'exact');
    assert.equal(report.note, undefined);
    assert.equal(report.estimateInterval, undefined);
    assert.ok(report.conditioningSteps > 0, 'the ring needs conditioning');
    assert.ok(Math.abs(report.probability - ringTruth(8, 0.9, 0.6)) < 1e-14, `${report.probability}`);
  });

  it('a ring of 20 regions is sampled plainly, says so, and its interval holds the transfer-matrix figure', () => {
    const m = ring(20, 0.9, 0.6);
    const truth = ringTruth(20, 0.9, 0.6);
    const report = analyzeReliability(m, { monteCarloSamples: 0 });
    assert.equal(report.method, 'monte-carlo-estimate');
    const [low, high] = report.estimateInterval!;
    assert.ok(low <= truth && truth <= high, `${truth} outside [${low}, ${high}]`);
    assert.ok(low <= report.probability && report.probability <= high);
    // As many draws as three million node visits allow (at least 1,000, at most 100,000).
    const system = compileModel(m);
    const size = system.nodeCount + system.childOccurrences.reduce((sum, list) => sum + list.length, 0);
    const samples = Math.max(1_000, Math.min(100_000, Math.floor(3_000_000 / size)));
    assert.deepEqual([low, high], wilsonInterval(Math.round(report.probability * samples), samples));
    const digits = (x: number): string => (x * 100).toFixed(4);
    assert.equal(
      report.note,
      'Estimated, not exact: the architecture depends on too many zones and regions jointly for the exact computation, so the figures ' +
        `are averaged over ${samples.toLocaleString('en-US')} random samples of every unit, zone and region (95 % interval ${digits(low)} % to ${digits(high)} %).`,
    );
    // Each stack's own figure stays exact: its two regions and units.
    assert.ok(Math.abs(report.byComponent.get('s3')! - 0.6 * 0.6 * 0.9 * 0.9) < 1e-15);
  });

  it('forty zones shared by two stacks under failover: estimated over exact zone states, to the sum over zones down', () => {
    const zones = Array.from({ length: 40 }, (_, i) => `r1-z${i}`);
    const m = model(
      [
        component('dns', { placement: 'global', unitAvailability: 0.999, anyOf: [['blue', 'green']] }),
        component('blue', { placement: 'load-balancer', zones, unitAvailability: 0.99, hard: ['blue-fleet'] }),
        component('blue-fleet', { placement: 'zonal', units: 40, minHealthy: 37, zones, unitAvailability: 0.99 }),
        component('green', { placement: 'load-balancer', zones, unitAvailability: 0.98, hard: ['green-fleet'] }),
        component('green-fleet', { placement: 'zonal', units: 40, minHealthy: 36, zones, unitAvailability: 0.97 }),
      ],
      ['dns'],
      0.99,
      0.97,
    );
    // With j of the 40 zones up (one unit in each), the stacks are independent given j.
    const stacks = (j: number): number => 1 - (1 - 0.99 * atLeastKofN(37, j, 0.99)) * (1 - 0.98 * atLeastKofN(36, j, 0.97));
    let given = 0;
    for (let j = 1; j <= 40; j++) given += binomialOf(40, j, 0.99) * stacks(j);
    const truth = 0.97 * 0.999 * given;
    const report = analyzeReliability(m, { monteCarloSamples: 0 });
    assert.equal(report.method, 'monte-carlo-estimate');
    assert.ok(Math.abs(report.probability - truth) < 1e-12, `${report.probability} vs ${truth}`);
    // Far from what every zone up would give: the zone states down are really computed.
    assert.ok(Math.abs(0.97 * 0.999 * stacks(40) - truth) > 1e-3);
    const [low, high] = report.estimateInterval!;
    assert.ok(low <= truth && truth <= high && high - low < 1e-5, `${truth} in [${low}, ${high}]`);
    // Every stratum up to two zones down is enumerated (780 sets of two fit the share of the
    // budget that two zones down get), the later ones sampled or enumerated in proportion to
    // their mass; here every set of k zones down gives the same figure, so the interval is only
    // rounding, and the note says so rather than print twelve decimals.
    assert.equal(
      report.note,
      'Estimated, not exact: the architecture depends on too many zones and regions jointly for the exact computation, so the figures ' +
        'are averaged over 2,014 zone states (all zones up, one down, … enumerated where few, sampled where many), each computed exactly ' +
        `(95 % interval under a millionth of a point wide, at ${(truth * 100).toFixed(6)} %).`,
    );
  });

  it('two fleets in different halves of forty zones, balancers over all: down zones drawn at random, the interval holds the double sum', () => {
    const a = Array.from({ length: 20 }, (_, i) => `r1-a${i}`);
    const b = Array.from({ length: 20 }, (_, i) => `r1-b${i}`);
    const m = model(
      [
        component('dns', { placement: 'global', unitAvailability: 0.999, anyOf: [['blue', 'green']] }),
        component('blue', { placement: 'load-balancer', zones: [...a, ...b], unitAvailability: 0.99, hard: ['blue-fleet'] }),
        component('blue-fleet', { placement: 'zonal', units: 20, minHealthy: 18, zones: a, unitAvailability: 0.99 }),
        component('green', { placement: 'load-balancer', zones: [...a, ...b], unitAvailability: 0.98, hard: ['green-fleet'] }),
        component('green-fleet', { placement: 'zonal', units: 20, minHealthy: 16, zones: b, unitAvailability: 0.97 }),
      ],
      ['dns'],
      0.98,
      0.97,
    );
    // With i zones of the first half up and j of the second, the balancers need one of them, blue
    // 18 of its i usable units and green 16 of its j.
    let given = 0;
    for (let i = 0; i <= 20; i++)
      for (let j = 0; j <= 20; j++)
        if (i + j >= 1)
          given +=
            binomialOf(20, i, 0.98) *
            binomialOf(20, j, 0.98) *
            (1 - (1 - 0.99 * atLeastKofN(18, i, 0.99)) * (1 - 0.98 * atLeastKofN(16, j, 0.97)));
    const truth = 0.97 * 0.999 * given;
    const report = analyzeReliability(m, { monteCarloSamples: 0 });
    assert.equal(report.method, 'monte-carlo-estimate');
    const [low, high] = report.estimateInterval!;
    assert.ok(low <= truth && truth <= high, `${truth} outside [${low}, ${high}]`);
    assert.ok(low <= report.probability && report.probability <= high && high - low < 5e-4, `${report.probability} in [${low}, ${high}]`);
  });

  // Zones far less available than AWS's (90 % each, 30 of them): the zones down are spread over a
  // dozen strata. The estimate used to give each sampled stratum a fixed quarter of the budget,
  // ran out after the first few and counted the rest as failing (89.78 % for a true 96.76 %).
  it('thirty zones at 90 %, shared by two stacks: every stratum of zones down is counted, to the sum over zones up', () => {
    const zones = Array.from({ length: 30 }, (_, i) => `r1-z${i}`);
    const m = model(
      [
        component('dns', { placement: 'global', unitAvailability: 0.999, anyOf: [['blue', 'green']] }),
        component('blue', { placement: 'load-balancer', zones, unitAvailability: 0.99, hard: ['blue-fleet'] }),
        component('blue-fleet', { placement: 'zonal', units: 30, minHealthy: 24, zones, unitAvailability: 0.99 }),
        component('green', { placement: 'load-balancer', zones, unitAvailability: 0.98, hard: ['green-fleet'] }),
        component('green-fleet', { placement: 'zonal', units: 30, minHealthy: 20, zones, unitAvailability: 0.97 }),
      ],
      ['dns'],
      0.9,
      0.97,
    );
    const stacks = (j: number): number => 1 - (1 - 0.99 * atLeastKofN(24, j, 0.99)) * (1 - 0.98 * atLeastKofN(20, j, 0.97));
    let given = 0;
    for (let j = 1; j <= 30; j++) given += binomialOf(30, j, 0.9) * stacks(j);
    const truth = 0.97 * 0.999 * given;
    const report = analyzeReliability(m, { monteCarloSamples: 0 });
    assert.equal(report.method, 'monte-carlo-estimate');
    // Every set of k zones down gives the same figure here, so the strata make the estimate exact.
    assert.ok(Math.abs(report.probability - truth) < 1e-12, `${report.probability} vs ${truth}`);
    const [low, high] = report.estimateInterval!;
    assert.ok(low <= truth && truth <= high && high - low < 1e-9, `${truth} in [${low}, ${high}]`);
  });

  it('thirty zones at 90 %, two fleets in different halves: down zones drawn in every stratum, the interval holds the double sum', () => {
    const a = Array.from({ length: 15 }, (_, i) => `r1-a${i}`);
    const b = Array.from({ length: 15 }, (_, i) => `r1-b${i}`);
    const m = model(
      [
        component('dns', { placement: 'global', unitAvailability: 0.999, anyOf: [['blue', 'green']] }),
        component('blue', { placement: 'load-balancer', zones: [...a, ...b], unitAvailability: 0.99, hard: ['blue-fleet'] }),
        component('blue-fleet', { placement: 'zonal', units: 15, minHealthy: 12, zones: a, unitAvailability: 0.99 }),
        component('green', { placement: 'load-balancer', zones: [...a, ...b], unitAvailability: 0.98, hard: ['green-fleet'] }),
        component('green-fleet', { placement: 'zonal', units: 15, minHealthy: 11, zones: b, unitAvailability: 0.97 }),
      ],
      ['dns'],
      0.9,
      0.97,
    );
    let given = 0;
    for (let i = 0; i <= 15; i++)
      for (let j = 0; j <= 15; j++)
        if (i + j >= 1)
          given +=
            binomialOf(15, i, 0.9) *
            binomialOf(15, j, 0.9) *
            (1 - (1 - 0.99 * atLeastKofN(12, i, 0.99)) * (1 - 0.98 * atLeastKofN(11, j, 0.97)));
    const truth = 0.97 * 0.999 * given;
    const report = analyzeReliability(m, { monteCarloSamples: 0 });
    assert.equal(report.method, 'monte-carlo-estimate');
    const [low, high] = report.estimateInterval!;
    assert.ok(low <= truth && truth <= high, `${truth} outside [${low}, ${high}]`);
    // Close to the truth, not at the low end of a wide interval.
    assert.ok(Math.abs(report.probability - truth) < 1e-3 && high - low < 3e-3, `${report.probability} vs ${truth} in [${low}, ${high}]`);
  });

  // A budget too small for anything exact: the zone states are enumerated instead (with zones
  // always up or always down, a single state), so the figure is exact and says nothing.
  for (const zone of [1, 0, 0.5]) {
    it(`zones up with probability ${zone}, a budget of 5 units: every zone state enumerated, exact`, () => {
      const m = model(
        [
          component('dns', { placement: 'global', unitAvailability: 0.999, anyOf: [['fleet', 'edge']] }),
          component('fleet', { placement: 'zonal', zones: ['r1a', 'r1b', 'r1c'], units: 3, minHealthy: 2, unitAvailability: 0.9 }),
          component('edge', { placement: 'global', unitAvailability: 0.95 }),
        ],
        ['dns'],
        zone,
        0.99,
      );
      const report = analyzeReliability(m, { monteCarloSamples: 0, exactWorkBudget: 5 });
      assert.equal(report.method, 'exact');
      assert.equal(report.note, undefined);
      // The fleet also needs its region; the edge is global.
      const truth = 0.999 * (1 - (1 - 0.99 * sumOverZones(3, zone, (up) => atLeastKofN(2, up, 0.9))) * (1 - 0.95));
      assert.ok(Math.abs(report.probability - truth) < 1e-14, `${report.probability} vs ${truth}`);
    });
  }

  it('a work budget of 0 is a budget (estimated), a negative one means the default (exact)', () => {
    const m = model(
      [
        component('dns', { placement: 'global', unitAvailability: 1, anyOf: [['a', 'b']] }),
        component('a', { placement: 'zonal', zones: ['r1a', 'r1b', 'r1c'], units: 3, minHealthy: 2, unitAvailability: 0.9 }),
        component('b', { placement: 'zonal', zones: ['r1b', 'r1c', 'r1d'], units: 3, minHealthy: 2, unitAvailability: 0.8 }),
      ],
      ['dns'],
      0.9,
      0.99,
    );
    const exact = analyzeReliability(m, { monteCarloSamples: 0 });
    const negative = analyzeReliability(m, { monteCarloSamples: 0, exactWorkBudget: -1 });
    const zero = analyzeReliability(m, { monteCarloSamples: 0, exactWorkBudget: 0 });
    assert.equal(exact.method, 'exact');
    assert.equal(negative.method, 'exact');
    assert.equal(negative.conditioningSteps, exact.conditioningSteps);
    assert.equal(negative.probability, exact.probability);
    // Four zones: every zone state enumerated, so the "estimate" is the exact value and says nothing.
    assert.equal(zero.method, 'exact');
    assert.equal(zero.note, undefined);
    assert.ok(Math.abs(zero.probability - exact.probability) < 1e-14);
    assert.notEqual(zero.conditioningSteps, exact.conditioningSteps);
  });

  it('an exact system figure with estimated resource figures names them, five at most', () => {
    const zones = Array.from({ length: 12 }, (_, i) => `r1${String.fromCharCode(97 + i)}`);
    const stack = (colour: string, unit: number, need: number): ReliabilityComponent[] => [
      component(colour, { placement: 'load-balancer', unitAvailability: unit, zones, hard: [`${colour}-fleet`] }),
      component(`${colour}-fleet`, { placement: 'zonal', units: 12, minHealthy: need, zones, unitAvailability: 0.95 }),
    ];
    const m = model(
      [
        component('api', { unitAvailability: 0.99 }),
        component('dns', { placement: 'global', unitAvailability: 0.999, anyOf: [['blue', 'green', 'red']] }),
        ...stack('blue', 0.99, 8),
        ...stack('green', 0.98, 6),
        ...stack('red', 0.97, 7),
      ],
      ['api'],
      0.9,
      0.99,
    );
    const exact = analyzeReliability(m, { monteCarloSamples: 0, exactWorkBudget: 1e9 });
    const report = analyzeReliability(m, { monteCarloSamples: 0, exactWorkBudget: 5 });
    assert.equal(report.method, 'exact');
    assert.equal(report.probability, 0.99 * 0.99);
    assert.equal(report.estimateInterval, undefined);
    assert.match(
      report.note ?? '',
      /^The system figure is exact; the figures of 7 resource\(s\) \(dns, blue, blue-fleet, green, green-fleet, …\) are estimated over [\d,]+ zone states \(all zones up, one down, … enumerated where few, sampled where many\), each computed exactly\.$/,
    );
    // Every zone spans every stack alike, so the sampled strata are exact here too.
    for (const [name, p] of exact.byComponent)
      assert.ok(Math.abs(report.byComponent.get(name)! - p) < 1e-12, `${name}: ${report.byComponent.get(name)} vs ${p}`);
  });
});
