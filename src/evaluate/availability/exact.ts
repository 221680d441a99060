/**
 * The exact probability that a set of nodes works, for one zone/region state.
 *
 * Given the state, the components' "up" events are independent (each depends only on its own
 * units), and "works" is a monotone boolean function of them. Where the dependency graph is a tree
 * the probability is a plain product (all of) and complement-product (any of). Sharing is what
 * makes the naive product wrong, and it is removed by exact factoring:
 *
 * 1. **All-of closure.** Everything reachable from the starting nodes through hard edges must be
 *    up; those up-events are independent, so their probabilities multiply, and afterwards those
 *    nodes count as working (a lemma: given they are all up, the whole event holds iff the
 *    remaining any-of groups hold with those nodes treated as working).
 * 2. **Independent components.** The remaining any-of groups are split into sets that share no
 *    node; their probabilities multiply.
 * 3. **Factoring.** Inside a set that does share a node, condition on the works-event of a shared
 *    node whose own sub-graph shares nothing more (so that event depends on nothing else), once
 *    as working and once as failed, and recurse (Shannon decomposition).
 * 4. **Modules.** A node all of whose descendants are reachable only through it is computed once
 *    per state and treated as an opaque leaf everywhere above it, which keeps near-tree
 *    architectures linear.
 */
import { componentUpProbability, type CompiledSystem } from './compile';

const unknown = 0;
const works = 1;
const fails = -1;

/** Reusable per-evaluation solver; call `setState` before each zone/region state. */
export class ExactSolver {
  private readonly system: CompiledSystem;
  private stateStamp = 0;
  private upState: Uint8Array = new Uint8Array(0);
  private readonly upStamp: Int32Array;
  private readonly upValue: Float64Array;
  private readonly memoStamp: Int32Array;
  private readonly memoValue: Float64Array;
  /** The factoring context: nodes whose works-value is currently fixed. */
  private readonly known: Int8Array;
  private readonly undo: number[] = [];
  // Scratch space of the sharing analysis (reused; results are copied out before recursing).
  private visitEpoch = 0;
  private readonly visited: Int32Array;
  private readonly occurrences: Int32Array;
  private readonly owner: Int32Array;
  private readonly sharedBelow: Uint8Array;
  /**
   * The zone/region variables each node's works-probability depends on (its own and its
   * dependencies' regions and zones), or undefined when there are too many to key a cache with.
   * A node's probability is the same in every state that agrees on these, so it is cached across
   * states: in a multi-region design, a region's stack is computed once per state of that region
   * rather than once per state of the whole world.
   */
  private readonly relevantVariables: (Int32Array | undefined)[];
  private readonly acrossStates: (Map<number, number> | undefined)[];
  /** Factoring steps taken, for diagnostics and the benchmark. */
  pivots = 0;

  constructor(system: CompiledSystem) {
    this.system = system;
    const n = system.nodeCount;
    this.upStamp = new Int32Array(n);
    this.upValue = new Float64Array(n);
    this.memoStamp = new Int32Array(n);
    this.memoValue = new Float64Array(n);
    this.known = new Int8Array(n);
    this.visited = new Int32Array(n);
    this.occurrences = new Int32Array(n);
    this.owner = new Int32Array(n);
    this.sharedBelow = new Uint8Array(n);
    this.acrossStates = new Array<Map<number, number> | undefined>(n).fill(undefined);
    this.relevantVariables = ExactSolver.relevantVariablesOf(system);
  }

  private static relevantVariablesOf(system: CompiledSystem): (Int32Array | undefined)[] {
    const maxKeyBits = 30;
    const sets: (Set<number> | undefined)[] = new Array<Set<number> | undefined>(system.nodeCount).fill(undefined);
    for (const v of system.topo) {
      let set: Set<number> | undefined = new Set<number>();
      for (const m of system.members[v]!) {
        const region = system.componentRegionVar[m]!;
        if (region >= 0) set.add(region);
        for (const z of system.componentZoneVars[m]!) set.add(z);
      }
      for (const c of system.childOccurrences[v]!) {
        const childSet = sets[c];
        if (!childSet || !set) {
          set = undefined;
          break;
        }
        for (const x of childSet) set.add(x);
      }
      sets[v] = set && set.size <= maxKeyBits ? set : undefined;
    }
    return sets.map((set) => (set ? Int32Array.from([...set].sort((a, b) => a - b)) : undefined));
  }

  /** The variables a node's probability depends on, or undefined when they are too many to list. */
  variablesOf(node: number): Int32Array | undefined {
    return this.relevantVariables[node];
  }

  /** The cache key of a node in the current state, or -1 when the node is not cached across states. */
  private stateKey(node: number): number {
    const vars = this.relevantVariables[node];
    if (!vars) return -1;
    let key = 0;
    for (let i = 0; i < vars.length; i++) key = key * 2 + this.upState[vars[i]!]!;
    return key;
  }

  /** Fixes the zone/region state (`up[v]` for each variable: regions first, then zones). */
  setState(up: Uint8Array): void {
    this.upState = up;
    this.stateStamp++;
  }

  /** P(node works | state). */
  probabilityWorks(node: number): number {
    if (this.system.isModule[node]) return this.moduleValue(node);
    const key = this.stateKey(node);
    const cache = key >= 0 ? (this.acrossStates[node] ??= new Map()) : undefined;
    const cached = cache?.get(key);
    if (cached !== undefined) return cached;
    const value = this.single(node);
    cache?.set(key, value);
    return value;
  }

