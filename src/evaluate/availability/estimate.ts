/**
 * Estimates for the rare model whose exact computation would exceed its work budget (one part of
 * the architecture that genuinely depends on dozens of zones or regions jointly). Two estimators,
 * both seeded and deterministic:
 *
 * - **Conditional sampling** (preferred): draw only the zone and region states, and compute the
 *   exact probability given each drawn state with the solver. The answer is the average of
 *   exact conditional values, so its only error comes from the zone/region draw, which is far
 *   smaller than sampling every unit. Drawn states repeat (nearly every draw has every zone up),
 *   and the solver caches by state, so most draws cost a lookup.
 * - **Plain sampling** (last resort, when even single states are too costly): draw everything
 *   and count, for every node at once.
 */
import { componentUpProbability, type CompiledSystem } from './compile';
import { ExactBudgetExceeded, type ExactSolver } from './exact';
import { wilsonInterval, xoshiro128 } from './monte-carlo';

/** Estimated probabilities of some nodes, with how they were obtained. */
export interface NodeEstimate {
  /** Node -> estimated P(works). */
  readonly probability: ReadonlyMap<number, number>;
  readonly samples: number;
  readonly kind: 'conditional' | 'plain';
  /** A 95 % interval of the first target's estimate. */
  readonly ci95: readonly [number, number];
}

function clamp01(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

/**
 * Estimates P(works) of `targets` by drawing zone/region states and averaging the solver's exact
 * value in each; undefined when a single state exceeds the solver's budget. `samples` is an upper
 * bound: drawing stops early when the solver's budget runs out after enough draws.
 */
export function conditionalEstimate(system: CompiledSystem, solver: ExactSolver, targets: readonly number[], samples: number, seed: number): NodeEstimate | undefined {
  const random = xoshiro128(seed);
  const regionCount = system.regions.length;
  const variableCount = regionCount + system.zones.length;
  const regionP = clamp01(system.model.regionAvailability);
  const zoneP = clamp01(system.model.zoneAvailability);
  const up = new Uint8Array(variableCount);
  const sums = new Float64Array(targets.length);
  let firstSum = 0;
  let firstSquares = 0;
  let drawn = 0;
  const minimum = Math.min(samples, 1_000);
  try {
    for (; drawn < samples; drawn++) {
      for (let v = 0; v < variableCount; v++) up[v] = random() < (v < regionCount ? regionP : zoneP) ? 1 : 0;
      solver.setState(up);
      for (let t = 0; t < targets.length; t++) {
        const p = solver.probabilityWorks(targets[t]!);
        sums[t] += p;
        if (t === 0) {
          firstSum += p;
          firstSquares += p * p;
        }
      }
    }
  } catch (error) {
    if (!(error instanceof ExactBudgetExceeded)) throw error;
    solver.reset();
    if (drawn < minimum) return undefined;
  }
  solver.setState();
  const probability = new Map<number, number>();
  targets.forEach((t, i) => probability.set(t, clamp01(sums[i]! / drawn)));
  const mean = firstSum / drawn;
  const variance = Math.max(0, firstSquares / drawn - mean * mean) / Math.max(1, drawn - 1);
  const half = 1.959963984540054 * Math.sqrt(variance);
  return { probability, samples: drawn, kind: 'conditional', ci95: [clamp01(mean - half), clamp01(mean + half)] };
}

/**
 * Estimates P(works) of every node by drawing every zone, region and component state and
 * evaluating the whole structure, `samples` times. Linear in the size of the graph per draw.
 */
export function plainEstimate(system: CompiledSystem, targets: readonly number[], samples: number, seed: number): NodeEstimate {
  const random = xoshiro128(seed ^ 0x5bd1e995);
  const { regions, zones, members, hard, groups, topo, nodeCount } = system;
  const regionCount = regions.length;
  const variableCount = regionCount + zones.length;
  const regionP = clamp01(system.model.regionAvailability);
  const zoneP = clamp01(system.model.zoneAvailability);
  const up = new Uint8Array(variableCount);
  const worksNow = new Uint8Array(nodeCount);
  const counts = new Float64Array(nodeCount);
  const n = Math.max(1, Math.floor(samples));
  for (let s = 0; s < n; s++) {
    for (let v = 0; v < variableCount; v++) up[v] = random() < (v < regionCount ? regionP : zoneP) ? 1 : 0;
    // Children come before their parents in `topo`, so each node's dependencies are decided first.
    for (const v of topo) {
      let ok = true;
      for (const m of members[v]!) if (random() >= componentUpProbability(system, m, up)) ok = false;
      if (ok) for (const c of hard[v]!) if (!worksNow[c]) { ok = false; break; }
      if (ok) for (const g of groups[v]!) if (!g.some((c) => worksNow[c] === 1)) { ok = false; break; }
      worksNow[v] = ok ? 1 : 0;
      if (ok) counts[v]++;
    }
  }
  const probability = new Map<number, number>();
  for (const t of targets) probability.set(t, counts[t]! / n);
  const first = targets[0];
  return { probability, samples: n, kind: 'plain', ci95: first === undefined ? [0, 1] : wilsonInterval(counts[first]!, n) };
}
