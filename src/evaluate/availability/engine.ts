/**
 * The availability engine on a `ReliabilityModel`: the exact system probability (conditioning on
 * every joint zone/region state, then exact factoring inside each state), each component's own
 * probability, the single points of failure, the zone and region outage tables, and the Monte
 * Carlo cross-check.
 */
import { compileModel, componentUpDeterministic, type CompiledSystem } from './compile';
import { ExactSolver } from './exact';
import type { ReliabilityModel, ReliabilityReport } from './model';
import { monteCarlo } from './monte-carlo';

export interface EngineOptions {
  /** Monte Carlo samples; 0 skips the cross-check. Default: 100,000, fewer for very large systems. */
  readonly monteCarloSamples?: number;
  /** Seed of the Monte Carlo generator (default 42). */
  readonly seed?: number;
}

export const defaultMonteCarloSamples = 100_000;
export const defaultSeed = 42;
/** The sampler's default budget in node evaluations, so a 1,000-resource file still answers quickly. */
const monteCarloBudget = 20_000_000;

function clamp01(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

/**
 * Calls `visit(weight)` once per joint zone/region state with a non-zero weight, after writing the
 * state into `up` (regions first, then zones). A region that is down makes its zones irrelevant
 * (everything placed in them needs the region), so their states are not enumerated: the count is
 * the product over regions of (1 + 2^zones) rather than 2^(regions + zones).
 */
export function forEachState(system: CompiledSystem, up: Uint8Array, visit: (weight: number) => void, only?: Int32Array): number {
  const regionP = clamp01(system.model.regionAvailability);
  const zoneP = clamp01(system.model.zoneAvailability);
  // With `only`, just those variables are enumerated (a marginal); the others keep their values.
  const wanted = only ? new Set(only) : undefined;
  const regions = system.regions.map((_, i) => i).filter((i) => !wanted || wanted.has(i));
  const zonesOf = regions.map((r) => system.zoneVarsOfRegion[r]!.filter((z) => !wanted || wanted.has(z)));
  let states = 0;
  const recurse = (index: number, weight: number): void => {
    if (index === regions.length) {
      states++;
      visit(weight);
      return;
    }
    const region = regions[index]!;
    const zoneVars = zonesOf[index]!;
    if (regionP < 1) {
      up[region] = 0;
      for (const z of zoneVars) up[z] = 0;
      recurse(index + 1, weight * (1 - regionP));
    }
    if (regionP > 0) {
      up[region] = 1;
      const combos = 1 << zoneVars.length;
      for (let mask = 0; mask < combos; mask++) {
        let w = weight * regionP;
        for (let i = 0; i < zoneVars.length; i++) {
          const isUp = (mask >> i) & 1;
          up[zoneVars[i]!] = isUp;
          w *= isUp ? zoneP : 1 - zoneP;
        }
        if (w > 0) recurse(index + 1, w);
      }
    }
  };
  recurse(0, 1);
  return states;
}

/**
 * Whether the root works when every node's up-state is given (cycles are single nodes). Only the
 * nodes the answer needs are visited: an all-of stops at the first failure, an any-of at the first
 * success.
 */
function rootWorks(system: CompiledSystem, nodeUp: (node: number) => boolean): boolean {
  const { hard, groups } = system;
  const memo = new Int8Array(system.nodeCount);
  const works = (v: number): boolean => {
    if (memo[v] !== 0) return memo[v] === 1;
    let ok = nodeUp(v);
    if (ok) for (const c of hard[v]!) if (!works(c)) { ok = false; break; }
    if (ok) for (const g of groups[v]!) if (!g.some(works)) { ok = false; break; }
    memo[v] = ok ? 1 : 2;
    return ok;
  };
  return works(system.root);
}

/** Nodes reachable from the root: only their components can change whether the system works. */
function reachableFromRoot(system: CompiledSystem): Uint8Array {
  const seen = new Uint8Array(system.nodeCount);
  const stack = [system.root];
  seen[system.root] = 1;
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (const c of system.childOccurrences[v]!) {
      if (!seen[c]) {
        seen[c] = 1;
        stack.push(c);
      }
    }
  }
  return seen;
}

