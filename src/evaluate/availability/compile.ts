/**
 * Turns a `ReliabilityModel` into the index-based structure the exact computation and the Monte
 * Carlo sampler walk: components by number, dependency cycles collapsed into single nodes, a
 * virtual root that needs every entry point, a topological order, the zone and region variables,
 * and which nodes are *modules* (see `findModules`).
 *
 * Everything here depends only on the model's structure, never on a zone or region state, so it
 * is computed once per evaluation.
 */
import { atLeastKofN } from './k-of-n';
import type { ReliabilityComponent, ReliabilityModel } from './model';

/** Units beyond this are not modelled individually; no real resource has more. */
export const maxUnitsPerComponent = 10_000;

export interface CompiledSystem {
  readonly model: ReliabilityModel;
  readonly components: readonly ReliabilityComponent[];
  readonly componentIndex: ReadonlyMap<string, number>;
  /** Number of graph nodes: one per strongly connected set of components, plus the root (last). */
  readonly nodeCount: number;
  readonly root: number;
  readonly nodeOfComponent: Int32Array;
  /** Components of each node (one, or every member of a dependency cycle; none for the root). */
  readonly members: readonly (readonly number[])[];
  /** Whether a node stands for a dependency cycle (its members must all be up). */
  readonly cyclic: Uint8Array;
  /** Hard children of each node (deduplicated). */
  readonly hard: readonly (readonly number[])[];
  /** Any-of groups of each node (each deduplicated, never empty). */
  readonly groups: readonly (readonly (readonly number[])[])[];
  /** Every child occurrence (hard and group, with repetition), for counting how often a node is used. */
  readonly childOccurrences: readonly (readonly number[])[];
  /** Nodes in an order where every child comes before its parents. */
  readonly topo: readonly number[];
  /** See `findModules`. */
  readonly isModule: Uint8Array;
  /** Variables of the zone/region state: regions first, then zones. */
  readonly regions: readonly string[];
  readonly zones: readonly string[];
  readonly zoneRegion: ReadonlyMap<string, string>;
  /** Variable index of each component's region, or -1. */
  readonly componentRegionVar: Int32Array;
  /** Variable index of each unit's zone (zonal), or of each zone the component needs (load balancer). */
  readonly componentZoneVars: readonly Int32Array[];
  /** For each component, P(up) indexed by the number of usable-placed units (0..units). */
  readonly upByPlacedUnits: readonly Float64Array[];
  /** Regions (by variable index) each region's zones belong to: zone variable indexes per region. */
  readonly zoneVarsOfRegion: readonly (readonly number[])[];
}

function clampProbability(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

function clampCount(value: number, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  return Math.min(maxUnitsPerComponent, Math.max(0, Math.floor(value)));
}

/** Strongly connected components (Tarjan, iterative so deep chains cannot overflow the stack). */
function stronglyConnected(adjacency: readonly (readonly number[])[]): number[][] {
  const n = adjacency.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const result: number[][] = [];
  let counter = 0;
  for (let start = 0; start < n; start++) {
    if (index[start] !== -1) continue;
    const work: [number, number][] = [[start, 0]];
    index[start] = low[start] = counter++;
    stack.push(start);
    onStack[start] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [v, i] = frame;
      const next = adjacency[v]!;
      if (i < next.length) {
        frame[1] = i + 1;
        const w = next[i]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push([w, 0]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]![0];
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        const members: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          members.push(w);
        } while (w !== v);
        result.push(members.sort((a, b) => a - b));
      }
    }
  }
  return result;
}

/**
 * A node is a *module* when every one of its descendants can only be reached through it: each
 * descendant's parents are the node itself or other descendants. A module's works-probability
 * then depends on nothing outside it, so it can be computed once per zone/region state and used
 * as an opaque leaf by every computation above it, and conditioning on "the module works" is a
 * valid factoring step.
 *
 * Computed with the dominator tree from a virtual source that reaches every parentless node: a
 * node is a module iff the set of nodes it dominates is closed under taking children. For each
 * edge u -> v, every dominator of u that does not dominate v (the dominator-tree path from u up to,
 * not including, their common ancestor) is therefore not a module.
 */
function findModules(nodeCount: number, children: readonly (readonly number[])[], topoParentsFirst: readonly number[]): Uint8Array {
  const source = nodeCount;
  const idom = new Int32Array(nodeCount + 1).fill(-1);
  const depth = new Int32Array(nodeCount + 1);
  const parents: number[][] = Array.from({ length: nodeCount }, () => []);
  for (let u = 0; u < nodeCount; u++) for (const v of children[u]!) parents[v]!.push(u);
  const lca = (a: number, b: number): number => {
    while (a !== b) {
      if (depth[a]! >= depth[b]!) a = idom[a]!;
      else b = idom[b]!;
    }
    return a;
  };
  idom[source] = source;
  depth[source] = 0;
  for (const v of topoParentsFirst) {
    const ps = parents[v]!;
    let d = ps.length === 0 ? source : ps[0]!;
    for (let i = 1; i < ps.length; i++) d = lca(d, ps[i]!);
    idom[v] = d;
    depth[v] = depth[d]! + 1;
  }
  const isModule = new Uint8Array(nodeCount).fill(1);
  for (let u = 0; u < nodeCount; u++) {
    for (const v of children[u]!) {
      const stop = lca(u, v);
      for (let w = u; w !== stop; w = idom[w]!) isModule[w] = 0;
    }
  }
  return isModule;
}

