/**
 * An independent brute-force availability calculator for tests. It enumerates every joint state of
 * every unit, zone and region of a small model (2^variables states), decides for each state which
 * components are up and which work, straight from the definitions in docs/evaluation.md, and sums
 * the probabilities of the states in which the system works.
 *
 * It shares no code with the engine: no compilation, no modules, no factoring; cycles are found by
 * plain reachability. It is exponential on purpose and only meant for models with up to about
 * twenty binary variables.
 */
import type { ReliabilityModel } from '../../../../src/evaluate/availability/model';

export interface BruteForceResult {
  readonly probability: number;
  readonly byComponent: Map<string, number>;
  readonly variables: number;
}

interface Variable {
  readonly p: number;
}

export function bruteForce(model: ReliabilityModel, maxVariables = 22): BruteForceResult {
  const comps = model.components;
  const n = comps.length;
  const indexOf = new Map(comps.map((c, i) => [c.name, i] as const));
  const variables: Variable[] = [];
  const regionVar = new Map<string, number>();
  const zoneVar = new Map<string, number>();
  const needsRegion = (placement: string): boolean => placement === 'zonal' || placement === 'regional' || placement === 'load-balancer';
  for (const c of comps) {
    if (needsRegion(c.placement) && c.region !== undefined && !regionVar.has(c.region)) {
      regionVar.set(c.region, variables.length);
      variables.push({ p: model.regionAvailability });
    }
  }
  for (const c of comps) {
    if ((c.placement === 'zonal' || c.placement === 'load-balancer') && c.region !== undefined) {
      for (const z of c.zones) {
        if (!zoneVar.has(z)) {
          zoneVar.set(z, variables.length);
          variables.push({ p: model.zoneAvailability });
        }
      }
    }
  }
  // One variable per unit; external components have none (they never fail).
  const unitVars: number[][] = comps.map((c) => {
    if (c.placement === 'external') return [];
    return Array.from({ length: c.units }, () => {
      variables.push({ p: c.unitAvailability });
      return variables.length - 1;
    });
  });
  if (variables.length > maxVariables) throw new Error(`brute force: ${variables.length} variables is too many`);

  const deps = comps.map((c, i) => ({
    hard: c.hard.map((name) => indexOf.get(name)).filter((j): j is number => j !== undefined && j !== i),
    groups: c.anyOf
      .map((g) => g.map((name) => indexOf.get(name)).filter((j): j is number => j !== undefined && j !== i))
      .filter((g) => g.length > 0),
  }));
  // reach[i][j]: j is reachable from i through one or more dependency edges.
  const reach = comps.map(() => new Array<boolean>(n).fill(false));
  comps.forEach((_, i) => {
    for (const j of deps[i]!.hard) reach[i]![j] = true;
    for (const g of deps[i]!.groups) for (const j of g) reach[i]![j] = true;
  });
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) if (reach[i]![k]) for (let j = 0; j < n; j++) if (reach[k]![j]) reach[i]![j] = true;
  const cycleOf = comps.map((_, i) => comps.map((__, j) => j).filter((j) => j === i || (reach[i]![j] && reach[j]![i])));

  const entry = model.entryPoints.map((name) => indexOf.get(name)).filter((i): i is number => i !== undefined);
  const totals = new Array<number>(n).fill(0);
  let probability = 0;
  const value = new Uint8Array(variables.length);
  const stateCount = 2 ** variables.length;
  for (let state = 0; state < stateCount; state++) {
    let weight = 1;
    for (let v = 0; v < variables.length; v++) {
      const bit = Math.floor(state / 2 ** v) % 2;
      value[v] = bit;
      weight *= bit ? variables[v]!.p : 1 - variables[v]!.p;
    }
    if (weight === 0) continue;
    const regionUp = (c: (typeof comps)[number]): boolean => c.region === undefined || !regionVar.has(c.region) || value[regionVar.get(c.region)!] === 1;
    const isUp = comps.map((c, i) => {
      if (c.placement === 'external') return true;
      let usable = 0;
      unitVars[i]!.forEach((v, u) => {
        if (!value[v]) return;
        if (c.placement === 'global') usable++;
        else if (!regionUp(c)) return;
        else if (c.placement === 'regional' || c.zones.length === 0) usable++;
        else if (c.placement === 'load-balancer') {
          if (c.zones.some((z) => value[zoneVar.get(z)!] === 1)) usable++;
        } else if (value[zoneVar.get(c.zones[u % c.zones.length]!)!] === 1) usable++;
      });
      return usable >= c.minHealthy;
    });
    const memo = new Map<number, boolean>();
    const works = (i: number): boolean => {
      const cached = memo.get(i);
      if (cached !== undefined) return cached;
      const cycle = cycleOf[i]!;
      const inCycle = new Set(cycle);
      let ok = cycle.every((m) => isUp[m]);
      for (const m of cycle) {
        if (!ok) break;
        for (const d of deps[m]!.hard) if (!inCycle.has(d) && !works(d)) ok = false;
        for (const g of deps[m]!.groups) if (ok && !g.some((d) => inCycle.has(d)) && !g.some((d) => works(d))) ok = false;
      }
      for (const m of cycle) memo.set(m, ok);
      return ok;
    };
    if (entry.every((i) => works(i))) probability += weight;
    comps.forEach((_, i) => {
      if (works(i)) totals[i]! += weight;
    });
  }
  return { probability, byComponent: new Map(comps.map((c, i) => [c.name, totals[i]!])), variables: variables.length };
}
