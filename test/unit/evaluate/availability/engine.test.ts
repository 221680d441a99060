/**
 * The exact engine against the independent brute force, on hand-made models where the naive
 * product is wrong and on a few hundred random small models (shared zones, diamonds, any-of
 * groups over shared parts, k-of-n, several regions, dependency cycles).
 */
import { strict as assert } from 'node:assert';
import { analyzeReliability } from '../../../../src/evaluate/availability/engine';
import type {
  ComponentPlacement,
  ReliabilityComponent,
  ReliabilityModel,
  ReliabilityReport,
} from '../../../../src/evaluate/availability/model';
import { seededRandom } from '../../../../bench/generate';
import { bruteForce, type DeterministicOutcomes } from './brute-force';
import { reliabilityComponent } from './components';

/**
 * The test's own generator of random models (the benchmark's mulberry32), not the engine's
 * xoshiro128: the models are drawn while the file loads, and code a test file runs at load is
 * what mutation testing cannot attribute to a test (see docs/testing.md), so the sampler's mutants
 * would go untested.
 */
const mulberry32 = seededRandom;

const component = reliabilityComponent;

function model(
  components: ReliabilityComponent[],
  entryPoints: string[],
  zoneAvailability = 0.95,
  regionAvailability = 0.98,
): ReliabilityModel {
  return { components, entryPoints, zoneAvailability, regionAvailability };
}

function assertAgrees(m: ReliabilityModel, label: string): void {
  const exact = analyzeReliability(m, { monteCarloSamples: 2_000 });
  const brute = bruteForce(m)!;
  assert.ok(
    Math.abs(exact.probability - brute.probability) < 1e-12,
    `${label}: engine ${exact.probability} vs brute force ${brute.probability}`,
  );
  for (const [name, p] of brute.byComponent) {
    const q = exact.byComponent.get(name)!;
    assert.ok(Math.abs(p - q) < 1e-12, `${label}: ${name} engine ${q} vs brute force ${p}`);
  }
  assertSameOutcomes(exact, brute.outcomes, label);
}

/** The report's what-ifs (single points of failure, zone and region outages) against the brute force's. */
function assertSameOutcomes(report: ReliabilityReport, outcomes: DeterministicOutcomes, label: string): void {
  assert.deepEqual([...report.spof].sort(), [...outcomes.spof].sort(), `${label}: single points of failure`);
  assert.deepEqual(new Map([...report.zoneOutage].sort()), new Map([...outcomes.zoneOutage].sort()), `${label}: zone outages`);
  assert.deepEqual(new Map([...report.regionOutage].sort()), new Map([...outcomes.regionOutage].sort()), `${label}: region outages`);
}

