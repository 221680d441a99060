/**
 * The exact probability that a set of nodes works, with the zones and regions treated as what
 * they are: independent binary components, shared by every resource placed in them.
 *
 * The solver never enumerates the joint state of every zone and region. It works on a *partial*
 * state (each zone or region up, down or still unknown) and on a factoring context (nodes whose
 * works-value is fixed), and applies four rules:
 *
 * 1. **All-of closure.** Everything reachable from the starting nodes through hard edges must be
 *    up; afterwards those nodes count as working (given they are all up, the whole event holds iff
 *    the remaining any-of groups hold with those nodes treated as working).
 * 2. **Independent parts.** The closure's up-events, its modules and the remaining any-of groups
 *    are split into parts that share neither a node nor an unknown zone or region (union-find).
 *    The parts' probabilities multiply: twelve regions that each hold their own stack are twelve
 *    small computations, not one over the product of their states.
 * 3. **Closed forms.** Inside a part that shares nothing, a resource's up-probability is averaged
 *    over its own unknown zones and region in closed form (a load balancer needs its region and
 *    one of its zones; a zonal fleet's usable units are a dynamic program over its zones), a
 *    module is looked up, and an any-of group of independent members is 1 - prod(1 - p).
 * 4. **Factoring.** A part that does share is split by conditioning (Shannon decomposition) on a
 *    shared node whose own sub-graph and zones/regions are private to it (so its works-event is
 *    independent of the rest), the most used first; failing that, on the most shared unknown
 *    region (before any of its zones) or zone, once up and once down.
 *
 * A *module* (a node all of whose descendants are reachable only through it) depends on nothing
 * outside it but the zones and regions below it, so its value is cached by the partial state of
 * those alone. The work is counted, and a computation that exceeds its budget stops with
 * `ExactBudgetExceeded` instead of running for hours; the engine then estimates.
 */
import { type CompiledSystem } from './compile';

const unknown = 0;
const works = 1;
const fails = -1;

/** Variable states: a zone or region is unknown (still random), up or down. */
const varUnknown = 0;
const varUp = 1;
const varDown = -1;

/** Thrown when an exact computation would take more work than it was allowed. */
export class ExactBudgetExceeded extends Error {
  constructor() {
    super('the exact availability computation exceeded its work budget');
    this.name = 'ExactBudgetExceeded';
  }
}

