/**
 * Simulation goals under `targets: simulation:` (docs/format.md), judged by
 * `cloudarch simulate --check-targets`:
 *
 *   targets:
 *     simulation:
 *       maxDroppedPercent: 0.1             # of the requests of the simulated run
 *       maxRecoveryMinutes: 5              # for every injected failure of the run
 *       zoneOutageMaxDroppedPercent: 1     # a one-hour outage of any one zone at the daily peak
 *       minObservedAvailability: 99.9      # percent of time every entry point worked
 *
 * The zone goal does not depend on the run: each zone in use is failed for an hour around the
 * daily peak (13:30-14:30 of day two, with no random failures), one simulation per zone.
 */
import type { ArchDocument } from '../../core/document';
import { parseSimulationSpec, type SimulationSpec } from '../../core/simulation-spec';
import { reliabilityModelFromDocument } from '../availability/from-document';
import type { SimulationResult } from './types';

export interface SimulationTargets {
  readonly maxDroppedPercent?: number;
  readonly maxRecoveryMinutes?: number;
  readonly zoneOutageMaxDroppedPercent?: number;
  readonly minObservedAvailability?: number;
}

/** One judged goal. */
export interface SimulationTargetResult {
  readonly target: keyof SimulationTargets;
  readonly met: boolean;
  readonly expected: number;
  readonly actual: number;
  readonly message: string;
}

function nonNegative(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Reads `targets.simulation` as written; values of the wrong kind are left out (the schema reports them). */
export function simulationTargetsOf(doc: ArchDocument): SimulationTargets {
  const targets = doc.root?.entries.find((e) => e.key === 'targets')?.value;
  if (targets?.kind !== 'map') return {};
  const simulation = targets.entries.find((e) => e.key === 'simulation')?.value;
  if (simulation?.kind !== 'map') return {};
  const values: Record<string, unknown> = {};
  for (const entry of simulation.entries) if (entry.value?.kind === 'scalar') values[entry.key] = entry.value.value;
  const out: { -readonly [K in keyof SimulationTargets]: number } = {};
  for (const key of ['maxDroppedPercent', 'maxRecoveryMinutes', 'zoneOutageMaxDroppedPercent', 'minObservedAvailability'] as const) {
    const value = nonNegative(values[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Zones in use in first-use order: by letter in a one-region design, by full name otherwise. */
function zonesInUse(doc: ArchDocument): string[] {
  const built = reliabilityModelFromDocument(doc);
  const zones: string[] = [];
  for (const component of built.model.components) {
    if (component.placement !== 'zonal' && component.placement !== 'load-balancer') continue;
    for (const zone of component.zones) if (!zones.includes(zone)) zones.push(zone);
  }
  const regions = new Set(zones.map((zone) => zone.slice(0, -1)));
  return regions.size > 1 ? zones : zones.map((zone) => built.zoneLetter.get(zone) ?? zone);
}

/**
 * Judges the goals against a run's result; the zone goal runs its own short simulations through
 * `run` (the caller's `simulate`, passed in to keep this module free of a cycle).
 */
export function checkSimulationTargets(
  doc: ArchDocument,
  result: SimulationResult,
  run: (events: readonly SimulationSpec[]) => SimulationResult,
): SimulationTargetResult[] {
  const goals = simulationTargetsOf(doc);
  const out: SimulationTargetResult[] = [];
  if (goals.maxDroppedPercent !== undefined) {
    const actual = result.requests.droppedPercent;
    const met = actual <= goals.maxDroppedPercent;
    out.push({
      target: 'maxDroppedPercent',
      met,
      expected: goals.maxDroppedPercent,
      actual,
      message: `${actual}% of requests dropped in the simulated ${result.days} days; the target allows ${goals.maxDroppedPercent}%.`,
    });
  }
  if (goals.minObservedAvailability !== undefined) {
    const actual = result.availability.observedPercent;
    const met = actual >= goals.minObservedAvailability;
    out.push({
      target: 'minObservedAvailability',
      met,
      expected: goals.minObservedAvailability,
      actual,
      message: `Observed availability ${actual}%; the target is at least ${goals.minObservedAvailability}%.`,
    });
  }
  if (goals.maxRecoveryMinutes !== undefined) {
    const failures = result.injected.filter((outcome) => outcome.kind !== 'surge');
    let worst = 0;
    let worstSpec = '';
    let unrecovered = '';
    for (const outcome of failures) {
      if (outcome.recoverySeconds === null) unrecovered ||= outcome.spec;
      else if (outcome.recoverySeconds > worst) [worst, worstSpec] = [outcome.recoverySeconds, outcome.spec];
    }
    const actual = unrecovered !== '' ? Infinity : worst / 60;
    const met = actual <= goals.maxRecoveryMinutes;
    const message =
      failures.length === 0
        ? `No injected failure to recover from (add --fail or a scenario); the target of ${goals.maxRecoveryMinutes} minutes is met trivially.`
        : unrecovered !== ''
          ? `Service had not recovered from \`${unrecovered}\` when the simulation ended; the target is ${goals.maxRecoveryMinutes} minutes.`
          : `The slowest recovery took ${Math.round(actual * 100) / 100} minutes${worstSpec === '' ? '' : ` (\`${worstSpec}\`)`}; the target is ${goals.maxRecoveryMinutes} minutes.`;
    out.push({
      target: 'maxRecoveryMinutes',
      met,
      expected: goals.maxRecoveryMinutes,
      actual: Number.isFinite(actual) ? Math.round(actual * 1000) / 1000 : -1,
      message,
    });
  }
  if (goals.zoneOutageMaxDroppedPercent !== undefined) {
    let worst = 0;
    let worstZone = '';
    for (const zone of zonesInUse(doc)) {
      const spec = parseSimulationSpec(`zone:${zone}@1d13h30m+1h`) as SimulationSpec;
      const outcome = run([spec]).injected[0];
      if (outcome !== undefined && (worstZone === '' || outcome.droppedPercent > worst))
        [worst, worstZone] = [outcome.droppedPercent, zone];
    }
    const met = worst <= goals.zoneOutageMaxDroppedPercent;
    out.push({
      target: 'zoneOutageMaxDroppedPercent',
      met,
      expected: goals.zoneOutageMaxDroppedPercent,
      actual: worst,
      message:
        worstZone === ''
          ? 'No zone in use: a zone outage cannot drop requests.'
          : `A one-hour outage of zone ${worstZone} at the daily peak drops ${worst}% of the requests offered meanwhile; the target allows ${goals.zoneOutageMaxDroppedPercent}%.`,
    });
  }
  return out;
}