  /** P(node up | state): every member of the node is up. */
  private up(node: number): number {
    if (this.upStamp[node] === this.stateStamp) return this.upValue[node]!;
    let p = 1;
    for (const m of this.system.members[node]!) p *= componentUpProbability(this.system, m, this.upState);
    this.upStamp[node] = this.stateStamp;
    this.upValue[node] = p;
    return p;
  }

  private moduleValue(node: number): number {
    if (this.memoStamp[node] === this.stateStamp) return this.memoValue[node]!;
    // A module's probability does not depend on the factoring context, only on the state.
    const key = this.stateKey(node);
    const cache = key >= 0 ? (this.acrossStates[node] ??= new Map()) : undefined;
    const value = cache?.get(key) ?? this.conjunction([node], node);
    cache?.set(key, value);
    this.memoStamp[node] = this.stateStamp;
    this.memoValue[node] = value;
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

  /** P(every start node works | state, known). `expand` is a module to open rather than look up. */
  private conjunction(starts: readonly number[], expand: number): number {
    const { hard, groups, isModule } = this.system;
    const mark = this.undo.length;
    let probability = 1;
    const expanded: number[] = [];
    const stack = [...starts];
    while (stack.length > 0) {
      const v = stack.pop()!;
      const k = this.known[v];
      if (k === works) continue;
      if (k === fails) {
        probability = 0;
        break;
      }
      if (isModule[v] && v !== expand) {
        probability *= this.moduleValue(v);
        this.fix(v, works);
      } else {
        probability *= this.up(v);
        this.fix(v, works);
        expanded.push(v);
        for (const c of hard[v]!) stack.push(c);
      }
      if (probability === 0) break;
    }
    if (probability > 0) {
      const pending: (readonly number[])[] = [];
      for (const v of expanded) for (const g of groups[v]!) pending.push(g);
      if (pending.length > 0) probability *= this.anyOfGroups(pending);
    }
    this.undoTo(mark);
    return probability;
  }

  /** P(every group has at least one working member | state, known). */
  private anyOfGroups(groups: readonly (readonly number[])[]): number {
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
    if (live.length === 0) return 1;
    if (live.length === 1 && live[0]!.length === 1) return this.single(live[0]![0]!);

    const components = this.splitBySharing(live);
    let probability = 1;
    for (const { groupIndexes, pivot } of components) {
      const part = groupIndexes.map((i) => live[i]!);
      let value: number;
      if (pivot < 0) {
        value = 1;
        for (const g of part) {
          let allFail = 1;
          for (const c of g) allFail *= 1 - this.single(c);
          value *= 1 - allFail;
        }
      } else {
        this.pivots++;
        const q = this.single(pivot);
        value = 0;
        const mark = this.undo.length;
        if (q > 0) {
          this.fix(pivot, works);
          value += q * this.anyOfGroups(part);
          this.undoTo(mark);
        }
        if (q < 1) {
          this.fix(pivot, fails);
          value += (1 - q) * this.anyOfGroups(part);
          this.undoTo(mark);
        }
      }
      probability *= value;
      if (probability === 0) return 0;
    }
    return probability;
  }

  /**
   * Groups that reach a common node are dependent; the rest are independent. For each dependent
   * set, choose the node to factor on: one used more than once whose own sub-graph has no further
   * sharing (so its works-event is independent of everything outside it), the most used first.
   */
  private splitBySharing(live: readonly (readonly number[])[]): { groupIndexes: number[]; pivot: number }[] {
    const { childOccurrences, isModule } = this.system;
    const epoch = ++this.visitEpoch;
    const parent = live.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) {
        parent[i] = parent[parent[i]!]!;
        i = parent[i]!;
      }
      return i;
    };
    const union = (a: number, b: number): void => {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent[ra] = rb;
    };
    const postorder: number[] = [];
    const frames: number[] = [];
    const frameChild: number[] = [];
    const enter = (v: number, group: number): void => {
      if (this.visited[v] === epoch) {
        this.occurrences[v]!++;
        union(group, this.owner[v]!);
        return;
      }
      this.visited[v] = epoch;
      this.occurrences[v] = 1;
      this.owner[v] = group;
      this.sharedBelow[v] = 0;
      frames.push(v);
      frameChild.push(0);
    };
    live.forEach((g, gi) => {
      for (const c of g) {
        enter(c, gi);
        while (frames.length > 0) {
          const top = frames.length - 1;
          const v = frames[top]!;
          const kids = isModule[v] ? [] : childOccurrences[v]!;
          const i = frameChild[top]!;
          if (i < kids.length) {
            frameChild[top] = i + 1;
            const child = kids[i]!;
            if (this.known[child] === unknown) enter(child, gi);
          } else {
            frames.pop();
            frameChild.pop();
            postorder.push(v);
          }
        }
      }
    });
    // Children finish before their parents in a depth-first post-order of a DAG.
    for (const v of postorder) {
      if (isModule[v]) continue;
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
    const byRoot = new Map<number, { groupIndexes: number[]; pivot: number; pivotCount: number }>();
    live.forEach((_, gi) => {
      const r = find(gi);
      let entry = byRoot.get(r);
      if (!entry) {
        entry = { groupIndexes: [], pivot: -1, pivotCount: 1 };
        byRoot.set(r, entry);
      }
      entry.groupIndexes.push(gi);
    });
    for (const v of postorder) {
      const count = this.occurrences[v]!;
      if (count <= 1 || this.sharedBelow[v]) continue;
      const entry = byRoot.get(find(this.owner[v]!))!;
      if (count > entry.pivotCount || (count === entry.pivotCount && entry.pivot >= 0 && v < entry.pivot)) {
        entry.pivot = v;
        entry.pivotCount = count;
      }
    }
    return [...byRoot.values()].map(({ groupIndexes, pivot }) => ({ groupIndexes, pivot }));
  }
}