function clamp01(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

const noChildren: readonly number[] = [];

/** One independent part of an element set, and how to compute it. */
interface Part {
  readonly ups: number[];
  readonly leaves: number[];
  readonly groups: (readonly number[])[];
  /** A node to condition on, or -1. */
  readonly pivotNode: number;
  /** A zone or region variable to condition on, or -1. */
  readonly pivotVar: number;
}

/** Reusable solver of one compiled system. */
export class ExactSolver {
  private readonly system: CompiledSystem;
  /** Zone/region state: regions first, then zones, as in the compiled system. */
  private readonly varState: Int8Array;
  private readonly varProbability: Float64Array;
  /** For a zone variable, its region's variable; -1 for regions. */
  private readonly regionOfVar: Int32Array;
  /** Distinct variables (region and zones) of each component. */
  private readonly componentVars: Int32Array[];
  /** For each zonal component: its distinct zones and how many of its units each holds. */
  private readonly zoneOfUnits: Int32Array[];
  private readonly unitsInZone: Int32Array[];
  /** Every zone/region variable a node's works-event depends on (its own and below), sorted. */
  private readonly closureVars: Int32Array[];
  private readonly cache: (Map<number | string, number> | undefined)[];
  /** The factoring context: nodes whose works-value is currently fixed. */
  private readonly known: Int8Array;
  private readonly undo: number[] = [];
  // Scratch space of the sharing analysis (reused; results are copied out before recursing).
  private visitEpoch = 0;
  private readonly visited: Int32Array;
  private readonly occurrences: Int32Array;
  private readonly owner: Int32Array;
  private readonly ownerId: Int32Array;
  private readonly sharedBelow: Uint8Array;
  private readonly varStamp: Int32Array;
  private readonly varUses: Int32Array;
  private readonly varOwner: Int32Array;
  private readonly varElement: Int32Array;
  private readonly varCross: Uint8Array;
  private readonly subStamp: Int32Array;
  private readonly subUses: Int32Array;
  private subEpoch = 0;
  private parent = new Int32Array(16);
  private readonly usedVars: number[] = [];
  private anyCross = false;
  private nodeShared = false;
  private readonly frames: number[] = [];
  private readonly frameChild: number[] = [];
  /** Work done so far (nodes and variables visited, conditioning steps) and the allowed total. */
  work = 0;
  budget: number;
  /** Conditioning steps taken, for diagnostics and the benchmark. */
  pivots = 0;

  constructor(system: CompiledSystem, budget = Number.POSITIVE_INFINITY) {
    this.system = system;
    this.budget = budget;
    const n = system.nodeCount;
    const regionCount = system.regions.length;
    const variableCount = regionCount + system.zones.length;
    this.varState = new Int8Array(variableCount);
    this.varProbability = new Float64Array(variableCount);
    this.regionOfVar = new Int32Array(variableCount).fill(-1);
    const regionP = clamp01(system.model.regionAvailability);
    const zoneP = clamp01(system.model.zoneAvailability);
    for (let v = 0; v < variableCount; v++) this.varProbability[v] = v < regionCount ? regionP : zoneP;
    system.zoneVarsOfRegion.forEach((zoneVars, region) => {
      for (const z of zoneVars) this.regionOfVar[z] = region;
    });
    this.componentVars = [];
    this.zoneOfUnits = [];
    this.unitsInZone = [];
    system.components.forEach((c, i) => {
      const vars = new Set<number>();
      const region = system.componentRegionVar[i]!;
      if (region >= 0 && c.placement !== 'global' && c.placement !== 'external') vars.add(region);
      const zoneVars = system.componentZoneVars[i]!;
      const perZone = new Map<number, number>();
      if (c.placement === 'zonal' || c.placement === 'load-balancer') {
        for (const z of zoneVars) {
          vars.add(z);
          perZone.set(z, (perZone.get(z) ?? 0) + 1);
        }
      }
      this.componentVars.push(Int32Array.from([...vars].sort((a, b) => a - b)));
      this.zoneOfUnits.push(Int32Array.from(perZone.keys()));
      this.unitsInZone.push(Int32Array.from(perZone.values()));
    });
    this.closureVars = this.closureVarsOf();
    this.cache = new Array<Map<number | string, number> | undefined>(n).fill(undefined);
    this.known = new Int8Array(n);
    this.visited = new Int32Array(n);
    this.occurrences = new Int32Array(n);
    this.owner = new Int32Array(n);
    this.ownerId = new Int32Array(n);
    this.sharedBelow = new Uint8Array(n);
    this.varStamp = new Int32Array(variableCount);
    this.varUses = new Int32Array(variableCount);
    this.varOwner = new Int32Array(variableCount);
    this.varElement = new Int32Array(variableCount);
    this.varCross = new Uint8Array(variableCount);
    this.subStamp = new Int32Array(variableCount);
    this.subUses = new Int32Array(variableCount);
  }

  private closureVarsOf(): Int32Array[] {
    const system = this.system;
    const sets: Int32Array[] = new Array<Int32Array>(system.nodeCount);
    const seen = new Int32Array(this.varState.length);
    let epoch = 0;
    for (const v of system.topo) {
      epoch++;
      const list: number[] = [];
      const add = (x: number): void => {
        if (seen[x] !== epoch) {
          seen[x] = epoch;
          list.push(x);
        }
      };
      for (const m of system.members[v]!) for (const x of this.componentVars[m]!) add(x);
      for (const c of system.childOccurrences[v]!) for (const x of sets[c] ?? []) add(x);
      sets[v] = Int32Array.from(list.sort((a, b) => a - b));
    }
    return sets;
  }

  private charge(amount: number): void {
    this.work += amount;
    if (this.work > this.budget) throw new ExactBudgetExceeded();
  }

  /** The zone and region variables a node's probability depends on. */
  variablesOf(node: number): Int32Array {
    return this.closureVars[node]!;
  }

  /**
   * Fixes the zone/region state for the next calls (`up[v]` is 1 or 0 for every variable,
   * regions first), or, without an argument, makes every zone and region random again.
   */
  setState(up?: Uint8Array): void {
    for (let v = 0; v < this.varState.length; v++) this.varState[v] = up === undefined ? varUnknown : up[v] ? varUp : varDown;
  }

  /** Forgets a computation interrupted by `ExactBudgetExceeded`: no fixed node, every variable unknown. */
  reset(): void {
    this.undoTo(0);
    this.setState();
  }

  /** Fixes some variables (1 up, -1 down) and leaves the others (0) unknown, for the next calls. */
  setPartialState(state: Int8Array): void {
    for (let v = 0; v < this.varState.length; v++) this.varState[v] = state[v]! > 0 ? varUp : state[v]! < 0 ? varDown : varUnknown;
  }

  /** P(node works | the current zone/region state), averaged over every unknown zone and region. */
  probabilityWorks(node: number): number {
    // Outside any factoring context a node's value depends only on its variables' states, like a
    // module's, so every node is cached the same way here.
    const key = this.stateKey(node);
    const cache = (this.cache[node] ??= new Map());
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const value = this.system.isModule[node] ? this.moduleValue(node) : this.conjunction([node], -1);
    cache.set(key, value);
    return value;
  }

  /** The cache key of a node: the state (unknown, up, down) of each variable it depends on. */
  private stateKey(node: number): number | string {
    const vars = this.closureVars[node]!;
    if (vars.length <= 33) {
      let key = 0;
      for (let i = 0; i < vars.length; i++) key = key * 3 + this.varState[vars[i]!]! + 1;
      return key;
    }
    let key = '';
    for (let i = 0; i < vars.length; i++) key += String(this.varState[vars[i]!]! + 1);
    return key;
  }

  private moduleValue(node: number): number {
    const key = this.stateKey(node);
    const cache = (this.cache[node] ??= new Map());
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    // A module's probability does not depend on the factoring context, only on its variables.
    const value = this.conjunction([node], node);
    cache.set(key, value);
    return value;
  }

  private single(node: number): number {
    const k = this.known[node];
    if (k === works) return 1;
    if (k === fails) return 0;
    if (this.system.isModule[node]) return this.moduleValue(node);
    return this.conjunction([node], -1);
  }

  private fix(node: number, value: number): void {
    this.known[node] = value;
    this.undo.push(node);
  }

  private undoTo(mark: number): void {
    while (this.undo.length > mark) this.known[this.undo.pop()!] = unknown;
  }

  /** Whether a variable still matters: unknown, and not a zone of a region known to be down. */
  private isLive(x: number): boolean {
    if (this.varState[x] !== varUnknown) return false;
    const region = this.regionOfVar[x]!;
    return region < 0 || this.varState[region] !== varDown;
  }

  /** A component that cannot be up in the current state, whatever the unknown variables do. */
  private isDead(component: number): boolean {
    const region = this.system.componentRegionVar[component]!;
    const placement = this.system.components[component]!.placement;
    return region >= 0 && placement !== 'global' && placement !== 'external' && this.varState[region] === varDown;
  }

  private hasLiveVars(vars: Int32Array): boolean {
    for (let i = 0; i < vars.length; i++) if (this.isLive(vars[i]!)) return true;
    return false;
  }

  private nodeHasLiveVars(node: number): boolean {
    for (const m of this.system.members[node]!) if (!this.isDead(m) && this.hasLiveVars(this.componentVars[m]!)) return true;
    return false;
  }

  private nodeIsDead(node: number): boolean {
    for (const m of this.system.members[node]!) if (this.isDead(m)) return true;
    return false;
  }

  /**
   * P(component up | partial state), averaged over its own unknown zones and region. Valid when
   * nothing else being multiplied with it depends on those variables (the sharing analysis makes
   * sure of that).
   */
  private componentUp(component: number): number {
    const system = this.system;
    const c = system.components[component]!;
    const table = system.upByPlacedUnits[component]!;
    const units = table.length - 1;
    if (c.placement === 'external') return 1;
    if (c.placement === 'global') return table[units]!;
    const regionVar = system.componentRegionVar[component]!;
    let regionFactor = 1;
    if (regionVar >= 0) {
      const s = this.varState[regionVar];
      if (s === varDown) return 0;
      if (s === varUnknown) regionFactor = this.varProbability[regionVar]!;
    }
    const zones = this.zoneOfUnits[component]!;
    if (c.placement === 'regional' || zones.length === 0) return regionFactor * table[units]!;
    if (c.placement === 'load-balancer') {
      let allDown = 1;
      for (let i = 0; i < zones.length; i++) {
        const s = this.varState[zones[i]!];
        if (s === varUp) return regionFactor * table[units]!;
        if (s === varUnknown) allDown *= 1 - this.varProbability[zones[i]!]!;
      }
      return regionFactor * table[units]! * (1 - allDown);
    }
    // Zonal: the number of usable units is the known-up zones' units plus a sum of independent
    // zone contributions, whose distribution is a small dynamic program over the unknown zones.
    const counts = this.unitsInZone[component]!;
    let placed = 0;
    let distribution: Float64Array | undefined;
    let reach = 0;
    for (let i = 0; i < zones.length; i++) {
      const s = this.varState[zones[i]!];
      if (s === varUp) placed += counts[i]!;
      else if (s === varUnknown) {
        const p = this.varProbability[zones[i]!]!;
        const k = counts[i]!;
        if (!distribution) {
          distribution = new Float64Array(units + 1);
          distribution[0] = 1;
        }
        this.charge(reach + 1);
        for (let j = reach; j >= 0; j--) {
          const d = distribution[j]!;
          if (d === 0) continue;
          distribution[j + k] = distribution[j + k]! + d * p;
          distribution[j] = d * (1 - p);
        }
        reach += k;
      }
    }
    if (!distribution) return regionFactor * table[placed]!;
    let value = 0;
    for (let j = 0; j <= reach; j++) if (distribution[j]! > 0) value += distribution[j]! * table[Math.min(units, placed + j)]!;
    return regionFactor * value;
  }

  private nodeUp(node: number): number {
    let p = 1;
    for (const m of this.system.members[node]!) p *= this.componentUp(m);
    return p;
  }

  /** P(every start node works | state, known). `expand` is a module to open rather than look up. */
  private conjunction(starts: readonly number[], expand: number): number {
    const { hard, groups, isModule } = this.system;
    const mark = this.undo.length;
    let probability = 1;
    const ups: number[] = [];
    const leaves: number[] = [];
    const pending: (readonly number[])[] = [];
    const stack = [...starts];
    while (stack.length > 0) {
      const v = stack.pop()!;
      this.charge(1);
      const k = this.known[v];
      if (v === expand) {
        // The module being computed may already count as working for the caller (a leaf of its
        // closure); its own value is computed from its parts, without touching that mark.
        if (k !== works) this.fix(v, works);
      } else if (k === works) continue;
      else if (k === fails) {
        probability = 0;
        break;
      } else this.fix(v, works);
      // A module with nothing below it is just its own up-event: kept as one, so a zone program
      // (see `zoneProgram`) can take it together with the resources that share its zones.
      if (isModule[v] && v !== expand && this.system.childOccurrences[v]!.length > 0) {
        // A module whose variables are all decided is a plain factor; otherwise it is an element
        // whose variables may be shared with the rest.
        if (this.hasLiveVars(this.closureVars[v]!)) leaves.push(v);
        else probability *= this.moduleValue(v);
      } else {
        if (this.nodeIsDead(v)) probability = 0;
        else if (this.nodeHasLiveVars(v)) ups.push(v);
        else probability *= this.nodeUp(v);
        for (const g of groups[v]!) pending.push(g);
        for (const c of hard[v]!) stack.push(c);
      }
      if (probability === 0) break;
    }
    if (probability > 0 && ups.length + leaves.length + pending.length > 0) probability *= this.elements(ups, leaves, pending);
    this.undoTo(mark);
    return probability;
  }

  /**
   * P(every node of `ups` is up, every module of `leaves` works and every group has a working
   * member | state, known), where the nodes of `ups` and `leaves` are already fixed as working.
   */
  private elements(ups: readonly number[], leaves: readonly number[], groups: readonly (readonly number[])[]): number {
    const live: number[][] = [];
    for (const g of groups) {
      const members: number[] = [];
      let satisfied = false;
      for (const c of g) {
        const k = this.known[c];
        if (k === works) {
          satisfied = true;
          break;
        }
        if (k === unknown) members.push(c);
      }
      if (satisfied) continue;
      if (members.length === 0) return 0;
      live.push(members);
    }
    for (const u of ups) if (this.nodeIsDead(u)) return 0;
    if (ups.length + leaves.length + live.length === 0) return 1;
    if (ups.length + leaves.length === 0 && live.length === 1 && live[0]!.length === 1) return this.single(live[0]![0]!);
    // A lone resource or module cannot share anything with itself beyond what its own value covers.
    if (live.length === 0 && leaves.length === 0 && ups.length === 1 && this.system.members[ups[0]!]!.length === 1)
      return this.nodeUp(ups[0]!);
    if (live.length === 0 && ups.length === 0 && leaves.length === 1) return this.moduleValue(leaves[0]!);

    const parts = this.split(ups, leaves, live);
    let probability = 1;
    for (const part of parts) {
      let value: number;
      if (part.pivotNode >= 0) {
        this.pivots++;
        this.charge(1);
        const pivot = part.pivotNode;
        const q = this.single(pivot);
        value = 0;
        const mark = this.undo.length;
        if (q > 0) {
          this.fix(pivot, works);
          value += q * this.elements(part.ups, part.leaves, part.groups);
          this.undoTo(mark);
        }
        if (q < 1) {
          this.fix(pivot, fails);
          value += (1 - q) * this.elements(part.ups, part.leaves, part.groups);
          this.undoTo(mark);
        }
      } else if (
        part.pivotVar >= 0 &&
        this.regionOfVar[part.pivotVar]! >= 0 &&
        part.leaves.length === 0 &&
        part.groups.length === 0 &&
        (value = this.zoneProgram(part.ups)) >= 0
      ) {
        // Resources that need every one of their own units' zones jointly: a program over zones.
      } else if (part.pivotVar >= 0) {
        this.pivots++;
        this.charge(1);
        const x = part.pivotVar;
        const p = this.varProbability[x]!;
        value = 0;
        if (p > 0) {
          this.varState[x] = varUp;
          value += p * this.elements(part.ups, part.leaves, part.groups);
        }
        if (p < 1) {
          this.varState[x] = varDown;
          value += (1 - p) * this.elements(part.ups, part.leaves, part.groups);
        }
        this.varState[x] = varUnknown;
      } else {
        value = 1;
        for (const u of part.ups) value *= this.nodeUp(u);
        for (const l of part.leaves) value *= this.moduleValue(l);
        for (const g of part.groups) {
          if (g.length === 1) {
            value *= this.single(g[0]!);
            continue;
          }
          let allFail = 1;
          for (const c of g) allFail *= 1 - this.single(c);
          value *= 1 - allFail;
        }
      }
      probability *= value;
      if (probability === 0) return 0;
    }
    return probability;
  }

  private find(i: number): number {
    const parent = this.parent;
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  }

  private union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[ra] = rb;
  }

  /** Records one use of a variable by an owner (see `split`) within an element. */
  private useVar(x: number, ownerId: number, element: number): void {
    if (!this.isLive(x)) return;
    const epoch = this.visitEpoch;
    if (this.varStamp[x] !== epoch) {
      this.varStamp[x] = epoch;
      this.varUses[x] = 1;
      this.varOwner[x] = ownerId;
      this.varElement[x] = element;
      this.varCross[x] = 0;
      this.usedVars.push(x);
      return;
    }
    this.varUses[x]!++;
    if (this.varOwner[x] !== ownerId) {
      this.varCross[x] = 1;
      this.anyCross = true;
    }
    this.union(element, this.varElement[x]!);
  }

  private useVars(vars: Int32Array, ownerId: number, element: number): void {
    this.charge(vars.length);
    for (let i = 0; i < vars.length; i++) this.useVar(vars[i]!, ownerId, element);
  }

  /** Records the variables a node uses itself: a module's whole closure, otherwise its members'. */
  private useNodeVars(v: number, ownerId: number, element: number): void {
    if (this.system.isModule[v]) {
      this.useVars(this.closureVars[v]!, ownerId, element);
      return;
    }
    for (const m of this.system.members[v]!) if (!this.isDead(m)) this.useVars(this.componentVars[m]!, ownerId, element);
  }

  /** Enters a node in the depth-first walk of `split`, or counts one more use of it. */
  private enter(v: number, element: number, ownerId: number): void {
    this.charge(1);
    if (this.visited[v] === this.visitEpoch) {
      this.occurrences[v]!++;
      this.nodeShared = true;
      this.union(element, this.owner[v]!);
      return;
    }
    this.visited[v] = this.visitEpoch;
    this.occurrences[v] = 1;
    this.owner[v] = element;
    this.ownerId[v] = ownerId;
    this.sharedBelow[v] = 0;
    this.useNodeVars(v, ownerId, element);
    this.frames.push(v);
    this.frameChild.push(0);
  }

  /**
   * E[product of the resources' up-probabilities] over their live zones, for resources whose only
   * live variables are zones (their regions are decided): each resource's up-probability depends on
   * how many of its units sit in up zones (a load balancer: whether one of its zones is up), so a
   * dynamic program over the zones whose state is the vector of those counts is exact, and costs
   * zones x states instead of 2^zones. Twenty-six zones shared by a load balancer and its fleet are
   * 26 x 2 x 27 steps. Returns -1 when the program would be too large (then the caller conditions).
   */
  private zoneProgram(ups: readonly number[]): number {
    const system = this.system;
    let constant = 1;
    const factors: number[] = [];
    const zoneVars: number[] = [];
    const zoneSeen = new Set<number>();
    for (const u of ups) {
      for (const m of system.members[u]!) {
        const placement = system.components[m]!.placement;
        const vars = this.componentVars[m]!;
        let live = false;
        for (let i = 0; i < vars.length; i++) {
          const x = vars[i]!;
          if (!this.isLive(x)) continue;
          if (this.regionOfVar[x]! < 0) return -1;
          live = true;
          if (!zoneSeen.has(x)) {
            zoneSeen.add(x);
            zoneVars.push(x);
          }
        }
        if (!live || (placement !== 'zonal' && placement !== 'load-balancer')) constant *= this.componentUp(m);
        else factors.push(m);
      }
    }
    // Each factor's count: units in up zones (zonal), or whether a zone is up (load balancer, 0/1).
    const radix: number[] = [];
    const base: number[] = [];
    const perZone: Map<number, number>[] = [];
    let states = 1;
    for (const m of factors) {
      const isBalancer = system.components[m]!.placement === 'load-balancer';
      const zones = this.zoneOfUnits[m]!;
      const counts = this.unitsInZone[m]!;
      let fixedUp = 0;
      let liveUnits = 0;
      const contribution = new Map<number, number>();
      for (let i = 0; i < zones.length; i++) {
        const z = zones[i]!;
        if (this.varState[z] === varUp) fixedUp += isBalancer ? 1 : counts[i]!;
        else if (this.isLive(z)) {
          contribution.set(z, isBalancer ? 1 : counts[i]!);
          liveUnits += isBalancer ? 1 : counts[i]!;
        }
      }
      const top = isBalancer ? 1 : fixedUp + liveUnits;
      base.push(isBalancer ? Math.min(1, fixedUp) : fixedUp);
      radix.push(top + 1);
      perZone.push(contribution);
      states *= top + 1;
    }
    const steps = states * (zoneVars.length + 1) * Math.max(1, factors.length);
    if (states > 1 << 16 || this.work + steps > this.budget) return -1;
    this.charge(steps);
    // Mixed-radix state index; the first factor varies fastest.
    const stride: number[] = [];
    let s = 1;
    for (const r of radix) {
      stride.push(s);
      s *= r;
    }
    let start = 0;
    base.forEach((b, i) => (start += b * stride[i]!));
    let distribution = new Float64Array(states);
    distribution[start] = 1;
    const counts = new Int32Array(factors.length);
    for (const z of zoneVars) {
      const p = this.varProbability[z]!;
      const next = new Float64Array(states);
      for (let index = 0; index < states; index++) {
        const d = distribution[index]!;
        if (d === 0) continue;
        next[index] = next[index]! + d * (1 - p);
        let rest = index;
        let target = 0;
        for (let f = 0; f < factors.length; f++) {
          counts[f] = rest % radix[f]!;
          rest = Math.floor(rest / radix[f]!);
          const add = perZone[f]!.get(z) ?? 0;
          target += Math.min(radix[f]! - 1, counts[f]! + add) * stride[f]!;
        }
        next[target] = next[target]! + d * p;
      }
      distribution = next;
    }
    let value = 0;
    for (let index = 0; index < states; index++) {
      const d = distribution[index]!;
      if (d === 0) continue;
      let product = d;
      let rest = index;
      for (let f = 0; f < factors.length && product > 0; f++) {
        const count = rest % radix[f]!;
        rest = Math.floor(rest / radix[f]!);
        const m = factors[f]!;
        const table = system.upByPlacedUnits[m]!;
        const units = table.length - 1;
        product *= system.components[m]!.placement === 'load-balancer' ? (count >= 1 ? table[units]! : 0) : table[Math.min(units, count)]!;
      }
      value += product;
    }
    return constant * value;
  }

  /**
   * Splits the elements into independent parts: two elements are dependent when they reach a
   * common node or use a common live zone/region. For each dependent part, chooses what to
   * condition on: a node used more than once whose sub-graph has no further sharing and whose
   * zones and regions nothing outside it uses (so its works-event is independent of everything
   * else), the most used first; otherwise the most shared zone or region (a region before its
   * zones). Element order: `ups`, then `leaves`, then `groups`.
   *
   * *Owners* tell sharing inside one group member or one resource (handled when that member is
   * computed) from sharing between members or elements (which makes them dependent).
   */
  private split(ups: readonly number[], leaves: readonly number[], groups: readonly (readonly number[])[]): Part[] {
    const { childOccurrences, isModule, members } = this.system;
    this.visitEpoch++;
    const elementCount = ups.length + leaves.length + groups.length;
    if (this.parent.length < elementCount) this.parent = new Int32Array(Math.max(elementCount, this.parent.length * 2));
    for (let i = 0; i < elementCount; i++) this.parent[i] = i;
    this.usedVars.length = 0;
    this.anyCross = false;
    this.nodeShared = false;
    let nextOwner = 0;
    for (let e = 0; e < ups.length; e++) for (const m of members[ups[e]!]!) this.useVars(this.componentVars[m]!, nextOwner++, e);
    for (let i = 0; i < leaves.length; i++) this.useVars(this.closureVars[leaves[i]!]!, nextOwner++, ups.length + i);

    const postorder: number[] = [];
    const frames = this.frames;
    const frameChild = this.frameChild;
    const firstGroup = ups.length + leaves.length;
    for (let gi = 0; gi < groups.length; gi++) {
      const element = firstGroup + gi;
      for (const c of groups[gi]!) {
        this.enter(c, element, nextOwner++);
        while (frames.length > 0) {
          const top = frames.length - 1;
          const v = frames[top]!;
          // A module is not opened, and a node that cannot be up fails whatever is below it.
          const kids = isModule[v] || this.nodeIsDead(v) ? noChildren : childOccurrences[v]!;
          const i = frameChild[top]!;
          if (i < kids.length) {
            frameChild[top] = i + 1;
            const child = kids[i]!;
            if (this.known[child] === unknown) this.enter(child, element, this.ownerId[v]!);
          } else {
            frames.pop();
            frameChild.pop();
            postorder.push(v);
          }
        }
      }
    }

    if (!this.nodeShared && !this.anyCross) {
      // Nothing is shared: every element is a part of its own.
      const parts: Part[] = [];
      for (const u of ups) parts.push({ ups: [u], leaves: [], groups: [], pivotNode: -1, pivotVar: -1 });
      for (const l of leaves) parts.push({ ups: [], leaves: [l], groups: [], pivotNode: -1, pivotVar: -1 });
      for (const g of groups) parts.push({ ups: [], leaves: [], groups: [g], pivotNode: -1, pivotVar: -1 });
      return parts;
    }

    const byRoot = new Map<
      number,
      { part: { ups: number[]; leaves: number[]; groups: (readonly number[])[] }; dependent: boolean; vars: number[]; nodes: number[] }
    >();
    const entryOf = (element: number) => {
      const r = this.find(element);
      let entry = byRoot.get(r);
      if (!entry) {
        entry = { part: { ups: [], leaves: [], groups: [] }, dependent: false, vars: [], nodes: [] };
        byRoot.set(r, entry);
      }
      return entry;
    };
    ups.forEach((u, e) => entryOf(e).part.ups.push(u));
    leaves.forEach((l, i) => entryOf(ups.length + i).part.leaves.push(l));
    groups.forEach((g, gi) => entryOf(firstGroup + gi).part.groups.push(g));
    for (const x of this.usedVars) {
      const entry = entryOf(this.varElement[x]!);
      entry.vars.push(x);
      if (this.varCross[x]) entry.dependent = true;
    }

    // Children finish before their parents in a depth-first post-order of a DAG.
    for (const v of postorder) {
      if (isModule[v] || this.nodeIsDead(v)) continue;
      let below = 0;
      for (const child of childOccurrences[v]!) {
        if (this.known[child] !== unknown) continue;
        if (this.occurrences[child]! > 1 || this.sharedBelow[child]) {
          below = 1;
          break;
        }
      }
      this.sharedBelow[v] = below;
    }
    for (const v of postorder) {
      if (this.occurrences[v]! > 1) {
        const entry = entryOf(this.owner[v]!);
        entry.dependent = true;
        if (!this.sharedBelow[v]) entry.nodes.push(v);
      }
    }

    const parts: Part[] = [];
    for (const entry of byRoot.values()) {
      if (!entry.dependent) {
        parts.push({ ...entry.part, pivotNode: -1, pivotVar: -1 });
        continue;
      }
      // Candidates, most used first (then lowest number, for a deterministic choice).
      entry.nodes.sort((a, b) => this.occurrences[b]! - this.occurrences[a]! || a - b);
      let pivotNode = -1;
      for (const v of entry.nodes) {
        if (this.varsPrivateTo(v)) {
          pivotNode = v;
          break;
        }
      }
      let pivotVar = -1;
      if (pivotNode < 0) {
        let best = -1;
        let bestScore = -1;
        for (const x of entry.vars) {
          const score = this.varUses[x]! * 2 + this.varCross[x]! * 1_000_000;
          if (score > bestScore || (score === bestScore && x < best)) {
            best = x;
            bestScore = score;
          }
        }
        if (best >= 0) {
          const region = this.regionOfVar[best]!;
          pivotVar = region >= 0 && this.varState[region] === varUnknown ? region : best;
        }
      }
      if (pivotNode < 0 && pivotVar < 0) {
        // Cannot happen for a well-formed graph (a lowest shared node always exists); refuse to
        // guess rather than return a wrong exact value.
        throw new ExactBudgetExceeded();
      }
      parts.push({ ...entry.part, pivotNode, pivotVar });
    }
    return parts;
  }

  /**
   * Whether every live variable below a candidate pivot (a node whose sub-graph is a tree of
   * nodes reached once) is used only inside that sub-graph, counted against the uses of the
   * current analysis.
   */
  private varsPrivateTo(pivot: number): boolean {
    const { childOccurrences, isModule, members } = this.system;
    const epoch = ++this.subEpoch;
    const touched: number[] = [];
    const count = (x: number): void => {
      if (!this.isLive(x)) return;
      if (this.subStamp[x] !== epoch) {
        this.subStamp[x] = epoch;
        this.subUses[x] = 0;
        touched.push(x);
      }
      this.subUses[x]!++;
    };
    const stack = [pivot];
    while (stack.length > 0) {
      const v = stack.pop()!;
      this.charge(1);
      if (isModule[v]) {
        for (const x of this.closureVars[v]!) count(x);
        continue;
      }
      for (const m of members[v]!) if (!this.isDead(m)) for (const x of this.componentVars[m]!) count(x);
      if (this.nodeIsDead(v)) continue;
      for (const c of childOccurrences[v]!) if (this.known[c] === unknown) stack.push(c);
    }
    for (const x of touched) if (this.subUses[x] !== this.varUses[x]) return false;
    return true;
  }
}
