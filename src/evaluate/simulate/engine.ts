/**
 * The discrete-event simulation (docs/evaluation.md, "Simulation"). It runs on the availability
 * model's compiled structure (`compileModel`: components, units placed on zones round-robin,
 * regions, hard dependencies, any-of groups, entry points), so the simulator and the analytic
 * evaluation can never disagree about what the architecture is; what the simulator adds is time:
 * failures and repairs, failovers, health checks, scaling, spot interruptions, traffic and cost.
 *
 * Time advances from event to event and at every traffic step (a minute by default); between two
 * such instants every rate is constant, so served, dropped and cost are integrated exactly. State
 * changes only at events, and the request path's capacity is recomputed only then. Nothing here
 * reads a clock or `Math.random`: the generator is the availability module's seeded xoshiro128**,
 * and ties between events are broken by the order they were scheduled, so the same input and seed
 * give the same result, byte for byte. Memory is bounded by the series and the timeline limit,
 * never by the number of events.
 */
import type { CompiledSystem } from '../availability/compile';
import { xoshiro128 } from '../availability/monte-carlo';
import type { SimulationSpec } from '../../core/simulation-spec';
import { EventQueue } from './event-queue';
import {
  failoverSeconds,
  healthCheckDetection,
  regionOutageMeanSeconds,
  scaleInPeriods,
  scaleOutPeriods,
  selfHealingTypes,
  spotInterruptionsPerSecond,
  spotNotice,
  unitBilledTypes,
  zoneOutageMeanSeconds,
} from './behaviour';
import { dailyCurve, minutesPerDay } from './traffic';
import type { InjectedOutcome, SimulationSeries, TimelineEvent } from './types';

/** What the engine needs to know about one resource besides the compiled structure. */
export interface ResourceBehaviourInput {
  readonly typeId: string | undefined;
  readonly capacityPerUnit: number;
  /** Mean time to repair one unit, seconds. */
  readonly repairSeconds: number;
  readonly spot: boolean;
  readonly behindLoadBalancer: boolean;
  readonly scaling?: ScalingInput;
  /** USD per month for the resource in the static estimate. */
  readonly monthlyUSD: number;
}

export interface EngineInput {
  readonly system: CompiledSystem;
  readonly resources: readonly ResourceBehaviourInput[];
  /** Zone id -> label used in the series (the letter in one-region designs). */
  readonly zoneLabel: (zone: string) => string;
  readonly averageRps: number;
  readonly peakRps: number;
  readonly hoursPerMonth: number;
  readonly seconds: number;
  readonly seed: number;
  readonly stepSeconds: number;
  readonly seriesPoints: number;
  readonly timelineLimit: number;
  readonly queueSeconds: number;
  readonly randomFailures: boolean;
  /** Injected events with their resolved targets (zone index, region index or component index). */
  readonly injected: readonly { readonly spec: SimulationSpec; readonly targetIndex: number }[];
}

export interface EngineOutput {
  readonly offered: number;
  readonly served: number;
  readonly dropped: number;
  readonly upSeconds: number;
  readonly belowNeededSeconds: number;
  readonly accruedUSD: number;
  readonly dailyUp: { readonly count: number; readonly mean: number; readonly variance: number };
  readonly injected: readonly InjectedOutcome[];
  readonly timeline: readonly TimelineEvent[];
  readonly omitted: number;
  readonly series: SimulationSeries;
  readonly counts: {
    unitFailures: number;
    failovers: number;
    scaleOuts: number;
    scaleIns: number;
    spotInterruptions: number;
    zoneOutages: number;
    regionOutages: number;
  };
}

type UnitState = 'up' | 'failed' | 'starting';

interface Unit {
  zone: number;
  state: UnitState;
  epoch: number;
  alive: boolean;
  terminating: boolean;
  undetectedUntil: number;
  /** The latest replacement ordered for this unit out of its failed zone; an older one still queued is void. */
  moves: number;
  /**
   * Its zone is down and no zone of its group was usable when the group tried to replace it: the
   * group tries again when a zone or region returns (`retryStranded`).
   */
  stranded: boolean;
}

/** A resource's scaling policy as the evaluation reads it. */
export interface ScalingInput {
  readonly min: number;
  readonly max: number;
  readonly metric: 'cpu' | 'memory' | 'requests';
  readonly target: number;
  readonly warmupSeconds: number;
  readonly cooldownSeconds: number;
}

/** A scaling policy with the state of its alarms while the simulation runs. */
interface Scaling extends ScalingInput {
  high: number;
  low: number;
  lastAction: number;
}

interface Component {
  readonly index: number;
  readonly name: string;
  readonly placement: string;
  readonly regionVar: number;
  readonly zones: readonly number[];
  readonly units: Unit[];
  readonly minHealthy: number;
  readonly capPerUnit: number;
  readonly selfHealing: boolean;
  readonly failover: { readonly min: number; readonly max: number } | undefined;
  writer: Unit | undefined;
  failoverUntil: number;
  failoverPending: boolean;
  readonly mtbf: number;
  readonly alwaysFailed: boolean;
  readonly repairMean: number;
  readonly spot: boolean;
  readonly behindLb: boolean;
  outage: number;
  readonly scaling: Scaling | undefined;
  readonly unitCost: number;
  readonly fixedCost: number;
  up: boolean;
  cap: number;
  pass: number;
}

type Payload =
  | {
      readonly k: 'unit-fail' | 'unit-repair' | 'spot-notice' | 'unit-ready';
      readonly c: Component;
      readonly u: Unit;
      readonly epoch: number;
    }
  | { readonly k: 'relocate'; readonly c: Component; readonly u: Unit; readonly epoch: number; readonly move: number }
  | { readonly k: 'spot-terminate'; readonly c: Component; readonly u: Unit }
  | { readonly k: 'spot-launch'; readonly c: Component }
  | { readonly k: 'recheck' }
  | { readonly k: 'zone'; readonly z: number; readonly delta: 1 | -1; readonly random: boolean }
  | { readonly k: 'region'; readonly r: number; readonly delta: 1 | -1; readonly random: boolean }
  | { readonly k: 'injected'; readonly i: number; readonly phase: 'start' | 'end' };

