/**
 * The availability engine on a `ReliabilityModel`: the exact system probability (factoring that
 * treats zones and regions as shared components, see exact.ts), each component's own
 * probability, the single points of failure, the zone and region outage tables, and the Monte
 * Carlo cross-check. When the exact computation would exceed its work budget, the figures are
 * estimated instead and the report says so (`method`, `note`).
 */
import { compileModel, componentUpDeterministic, type CompiledSystem } from './compile';
import { conditionalEstimate, plainEstimate, type NodeEstimate } from './estimate';
import { ExactBudgetExceeded, ExactSolver } from './exact';
import type { ReliabilityModel, ReliabilityReport } from './model';
import { monteCarlo } from './monte-carlo';

export interface EngineOptions {
  /** Monte Carlo samples; 0 skips the cross-check. Default: 100,000, fewer for very large systems. */
  readonly monteCarloSamples?: number;
  /** Seed of the Monte Carlo generator (default 42). */
  readonly seed?: number;
  /** Work units the exact computation may spend (default `exactWorkBudget`); tests lower it. */
  readonly exactWorkBudget?: number;
}

export const defaultMonteCarloSamples = 100_000;
/**
 * Work units (nodes and variables visited, conditioning steps) the exact computation may spend on
 * the system figure, and again on the per-resource figures, plus this much per node of the graph:
 * about a tenth of a second for a small file. Real architectures need far less (10,000 generated
 * resources: under 200,000 units for every figure together); only a part that genuinely depends on
 * dozens of zones or regions at once exceeds it.
 */
export const exactWorkBudget = 400_000;
export const exactWorkBudgetPerNode = 100;
/** Zone states evaluated when estimating (shared by the figures estimated), and the work they may take. */
const estimateStates = 4_000;
const estimateSamples = 100_000;
const estimateBudget = 3_000_000;
export const defaultSeed = 42;
/** The sampler's default budget in node evaluations, so a 1,000-resource file still answers quickly. */
const monteCarloBudget = 20_000_000;

function clamp01(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
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
    if (ok)
      for (const c of hard[v]!)
        if (!works(c)) {
          ok = false;
          break;
        }
    if (ok)
      for (const g of groups[v]!)
        if (!g.some(works)) {
          ok = false;
          break;
        }
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

  // Exact, within a work budget; the solver starts with every zone and region unknown.
  const budget =
    options.exactWorkBudget !== undefined && options.exactWorkBudget >= 0
      ? options.exactWorkBudget
      : exactWorkBudget + exactWorkBudgetPerNode * system.nodeCount;
  const solver = new ExactSolver(system, budget);
  const attempt = (node: number): number | undefined => {
    try {
      return solver.probabilityWorks(node);
    } catch (error) {
      if (!(error instanceof ExactBudgetExceeded)) throw error;
      solver.reset();
      return undefined;
    }
  };
  const exactSystem = attempt(root);
  // A fresh allowance for the per-resource figures, children first so parents reuse their values;
  // a smaller one when the system figure already proved too costly (its parts mostly are too).
  solver.budget = solver.work + (exactSystem === undefined ? budget / 8 : budget);
  const componentNodes = [...new Set(Array.from(nodeOfComponent))].sort((a, b) => a - b);
  const nodeValue = new Map<number, number>();
  const unresolved: number[] = [];
  for (const node of componentNodes) {
    const value = solver.work > solver.budget ? undefined : attempt(node);
    if (value === undefined) unresolved.push(node);
    else nodeValue.set(node, value);
  }
  let estimate: NodeEstimate | undefined;
  const targets = exactSystem === undefined ? [root, ...unresolved] : unresolved;
  if (targets.length > 0) {
    const seed = options.seed !== undefined && Number.isFinite(options.seed) ? Math.floor(options.seed) : defaultSeed;
    solver.budget = solver.work + estimateBudget;
    estimate = conditionalEstimate(system, solver, targets, Math.max(200, Math.floor(estimateStates / targets.length)), seed);
    if (!estimate) {
      const size = system.nodeCount + system.childOccurrences.reduce((sum, list) => sum + list.length, 0);
      estimate = plainEstimate(system, targets, Math.max(1_000, Math.min(estimateSamples, Math.floor(estimateBudget / size))), seed);
    }
    for (const node of unresolved) nodeValue.set(node, estimate.probability.get(node)!);
  }
  const probability = exactSystem ?? estimate!.probability.get(root)!;
  const byComponent = new Map<string, number>();
  components.forEach((c, i) => byComponent.set(c.name, clamp01(nodeValue.get(nodeOfComponent[i]!) ?? 0)));
  const unresolvedSet = new Set(unresolved);
  const estimatedNames = components.filter((_, i) => unresolvedSet.has(nodeOfComponent[i]!)).map((c) => c.name);
  // An "estimate" that enumerated every zone state (regions are always exact) is the exact value.
  const systemExact = exactSystem !== undefined || estimate?.complete === true;
  let note: string | undefined;
  if (estimate && !estimate.complete) {
    const how =
      estimate.kind === 'conditional'
        ? `${estimate.samples.toLocaleString('en-US')} zone states (all zones up, one down, … enumerated where few, sampled where many), each computed exactly`
        : `${estimate.samples.toLocaleString('en-US')} random samples of every unit, zone and region`;
    const [low, high] = estimate.ci95;
    // Enough digits to show the interval's width, down to a millionth of a point: past that the
    // width is rounding, and a figure to twelve decimals reads as noise.
    const digits = Math.min(6, Math.max(4, Math.ceil(-Math.log10(Math.max(1e-14, (high - low) * 100))) + 1));
    const [lowText, highText] = [(low * 100).toFixed(digits), (high * 100).toFixed(digits)];
    const interval =
      lowText === highText
        ? `95 % interval under a millionth of a point wide, at ${lowText} %`
        : `95 % interval ${lowText} % to ${highText} %`;
    note = !systemExact
      ? `Estimated, not exact: the architecture depends on too many zones and regions jointly for the exact computation, so the figures are averaged over ${how} (${interval}).`
      : `The system figure is exact; the figures of ${estimatedNames.length} resource(s) (${estimatedNames.slice(0, 5).join(', ')}${estimatedNames.length > 5 ? ', …' : ''}) are estimated over ${how}.`;
  }

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
  const crossCheck = monteCarlo(system, samples, seed);

  return {
    probability: clamp01(probability),
    byComponent,
    spof,
    zoneOutage,
    regionOutage,
    zoneRegion: system.zoneRegion,
    regions,
    monteCarlo: crossCheck,
    method: systemExact ? 'exact' : 'monte-carlo-estimate',
    ...(note !== undefined ? { note } : {}),
    ...(!systemExact && estimate ? { estimateInterval: estimate.ci95 } : {}),
    conditioningSteps: solver.pivots,
  };
}
