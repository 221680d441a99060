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
  /** True when every zone state was enumerated after all: the figures are then exact. */
  readonly complete: boolean;
}

function clamp01(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

/**
 * Estimates P(works) of `targets` by stratifying on how many zones are down. Every zone has the
 * same probability, so the number of zones down, k, has a binomial distribution known exactly;
 * within a stratum every set of k zones is equally likely. Strata with few sets (all zones up,
 * one zone down, usually two) are enumerated exactly; larger ones are sampled with uniformly
 * random sets; strata beyond the point where their total probability is negligible are left out
 * and their mass widens the interval. Regions stay unknown and are handled exactly by the solver.
 * Undefined when even one state exceeds the solver's budget.
 */
export function conditionalEstimate(
  system: CompiledSystem,
  solver: ExactSolver,
  targets: readonly number[],
  maxStates: number,
  seed: number,
): NodeEstimate | undefined {
  const random = xoshiro128(seed);
  const regionCount = system.regions.length;
  const n = system.zones.length;
  const zoneP = clamp01(system.model.zoneAvailability);
  const state = new Int8Array(regionCount + n);
  const chosen = new Uint8Array(n);
  const sums = new Float64Array(targets.length);
  let variance = 0;
  let statesUsed = 0;
  let covered = 0;
  let truncated = false;
  let sampled = false;
  const evaluate = (): number[] => {
    for (let i = 0; i < n; i++) state[regionCount + i] = chosen[i] ? -1 : 1;
    solver.setPartialState(state);
    statesUsed++;
    return targets.map((t) => solver.probabilityWorks(t));
  };
  // P(K = k), computed in logarithms so that hundreds of zones neither overflow nor underflow early.
  const logChoose = (k: number): number => {
    let value = 0;
    for (let i = 1; i <= k; i++) value += Math.log(n - k + i) - Math.log(i);
    return value;
  };
  const strataMass = (k: number): number => {
    if (zoneP >= 1) return k === 0 ? 1 : 0;
    if (zoneP <= 0) return k === n ? 1 : 0;
    return Math.exp(logChoose(k) + (n - k) * Math.log(zoneP) + k * Math.log(1 - zoneP));
  };
  const exhaustiveLimit = Math.max(1, Math.floor(maxStates / 8));
  const masses = Array.from({ length: n + 1 }, (_, k) => strataMass(k));
  // Mass of the strata from k on, summed from the far end so that a small tail is not lost to
  // cancellation in 1 - (what is covered).
  const massFrom = new Float64Array(n + 2);
  for (let k = n; k >= 0; k--) massFrom[k] = massFrom[k + 1]! + masses[k]!;
  /** Every set of k down zones, in lexicographic order; adds their mean to `sums`, weighted by the stratum's mass. */
  const enumerate = (k: number, combinations: number): void => {
    const stratumSums = new Float64Array(targets.length);
    const pick = Array.from({ length: k }, (_, i) => i);
    let count = 0;
    for (;;) {
      chosen.fill(0);
      for (const i of pick) chosen[i] = 1;
      evaluate().forEach((p, t) => (stratumSums[t] += p));
      count++;
      let i = k - 1;
      while (i >= 0 && pick[i] === n - k + i) i--;
      if (i < 0 || count >= combinations) break;
      pick[i]!++;
      for (let j = i + 1; j < k; j++) pick[j] = pick[j - 1]! + 1;
    }
    stratumSums.forEach((sum, t) => (sums[t] += (masses[k]! * sum) / count));
    covered += masses[k]!;
  };
  /** `draws` uniformly random sets of k down zones; adds their mean and its variance. */
  const sample = (k: number, draws: number): void => {
    const stratumSums = new Float64Array(targets.length);
    // The first target's values, shifted by the first one so that equal values give a variance of
    // exactly 0 (no cancellation between two large sums of squares).
    let shift = Number.NaN;
    let shifted = 0;
    let shiftedSquares = 0;
    for (let d = 0; d < draws; d++) {
      // A uniformly random set of k zones (partial Fisher-Yates shuffle).
      const order = Array.from({ length: n }, (_, i) => i);
      chosen.fill(0);
      for (let i = 0; i < k; i++) {
        const j = i + Math.floor(random() * (n - i));
        [order[i], order[j]] = [order[j]!, order[i]!];
        chosen[order[i]!] = 1;
      }
      const values = evaluate();
      values.forEach((p, t) => (stratumSums[t] += p));
      if (d === 0) shift = values[0]!;
      shifted += values[0]! - shift;
      shiftedSquares += (values[0]! - shift) ** 2;
    }
    const mass = masses[k]!;
    stratumSums.forEach((sum, t) => (sums[t] += (mass * sum) / draws));
    // The sample variance of the stratum's values, over the number of draws: the variance of their mean.
    const spread = Math.max(0, shiftedSquares - (shifted * shifted) / draws) / Math.max(1, draws - 1);
    variance += (mass * mass * spread) / draws;
    covered += mass;
  };
  try {
    // The strata with few sets are enumerated (all zones up, one down, usually two), in order,
    // while they fit the budget.
    let k = 0;
    for (; k <= n; k++) {
      if (massFrom[k]! < 1e-15) break;
      if (masses[k] === 0) continue;
      const combinations = Math.round(Math.exp(logChoose(k)));
      if (combinations > exhaustiveLimit || statesUsed + combinations > maxStates) break;
      enumerate(k, combinations);
    }
    // Every later stratum that is not negligible is sampled, the budget left shared in proportion
    // to its mass (at least two draws each, for a variance). Giving each stratum a fixed share
    // instead, as this did, spent the budget on the first few when zones fail often (30 zones at
    // 90 %) and counted the rest as failing: a figure far below the truth.
    const firstSampled = k;
    let last = n;
    while (last >= firstSampled && (massFrom[last]! < 1e-15 || masses[last] === 0)) last--;
    // A stratum with fewer sets than its share is enumerated, and what it leaves goes to the rest.
    let budget = Math.max(30, maxStates - statesUsed);
    for (k = firstSampled; k <= last; k++) {
      if (masses[k] === 0) continue;
      const tail = massFrom[k]! - massFrom[last + 1]!;
      const draws = Math.max(2, Math.round((budget * masses[k]!) / tail));
      const combinations = Math.exp(logChoose(k));
      const before = statesUsed;
      if (combinations <= draws + 0.5) enumerate(k, Math.round(combinations));
      else {
        sampled = true;
        sample(k, draws);
      }
      budget = Math.max(0, budget - (statesUsed - before));
    }
    truncated = last < n && massFrom[last + 1]! > 0;
  } catch (error) {
    if (!(error instanceof ExactBudgetExceeded)) throw error;
    solver.reset();
    // The strata finished before the budget ran out still count; the rest widens the interval.
    if (covered === 0) return undefined;
    truncated = true;
  }
  solver.setState();
  const missing = truncated ? Math.max(0, 1 - covered) : 0;
  const probability = new Map<number, number>();
  // The strata left out are counted as failing; the interval spans what they could add.
  targets.forEach((t, i) => probability.set(t, clamp01(sums[i]!)));
  // Rounding: the strata are summed in another order than an exact computation would.
  const half = 1.959963984540054 * Math.sqrt(variance) + 1e-13;
  const first = sums[0] ?? 0;
  return {
    probability,
    samples: statesUsed,
    kind: 'conditional',
    ci95: [clamp01(first - half), clamp01(first + half + missing)],
    complete: !sampled && !truncated,
  };
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
      if (ok)
        for (const c of hard[v]!)
          if (!worksNow[c]) {
            ok = false;
            break;
          }
      if (ok)
        for (const g of groups[v]!)
          if (!g.some((c) => worksNow[c] === 1)) {
            ok = false;
            break;
          }
      worksNow[v] = ok ? 1 : 0;
      if (ok) counts[v]++;
    }
  }
  const probability = new Map<number, number>();
  for (const t of targets) probability.set(t, counts[t]! / n);
  const first = targets[0];
  return {
    probability,
    samples: n,
    kind: 'plain',
    ci95: first === undefined ? [0, 1] : wilsonInterval(counts[first]!, n),
    complete: false,
  };
}
