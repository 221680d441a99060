/**
 * The exact solver itself, given some zones and regions up or down (as the conditional estimate
 * and the solver's own conditioning give it), against the independent brute force conditioned on
 * the same state: random small models, each solved in several states in a row by one solver (so
 * a figure cached for one state must not answer for another), every resource's figure and the
 * system's.
 */
import { strict as assert } from 'node:assert';
import { compileModel, type CompiledSystem } from '../../../../src/evaluate/availability/compile';
import { ExactBudgetExceeded, ExactSolver } from '../../../../src/evaluate/availability/exact';
import type { ComponentPlacement, ReliabilityComponent, ReliabilityModel } from '../../../../src/evaluate/availability/model';
import { seededRandom } from '../../../../bench/generate';
import { bruteForce } from './brute-force';
import { reliabilityComponent } from './components';

/** A zone or region state by name: up, down, or (absent) still random. */
type NamedState = ReadonlyMap<string, boolean>;

/** The solver's partial state (1 up, -1 down, 0 unknown; regions first, then zones) of a named state. */
function partialState(system: CompiledSystem, named: NamedState): Int8Array {
  const names = [...system.regions, ...system.zones];
  return Int8Array.from(names, (name) => (named.get(name) === undefined ? 0 : named.get(name) ? 1 : -1));
}

/** Every resource's figure and the system's, from the solver in the given state, against the brute force's. */
function assertSolverAgrees(solver: ExactSolver, system: CompiledSystem, m: ReliabilityModel, named: NamedState, label: string): void {
  const brute = bruteForce(m, 18, named)!;
  const describe = `${label}, state ${JSON.stringify([...named])}\n${JSON.stringify(m)}`;
  const got = solver.probabilityWorks(system.root);
  assert.ok(Math.abs(got - brute.probability) < 1e-12, `system: solver ${got} vs brute force ${brute.probability}; ${describe}`);
  system.components.forEach((c, i) => {
    const value = solver.probabilityWorks(system.nodeOfComponent[i]!);
    const expected = brute.byComponent.get(c.name)!;
    assert.ok(Math.abs(value - expected) < 1e-12, `${c.name}: solver ${value} vs brute force ${expected}; ${describe}`);
  });
}

describe('the exact solver in partial zone and region states, against the brute force', () => {
  const random = seededRandom(31);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  for (let trial = 0; trial < 120; trial++) {
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
      const hard: string[] = [];
      const anyOf: string[][] = [];
      for (const other of later) if (random() < 0.3) hard.push(other);
      if (later.length >= 2 && random() < 0.6) anyOf.push(later.filter(() => random() < 0.6));
      return {
        name,
        placement,
        unitAvailability: pick([0.9, 0.95, 0.5, 1, 0.8]),
        units,
        minHealthy: random() < 0.2 ? 2 : 1,
        region,
        zones: placement === 'zonal' || placement === 'load-balancer' ? zones : [],
        hard,
        anyOf,
      };
    });
    const m: ReliabilityModel = {
      components,
      entryPoints: ['c0'],
      zoneAvailability: pick([0.9, 0.7]),
      regionAvailability: pick([0.95, 0.8]),
    };
    // Three states: one zone or region at a time decided at random, each kept with probability 1/2.
    const variables = ['r1', 'r2', ...['r1', 'r2'].flatMap((r) => ['a', 'b', 'c'].map((z) => `${r}${z}`))];
    const states: NamedState[] = [0, 1, 2].map(() => {
      const named = new Map<string, boolean>();
      for (const v of variables) if (random() < 0.5) named.set(v, random() < 0.5);
      return named;
    });
    const everyVariable = variables.map(() => random() < 0.7);
    it(`trial ${trial}: ${size} components, every figure in three partial states, with nothing decided and with everything decided`, () => {
      const system = compileModel(m);
      const solver = new ExactSolver(system);
      for (const named of [...states, new Map<string, boolean>()]) {
        solver.setPartialState(partialState(system, named));
        assertSolverAgrees(solver, system, m, named, `trial ${trial}`);
      }
      // Every zone and region decided, through `setState` (1 up, 0 down).
      const decided = new Map(variables.map((v, i) => [v, everyVariable[i]!]));
      solver.setState(Uint8Array.from([...system.regions, ...system.zones], (name) => (decided.get(name) ? 1 : 0)));
      assertSolverAgrees(solver, system, m, decided, `trial ${trial}`);
    });
  }
});