describe('availability engine: exact computation against brute force', () => {
  it('two resources in the same zone fail together (the naive product is wrong)', () => {
    const m = model(
      [component('app', { placement: 'zonal', zones: ['r1a'], hard: ['db'] }), component('db', { placement: 'zonal', zones: ['r1a'] })],
      ['app'],
    );
    const naive = (0.99 * 0.95 * 0.98) ** 2;
    const expected = 0.99 * 0.99 * 0.95 * 0.98;
    const result = analyzeReliability(m, { monteCarloSamples: 0 });
    assert.ok(Math.abs(result.probability - expected) < 1e-15, `${result.probability} vs ${expected}`);
    assert.ok(Math.abs(result.probability - naive) > 1e-3);
    assertAgrees(m, 'shared zone');
  });

  it('a diamond: two paths to one database counts the database once', () => {
    const m = model(
      [
        component('lb', { anyOf: [['web-1', 'web-2']] }),
        component('web-1', { placement: 'zonal', zones: ['r1a'], hard: ['db'] }),
        component('web-2', { placement: 'zonal', zones: ['r1b'], hard: ['db'] }),
        component('db', { placement: 'zonal', zones: ['r1a', 'r1b'], units: 2 }),
      ],
      ['lb'],
    );
    assertAgrees(m, 'diamond');
  });

  it('failover routing whose two stacks share one dependency', () => {
    const m = model(
      [
        component('dns', { placement: 'global', unitAvailability: 1, anyOf: [['stack-1', 'stack-2']] }),
        component('stack-1', { region: 'r1', hard: ['table'] }),
        component('stack-2', { region: 'r2', hard: ['table'] }),
        component('table', { placement: 'global', unitAvailability: 0.999 }),
      ],
      ['dns'],
    );
    const result = analyzeReliability(m, { monteCarloSamples: 0 });
    const stack = 0.99 * 0.98;
    assert.ok(Math.abs(result.probability - 0.999 * (1 - (1 - stack) ** 2)) < 1e-15);
    assertAgrees(m, 'failover sharing a table');
  });

  it('k-of-n: an auto scaling group that needs 2 of its 3 units', () => {
    const m = model([component('asg', { placement: 'zonal', zones: ['r1a', 'r1b', 'r1c'], units: 3, minHealthy: 2 })], ['asg']);
    assertAgrees(m, 'k-of-n');
  });

  it('an any-of group whose names are all unknown is dropped, not made impossible', () => {
    const m = model([component('api', { anyOf: [['typo-1', 'typo-2']], hard: ['db'] }), component('db')], ['api']);
    const result = analyzeReliability(m, { monteCarloSamples: 0 });
    assert.ok(Math.abs(result.probability - 0.99 * 0.99 * 0.98) < 1e-15, `${result.probability}`);
    assertAgrees(m, 'unknown any-of');
  });

  it('a resource that never works fails every what-if, and its standby carries the system', () => {
    const m = model(
      [
        component('api', { anyOf: [['broken', 'standby']] }),
        component('broken', { placement: 'zonal', zones: ['r1a'], unitAvailability: 0 }),
        component('standby', { placement: 'zonal', zones: ['r1b'] }),
      ],
      ['api'],
    );
    const result = analyzeReliability(m, { monteCarloSamples: 0 });
    assert.deepEqual(
      [...result.zoneOutage],
      [
        ['r1a', true],
        ['r1b', false],
      ],
    );
    assert.deepEqual(result.spof, ['api', 'standby']);
    assertAgrees(m, 'never works');
  });

  it('a zonal resource without zones, or a regional one that lists zones, needs only its region', () => {
    const m = model(
      [
        component('api', { hard: ['workers', 'db'] }),
        component('workers', { placement: 'zonal', zones: [], units: 2, minHealthy: 2 }),
        component('db', { placement: 'regional', zones: ['r1a', 'r1b'] }),
        component('cache', { placement: 'zonal', zones: ['r1a'] }),
      ],
      ['api'],
    );
    const result = analyzeReliability(m, { monteCarloSamples: 0 });
    assert.ok(Math.abs(result.probability - 0.99 ** 4 * 0.98) < 1e-15, `${result.probability}`);
    assert.deepEqual([...result.zoneOutage], [['r1a', true]]);
    assertAgrees(m, 'no zones');
  });

  it('a load balancer needs its region and at least one of its zones', () => {
    const m = model(
      [
        component('lb', { placement: 'load-balancer', zones: ['r1a', 'r1b'], unitAvailability: 0.999, hard: ['web'] }),
        component('web', { placement: 'zonal', zones: ['r1a', 'r1b'], units: 2 }),
      ],
      ['lb'],
    );
    assertAgrees(m, 'load balancer');
  });

  it('a dependency cycle requires all its members up and terminates', () => {
    const m = model(
      [
        component('a', { hard: ['b'] }),
        component('b', { hard: ['c'] }),
        component('c', { hard: ['a', 'd'], anyOf: [['a', 'e']] }),
        component('d', { placement: 'global' }),
        component('e', { placement: 'global' }),
      ],
      ['a'],
    );
    assertAgrees(m, 'cycle');
    const result = analyzeReliability(m, { monteCarloSamples: 0 });
    assert.ok(Math.abs(result.probability - 0.99 ** 4 * 0.98) < 1e-15);
  });

  it('external components never fail', () => {
    const m = model([component('users', { placement: 'external', unitAvailability: 0, hard: ['api'] }), component('api')], ['users']);
    assert.ok(Math.abs(analyzeReliability(m, { monteCarloSamples: 0 }).probability - 0.99 * 0.98) < 1e-15);
  });

  it('never returns NaN or Infinity for degenerate inputs', () => {
    const m = model(
      [
        component('a', { unitAvailability: Number.NaN, units: Number.POSITIVE_INFINITY, hard: ['missing', 'b'] }),
        component('b', { units: -3, minHealthy: 7 }),
      ],
      ['a', 'nobody'],
      Number.NaN,
      2,
    );
    const result = analyzeReliability(m, { monteCarloSamples: 100 });
    assert.ok(Number.isFinite(result.probability));
    for (const p of result.byComponent.values()) assert.ok(Number.isFinite(p));
    assert.ok(Number.isFinite(result.monteCarlo.probability));
  });

  it('reads a non-finite availability as never up and a non-finite unit count as one unit', () => {
    // Regional components in one region at 98%: `broken` (availability NaN) never works; `many`
    // (units +Infinity, 90% each, one needed) is one unit, not the most a component may have.
    const m = model(
      [
        component('broken', { unitAvailability: Number.NaN }),
        component('many', { unitAvailability: 0.9, units: Number.POSITIVE_INFINITY, minHealthy: Number.NaN }),
      ],
      ['many'],
    );
    const result = analyzeReliability(m, { monteCarloSamples: 0 });
    assert.equal(result.byComponent.get('broken'), 0);
    assert.ok(Math.abs(result.probability - 0.98 * 0.9) < 1e-15, `system ${result.probability}`);
    // As one of two alternatives, the broken one leaves the other to carry the system (a NaN
    // carried into the computation would make the whole figure unknown, read as 0).
    const alternatives = model(
      [component('front', { anyOf: [['broken', 'backup']] }), component('broken', { unitAvailability: Number.NaN }), component('backup')],
      ['front'],
    );
    const withAlternatives = analyzeReliability(alternatives, { monteCarloSamples: 0 });
    assert.ok(Math.abs(withAlternatives.probability - 0.98 * 0.99 * 0.99) < 1e-15, `system ${withAlternatives.probability}`);
  });

  describe('random small models', () => {
    const random = mulberry32(7);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    for (let trial = 0; trial < 250; trial++) {
      const size = 2 + Math.floor(random() * 5);
      const names = Array.from({ length: size }, (_, i) => `c${i}`);
      let unitBudget = 5;
      const components: ReliabilityComponent[] = names.map((name, i) => {
        const placement = pick<ComponentPlacement>(['zonal', 'zonal', 'zonal', 'regional', 'load-balancer', 'global', 'external']);
        const region = pick(['r1', 'r1', 'r2']);
        const zones = pick([['a'], ['a', 'b'], ['b', 'c'], ['a', 'b', 'c'], ['c']]).map((z) => `${region}${z}`);
        const units = placement === 'zonal' ? Math.min(Math.max(1, unitBudget), 1 + Math.floor(random() * 3)) : 1;
        unitBudget -= units;
        const later = names.slice(i + 1);
        const any = names.filter((n) => n !== name);
        const hard: string[] = [];
        const anyOf: string[][] = [];
        for (const other of later) if (random() < 0.3) hard.push(other);
        if (random() < 0.08 && any.length > 0) hard.push(pick(any)); // sometimes a back edge: a cycle
        if (later.length >= 2 && random() < 0.5) anyOf.push(later.filter(() => random() < 0.6));
        return {
          name,
          placement,
          unitAvailability: pick([0.9, 0.95, 0.99, 0.5, 1]),
          units,
          minHealthy: random() < 0.2 ? 2 : 1,
          region,
          zones: placement === 'zonal' || placement === 'load-balancer' ? zones : [],
          hard,
          anyOf,
        };
      });
      const entryPoints = names.filter((_, i) => i === 0 || random() < 0.2);
      const m = model(components, entryPoints, pick([0.9, 0.97, 1]), pick([0.95, 0.99, 1]));
      it(`trial ${trial}: ${size} components`, () => {
        const brute = bruteForce(m, 18)!;
        const result = analyzeReliability(m, { monteCarloSamples: 4_000, seed: trial });
        assert.ok(
          Math.abs(result.probability - brute.probability) < 1e-12,
          `engine ${result.probability} vs brute force ${brute.probability}\n${JSON.stringify(m)}`,
        );
        for (const [name, p] of brute.byComponent) {
          assert.ok(
            Math.abs(result.byComponent.get(name)! - p) < 1e-12,
            `${name}: engine ${result.byComponent.get(name)} vs brute ${p}\n${JSON.stringify(m)}`,
          );
        }
        assertSameOutcomes(result, brute.outcomes, JSON.stringify(m));
        // A loose bound (five standard errors) so the check can fail only for a real error.
        const sigma = Math.sqrt(Math.max(brute.probability * (1 - brute.probability), 1e-6) / result.monteCarlo.samples);
        assert.ok(
          Math.abs(result.monteCarlo.probability - brute.probability) < 5 * sigma + 1e-9,
          `Monte Carlo ${result.monteCarlo.probability} vs ${brute.probability}`,
        );
      });
    }
  });
});
