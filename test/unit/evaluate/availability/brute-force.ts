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
  /** The what-ifs of the report, decided state by state with everything else up. */
  readonly outcomes: DeterministicOutcomes;
}

export interface DeterministicOutcomes {
  /** Whether the system works with only that zone down. */
  readonly zoneOutage: Map<string, boolean>;
  /** Whether the system works with only that region down (when the model has more than one). */
  readonly regionOutage: Map<string, boolean>;
  /** Components of which one unit down stops a system that works with everything up. */
  readonly spof: string[];
}

interface Variable {
  readonly p: number;
}

/**
 * Undefined when the model has more than `maxVariables` binary variables. `fixed` decides some
 * zones and regions (by name: true up, false down); the figures are then conditional on that state.
 */
export function bruteForce(
  model: ReliabilityModel,
  maxVariables = 20,
  fixed: ReadonlyMap<string, boolean> = new Map(),
): BruteForceResult | undefined {
  /** A zone or region's probability of being up: its fixed state, or the model's figure. */
  const upProbability = (name: string, random: number): number => {
    const state = fixed.get(name);
    return state === undefined ? random : state ? 1 : 0;
  };
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
      variables.push({ p: upProbability(c.region, model.regionAvailability) });
    }
  }
  for (const c of comps) {
    if ((c.placement === 'zonal' || c.placement === 'load-balancer') && c.region !== undefined) {
      for (const z of c.zones) {
        if (!zoneVar.has(z)) {
          zoneVar.set(z, variables.length);
          variables.push({ p: upProbability(z, model.zoneAvailability) });
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
  if (variables.length > maxVariables) return undefined;

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
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++) if (reach[i]![k]) for (let j = 0; j < n; j++) if (reach[k]![j]) reach[i]![j] = true;
  const cycleOf = comps.map((_, i) => comps.map((__, j) => j).filter((j) => j === i || (reach[i]![j] && reach[j]![i])));

  const entry = model.entryPoints.map((name) => indexOf.get(name)).filter((i): i is number => i !== undefined);
  const totals = new Array<number>(n).fill(0);
  let probability = 0;
  const value = new Uint8Array(variables.length);
  const memo = new Int8Array(n);
  const isUp = new Uint8Array(n);
  const regionOf = comps.map((c) => (c.region !== undefined && needsRegion(c.placement) ? (regionVar.get(c.region) ?? -1) : -1));
  const zonesOf = comps.map((c) => (c.placement === 'zonal' || c.placement === 'load-balancer' ? c.zones.map((z) => zoneVar.get(z)!) : []));
  const inCycleSets = cycleOf.map((cycle) => new Set(cycle));
  const stateCount = 2 ** variables.length;
  /** Which components are up and work when the variables are as in `value`; and whether the system works. */
  const decide = (): { works: (i: number) => boolean; system: boolean } => {
    for (let i = 0; i < n; i++) {
      const c = comps[i]!;
      if (c.placement === 'external') {
        isUp[i] = 1;
        continue;
      }
      const regionOk = regionOf[i]! < 0 || value[regionOf[i]!] === 1;
      let anyZone = false;
      for (const z of zonesOf[i]!) if (value[z] === 1) anyZone = true;
      let usable = 0;
      const units = unitVars[i]!;
      for (let u = 0; u < units.length; u++) {
        if (!value[units[u]!]) continue;
        if (c.placement === 'global') usable++;
        else if (!regionOk) continue;
        else if (c.placement === 'regional' || c.zones.length === 0) usable++;
        else if (c.placement === 'load-balancer') usable += anyZone ? 1 : 0;
        else if (value[zonesOf[i]![u % c.zones.length]!] === 1) usable++;
      }
      isUp[i] = usable >= c.minHealthy ? 1 : 0;
    }
    memo.fill(-1);
    const works = (i: number): boolean => {
      const cached = memo[i]!;
      if (cached !== -1) return cached === 1;
      const cycle = cycleOf[i]!;
      const inCycle = inCycleSets[i]!;
      let ok = cycle.every((m) => isUp[m] === 1);
      for (const m of cycle) {
        if (!ok) break;
        for (const d of deps[m]!.hard) if (!inCycle.has(d) && !works(d)) ok = false;
        for (const g of deps[m]!.groups) if (ok && !g.some((d) => inCycle.has(d)) && !g.some((d) => works(d))) ok = false;
      }
      for (const m of cycle) memo[m] = ok ? 1 : 0;
      return ok;
    };
    return { works, system: entry.every((i) => works(i)) };
  };
  for (let state = 0; state < stateCount; state++) {
    let weight = 1;
    for (let v = 0; v < variables.length; v++) {
      const bit = (state >>> v) & 1;
      value[v] = bit;
      weight *= bit ? variables[v]!.p : 1 - variables[v]!.p;
    }
    if (weight === 0) continue;
    const { works, system } = decide();
    if (system) probability += weight;
    for (let i = 0; i < n; i++) if (works(i)) totals[i]! += weight;
  }

  /** Whether the system works with every variable up but those given. */
  const worksWithout = (down: readonly number[]): boolean => {
    // Up means up when it can be: a unit, zone or region that never works stays down.
    variables.forEach((variable, v) => (value[v] = variable.p > 0 ? 1 : 0));
    for (const v of down) value[v] = 0;
    return decide().system;
  };
  const reachable = (i: number): boolean => entry.some((e) => e === i || reach[e]![i]);
  const outcomes: DeterministicOutcomes = {
    zoneOutage: new Map([...zoneVar].map(([zone, v]) => [zone, worksWithout([v])])),
    regionOutage: regionVar.size > 1 ? new Map([...regionVar].map(([region, v]) => [region, worksWithout([v])])) : new Map(),
    spof: worksWithout([])
      ? comps.flatMap((c, i) =>
          c.placement !== 'external' && reachable(i) && unitVars[i]!.length > 0 && !worksWithout([unitVars[i]![0]!]) ? [c.name] : [],
        )
      : [],
  };
  return { probability, byComponent: new Map(comps.map((c, i) => [c.name, totals[i]!])), variables: variables.length, outcomes };
}