/** Builds the index structure; unknown dependency names and self-dependencies are ignored. */
export function compileModel(model: ReliabilityModel): CompiledSystem {
  const components = model.components;
  const count = components.length;
  const componentIndex = new Map<string, number>();
  components.forEach((component, i) => {
    if (!componentIndex.has(component.name)) componentIndex.set(component.name, i);
  });
  const resolve = (names: readonly string[], self: number): number[] => {
    const out: number[] = [];
    for (const name of names) {
      const i = componentIndex.get(name);
      if (i !== undefined && i !== self) out.push(i);
    }
    return out;
  };
  const hardOf = components.map((c, i) => resolve(c.hard, i));
  const groupsOf = components.map((c, i) => c.anyOf.map((g) => resolve(g, i)));
  // A group emptied by unknown names is dropped rather than made impossible: the validator reports
  // the unknown reference, and the evaluation should not collapse to zero because of a typo.
  const adjacency = components.map((_, i) => {
    if (groupsOf[i]!.length === 0) return hardOf[i]!;
    const all = [...hardOf[i]!];
    for (const g of groupsOf[i]!) for (const c of g) all.push(c);
    return all;
  });

  const sccs = stronglyConnected(adjacency);
  const nodeCount = sccs.length + 1;
  const root = sccs.length;
  const nodeOfComponent = new Int32Array(count);
  sccs.forEach((members, node) => {
    for (const m of members) nodeOfComponent[m] = node;
  });
  const members: number[][] = [...sccs, []];
  const cyclic = new Uint8Array(nodeCount);
  const hard: number[][] = [];
  const groups: number[][][] = [];
  for (let node = 0; node < sccs.length; node++) {
    const nodeMembers = sccs[node]!;
    cyclic[node] = nodeMembers.length > 1 ? 1 : 0;
    const nodeHard: number[] = [];
    const nodeGroups: number[][] = [];
    for (const m of nodeMembers) {
      for (const c of hardOf[m]!) {
        const target = nodeOfComponent[c]!;
        if (target !== node && !nodeHard.includes(target)) nodeHard.push(target);
      }
      for (const group of groupsOf[m]!) {
        if (group.length === 0) continue;
        const targets: number[] = [];
        for (const c of group) {
          const t = nodeOfComponent[c]!;
          if (!targets.includes(t)) targets.push(t);
        }
        // A cycle is treated as requiring all its members up; a group that names a member of the
        // same cycle is then satisfied whenever the cycle works.
        if (targets.includes(node)) continue;
        nodeGroups.push(targets);
      }
    }
    // A group containing a hard child is satisfied whenever the node works; a one-member group is a
    // hard dependency.
    const keptGroups: number[][] = [];
    for (const g of nodeGroups) {
      if (g.some((t) => nodeHard.includes(t))) continue;
      if (g.length === 1) nodeHard.push(g[0]!);
      else keptGroups.push(g);
    }
    hard.push(nodeHard);
    groups.push(keptGroups.length === 0 ? keptGroups : keptGroups.filter((g) => !g.some((t) => nodeHard.includes(t))));
  }
  const entryNodes = new Set<number>();
  for (const name of model.entryPoints) {
    const i = componentIndex.get(name);
    if (i !== undefined) entryNodes.add(nodeOfComponent[i]!);
  }
  hard.push([...entryNodes]);
  groups.push([]);
  const childOccurrences = hard.map((h, node) => {
    const nodeGroups = groups[node]!;
    if (nodeGroups.length === 0) return h;
    const all = [...h];
    for (const g of nodeGroups) for (const c of g) all.push(c);
    return all;
  });
  const distinctChildren = childOccurrences.map((list, node) => (groups[node]!.length === 0 ? list : [...new Set(list)]));

  // Tarjan emits strongly connected sets children-first, so the SCC order is already a valid
  // "children before parents" order for the condensed graph; the root comes last.
  const topo = Array.from({ length: nodeCount }, (_, i) => i);
  const isModule = findModules(nodeCount, distinctChildren, [...topo].reverse());

  // Zone and region variables, in first-use order so reports list them as the file does.
  const regions: string[] = [];
  const regionVar = new Map<string, number>();
  const zones: string[] = [];
  const zoneRegion = new Map<string, string>();
  const useRegion = (region: string): void => {
    if (!regionVar.has(region)) {
      regionVar.set(region, regions.length);
      regions.push(region);
    }
  };
  for (const c of components) {
    if ((c.placement === 'zonal' || c.placement === 'regional' || c.placement === 'load-balancer') && c.region !== undefined) {
      useRegion(c.region);
    }
  }
  for (const c of components) {
    if ((c.placement === 'zonal' || c.placement === 'load-balancer') && c.region !== undefined) {
      for (const zone of c.zones) {
        if (!zoneRegion.has(zone)) {
          zoneRegion.set(zone, c.region);
          zones.push(zone);
        }
      }
    }
  }
  const zoneVar = new Map<string, number>(zones.map((z, i) => [z, regions.length + i]));
  const zoneVarsOfRegion: number[][] = regions.map(() => []);
  zones.forEach((z, i) => zoneVarsOfRegion[regionVar.get(zoneRegion.get(z)!)!]!.push(regions.length + i));

  const componentRegionVar = new Int32Array(count).fill(-1);
  const componentZoneVars: Int32Array[] = [];
  const upByPlacedUnits: Float64Array[] = [];
  components.forEach((c, i) => {
    const units = clampCount(c.units, 1);
    const minHealthy = clampCount(c.minHealthy, 1);
    const a = clampProbability(c.unitAvailability);
    const table = new Float64Array(units + 1);
    for (let placed = 0; placed <= units; placed++) table[placed] = atLeastKofN(minHealthy, placed, a);
    upByPlacedUnits.push(table);
    const needsRegion = c.placement === 'zonal' || c.placement === 'regional' || c.placement === 'load-balancer';
    if (needsRegion && c.region !== undefined) componentRegionVar[i] = regionVar.get(c.region)!;
    let vars: number[] = [];
    if (c.region !== undefined && c.zones.length > 0) {
      // Zones are per region: a zone name the model gives under another region is a different zone
      // only in a malformed model, and then its first region wins.
      const zoneVars = c.zones.map((z) => zoneVar.get(z)!);
      if (c.placement === 'zonal') vars = Array.from({ length: units }, (_, u) => zoneVars[u % zoneVars.length]!);
      else if (c.placement === 'load-balancer') vars = zoneVars;
    }
    componentZoneVars.push(Int32Array.from(vars));
  });

  return {
    model,
    components,
    componentIndex,
    nodeCount,
    root,
    nodeOfComponent,
    members,
    cyclic,
    hard,
    groups,
    childOccurrences,
    topo,
    isModule,
    regions,
    zones,
    zoneRegion,
    componentRegionVar,
    componentZoneVars,
    upByPlacedUnits,
    zoneVarsOfRegion,
  };
}

