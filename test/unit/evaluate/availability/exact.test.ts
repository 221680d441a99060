/**
 * The exact solver's figures against closed forms written here by hand: uneven k-of-n placements,
 * load balancers sharing zones with their fleets (the zone program), shared modules under
 * failover (conditioning on a node), several regions, and a fleet over more zones than the
 * solver's numeric cache keys hold. Each row gives the system figure and some resources' own
 * figures, as the report shows them; every figure is computed inside its `it`.
 */
import { strict as assert } from 'node:assert';
import { analyzeReliability } from '../../../../src/evaluate/availability/engine';
import { atLeastKofN } from '../../../../src/evaluate/availability/k-of-n';
import type { ReliabilityComponent, ReliabilityModel } from '../../../../src/evaluate/availability/model';
import { reliabilityComponent } from './components';

function component(name: string, extra: Partial<ReliabilityComponent> = {}): ReliabilityComponent {
  return reliabilityComponent(name, { placement: 'zonal', unitAvailability: 0.9, ...extra });
}

/** P(exactly j of n independent zones up), each up with probability p. */
function binomial(n: number, j: number, p: number): number {
  let coefficient = 1;
  for (let i = 1; i <= j; i++) coefficient = (coefficient * (n - j + i)) / i;
  return coefficient * p ** j * (1 - p) ** (n - j);
}

const Z = 0.9; // a zone up
const R = 0.97; // a region up

interface Row {
  readonly name: string;
  readonly components: () => ReliabilityComponent[];
  readonly entryPoints: readonly string[];
  /** The system figure. */
  readonly system: () => number;
  /** Some resources' own figures. */
  readonly own?: () => Record<string, number>;
  readonly method?: 'exact' | 'monte-carlo-estimate';
}

const rows: Row[] = [
  {
    name: 'three units over two zones (two in the first), two needed: the first zone must be up',
    components: () => [component('fleet', { units: 3, minHealthy: 2, zones: ['r1a', 'r1b'], unitAvailability: 0.8 })],
    entryPoints: ['fleet'],
    // Both zones up: 2 of 3 units; only the first: both of its 2 units; only the second: 1 unit, too few.
    system: () => R * (Z * Z * atLeastKofN(2, 3, 0.8) + Z * (1 - Z) * 0.8 * 0.8),
  },
  {
    name: 'a load balancer over three zones and its fleet of three, one needed: a sum over the zone states',
    components: () => [
      component('lb', { placement: 'load-balancer', zones: ['r1a', 'r1b', 'r1c'], unitAvailability: 0.99, hard: ['web'] }),
      component('web', { units: 3, zones: ['r1a', 'r1b', 'r1c'], unitAvailability: 0.7 }),
    ],
    entryPoints: ['lb'],
    // With j zones up the balancer has a zone and j units may be up; with none, nothing works.
    system: () => {
      let given = 0;
      for (let j = 1; j <= 3; j++) given += binomial(3, j, Z) * 0.99 * (1 - 0.3 ** j);
      return R * given;
    },
    own: () => ({
      lb: (() => {
        let given = 0;
        for (let j = 1; j <= 3; j++) given += binomial(3, j, Z) * 0.99 * (1 - 0.3 ** j);
        return R * given;
      })(),
      web: R * (1 - (1 - Z * 0.7) ** 3),
    }),
  },
  {
    name: 'failover between two web servers that share a cache in the first zone (conditioning on the cache)',
    components: () => [
      component('dns', { placement: 'global', unitAvailability: 1, anyOf: [['web-1', 'web-2']] }),
      component('web-1', { zones: ['r1a'], unitAvailability: 0.8, hard: ['cache'] }),
      component('web-2', { zones: ['r1b'], unitAvailability: 0.6, hard: ['cache'] }),
      component('cache', { zones: ['r1a'], unitAvailability: 0.95 }),
    ],
    entryPoints: ['dns'],
    // The cache (and so zone a and the region) must be up; then web-1 needs its unit, web-2 its
    // unit and zone b.
    system: () => R * Z * 0.95 * (1 - (1 - 0.8) * (1 - 0.6 * Z)),
    own: () => ({
      'web-1': R * Z * 0.95 * 0.8,
      'web-2': R * Z * Z * 0.95 * 0.6,
      cache: R * Z * 0.95,
      dns: R * Z * 0.95 * (1 - 0.2 * (1 - 0.6 * Z)),
    }),
  },
  {
    name: 'two regional stacks behind failover, both reading one global table',
    components: () => [
      component('dns', { placement: 'global', unitAvailability: 0.999, anyOf: [['east', 'west']] }),
      component('east', { placement: 'zonal', region: 'r1', zones: ['r1a', 'r1b'], units: 2, unitAvailability: 0.9, hard: ['table'] }),
      component('west', { placement: 'regional', region: 'r2', unitAvailability: 0.95, hard: ['table'] }),
      component('table', { placement: 'global', unitAvailability: 0.9999 }),
    ],
    entryPoints: ['dns'],
    system: () => 0.999 * 0.9999 * (1 - (1 - R * (1 - (1 - Z * 0.9) ** 2)) * (1 - R * 0.95)),
    own: () => ({ east: 0.9999 * R * (1 - (1 - Z * 0.9) ** 2), west: 0.9999 * R * 0.95, table: 0.9999 }),
  },
  {
    name: 'a fleet over forty zones behind a load balancer, 35 of 40 needed (more zones than a numeric cache key holds)',
    components: () => {
      const zones = Array.from({ length: 40 }, (_, i) => `r1-z${i}`);
      return [
        component('lb', { placement: 'load-balancer', zones, unitAvailability: 0.999, hard: ['fleet'] }),
        component('fleet', { units: 40, minHealthy: 35, zones, unitAvailability: 0.99 }),
      ];
    },
    entryPoints: ['lb'],
    system: () => {
      let given = 0;
      for (let j = 1; j <= 40; j++) given += binomial(40, j, Z) * 0.999 * atLeastKofN(35, j, 0.99);
      return R * given;
    },
    own: () => {
      let fleet = 0;
      for (let j = 0; j <= 40; j++) fleet += binomial(40, j, Z) * atLeastKofN(35, j, 0.99);
      return { fleet: R * fleet };
    },
  },
  {
    name: 'a resource in a region of its own beside a zonal one: the regions multiply',
    components: () => [
      component('api', { zones: ['r1a'], unitAvailability: 0.9, hard: ['queue'] }),
      component('queue', { placement: 'regional', region: 'r2', unitAvailability: 0.99 }),
    ],
    entryPoints: ['api'],
    system: () => R * Z * 0.9 * R * 0.99,
    own: () => ({ queue: R * 0.99 }),
  },
];

describe('the exact solver against closed forms', () => {
  for (const row of rows) {
    it(row.name, () => {
      const m: ReliabilityModel = {
        components: row.components(),
        entryPoints: row.entryPoints,
        zoneAvailability: Z,
        regionAvailability: R,
      };
      const report = analyzeReliability(m, { monteCarloSamples: 0 });
      assert.equal(report.method, row.method ?? 'exact');
      const system = row.system();
      assert.ok(Math.abs(report.probability - system) < 1e-13, `system ${report.probability} vs ${system}`);
      for (const [name, expected] of Object.entries(row.own?.() ?? {}))
        assert.ok(Math.abs(report.byComponent.get(name)! - expected) < 1e-13, `${name}: ${report.byComponent.get(name)} vs ${expected}`);
    });
  }
});
