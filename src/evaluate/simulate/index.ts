/**
 * The simulator's entry point: `simulate(doc, options)` builds the availability model of the
 * document (the same adapter and compiled structure as the analytic evaluation), adds what only
 * time needs (capacity per unit, repair times, failover windows, scaling, spot, prices), runs the
 * discrete-event engine and assembles the result. Pure: no clock, no I/O, no `Math.random`.
 */
import type { ArchDocument } from '../../core/document';
import { checkSpecTarget, type SimulationSpec, type SpecTargets } from '../../core/simulation-spec';
import { effectiveValue, figuresFor } from '../../model/catalog';
import type { ResourceTypeDef } from '../../model/catalog-types';
import { unitCapacity } from '../../model/capacity';
import { evaluateAvailability } from '../availability';
import { compileModel } from '../availability/compile';
import { reliabilityModelFromDocument } from '../availability/from-document';
import { evaluateCost } from '../cost';
import {
  failoverSeconds,
  healthCheckDetection,
  regionOutageMeanSeconds,
  spotInterruptionsPerSecond,
  spotNotice,
  zoneOutageMeanSeconds,
  ecsScalingWarmupSeconds,
  defaultCooldownSeconds,
} from './behaviour';
import { allowedSteps, round, runSimulation, type ResourceBehaviourInput } from './engine';
import type { SimulationOptions, SimulationResult } from './types';

export type { SimulationOptions, SimulationResult, InjectedOutcome, TimelineEvent, SimulationSeries } from './types';
export { readScenarios, type Scenario, type ScenarioProblem } from './scenarios';
export { checkSimulationTargets, simulationTargetsOf, type SimulationTargetResult } from './targets';

/** A simulation input that names something the architecture does not have. */
export class SimulationInputError extends Error {}

/** The most units (instances, tasks, nodes) simulated one by one; beyond it a run would be slow for no insight. */
export const maxSimulatedUnits = 50_000;

/** The longest simulation accepted: ten years (a year runs in well under the three-second budget). */
export const maxSimulatedDays = 3_650;

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** What specs may name in this document: zones (letters of the default region and full names), regions, resources. */
export function specTargetsOf(doc: ArchDocument): SpecTargets {
  const built = reliabilityModelFromDocument(doc);
  const zones = new Set<string>();
  const regions = new Set<string>();
  for (const component of built.model.components) {
    if (component.region !== undefined && component.placement !== 'external' && component.placement !== 'global')
      regions.add(component.region);
    for (const zone of component.zones) {
      zones.add(zone);
      const letter = built.zoneLetter.get(zone);
      if (letter !== undefined && zone === `${doc.region}${letter}`) zones.add(letter);
    }
  }
  return { zones, regions, resources: new Set(doc.resources.map((r) => r.name)) };
}