/** Every component of a node up, with `failed` units down in one of them (the rest all up). */
function scenario(system: CompiledSystem, up: Uint8Array, failedComponent = -1): (node: number) => boolean {
  return (node) => system.members[node]!.every((m) => componentUpDeterministic(system, m, up, m === failedComponent ? 1 : 0));
}

/** Runs the whole availability analysis of a model. */
export function analyzeReliability(model: ReliabilityModel, options: EngineOptions = {}): ReliabilityReport {
  const system = compileModel(model);
  const { components, regions, zones, nodeOfComponent, root } = system;
  const variableCount = regions.length + zones.length;

  // Exact: sum over zone/region states of P(state) × P(works | state).
  const solver = new ExactSolver(system);
  const up = new Uint8Array(variableCount);
  const nodeTotals = new Float64Array(system.nodeCount);
  const componentNodes = [...new Set(Array.from(nodeOfComponent))];
  let probability = 0;
  // Only the zones and regions the entry points depend on are enumerated for the system figure.
  up.fill(1);
  const statesEnumerated = forEachState(
    system,
    up,
    (weight) => {
      solver.setState(up);
      probability += weight * solver.probabilityWorks(root);
    },
    solver.variablesOf(root),
  );
  // Each resource's own probability needs only the states of the zones and regions it depends on
  // (the product structure): a resource in one region is summed over that region's states alone.
  const byVariables = new Map<string, { vars: Int32Array | undefined; nodes: number[] }>();
  for (const node of componentNodes) {
    const vars = solver.variablesOf(node);
    const key = vars ? vars.join(',') : '*';
    let entry = byVariables.get(key);
    if (!entry) {
      entry = { vars, nodes: [] };
      byVariables.set(key, entry);
    }
    entry.nodes.push(node);
  }
  for (const { vars, nodes } of byVariables.values()) {
    up.fill(1);
    forEachState(
      system,
      up,
      (weight) => {
        solver.setState(up);
        for (const node of nodes) nodeTotals[node] += weight * solver.probabilityWorks(node);
      },
      vars,
    );
  }
  const byComponent = new Map<string, number>();
  components.forEach((c, i) => byComponent.set(c.name, clamp01(nodeTotals[nodeOfComponent[i]!]!)));

  // Deterministic what-ifs: everything up except one unit, one zone or one region.
  const allUp = new Uint8Array(variableCount).fill(1);
  const spof: string[] = [];
  if (rootWorks(system, scenario(system, allUp))) {
    const reachable = reachableFromRoot(system);
    components.forEach((c, i) => {
      if (c.placement === 'external' || !reachable[nodeOfComponent[i]!]) return;
      // A component that stays up with one unit down cannot stop the system by losing it.
      if (componentUpDeterministic(system, i, allUp, 1)) return;
      if (!rootWorks(system, scenario(system, allUp, i))) spof.push(c.name);
    });
  }
  const zoneOutage = new Map<string, boolean>();
  zones.forEach((zone, i) => {
    const state = new Uint8Array(allUp);
    state[regions.length + i] = 0;
    zoneOutage.set(zone, rootWorks(system, scenario(system, state)));
  });
  const regionOutage = new Map<string, boolean>();
  if (regions.length > 1) {
    regions.forEach((region, i) => {
      const state = new Uint8Array(allUp);
      state[i] = 0;
      regionOutage.set(region, rootWorks(system, scenario(system, state)));
    });
  }

  const nodes = Math.max(1, system.nodeCount);
  const requested = options.monteCarloSamples;
  const samples =
    requested !== undefined && Number.isFinite(requested)
      ? Math.max(0, Math.floor(requested))
      : Math.max(1_000, Math.min(defaultMonteCarloSamples, Math.floor(monteCarloBudget / nodes)));
  const seed = options.seed !== undefined && Number.isFinite(options.seed) ? Math.floor(options.seed) : defaultSeed;
  const estimate = monteCarlo(system, samples, seed);

  return {
    probability: clamp01(probability),
    byComponent,
    spof,
    zoneOutage,
    regionOutage,
    zoneRegion: system.zoneRegion,
    regions,
    monteCarlo: estimate,
    statesEnumerated,
  };
}