interface Tracker {
  readonly spec: SimulationSpec;
  readonly start: number;
  readonly end: number;
  readonly trackUntil: number;
  impacted: boolean;
  recoveredAt: number | undefined;
  dropped: number;
  offered: number;
  below: number;
  closed: boolean;
  recovery: number | null;
}

/** Traffic steps that divide a day and a minute evenly. */
export const allowedSteps: readonly number[] = [60, 120, 300, 600, 900, 1_800, 3_600];

/** Rounds for output: keeps JSON short and stable without hiding anything a user would read. */
export function round(value: number, digits: number): number {
  if (!Number.isFinite(value)) return 0;
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

export function runSimulation(input: EngineInput): EngineOutput {
  const { system } = input;
  const random = xoshiro128(input.seed);
  const exponential = (mean: number): number => -mean * Math.log(1 - random());
  const queue = new EventQueue<Payload>();
  const T = input.seconds;
  const step = allowedSteps.includes(input.stepSeconds) ? input.stepSeconds : 60;
  const zoneCount = system.zones.length;
  const regionCount = system.regions.length;
  const zoneIndexOfVar = (variable: number): number => variable - regionCount;
  const zoneDown = new Int32Array(zoneCount);
  const regionDown = new Int32Array(regionCount);
  const zoneRegionIndex = system.zones.map((zone) => system.regions.indexOf(system.zoneRegion.get(zone) ?? ''));
  let now = 0;
  let spotUnavailableUntil = 0;
  let surgeFactor = 1;
  const counts = { unitFailures: 0, failovers: 0, scaleOuts: 0, scaleIns: 0, spotInterruptions: 0, zoneOutages: 0, regionOutages: 0 };

  // Timeline, bounded: injected events are always kept, the rest up to the limit.
  const timeline: TimelineEvent[] = [];
  let omitted = 0;
  let ordinary = 0;
  // The entry is built only when it is kept: a year of failures must not build a year of strings.
  const note = (event: () => Omit<TimelineEvent, 'at'>, always = false): void => {
    if (!always) {
      if (ordinary >= input.timelineLimit) {
        omitted++;
        return;
      }
      ordinary++;
    }
    timeline.push({ at: round(now, 3), ...event() });
  };

  // --- Components -------------------------------------------------------------------------------
  const secondsPerMonth = input.hoursPerMonth * 3_600;
  const components: Component[] = system.components.map((model, index) => {
    const behaviour = input.resources[index]!;
    const typeId = behaviour.typeId ?? '';
    const unitsCount = Math.max(0, Math.min(10_000, Math.floor(model.units)));
    const zoneVars = system.componentZoneVars[index]!;
    const zones = model.placement === 'load-balancer' ? [...zoneVars].map(zoneIndexOfVar) : [];
    const a = Math.min(1, Math.max(0, model.unitAvailability));
    const repairMean = Math.max(1, behaviour.repairSeconds);
    const failover = unitsCount >= 2 ? failoverSeconds[typeId] : undefined;
    const scaling = behaviour.scaling;
    const unitBilled = unitBilledTypes.has(typeId) && unitsCount > 0;
    const monthly = Number.isFinite(behaviour.monthlyUSD) ? behaviour.monthlyUSD : 0;
    const units: Unit[] = [];
    const initial = scaling ? Math.min(scaling.max, Math.max(scaling.min, unitsCount)) : unitsCount;
    for (let u = 0; u < initial; u++) {
      const zone = model.placement === 'zonal' && zoneVars.length > 0 ? zoneIndexOfVar(zoneVars[u % zoneVars.length]!) : -1;
      units.push({ zone, state: 'up', epoch: 0, alive: true, terminating: false, undetectedUntil: -1, moves: 0, stranded: false });
    }
    const componentZones = model.placement === 'zonal' ? [...new Set(units.map((unit) => unit.zone))].filter((z) => z >= 0) : zones;
    // Zonal components may own zones no unit sits in yet (a group of 1 in [a, b]); replacements use them.
    if (model.placement === 'zonal') {
      for (const zoneName of model.zones) {
        const z = system.zones.indexOf(zoneName);
        if (z >= 0 && !componentZones.includes(z)) componentZones.push(z);
      }
    }
    return {
      index,
      name: model.name,
      placement: model.placement,
      regionVar: model.placement === 'global' || model.placement === 'external' ? -1 : system.componentRegionVar[index]!,
      zones: componentZones,
      units,
      minHealthy: Math.max(1, Math.floor(model.minHealthy)),
      capPerUnit: behaviour.capacityPerUnit > 0 ? behaviour.capacityPerUnit : Infinity,
      selfHealing: selfHealingTypes.has(typeId),
      failover: failover ? { min: failover.min, max: failover.max } : undefined,
      writer: failover ? units[0] : undefined,
      failoverUntil: -1,
      failoverPending: false,
      mtbf: model.placement === 'external' || a >= 1 ? Infinity : a <= 0 ? 0 : (repairMean * a) / (1 - a),
      alwaysFailed: model.placement !== 'external' && a <= 0,
      repairMean,
      spot: behaviour.spot,
      behindLb: behaviour.behindLoadBalancer,
      outage: 0,
      scaling: scaling ? { ...scaling, high: 0, low: 0, lastAction: -Infinity } : undefined,
      unitCost: unitBilled ? monthly / secondsPerMonth / unitsCount : 0,
      fixedCost: unitBilled ? 0 : monthly / secondsPerMonth,
      up: true,
      cap: Infinity,
      pass: 1,
    };
  });

  const launchSeconds = (c: Component): number => (c.scaling ? c.scaling.warmupSeconds : c.repairMean);

  const unitUsable = (c: Component, unit: Unit): boolean => {
    if (!unit.alive || unit.state !== 'up' || c.outage > 0) return false;
    if (c.regionVar >= 0 && regionDown[c.regionVar]! > 0) return false;
    return unit.zone < 0 || zoneDown[unit.zone]! === 0;
  };

  /** Whether zone `z` and its region are up. */
  const zoneIsUp = (z: number): boolean => zoneDown[z]! === 0 && !(zoneRegionIndex[z]! >= 0 && regionDown[zoneRegionIndex[z]!]! > 0);

  /** The zone of `c` with the fewest units that stay, but `except`; only among zones that are up when `upOnly`. */
  const leastLoadedZone = (c: Component, except: number, upOnly: boolean): number => {
    let best = -1;
    let bestCount = Infinity;
    for (const z of c.zones) {
      if (z === except || (upOnly && !zoneIsUp(z))) continue;
      // A unit under a spot notice is on its way out: its replacement belongs in its zone.
      let count = 0;
      for (const unit of c.units) if (unit.alive && !unit.terminating && unit.zone === z) count++;
      if (count < bestCount) {
        best = z;
        bestCount = count;
      }
    }
    return best;
  };
  const leastLoadedUpZone = (c: Component, except: number): number => leastLoadedZone(c, except, true);

  /**
   * A new unit starts in the least loaded zone that is up and is ready at `readyAt`. With every
   * zone of its group down it is still placed in one of them (never nowhere, which would make it
   * usable whatever its zones): it serves when that zone returns, or moves to one that does.
   */
  const launchUnit = (c: Component, readyAt: number): void => {
    const up = leastLoadedUpZone(c, -1);
    const unit: Unit = {
      zone: c.placement === 'zonal' ? (up >= 0 ? up : leastLoadedZone(c, -1, false)) : -1,
      state: 'starting',
      epoch: 0,
      alive: true,
      terminating: false,
      undetectedUntil: -1,
      moves: 0,
      stranded: false,
    };
    c.units.push(unit);
    queue.push(readyAt, { k: 'unit-ready', c, u: unit, epoch: 0 });
  };
  const scheduleLife = (c: Component, unit: Unit): void => {
    if (c.alwaysFailed) {
      unit.state = 'failed';
      return;
    }
    if (input.randomFailures && Number.isFinite(c.mtbf))
      queue.push(now + exponential(c.mtbf), { k: 'unit-fail', c, u: unit, epoch: unit.epoch });
    if (input.randomFailures && c.spot)
      queue.push(now + exponential(1 / spotInterruptionsPerSecond.value), { k: 'spot-notice', c, u: unit, epoch: unit.epoch });
  };

  const markUndetected = (c: Component, unit: Unit): void => {
    if (!c.behindLb) return;
    unit.undetectedUntil = now + healthCheckDetection.value;
    queue.push(unit.undetectedUntil, { k: 'recheck' });
  };

  // --- State of the request path (recomputed only after events) ---------------------------------
  const nodeCap = new Float64Array(system.nodeCount);
  const stamp = new Int32Array(system.nodeCount);
  let stampValue = 0;
  const zoneUsable = new Int32Array(zoneCount);
  let systemCap = Infinity;
  let systemPass = 1;
  let systemWorks = true;
  let costRate = 0;
  let dirty = true;

  const refreshFailover = (c: Component): void => {
    if (!c.failover || c.failoverUntil > now) return;
    if (c.writer !== undefined && c.writer.alive && unitUsable(c, c.writer)) return;
    const next = c.units.find((unit) => unitUsable(c, unit));
    if (next === undefined) return;
    if (c.up) {
      c.failoverUntil = now + c.failover.min + random() * (c.failover.max - c.failover.min);
      c.failoverPending = true;
      counts.failovers++;
      note(() => ({
        kind: 'failover-start',
        resource: c.name,
        message: `${c.name}: the writer is lost; failing over to a unit in ${zoneName(next.zone)}`,
      }));
      queue.push(c.failoverUntil, { k: 'recheck' });
    }
    c.writer = next;
  };

  const zoneName = (z: number): string => (z >= 0 ? input.zoneLabel(system.zones[z]!) : 'the region');

  const recompute = (): void => {
    dirty = false;
    zoneUsable.fill(0);
    costRate = 0;
    for (const c of components) {
      refreshFailover(c);
      let usable = 0;
      let undetected = 0;
      let billed = 0;
      for (const unit of c.units) {
        if (!unit.alive) continue;
        billed++;
        if (unitUsable(c, unit)) {
          usable++;
          if (unit.zone >= 0) zoneUsable[unit.zone]!++;
        } else if (unit.undetectedUntil > now) undetected++;
      }
      costRate += c.fixedCost + c.unitCost * billed;
      let up: boolean;
      // An external resource never fails at random, but an injected outage (`resource:NAME`) takes it down.
      if (c.placement === 'external') up = c.outage === 0;
      else if (c.failover) up = c.failoverUntil <= now && c.writer !== undefined && unitUsable(c, c.writer);
      else if (c.placement === 'load-balancer')
        up = usable >= c.minHealthy && (c.zones.length === 0 || c.zones.some((z) => zoneDown[z]! === 0));
      else up = usable >= c.minHealthy;
      if (c.failoverPending && c.failoverUntil <= now) {
        c.failoverPending = false;
        if (up)
          note(() => ({
            kind: 'failover-done',
            resource: c.name,
            message: `${c.name}: failover complete; the writer is in ${zoneName(c.writer!.zone)}`,
          }));
      }
      c.up = up;
      c.cap = !up
        ? 0
        : c.placement === 'external'
          ? Infinity
          : c.failover
            ? c.capPerUnit
            : c.capPerUnit === Infinity
              ? Infinity
              : usable * c.capPerUnit;
      c.pass = up && c.behindLb && undetected > 0 ? usable / (usable + undetected) : 1;
    }
    // Capacity of each node of the condensed dependency graph, children first.
    for (const node of system.topo) {
      let cap = Infinity;
      for (const m of system.members[node]!) cap = Math.min(cap, components[m]!.cap);
      for (const child of system.hard[node]!) cap = Math.min(cap, nodeCap[child]!);
      for (const group of system.groups[node]!) {
        let chosen = 0;
        for (const member of group) {
          if (nodeCap[member]! > 0) {
            chosen = nodeCap[member]!;
            break;
          }
        }
        cap = Math.min(cap, chosen);
      }
      nodeCap[node] = cap;
    }
    systemCap = nodeCap[system.root]!;
    const works = systemCap > 0;
    if (works !== systemWorks)
      note(() => ({
        kind: works ? 'system-up' : 'system-down',
        message: works ? 'Every entry point works again' : 'An entry point stopped working: requests are dropped',
      }));
    systemWorks = works;
    // The share of requests that reach a healthy unit on every tier they pass (health checks lag).
    stampValue++;
    let pass = 1;
    const visit = (node: number): void => {
      if (stamp[node] === stampValue) return;
      stamp[node] = stampValue;
      for (const m of system.members[node]!) pass *= components[m]!.pass;
      for (const child of system.hard[node]!) visit(child);
      for (const group of system.groups[node]!) {
        const chosen = group.find((member) => nodeCap[member]! > 0);
        if (chosen !== undefined) visit(chosen);
      }
    };
    if (works) visit(system.root);
    systemPass = pass;
    if (scalingComponents.length > 0) markRequestPath();
  };

  // Which components the requests reach now: every hard dependency from the entry points down,
  // and in an any-of group only the member in use (the first that works, as failover routing
  // picks; the first of all when none works). A scaling group elsewhere (a warm standby behind
  // failover routing, a worker no entry point reaches) is offered no requests, so its target
  // tracking sees no load and it stays at, or returns to, its minimum.
  const onRequestPath = new Uint8Array(components.length);
  const pathStamp = new Int32Array(system.nodeCount);
  let pathStampValue = 0;
  const markRequestPath = (): void => {
    onRequestPath.fill(0);
    pathStampValue++;
    const mark = (node: number): void => {
      if (pathStamp[node] === pathStampValue) return;
      pathStamp[node] = pathStampValue;
      for (const m of system.members[node]!) onRequestPath[m] = 1;
      for (const child of system.hard[node]!) mark(child);
      for (const group of system.groups[node]!) {
        const chosen = group.find((member) => nodeCap[member]! > 0) ?? group[0];
        if (chosen !== undefined) mark(chosen);
      }
    };
    mark(system.root);
  };

  // --- Injected events --------------------------------------------------------------------------
  const trackers: Tracker[] = input.injected.map(({ spec }) => {
    const start = spec.atSeconds;
    const end = spec.atSeconds + spec.forSeconds;
    const spotTail = spec.kind === 'spot' ? spotNotice.value + Math.max(0, ...components.filter((c) => c.spot).map(launchSeconds)) : 0;
    return {
      spec,
      start,
      end,
      trackUntil: end + spotTail,
      impacted: false,
      recoveredAt: undefined,
      dropped: 0,
      offered: 0,
      below: 0,
      closed: false,
      recovery: null,
    };
  });
  input.injected.forEach(({ spec }, i) => {
    if (spec.atSeconds >= T) return;
    queue.push(spec.atSeconds, { k: 'injected', i, phase: 'start' });
    if (spec.kind !== 'spot' || spec.forSeconds > 0) queue.push(spec.atSeconds + spec.forSeconds, { k: 'injected', i, phase: 'end' });
    // A spot event is followed past its end (notice and relaunch): an instant there, so that no
    // stretch of time integrated in one go runs past the end of its window.
    const tracker = trackers[i]!;
    if (tracker.trackUntil > tracker.end) queue.push(tracker.trackUntil, { k: 'recheck' });
  });

  /**
   * The group replaces `unit`, whose zone is down, in a zone that is up after its repair time
   * (health check, launch, warm-up). A spot group's launch waits for spot capacity, as its other
   * launches do. Any replacement ordered before for the unit is void.
   */
  const scheduleRelocate = (c: Component, unit: Unit): void => {
    unit.stranded = false;
    unit.moves++;
    const launchAt = c.spot ? Math.max(now, spotUnavailableUntil) : now;
    queue.push(launchAt + c.repairMean, { k: 'relocate', c, u: unit, epoch: unit.epoch, move: unit.moves });
  };

  /**
   * A zone or region is back. A group whose units are stranded in a zone still down (no zone was
   * up when it tried to replace them) replaces them now in a zone that is up, after its repair
   * time, as it does when a zone fails: AWS Auto Scaling keeps trying to launch in the group's
   * other zones. Units whose own zone is back simply serve there again.
   */
  const retryStranded = (): void => {
    for (const c of components) {
      for (const unit of c.units) {
        if (!unit.stranded) continue;
        if (!unit.alive || unit.terminating || zoneIsUp(unit.zone)) unit.stranded = false;
        else if (leastLoadedUpZone(c, unit.zone) >= 0) scheduleRelocate(c, unit);
      }
    }
  };

  const setZone = (z: number, delta: 1 | -1): void => {
    const before = zoneDown[z]!;
    zoneDown[z] = before + delta;
    if (delta > 0 && before === 0) {
      for (const c of components) {
        for (const unit of c.units) {
          if (!unit.alive || unit.zone !== z) continue;
          if (unit.state === 'up') markUndetected(c, unit);
          // A group that heals itself launches replacements in the zones still up.
          if (c.selfHealing && c.zones.length > 1) scheduleRelocate(c, unit);
        }
      }
    } else if (delta < 0 && zoneDown[z]! === 0) retryStranded();
  };

  const setRegion = (r: number, delta: 1 | -1): void => {
    regionDown[r] = regionDown[r]! + delta;
    if (delta < 0 && regionDown[r]! === 0) retryStranded();
  };

  const spotNoticeFor = (c: Component, unit: Unit): void => {
    if (!unit.alive || unit.terminating || unit.state !== 'up') return;
    unit.terminating = true;
    unit.epoch++;
    counts.spotInterruptions++;
    note(() => ({
      kind: 'spot-notice',
      resource: c.name,
      zone: unit.zone >= 0 ? zoneName(unit.zone) : undefined,
      message: `${c.name}: spot interruption notice for a unit in ${zoneName(unit.zone)}`,
    }));
    queue.push(now + spotNotice.value, { k: 'spot-terminate', c, u: unit });
    if (c.selfHealing) queue.push(Math.max(now, spotUnavailableUntil), { k: 'spot-launch', c });
  };

  const handle = (payload: Payload): void => {
    dirty = true;
    switch (payload.k) {
      case 'recheck': {
        // A failover window or a health-check window ended.
        return;
      }
      case 'unit-fail': {
        const { c, u } = payload;
        if (!u.alive || u.epoch !== payload.epoch || u.state !== 'up') return;
        u.state = 'failed';
        u.epoch++;
        // Its repair (or replacement) is under way: no longer waiting for a zone.
        u.stranded = false;
        counts.unitFailures++;
        if (unitUsableIgnoringState(c, u)) markUndetected(c, u);
        note(() => ({
          kind: 'unit-failed',
          resource: c.name,
          zone: u.zone >= 0 ? zoneName(u.zone) : undefined,
          message: `${c.name}: a unit in ${zoneName(u.zone)} failed`,
        }));
        const repair = c.selfHealing ? c.repairMean : exponential(c.repairMean);
        queue.push(now + repair, { k: 'unit-repair', c, u, epoch: u.epoch });
        return;
      }
      case 'unit-repair': {
        const { c, u } = payload;
        if (!u.alive || u.epoch !== payload.epoch) return;
        u.state = 'up';
        u.epoch++;
        let moved = false;
        if (c.selfHealing && u.zone >= 0 && zoneDown[u.zone]! > 0) {
          const z = leastLoadedUpZone(c, u.zone);
          if (z >= 0) {
            u.zone = z;
            moved = true;
          } else u.stranded = true;
        }
        note(() => ({
          kind: c.selfHealing ? 'unit-replaced' : 'unit-repaired',
          resource: c.name,
          message: u.stranded
            ? `${c.name}: a replacement unit is ready in ${zoneName(u.zone)}, but no zone of the group is up`
            : `${c.name}: ${c.selfHealing ? 'a replacement unit is in service' : 'a unit is repaired'} in ${zoneName(u.zone)}${moved ? ' (its own zone is down)' : ''}`,
        }));
        scheduleLife(c, u);
        return;
      }
      case 'relocate': {
        const { c, u } = payload;
        if (!u.alive || u.epoch !== payload.epoch || u.moves !== payload.move || u.zone < 0 || zoneDown[u.zone]! === 0) return;
        const z = leastLoadedUpZone(c, u.zone);
        if (z < 0) {
          // No zone of the group is up: the group tries again when one returns.
          u.stranded = true;
          return;
        }
        u.zone = z;
        note(() => ({
          kind: 'unit-replaced',
          resource: c.name,
          zone: zoneName(z),
          message: `${c.name}: a replacement for a unit of a failed zone is in service in ${zoneName(z)}`,
        }));
        return;
      }
      case 'spot-notice': {
        const { c, u } = payload;
        if (u.epoch !== payload.epoch) return;
        spotNoticeFor(c, u);
        return;
      }
      case 'spot-terminate': {
        const { c, u } = payload;
        if (!u.alive) return;
        if (c.selfHealing) {
          u.alive = false;
          const index = c.units.indexOf(u);
          if (index >= 0) c.units.splice(index, 1);
        } else {
          // A persistent spot request: the instance comes back when capacity allows.
          u.terminating = false;
          u.state = 'failed';
          u.epoch++;
          markUndetected(c, u);
          queue.push(Math.max(now, spotUnavailableUntil) + c.repairMean, { k: 'unit-repair', c, u, epoch: u.epoch });
        }
        return;
      }
      case 'spot-launch': {
        const { c } = payload;
        if (c.units.filter((unit) => unit.alive && !unit.terminating).length >= (c.scaling?.max ?? Infinity)) return;
        launchUnit(c, now + launchSeconds(c));
        return;
      }
      case 'unit-ready': {
        const { c, u } = payload;
        if (!u.alive || u.epoch !== payload.epoch || u.state !== 'starting') return;
        u.state = 'up';
        u.epoch++;
        if (u.zone >= 0 && zoneDown[u.zone]! > 0) {
          const z = leastLoadedUpZone(c, u.zone);
          if (z >= 0) u.zone = z;
          else u.stranded = true;
        }
        if (c.spot && !c.scaling)
          note(() => ({
            kind: 'unit-replaced',
            resource: c.name,
            zone: u.zone >= 0 ? zoneName(u.zone) : undefined,
            message: u.stranded
              ? `${c.name}: a replacement for an interrupted spot unit is ready in ${zoneName(u.zone)}, but no zone of the group is up`
              : `${c.name}: a replacement for an interrupted spot unit is in service in ${zoneName(u.zone)}`,
          }));
        scheduleLife(c, u);
        return;
      }
      case 'zone': {
        setZone(payload.z, payload.delta);
        const label = zoneName(payload.z);
        if (payload.random) {
          if (payload.delta > 0) {
            counts.zoneOutages++;
            note(() => ({ kind: 'zone-down', zone: label, message: `Zone ${label} failed` }));
            queue.push(now + exponential(zoneOutageMeanSeconds.value), { k: 'zone', z: payload.z, delta: -1, random: true });
          } else {
            note(() => ({ kind: 'zone-up', zone: label, message: `Zone ${label} is back` }));
            scheduleZoneFailure(payload.z);
          }
        }
        return;
      }
      case 'region': {
        setRegion(payload.r, payload.delta);
        const label = system.regions[payload.r]!;
        if (payload.random) {
          if (payload.delta > 0) {
            counts.regionOutages++;
            note(() => ({ kind: 'region-down', message: `Region ${label} failed` }));
            queue.push(now + exponential(regionOutageMeanSeconds.value), { k: 'region', r: payload.r, delta: -1, random: true });
          } else {
            note(() => ({ kind: 'region-up', message: `Region ${label} is back` }));
            scheduleRegionFailure(payload.r);
          }
        }
        return;
      }
      case 'injected': {
        const { spec, targetIndex } = input.injected[payload.i]!;
        const start = payload.phase === 'start';
        const delta = start ? 1 : -1;
        note(
          () => ({
            kind: start ? 'injected-start' : 'injected-end',
            message: start ? `Injected: ${spec.text}` : `Injected event over: ${spec.text}`,
          }),
          true,
        );
        if (spec.kind === 'zone') setZone(targetIndex, delta);
        else if (spec.kind === 'region') setRegion(targetIndex, delta);
        else if (spec.kind === 'resource') {
          // No health-check lag: a resource that is out has no usable unit, so it is down at once
          // and drops every request; marking its units undetected would only charge the lag again,
          // after a short outage, to units of a zone the load balancer already knows has failed.
          components[targetIndex]!.outage += delta;
        } else if (spec.kind === 'surge') surgeFactor *= start ? spec.factor! : 1 / spec.factor!;
        else if (spec.kind === 'spot' && start) {
          spotUnavailableUntil = Math.max(spotUnavailableUntil, now + spec.forSeconds);
          for (const c of components) if (c.spot) for (const unit of [...c.units]) spotNoticeFor(c, unit);
        }
        if (!start && spec.kind === 'surge') surgeFactor = Math.abs(surgeFactor - 1) < 1e-12 ? 1 : surgeFactor;
        return;
      }
    }
  };

  const unitUsableIgnoringState = (c: Component, unit: Unit): boolean => {
    if (!unit.alive || c.outage > 0) return false;
    if (c.regionVar >= 0 && regionDown[c.regionVar]! > 0) return false;
    return unit.zone < 0 || zoneDown[unit.zone]! === 0;
  };

  const scheduleZoneFailure = (z: number): void => {
    const p = system.model.zoneAvailability;
    if (!input.randomFailures || !(p < 1) || !(p > 0)) return;
    queue.push(now + exponential((zoneOutageMeanSeconds.value * p) / (1 - p)), { k: 'zone', z, delta: 1, random: true });
  };
  const scheduleRegionFailure = (r: number): void => {
    const p = system.model.regionAvailability;
    if (!input.randomFailures || !(p < 1) || !(p > 0)) return;
    queue.push(now + exponential((regionOutageMeanSeconds.value * p) / (1 - p)), { k: 'region', r, delta: 1, random: true });
  };

  for (const c of components) for (const unit of c.units) scheduleLife(c, unit);
  // An availability of 0 is no rate of failure but a zone (region) that is never up, as the
  // analytic model has it; like a unit of availability 0 it is down without random failures too.
  // Down from the start, it never had units a load balancer believed healthy: no health-check lag.
  if (system.model.zoneAvailability <= 0) {
    for (let z = 0; z < zoneCount; z++) {
      zoneDown[z] = 1;
      const label = zoneName(z);
      note(() => ({ kind: 'zone-down', zone: label, message: `Zone ${label} is down for the whole run (its availability is 0%)` }));
    }
  } else for (let z = 0; z < zoneCount; z++) scheduleZoneFailure(z);
  if (system.model.regionAvailability <= 0) {
    for (let r = 0; r < regionCount; r++) {
      regionDown[r] = 1;
      const label = system.regions[r]!;
      note(() => ({ kind: 'region-down', message: `Region ${label} is down for the whole run (its availability is 0%)` }));
    }
  } else for (let r = 0; r < regionCount; r++) scheduleRegionFailure(r);

  // --- Scaling ----------------------------------------------------------------------------------
  const scalingComponents = components.filter((c) => c.scaling !== undefined && Number.isFinite(c.capPerUnit));
  const activeCount = (c: Component): number => {
    let count = 0;
    for (const unit of c.units) if (unit.alive && !unit.terminating) count++;
    return count;
  };
  const evaluateScaling = (entryLoad: number): void => {
    for (const c of scalingComponents) {
      const s = c.scaling!;
      const load = onRequestPath[c.index] === 1 ? entryLoad : 0;
      const wanted = s.metric === 'requests' ? Math.ceil((load * 60) / s.target) : Math.ceil(load / ((c.capPerUnit * s.target) / 100));
      const needed = Math.min(s.max, Math.max(s.min, Number.isFinite(wanted) ? wanted : s.max));
      // Cheap test first: the unit list changes only at events, so most steps end here.
      const activeNow = activeCount(c);
      if (needed === activeNow) {
        s.high = 0;
        s.low = 0;
        continue;
      }
      const active = c.units.filter((unit) => unit.alive && !unit.terminating);
      if (needed > active.length) {
        s.low = 0;
        s.high++;
        if (s.high >= Math.max(1, Math.ceil((scaleOutPeriods.value * 60) / step))) {
          // Spot capacity that is away (`spot@…+FOR`) holds back a spot group's scale-out as it
          // holds back its replacements: the alarm stays raised, and the group launches when
          // capacity returns (after the replacements the notices asked for, if any).
          if (c.spot && now < spotUnavailableUntil) continue;
          const add = needed - active.length;
          for (let i = 0; i < add; i++) {
            launchUnit(c, now + s.warmupSeconds);
          }
          s.high = 0;
          s.lastAction = now;
          counts.scaleOuts++;
          dirty = true;
          note(() => ({
            kind: 'scale-out',
            resource: c.name,
            message: `${c.name}: scaling out from ${active.length} to ${needed} units (in service after ${s.warmupSeconds} s)`,
          }));
        }
      } else if (needed < active.length) {
        s.high = 0;
        s.low++;
        if (s.low >= Math.max(1, Math.ceil((scaleInPeriods.value * 60) / step)) && now - s.lastAction >= s.cooldownSeconds) {
          let remove = active.length - needed;
          // Newest first, from the zone with the most units, as the default termination policy balances zones.
          while (remove > 0) {
            const perZone = new Map<number, number>();
            for (const unit of active) if (unit.alive) perZone.set(unit.zone, (perZone.get(unit.zone) ?? 0) + 1);
            let zone = -1;
            let most = -1;
            for (const [z, n] of perZone) if (n > most) [zone, most] = [z, n];
            let victim: Unit | undefined;
            for (let i = active.length - 1; i >= 0; i--)
              if (active[i]!.alive && active[i]!.zone === zone) {
                victim = active[i];
                break;
              }
            if (!victim) break;
            victim.alive = false;
            victim.epoch++;
            c.units.splice(c.units.indexOf(victim), 1);
            remove--;
          }
          s.low = 0;
          s.lastAction = now;
          counts.scaleIns++;
          dirty = true;
          note(() => ({ kind: 'scale-in', resource: c.name, message: `${c.name}: scaling in from ${active.length} to ${needed} units` }));
        }
      } else {
        s.high = 0;
        s.low = 0;
      }
    }
  };

  // --- Traffic ----------------------------------------------------------------------------------
  const curve = dailyCurve(input.averageRps, input.peakRps);
  const stepsPerDay = 86_400 / step;
  const minutesPerStep = step / 60;
  const stepLoad = new Float64Array(stepsPerDay);
  for (let s = 0; s < stepsPerDay; s++) {
    let sum = 0;
    for (let m = 0; m < minutesPerStep; m++) sum += curve[(s * minutesPerStep + m) % minutesPerDay]!;
    stepLoad[s] = sum / minutesPerStep;
  }

  // --- Series -----------------------------------------------------------------------------------
  const maxPoints = Math.max(2, Math.floor(input.seriesPoints));
  const interval = Math.max(step, Math.ceil(T / maxPoints / step) * step);
  const points = Math.max(1, Math.ceil(T / interval));
  const seriesLoad = new Float64Array(points);
  const seriesCap = new Float64Array(points).fill(Infinity);
  const seriesDropped = new Float64Array(points);
  const seriesCost = new Float64Array(points);
  const seriesZones = system.zones.map(() => new Float64Array(points).fill(Infinity));

  // --- Main loop --------------------------------------------------------------------------------
  // ∫ load dt over the day, by step, for the quiet stretches that are integrated in one go.
  const prefix = new Float64Array(stepsPerDay + 1);
  for (let i = 0; i < stepsPerDay; i++) prefix[i + 1] = prefix[i]! + stepLoad[i]! * step;
  let dailyMax = 0;
  for (const value of stepLoad) dailyMax = Math.max(dailyMax, value);
  const cumulativeLoad = (t: number): number => {
    const days = Math.floor(t / 86_400);
    const within = t - days * 86_400;
    const i = Math.min(stepsPerDay - 1, Math.floor(within / step));
    return days * prefix[stepsPerDay]! + prefix[i]! + (within - i * step) * stepLoad[i]!;
  };
  let offered = 0;
  let served = 0;
  let dropped = 0;
  let backlog = 0;
  let upSeconds = 0;
  let belowNeeded = 0;
  let accrued = 0;
  let dayUp = 0;
  let dayIndex = 0;
  const daily = { count: 0, mean: 0, m2: 0 };
  let nextStep = 0;
  let stepIndex = 0;
  let load = 0;
  let lastPoint = -1;
  let zonesChanged = true;
  const openTrackers = trackers.slice();

  const updateTrackers = (arrivals: number, segmentDropped: number, short: boolean, whole: boolean, dt: number): void => {
    for (let i = 0; i < openTrackers.length; i++) {
      const tracker = openTrackers[i]!;
      if (now < tracker.start) continue;
      if (!whole) {
        tracker.impacted = true;
        // Hurt again after a recovery (a spot notice's terminations after the health check's
        // minute of a zone outage): service is whole again only after this stretch.
        tracker.recoveredAt = undefined;
        tracker.dropped += segmentDropped;
        if (short) tracker.below += dt;
      } else {
        // The first moment service is whole again after the event hit it is its recovery.
        if (tracker.impacted && tracker.recoveredAt === undefined) tracker.recoveredAt = now;
        if (now >= tracker.trackUntil) {
          // Closed before this stretch counts: the requests of the event's window are those
          // offered until it ended (or until service recovered, if later), never after.
          tracker.closed = true;
          tracker.recovery = tracker.impacted ? tracker.recoveredAt! - tracker.start : 0;
          openTrackers.splice(i--, 1);
          continue;
        }
      }
      tracker.offered += arrivals;
    }
  };

  const recordSeries = (point: number, segmentLoadMax: number, segmentDropped: number): void => {
    if (segmentLoadMax > seriesLoad[point]!) seriesLoad[point] = segmentLoadMax;
    if (systemCap < seriesCap[point]!) seriesCap[point] = systemCap;
    seriesDropped[point]! += segmentDropped;
    seriesCost[point] = accrued;
    if (zonesChanged || point !== lastPoint) {
      for (let z = 0; z < zoneCount; z++) if (zoneUsable[z]! < seriesZones[z]![point]!) seriesZones[z]![point] = zoneUsable[z]!;
      zonesChanged = false;
      lastPoint = point;
    }
  };

  while (now < T) {
    while (queue.peekTime() <= now) handle(queue.pop()!.payload);
    if (now >= nextStep) {
      load = stepLoad[stepIndex % stepsPerDay]! * surgeFactor;
      if (scalingComponents.length > 0) {
        // The path the requests take may have changed at this instant's events.
        if (dirty) {
          recompute();
          zonesChanged = true;
        }
        evaluateScaling(load);
      }
      stepIndex++;
      nextStep = stepIndex * step;
    } else {
      load = stepLoad[(stepIndex - 1) % stepsPerDay]! * surgeFactor;
    }
    if (dirty) {
      recompute();
      zonesChanged = true;
    }
    const dayEnd = (dayIndex + 1) * 86_400;
    const point = Math.min(points - 1, Math.floor(now / interval));
    const quiet = scalingComponents.length === 0 && systemWorks && systemPass === 1 && backlog === 0 && systemCap >= dailyMax * surgeFactor;
    if (quiet) {
      // Nothing can change before the next event and nothing is short: integrate the whole stretch.
      const until = Math.min(queue.peekTime(), (point + 1) * interval, T, dayEnd);
      const dt = until - now;
      const arrivals = (cumulativeLoad(until) - cumulativeLoad(now)) * surgeFactor;
      let loadMax = 0;
      const first = Math.floor(now / step);
      const last = Math.ceil(until / step);
      for (let i = first; i < last; i++) loadMax = Math.max(loadMax, stepLoad[i % stepsPerDay]!);
      loadMax *= surgeFactor;
      offered += arrivals;
      served += arrivals;
      upSeconds += dt;
      dayUp += dt;
      accrued += costRate * dt;
      recordSeries(point, loadMax, 0);
      updateTrackers(arrivals, 0, false, true, dt);
      now = until;
      stepIndex = Math.floor(now / step) + (now % step === 0 ? 0 : 1);
      nextStep = stepIndex * step;
    } else {
      const until = Math.min(queue.peekTime(), nextStep, T, dayEnd);
      const dt = until - now;
      if (dt > 0) {
        const arrivals = load * dt;
        const admitted = systemWorks ? arrivals * systemPass : 0;
        let segmentServed: number;
        let segmentDropped = arrivals - admitted;
        const total = backlog + admitted;
        if (systemCap === Infinity) {
          segmentServed = total;
          backlog = 0;
        } else {
          segmentServed = Math.min(total, systemCap * dt);
          const remaining = total - segmentServed;
          const excess = Math.max(0, remaining - input.queueSeconds * load);
          segmentDropped += excess;
          backlog = remaining - excess;
        }
        offered += arrivals;
        served += segmentServed;
        dropped += segmentDropped;
        const short = !systemWorks || systemCap < load || systemPass < 1;
        if (short && (load > 0 || !systemWorks)) belowNeeded += dt;
        if (systemWorks) {
          upSeconds += dt;
          dayUp += dt;
        }
        accrued += costRate * dt;
        recordSeries(point, load, segmentDropped);
        updateTrackers(arrivals, segmentDropped, short, !short && segmentDropped <= 0 && backlog <= 0, dt);
      }
      now = until;
    }
    if (now >= dayEnd) {
      const fraction = dayUp / 86_400;
      daily.count++;
      const delta = fraction - daily.mean;
      daily.mean += delta / daily.count;
      daily.m2 += delta * (fraction - daily.mean);
      dayUp = 0;
      dayIndex++;
    }
  }

  const injected: InjectedOutcome[] = trackers.map((tracker) => {
    let recovery = tracker.recovery;
    if (!tracker.closed)
      recovery = !tracker.impacted ? 0 : tracker.recoveredAt !== undefined && T >= tracker.end ? tracker.recoveredAt - tracker.start : null;
    return {
      spec: tracker.spec.text,
      kind: tracker.spec.kind,
      startSeconds: tracker.start,
      endSeconds: tracker.end,
      droppedRequests: Math.round(tracker.dropped),
      droppedPercent: round(tracker.offered > 0 ? (100 * tracker.dropped) / tracker.offered : 0, 4),
      recoverySeconds: recovery === null ? null : round(recovery, 1),
      belowNeededSeconds: round(tracker.below, 1),
    };
  });

  const healthyUnitsByZone: Record<string, number[]> = {};
  system.zones.forEach((zone, z) => {
    healthyUnitsByZone[input.zoneLabel(zone)] = [...seriesZones[z]!].map((value) => (Number.isFinite(value) ? value : 0));
  });
  let lastCost = 0;
  const cost = [...seriesCost].map((value) => {
    lastCost = Math.max(lastCost, value);
    return round(lastCost, 4);
  });
  return {
    offered,
    served,
    dropped,
    upSeconds,
    belowNeededSeconds: belowNeeded,
    accruedUSD: accrued,
    dailyUp: { count: daily.count, mean: daily.mean, variance: daily.count > 1 ? daily.m2 / (daily.count - 1) : 0 },
    injected,
    timeline,
    omitted,
    series: {
      intervalSeconds: interval,
      time: Array.from({ length: points }, (_, i) => i * interval),
      load: [...seriesLoad].map((value) => round(value, 3)),
      capacity: [...seriesCap].map((value) => (Number.isFinite(value) ? round(value, 3) : null)),
      dropped: [...seriesDropped].map((value) => Math.round(value)),
      cost,
      healthyUnitsByZone,
    },
    counts,
  };
}