/** Runs the simulation. Throws `SimulationInputError` when an event names an unknown zone, region or resource. */
export function simulate(doc: ArchDocument, options: SimulationOptions = {}): SimulationResult {
  const days = Math.min(maxSimulatedDays, Math.max(1 / 24, finite(options.days) ?? 30));
  const seed = Math.floor(finite(options.seed) ?? 1) >>> 0;
  const stepSeconds = finite(options.stepSeconds) ?? 60;
  const built = reliabilityModelFromDocument(doc);
  const totalUnits = built.model.components.reduce((sum, c) => sum + (Number.isFinite(c.units) ? Math.max(0, c.units) : 0), 0);
  if (totalUnits > maxSimulatedUnits) {
    throw new SimulationInputError(
      `this architecture has ${Math.round(totalUnits)} units (instances, tasks, nodes); the simulator models each one and stops at ${maxSimulatedUnits}`,
    );
  }
  const system = compileModel(built.model);
  const multiRegion = system.regions.length > 1;
  const zoneLabel = (zone: string): string => (multiRegion ? zone : (built.zoneLetter.get(zone) ?? zone));

  const events = options.events ?? [];
  const targets = specTargetsOf(doc);
  const injected = events.map((spec) => {
    const problem = checkSpecTarget(spec, targets);
    if (problem !== undefined) throw new SimulationInputError(problem);
    return { spec, targetIndex: targetIndexOf(spec) };
  });
  function targetIndexOf(spec: SimulationSpec): number {
    if (spec.kind === 'zone') {
      const full = system.zones.includes(spec.target!) ? spec.target! : `${doc.region}${spec.target}`;
      return system.zones.indexOf(full);
    }
    if (spec.kind === 'region') return system.regions.indexOf(spec.target!);
    if (spec.kind === 'resource') return system.componentIndex.get(spec.target!) ?? -1;
    return -1;
  }
  for (const { spec } of injected) {
    if (spec.atSeconds >= days * 86_400)
      throw new SimulationInputError(
        `\`${spec.text}\` starts after the simulation ends (${round(days, 6)} days): simulate longer with --days, or start it earlier`,
      );
  }
  for (const { spec, targetIndex } of injected) {
    if ((spec.kind === 'zone' || spec.kind === 'region' || spec.kind === 'resource') && targetIndex < 0)
      throw new SimulationInputError(`\`${spec.text}\`: \`${spec.target}\` is not in use by any resource`);
  }

  const compare = options.compareWithAnalytic !== false;
  const cost = evaluateCost(doc);
  const behindLoadBalancer = new Set<string>();
  for (const ref of doc.references) {
    if (!ref.resolved || ref.path[0] !== 'targets') continue;
    const from = doc.resourceByName.get(ref.from);
    if (from?.type?.startsWith('aws.elb.') === true) behindLoadBalancer.add(ref.target);
  }
  const capacityReport: Record<string, { rps: number | null; basis: string }> = {};
  const resources: ResourceBehaviourInput[] = system.components.map((component) => {
    const resource = doc.resourceByName.get(component.name);
    const def = resource?.typeDef;
    const props = resource?.props ?? {};
    const capacity = unitCapacity(def, props);
    if (component.placement !== 'external')
      capacityReport[component.name] = { rps: Number.isFinite(capacity.rps) ? capacity.rps : null, basis: capacity.basis };
    const typeId = resource?.type;
    // A failover type's unit is repaired in the type's own time; its variant figure (RDS Multi-AZ's
    // two minutes) is the failover, which the engine models separately.
    const mttrMinutes =
      def === undefined
        ? 60
        : typeId !== undefined && failoverSeconds[typeId] !== undefined
          ? def.mttrMinutes
          : figuresFor(def, props).mttrMinutes;
    return {
      typeId,
      capacityPerUnit: capacity.rps,
      repairSeconds: Math.max(1, mttrMinutes * 60),
      spot: props.purchase === 'spot',
      behindLoadBalancer: behindLoadBalancer.has(component.name),
      ...scalingOf(typeId, def, props),
      monthlyUSD: cost.byResource[component.name] ?? 0,
    };
  });

  const output = runSimulation({
    system,
    resources,
    zoneLabel,
    averageRps: doc.workload.requestsPerSecond,
    peakRps: doc.workload.peakRequestsPerSecond,
    hoursPerMonth: doc.assumptions.hoursPerMonth,
    seconds: Math.round(days * 86_400),
    seed,
    stepSeconds,
    seriesPoints: finite(options.seriesPoints) ?? 480,
    timelineLimit: finite(options.timelineLimit) ?? 400,
    queueSeconds: finite(options.queueSeconds) ?? 10,
    randomFailures: options.randomFailures !== false,
    injected,
  });

  const seconds = Math.round(days * 86_400);
  const daily = output.dailyUp;
  const half = daily.count > 1 ? (1.959963984540054 * Math.sqrt(daily.variance)) / Math.sqrt(daily.count) : undefined;
  const observed = seconds > 0 ? output.upSeconds / seconds : 1;
  return {
    seed,
    days: round(days, 6),
    stepSeconds: allowedSteps.includes(stepSeconds) ? stepSeconds : 60,
    requests: {
      offered: Math.round(output.offered),
      served: Math.round(output.served),
      dropped: Math.round(output.dropped),
      droppedPercent: round(output.offered > 0 ? (100 * output.dropped) / output.offered : 0, 6),
    },
    availability: {
      observedPercent: round(100 * observed, 6),
      ci95: half === undefined ? null : [round(100 * Math.max(0, daily.mean - half), 6), round(100 * Math.min(1, daily.mean + half), 6)],
      analyticPercent: compare ? round(evaluateAvailability(doc).percent, 6) : null,
      servedPercent: round(output.offered > 0 ? (100 * output.served) / output.offered : 100, 6),
      downtimeMinutes: round((seconds - output.upSeconds) / 60, 3),
    },
    capacity: {
      belowNeededSeconds: round(output.belowNeededSeconds, 1),
      belowNeededPercent: round(seconds > 0 ? (100 * output.belowNeededSeconds) / seconds : 0, 6),
    },
    cost: {
      accruedUSD: round(output.accruedUSD, 4),
      monthlyEquivalentUSD: round(seconds > 0 ? (output.accruedUSD * doc.assumptions.hoursPerMonth * 3_600) / seconds : 0, 4),
      staticMonthlyUSD: compare ? round(cost.monthlyUSD, 4) : null,
    },
    injected: output.injected,
    timeline: { events: output.timeline, omitted: output.omitted },
    series: output.series,
    counts: output.counts,
    unitCapacity: capacityReport,
    assumptions: {
      queueSeconds: finite(options.queueSeconds) ?? 10,
      healthCheckDetectionSeconds: healthCheckDetection.value,
      spotNoticeSeconds: spotNotice.value,
      spotInterruptionsPerUnitMonth: round(spotInterruptionsPerSecond.value * 30 * 86_400, 6),
      zoneOutageMeanHours: zoneOutageMeanSeconds.value / 3_600,
      regionOutageMeanHours: regionOutageMeanSeconds.value / 3_600,
      dailyPeakAt: '14:00 of each simulated day',
    },
  };
}