/**
 * P(component up | zone/region state), where `up[v]` is 1 when variable v (a region, then zones)
 * is up. External components never fail; global ones need only their own units.
 */
export function componentUpProbability(system: CompiledSystem, component: number, up: Uint8Array): number {
  const c = system.components[component]!;
  const table = system.upByPlacedUnits[component]!;
  const units = table.length - 1;
  switch (c.placement) {
    case 'external':
      return 1;
    case 'global':
      return table[units]!;
    case 'regional':
    case 'load-balancer':
    case 'zonal': {
      const regionVar = system.componentRegionVar[component]!;
      if (regionVar >= 0 && !up[regionVar]) return 0;
      const zoneVars = system.componentZoneVars[component]!;
      if (c.placement === 'regional' || zoneVars.length === 0) return table[units]!;
      if (c.placement === 'load-balancer') {
        for (let i = 0; i < zoneVars.length; i++) if (up[zoneVars[i]!]) return table[units]!;
        return 0;
      }
      let placed = 0;
      for (let i = 0; i < zoneVars.length; i++) if (up[zoneVars[i]!]) placed++;
      return table[placed]!;
    }
  }
}

/** Whether the component is up when zones/regions are as given and `failedUnits` of its placed units are down. */
export function componentUpDeterministic(system: CompiledSystem, component: number, up: Uint8Array, failedUnits: number): boolean {
  const c = system.components[component]!;
  if (c.placement === 'external') return true;
  const units = system.upByPlacedUnits[component]!.length - 1;
  const minHealthy = clampCount(c.minHealthy, 1);
  const regionVar = system.componentRegionVar[component]!;
  if (c.placement !== 'global' && regionVar >= 0 && !up[regionVar]) return false;
  const zoneVars = system.componentZoneVars[component]!;
  let placed = units;
  if (c.placement === 'load-balancer' && zoneVars.length > 0) {
    let anyZone = false;
    for (let i = 0; i < zoneVars.length; i++) if (up[zoneVars[i]!]) anyZone = true;
    if (!anyZone) return false;
  } else if (c.placement === 'zonal' && zoneVars.length > 0) {
    placed = 0;
    for (let i = 0; i < zoneVars.length; i++) if (up[zoneVars[i]!]) placed++;
  }
  if (c.unitAvailability <= 0) return minHealthy <= 0;
  return placed - failedUnits >= minHealthy;
}