/**
 * Dense dependency graphs, mostly of global resources (so sharing is of resources, not zones):
 * diamonds, shared resources with shared resources below them, shared modules whose insides share
 * a resource, failover groups over all of these. Conditioning on a resource is exact only when
 * its works-event is independent of everything else; these are the graphs where a wrong choice of
 * resource shows in the figures.
 */
describe('the exact solver on dense shared dependency graphs, against the brute force', () => {
  const random = seededRandom(53);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  for (let trial = 0; trial < 100; trial++) {
    const size = 6 + Math.floor(random() * 6);
    const names = Array.from({ length: size }, (_, i) => `n${i}`);
    const components: ReliabilityComponent[] = names.map((name, i) => {
      const placement = pick<ComponentPlacement>(['global', 'global', 'global', 'global', 'zonal', 'zonal', 'regional']);
      const later = names.slice(i + 1);
      const hard = later.filter(() => random() < 0.3);
      const anyOf: string[][] = [];
      for (let g = 0; g < 2 && later.length >= 2; g++)
        if (random() < (g === 0 ? 0.6 : 0.25)) anyOf.push(later.filter(() => random() < 0.5));
      return {
        name,
        placement,
        unitAvailability: pick([0.9, 0.8, 0.6, 0.95]),
        units: 1,
        minHealthy: 1,
        region: placement === 'regional' ? 'r2' : 'r1',
        zones: placement === 'zonal' ? pick([['r1a'], ['r1b'], ['r1a', 'r1b']]) : [],
        hard,
        anyOf,
      };
    });
    const m: ReliabilityModel = { components, entryPoints: ['n0'], zoneAvailability: 0.85, regionAvailability: 0.9 };
    const named = new Map<string, boolean>(random() < 0.5 ? [['r1a', false]] : [['r2', true]]);
    it(`graph ${trial}: ${size} resources, every figure with nothing decided and in one partial state`, () => {
      const system = compileModel(m);
      const solver = new ExactSolver(system);
      for (const state of [new Map<string, boolean>(), named]) {
        solver.setPartialState(partialState(system, state));
        assertSolverAgrees(solver, system, m, state, `graph ${trial}`);
      }
    });
  }
});

const global = (name: string, unitAvailability: number, extra: Partial<ReliabilityComponent> = {}): ReliabilityComponent =>
  reliabilityComponent(name, { placement: 'global', unitAvailability, ...extra });
const zonal = (name: string, zones: string[], unitAvailability: number, extra: Partial<ReliabilityComponent> = {}): ReliabilityComponent =>
  reliabilityComponent(name, { placement: 'zonal', zones, unitAvailability, ...extra });

interface ConditioningRow {
  readonly name: string;
  readonly components: ReliabilityComponent[];
  /**
   * Conditioning steps of the system figure alone (a fresh solver), counted by hand from the rules
   * of docs/evaluation.md: condition on a shared resource whose sub-graph and zones are private to
   * it, the most used first; otherwise on the most shared region before its zones.
   */
  readonly steps: number;
  /** The system figure in closed form, for a model too large for the brute force. */
  readonly closedForm?: number;
  /** Zones and regions decided before the computation (none unless given). */
  readonly state?: NamedState;
}

/** Groups [member_i, shared] for i < count: the system works iff shared works or every member does. */
function groupsOverOne(prefix: string, shared: string, count: number): string[][] {
  return Array.from({ length: count }, (_, i) => [`${prefix}${i}`, shared]);
}

