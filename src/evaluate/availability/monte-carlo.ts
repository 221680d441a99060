/**
 * The seeded Monte Carlo cross-check: draw region, zone and component states, evaluate the
 * structure function, count. It shares only the compiled structure with the exact computation,
 * so a mistake in the factoring shows up as an exact value outside the sampled interval.
 */
import { componentUpProbability, type CompiledSystem } from './compile';

/** splitmix32: spreads a small integer seed over all 32 bits, to fill the generator's state. */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * xoshiro128**: a small, fast generator with 128 bits of state that passes the standard
 * statistical batteries, identical on every platform. Returns uniform numbers in [0, 1).
 */
export function xoshiro128(seed: number): () => number {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  if ((a | b | c | d) === 0) a = 1;
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result / 4294967296;
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * The Wilson score interval for a binomial proportion at 95 %. Unlike the normal approximation it
 * stays inside [0, 1] and does not collapse to a point when every sample succeeds, which is the
 * usual case for an available system.
 */
export function wilsonInterval(successes: number, samples: number): [number, number] {
  if (samples <= 0) return [0, 1];
  const z = 1.959963984540054;
  const p = successes / samples;
  const z2n = (z * z) / samples;
  const denominator = 1 + z2n;
  const centre = (p + z2n / 2) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / samples + z2n / (4 * samples))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export interface MonteCarloEstimate {
  readonly samples: number;
  readonly seed: number;
  readonly probability: number;
  readonly ci95: [number, number];
}

/**
 * Samples the system `samples` times. A component's up-state is drawn from its probability given
 * the sampled zones and region, which has the same distribution as drawing each unit (units of one
 * component are independent given the zones) and costs one random number per component.
 */
export function monteCarlo(system: CompiledSystem, samples: number, seed: number): MonteCarloEstimate {
  const random = xoshiro128(seed);
  const { regions, zones, members, hard, groups, root, nodeCount } = system;
  const variableCount = regions.length + zones.length;
  const up = new Uint8Array(variableCount);
  const regionP = system.model.regionAvailability;
  const zoneP = system.model.zoneAvailability;
  const stamp = new Int32Array(nodeCount);
  const value = new Uint8Array(nodeCount);
  let sample = 0;

  const nodeWorks = (v: number): boolean => {
    if (stamp[v] === sample) return value[v] === 1;
    stamp[v] = sample;
    let result = true;
    const nodeMembers = members[v]!;
    for (let i = 0; i < nodeMembers.length && result; i++) {
      if (random() >= componentUpProbability(system, nodeMembers[i]!, up)) result = false;
    }
    const nodeHard = hard[v]!;
    for (let i = 0; i < nodeHard.length && result; i++) if (!nodeWorks(nodeHard[i]!)) result = false;
    const nodeGroups = groups[v]!;
    for (let i = 0; i < nodeGroups.length && result; i++) {
      const g = nodeGroups[i]!;
      let any = false;
      for (let j = 0; j < g.length && !any; j++) if (nodeWorks(g[j]!)) any = true;
      if (!any) result = false;
    }
    value[v] = result ? 1 : 0;
    return result;
  };

  let successes = 0;
  const n = Math.max(0, Math.floor(samples));
  for (let s = 0; s < n; s++) {
    sample = s + 1;
    for (let i = 0; i < regions.length; i++) up[i] = random() < regionP ? 1 : 0;
    for (let i = regions.length; i < variableCount; i++) up[i] = random() < zoneP ? 1 : 0;
    if (nodeWorks(root)) successes++;
  }
  return { samples: n, seed, probability: n > 0 ? successes / n : 0, ci95: wilsonInterval(successes, n) };
}