function scalingOf(
  typeId: string | undefined,
  def: ResourceTypeDef | undefined,
  props: Readonly<Record<string, unknown>>,
): Pick<ResourceBehaviourInput, 'scaling'> {
  const scaling = objectOf(props.scaling);
  const target = finite(scaling.target);
  if (target === undefined || target <= 0) return {};
  const metricValue = scaling.metric;
  const metric = metricValue === 'requests' ? 'requests' : metricValue === 'memory' ? 'memory' : 'cpu';
  if (typeId === 'aws.autoscaling.group' && def !== undefined) {
    // Bounds left unwritten are the catalog's derived defaults (min(1, desired), max(desired, min, 1)),
    // as the availability model, the cost estimate and the hover read them: `min: 0` with
    // `desired: 0` may scale out to one instance, and `desired: 0` alone starts with none.
    const min = Math.floor(Number(effectiveValue(def, 'min', props)));
    const max = Math.max(min, Math.floor(Number(effectiveValue(def, 'max', props))));
    return {
      scaling: {
        min,
        max,
        metric,
        target,
        warmupSeconds: Math.max(0, finite(scaling.warmupSeconds) ?? 300),
        cooldownSeconds: Math.max(0, finite(props.cooldownSeconds) ?? defaultCooldownSeconds.value),
      },
    };
  }
  if (typeId === 'aws.ecs.service') {
    const min = Math.max(0, Math.floor(finite(scaling.min) ?? 1));
    const max = Math.max(min, Math.floor(finite(scaling.max) ?? min));
    return {
      scaling: { min, max, metric, target, warmupSeconds: ecsScalingWarmupSeconds.value, cooldownSeconds: defaultCooldownSeconds.value },
    };
  }
  return {};
}