const conditioningRows: ConditioningRow[] = [
  {
    // T's groups: [Y, X], [X, a], [X, b], [Y, c]; X is used three times, Y twice. X first: X up
    // satisfies three groups and leaves [Y, c], which shares nothing; X down leaves [Y], [a], [b],
    // [Y, c], where Y is shared once more (one step; Y down fails [Y] at once). Two steps; Y first
    // would take three (X is shared in both of Y's branches).
    name: 'failover groups over two shared resources: the one used most is conditioned on first',
    components: [
      global('T', 1, {
        anyOf: [
          ['Y', 'X'],
          ['X', 'a'],
          ['X', 'b'],
          ['Y', 'c'],
        ],
      }),
      global('Y', 0.9),
      global('X', 0.8),
      global('a', 0.7),
      global('b', 0.6),
      global('c', 0.5),
    ],
    steps: 2,
  },
  {
    // Two parts in one split: [a1, a2] share X, [b1, b2] share Y. One step on each; had the parts
    // been joined, Y would be conditioned on in both of X's branches (three steps).
    name: 'two failover groups, each over its own shared resource: one step each',
    components: [
      global('T', 1, {
        anyOf: [
          ['a1', 'a2'],
          ['b1', 'b2'],
        ],
      }),
      global('a1', 0.9, { hard: ['X'] }),
      global('a2', 0.8, { hard: ['X'] }),
      global('b1', 0.7, { hard: ['Y'] }),
      global('b2', 0.6, { hard: ['Y'] }),
      global('X', 0.9),
      global('Y', 0.8),
    ],
    steps: 2,
  },
  {
    // Thirty-four groups (more elements than the union-find starts with, twice over): seventeen
    // [x_i, X] and seventeen [y_i, Y], the last [x_i, X] after the [y_i, Y]. X up satisfies its seventeen; X down needs every x_i, which
    // share nothing: P = X + (1 - X) prod x_i, and the same for Y. One step on X, one on Y.
    name: 'thirty-four failover groups over two shared resources: two parts, one step each',
    components: [
      global('T', 1, { anyOf: [...groupsOverOne('x', 'X', 16), ...groupsOverOne('y', 'Y', 17), ['x16', 'X']] }),
      ...Array.from({ length: 17 }, (_, i) => global(`x${i}`, 0.9 - i / 100)),
      ...Array.from({ length: 17 }, (_, i) => global(`y${i}`, 0.95 - i / 50)),
      global('X', 0.6),
      global('Y', 0.5),
    ],
    steps: 2,
    closedForm: (() => {
      let xs = 1;
      let ys = 1;
      for (let i = 0; i < 17; i++) {
        xs *= 0.9 - i / 100;
        ys *= 0.95 - i / 50;
      }
      return (0.6 + 0.4 * xs) * (0.5 + 0.5 * ys);
    })(),
  },
  {
    // L1 (zone r1a, needing k1) and L2 (zone r1b, needing k2) are modules the closure of T keeps as
    // leaves, sharing the region r1; beside them two groups over X and over Y. Three parts: one
    // step on r1 (with r1 up the two leaves share nothing; down, both fail), one on X, one on Y.
    name: 'two leaf modules sharing a region beside two failover groups: three parts, one step each',
    components: [
      global('T', 1, {
        hard: ['L1', 'L2'],
        anyOf: [
          ['a1', 'a2'],
          ['b1', 'b2'],
        ],
      }),
      zonal('L1', ['r1a'], 0.9, { hard: ['k1'] }),
      global('k1', 0.8),
      zonal('L2', ['r1b'], 0.7, { hard: ['k2'] }),
      global('k2', 0.6),
      global('a1', 0.9, { hard: ['X'] }),
      global('a2', 0.8, { hard: ['X'] }),
      global('b1', 0.7, { hard: ['Y'] }),
      global('b2', 0.6, { hard: ['Y'] }),
      global('X', 0.9),
      global('Y', 0.8),
    ],
    steps: 3,
  },
  {
    // Region r2 is down, so D (in r2) cannot be up, nor X, which needs it, whatever Z (zone r1a,
    // below D) does: X is private (nothing below a resource that cannot be up counts, so Z's zone,
    // which the standby c uses, does not) and conditioned on once. X never works, so only its down
    // branch is computed: the system works iff c does, where c and Z share r1 and r1a (one step
    // on r1, then the zone program).
    name: 'a shared resource over one that cannot be up (its region down): one step on it, one inside the standby',
    components: [
      global('T', 1, { anyOf: [['a', 'b', 'c']] }),
      global('a', 0.9, { hard: ['X'] }),
      global('b', 0.8, { hard: ['X'] }),
      zonal('c', ['r1a'], 0.7, { hard: ['Z'] }),
      global('X', 0.9, { hard: ['D'] }),
      reliabilityComponent('D', { region: 'r2', unitAvailability: 0.9, hard: ['Z'] }),
      zonal('Z', ['r1a'], 0.8),
    ],
    steps: 2,
    state: new Map([['r2', false]]),
  },
  {
    // M is a module used by a and b; inside it p, q and r all need s. One step on M (its value is
    // looked up, not opened, when a and b are split) and one on s inside M's own value.
    // Conditioning on s from outside would be wrong: M's cached value must not depend on it.
    name: 'a shared module whose own members share a resource three times: one step on the module, one on that resource',
    components: [
      global('T', 1, { anyOf: [['a', 'b']] }),
      global('a', 0.9, { hard: ['M'] }),
      global('b', 0.8, { hard: ['M'] }),
      global('M', 0.95, { anyOf: [['p', 'q', 'r']] }),
      global('p', 0.9, { hard: ['s'] }),
      global('q', 0.8, { hard: ['s'] }),
      global('r', 0.7, { hard: ['s'] }),
      global('s', 0.9),
    ],
    steps: 2,
  },
  {
    // M (zone r1a) needs k (zone r1a): a module whose closure uses r1 and r1a, each once as the
    // module's. Shared by a and b, M is private and conditioned on (one step); inside its value M
    // and k share r1 and r1a: one step on the region r1, then (r1 up) the zone program over r1a.
    name: 'a shared module whose two resources share a zone: one step on the module, one on the region inside it',
    components: [
      global('T', 1, { anyOf: [['a', 'b']] }),
      global('a', 0.9, { hard: ['M'] }),
      global('b', 0.8, { hard: ['M'] }),
      zonal('M', ['r1a'], 0.95, { hard: ['k'] }),
      zonal('k', ['r1a'], 0.9),
    ],
    steps: 2,
  },
  {
    // M is a module (what is below it is reached only through it) that T needs by two paths. Its
    // value counts once: 0.9 x 0.8 x 0.7 x 0.6 = 0.3024. Computing M's value must leave M marked
    // as working for the rest of T's closure, or the second path multiplies it in again (0.127008).
    name: 'a module needed by two paths of one closure counts once',
    components: [
      global('T', 1, { hard: ['B', 'C'] }),
      global('B', 0.9, { hard: ['M'] }),
      global('C', 0.8, { hard: ['M'] }),
      global('M', 0.7, { hard: ['D'] }),
      global('D', 0.6),
    ],
    steps: 0,
    closedForm: 0.9 * 0.8 * 0.7 * 0.6,
  },
  {
    // Z's region is up and its only zone down: Z is down whatever else happens, and so is T. The
    // figure is 0 without conditioning on the zone a and b share (an outage table asks this of
    // every zone and region, and a large failover group would be conditioned on for nothing).
    name: 'a needed resource whose zones are all down: 0 at once, nothing conditioned on',
    components: [
      global('T', 1, { hard: ['Z'], anyOf: [['a', 'b']] }),
      zonal('Z', ['r1a'], 0.99),
      zonal('a', ['r1b'], 0.9),
      zonal('b', ['r1b'], 0.8),
    ],
    steps: 0,
    state: new Map([
      ['r1', true],
      ['r1a', false],
    ]),
  },
  {
    // Region r1 is up. Z's units never work (availability 0) but its zone is unknown, so it is a
    // part of its own, computed first: 0, and the part where a and b share zone r1b need not be conditioned on.
    name: 'a part that gives 0 ends the product: the parts after it are not conditioned on',
    components: [
      global('T', 1, { hard: ['Z'], anyOf: [['a', 'b']] }),
      zonal('Z', ['r1a'], 0),
      zonal('a', ['r1b'], 0.9),
      zonal('b', ['r1b'], 0.8),
    ],
    steps: 0,
    state: new Map([['r1', true]]),
  },
  {
    // S always works (availability 1): conditioning on it takes the one branch where it works,
    // which satisfies both groups. Its other branch has probability 0 and would condition on the
    // zone a and b share for nothing.
    name: 'a shared resource that always works: only its working branch is taken',
    components: [
      global('T', 1, {
        anyOf: [
          ['a', 'S'],
          ['b', 'S'],
        ],
      }),
      global('S', 1),
      zonal('a', ['r1b'], 0.9),
      zonal('b', ['r1b'], 0.8),
    ],
    steps: 1,
  },
  {
    // A and R need each other (one node of two resources); A and Z share zone r1a, whose region is
    // up: a zone program, in which R (no zone of its own) is a constant factor. 0.9 (zone) x 0.9 x
    // 0.8 x 0.7 = 0.4536.
    name: 'a zone program over a resource that needs a regional one in a cycle: the regional one is a factor',
    components: [
      global('T', 1, { hard: ['A', 'Z'] }),
      zonal('A', ['r1a'], 0.9, { hard: ['R'] }),
      reliabilityComponent('R', { unitAvailability: 0.8, hard: ['A'] }),
      zonal('Z', ['r1a'], 0.7),
    ],
    steps: 0,
    closedForm: 0.9 * 0.9 * 0.8 * 0.7,
    state: new Map([['r1', true]]),
  },
];

describe('the exact solver conditions where the documented rules say', () => {
  for (const row of conditioningRows) {
    it(row.name, () => {
      const m: ReliabilityModel = { components: row.components, entryPoints: ['T'], zoneAvailability: 0.9, regionAvailability: 0.95 };
      const system = compileModel(m);
      const solver = new ExactSolver(system);
      const state = row.state ?? new Map<string, boolean>();
      solver.setPartialState(partialState(system, state));
      const value = solver.probabilityWorks(system.root);
      const expected = row.closedForm ?? bruteForce(m, 20, state)!.probability;
      assert.ok(Math.abs(value - expected) < 1e-12, `system: solver ${value} vs ${expected}`);
      assert.equal(solver.pivots, row.steps, 'conditioning steps');
      if (row.closedForm === undefined) assertSolverAgrees(solver, system, m, state, row.name);
    });
  }
});

describe('the exact solver: its variables, its budget and odd availabilities', () => {
  it('names the zones and regions each figure depends on: its own and those of everything it needs', () => {
    const m: ReliabilityModel = {
      components: [
        zonal('web', ['r1b', 'r1a'], 0.9, { units: 2 }),
        reliabilityComponent('db', { region: 'r2' }),
        global('cache', 0.99),
        reliabilityComponent('lb', { placement: 'load-balancer', zones: ['r1c'], hard: ['web', 'cache'] }),
        global('dns', 1, { hard: ['lb', 'db'] }),
      ],
      entryPoints: ['dns'],
      zoneAvailability: 0.9,
      regionAvailability: 0.95,
    };
    const system = compileModel(m);
    const solver = new ExactSolver(system);
    const names = [...system.regions, ...system.zones];
    const node = (name: string): number => system.nodeOfComponent[system.componentIndex.get(name)!]!;
    const expected: [number, string[]][] = [
      [node('web'), ['r1', 'r1a', 'r1b']],
      [node('db'), ['r2']],
      // A global resource has no region, whatever its `region` says.
      [node('cache'), []],
      [node('lb'), ['r1', 'r1a', 'r1b', 'r1c']],
      [node('dns'), ['r1', 'r2', 'r1a', 'r1b', 'r1c']],
      [system.root, ['r1', 'r2', 'r1a', 'r1b', 'r1c']],
    ];
    for (const [n, vars] of expected) {
      // In the solver's order: regions first, then zones, each in order of first use.
      const indexes = vars.map((v) => names.indexOf(v)).sort((a, b) => a - b);
      assert.deepEqual([...solver.variablesOf(n)], indexes, `node ${n}: ${vars.join(', ')}`);
    }
  });

  it('stops with ExactBudgetExceeded past its budget, and after reset() computes what a fresh solver does', () => {
    const m: ReliabilityModel = {
      components: [
        global('T', 1, { anyOf: [['a', 'b']] }),
        zonal('a', ['r1a'], 0.9, { hard: ['X'] }),
        zonal('b', ['r1b'], 0.8, { hard: ['X'] }),
        zonal('X', ['r1a', 'r1b'], 0.7, { units: 2 }),
      ],
      entryPoints: ['T'],
      zoneAvailability: 0.9,
      regionAvailability: 0.95,
    };
    const system = compileModel(m);
    const solver = new ExactSolver(system, 5);
    assert.throws(
      () => solver.probabilityWorks(system.root),
      (error: unknown) =>
        error instanceof ExactBudgetExceeded &&
        error.name === 'ExactBudgetExceeded' &&
        error.message === 'the exact availability computation exceeded its work budget',
    );
    // The interrupted computation left resources fixed and maybe a zone decided: reset() forgets them.
    solver.reset();
    solver.budget = Number.POSITIVE_INFINITY;
    assertSolverAgrees(solver, system, m, new Map(), 'after reset');
  });

  it('a budget of exactly the work a figure takes is enough; one unit less is not', () => {
    const m: ReliabilityModel = {
      components: [
        global('T', 1, { anyOf: [['a', 'b']] }),
        zonal('a', ['r1a'], 0.9, { hard: ['X'] }),
        zonal('b', ['r1b'], 0.8, { hard: ['X'] }),
        zonal('X', ['r1a', 'r1b'], 0.7, { units: 2 }),
      ],
      entryPoints: ['T'],
      zoneAvailability: 0.9,
      regionAvailability: 0.95,
    };
    const system = compileModel(m);
    const unlimited = new ExactSolver(system);
    const expected = unlimited.probabilityWorks(system.root);
    const work = unlimited.work;
    assert.ok(work > 0);
    assert.equal(new ExactSolver(system, work).probabilityWorks(system.root), expected);
    assert.throws(() => new ExactSolver(system, work - 1).probabilityWorks(system.root), ExactBudgetExceeded);
  });

  it('reads a zone or region availability that is not a finite number as 0, like a unit availability', () => {
    for (const [zoneAvailability, regionAvailability] of [
      [Number.NaN, 0.9],
      [0.9, Number.POSITIVE_INFINITY],
    ] as const) {
      const m: ReliabilityModel = {
        components: [
          global('api', 0.9, { hard: ['db', 'web'] }),
          reliabilityComponent('db', { unitAvailability: 0.8 }),
          zonal('web', ['r1a'], 0.7),
          global('table', 0.6),
        ],
        entryPoints: ['api'],
        zoneAvailability,
        regionAvailability,
      };
      const system = compileModel(m);
      const solver = new ExactSolver(system);
      const figure = (name: string): number => solver.probabilityWorks(system.nodeOfComponent[system.componentIndex.get(name)!]!);
      const label = `zone ${zoneAvailability}, region ${regionAvailability}`;
      const region = Number.isFinite(regionAvailability) ? regionAvailability : 0;
      const zone = Number.isFinite(zoneAvailability) ? zoneAvailability : 0;
      assert.equal(figure('table'), 0.6, label);
      assert.ok(Math.abs(figure('db') - region * 0.8) < 1e-15, `${label}: db ${figure('db')}`);
      assert.ok(Math.abs(figure('web') - region * zone * 0.7) < 1e-15, `${label}: web ${figure('web')}`);
      assert.equal(figure('api'), 0, label);
    }
  });
});
