/**
 * The figures the diagram's overlays show, taken from the evaluation results (never recomputed
 * here), and the zone-down states, computed by the availability engine on the document's own
 * reliability model with one zone taken away.
 */
import type { ArchDocument } from '../core/document';
import { analyzeReliability } from '../evaluate/availability/engine';
import { reliabilityModelFromDocument } from '../evaluate/availability/from-document';
import type { ReliabilityComponent, ReliabilityModel } from '../evaluate/availability/model';
import type { EvaluationResult, FindingSeverity } from '../evaluate/types';
import type { DiagramOverlayData, FindingCounts, ResourceOverlay, ZoneDownState } from './types';

const noFindings: FindingCounts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };

export interface OverlayOptions {
  readonly zoneOutages: boolean;
}

function finite(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

/** Per-resource figures, totals and zone-down states for the resources drawn. */
export function diagramOverlayData(
  doc: ArchDocument,
  evaluation: EvaluationResult | undefined,
  drawn: ReadonlySet<string>,
  options: OverlayOptions,
): DiagramOverlayData {
  const findings = new Map<string, Record<FindingSeverity, number>>();
  for (const finding of evaluation?.security?.findings ?? []) {
    let counts = findings.get(finding.resource);
    if (!counts) findings.set(finding.resource, (counts = { ...noFindings }));
    counts[finding.severity]++;
  }
  const spof = new Set(evaluation?.availability?.spof ?? []);
  const unpriced = new Set((evaluation?.cost?.unpriced ?? []).map((entry) => entry.resource));
  const byResource: Record<string, ResourceOverlay> = {};
  for (const name of [...drawn].sort()) {
    const monthlyUSD = finite(evaluation?.cost?.byResource[name]);
    const availabilityPercent = finite(evaluation?.availability?.byResource[name]);
    byResource[name] = {
      ...(monthlyUSD !== undefined ? { monthlyUSD } : {}),
      ...(availabilityPercent !== undefined ? { availabilityPercent } : {}),
      findings: findings.get(name) ?? noFindings,
      spof: spof.has(name),
      ...(unpriced.has(name) ? { unpriced: true } : {}),
    };
  }
  const monthlyUSD = finite(evaluation?.cost?.monthlyUSD);
  const availabilityPercent = finite(evaluation?.availability?.percent);
  const counts = evaluation?.security?.counts;
  return {
    byResource,
    totals: {
      ...(monthlyUSD !== undefined ? { monthlyUSD } : {}),
      ...(availabilityPercent !== undefined ? { availabilityPercent } : {}),
      findings: counts
        ? { critical: counts.critical, high: counts.high, medium: counts.medium, low: counts.low, info: counts.info }
        : noFindings,
      spofCount: [...spof].filter((name) => drawn.has(name)).length,
    },
    zonesDown: options.zoneOutages && evaluation?.availability !== undefined ? zoneDownStates(doc) : [],
  };
}

/**
 * A component with one zone down: its units in that zone are gone. Units are placed round-robin
 * over the zone list, so the units left over the remaining zones (in order) are placed exactly as
 * they were: the counts per zone of a round-robin placement are balanced and non-increasing, and
 * removing one zone keeps both properties with the same total.
 */
function withoutZone(component: ReliabilityComponent, zone: string): ReliabilityComponent {
  const position = component.zones.indexOf(zone);
  if (position < 0) return component;
  const remaining = component.zones.filter((z) => z !== zone);
  if (component.placement === 'load-balancer') {
    // A load balancer needs one of its zones; with none left it cannot work at all.
    return remaining.length > 0 ? { ...component, zones: remaining } : { ...component, zones: [], units: 0, minHealthy: 1 };
  }
  if (component.placement !== 'zonal') return component;
  const units = Math.max(0, Math.floor(component.units));
  const lost = Math.ceil((units - position) / component.zones.length);
  const left = Math.max(0, units - Math.max(0, lost));
  return { ...component, zones: remaining.length > 0 ? remaining : [], units: left };
}

/**
 * The last result with the model it was computed from: an edit that leaves every component's
 * figures alone (a tag, a size, a description, a memory setting) costs no engine run.
 */
let lastZoneDown: { readonly model: ReliabilityModel; readonly doc: ArchDocument; readonly states: ZoneDownState[] } | undefined;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Every field the engine reads (the object itself is kept for an unchanged resource, which makes this quick). */
function sameComponent(a: ReliabilityComponent, b: ReliabilityComponent): boolean {
  if (a === b) return true;
  return (
    a.name === b.name &&
    a.placement === b.placement &&
    Object.is(a.unitAvailability, b.unitAvailability) &&
    Object.is(a.units, b.units) &&
    Object.is(a.minHealthy, b.minHealthy) &&
    a.region === b.region &&
    sameList(a.zones, b.zones) &&
    sameList(a.hard, b.hard) &&
    a.anyOf.length === b.anyOf.length &&
    a.anyOf.every((group, index) => sameList(group, b.anyOf[index]!))
  );
}

function sameModel(a: ReliabilityModel, b: ReliabilityModel): boolean {
  if (a.components.length !== b.components.length || a.entryPoints.length !== b.entryPoints.length) return false;
  if (!Object.is(a.zoneAvailability, b.zoneAvailability) || !Object.is(a.regionAvailability, b.regionAvailability)) return false;
  for (let i = 0; i < a.components.length; i++) if (!sameComponent(a.components[i]!, b.components[i]!)) return false;
  for (let i = 0; i < a.entryPoints.length; i++) if (a.entryPoints[i] !== b.entryPoints[i]) return false;
  return true;
}

/** Every zone of the document with the resources it takes down and the system's availability meanwhile. */
export function zoneDownStates(doc: ArchDocument): ZoneDownState[] {
  const { model, zoneLetter } = reliabilityModelFromDocument(doc);
  // Which resources are security groups is read from the document, so it must agree too.
  if (lastZoneDown && sameModel(lastZoneDown.model, model) && sameSecurityGroups(lastZoneDown.doc, doc)) return lastZoneDown.states;
  const states = computeZoneDownStates(doc, model, zoneLetter);
  lastZoneDown = { model, doc, states };
  return states;
}

function sameSecurityGroups(a: ArchDocument, b: ArchDocument): boolean {
  if (a.resources.length !== b.resources.length) return false;
  for (let i = 0; i < a.resources.length; i++)
    if ((a.resources[i]!.type === 'aws.ec2.security-group') !== (b.resources[i]!.type === 'aws.ec2.security-group')) return false;
  return true;
}

function computeZoneDownStates(doc: ArchDocument, model: ReliabilityModel, zoneLetter: ReadonlyMap<string, string>): ZoneDownState[] {
  const zones = new Map<string, string>();
  for (const component of model.components) {
    if (component.placement !== 'zonal' && component.placement !== 'load-balancer') continue;
    for (const zone of component.zones) zones.set(zone, component.region ?? doc.region);
  }
  const regions = new Set(zones.values());
  const result: ZoneDownState[] = [];
  for (const [zone, region] of [...zones].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const down: ReliabilityModel = { ...model, components: model.components.map((c) => withoutZone(c, zone)) };
    // Deterministic: every unit, other zone and region up, so "stops working" means because of this zone.
    const certain: ReliabilityModel = {
      ...down,
      zoneAvailability: 1,
      regionAvailability: 1,
      components: down.components.map((c) => ({ ...c, unitAvailability: c.unitAvailability > 0 ? 1 : 0 })),
    };
    const certainReport = analyzeReliability(certain, { monteCarloSamples: 0 });
    const stopped: string[] = [];
    for (const [name, probability] of certainReport.byComponent) if (probability < 0.5 && isDrawnKind(doc, name)) stopped.push(name);
    stopped.sort();
    const report = analyzeReliability(down, { monteCarloSamples: 0 });
    const percent = Number.isFinite(report.probability) ? Math.min(100, Math.max(0, report.probability * 100)) : 0;
    result.push({
      zone: regions.size > 1 ? zone : (zoneLetter.get(zone) ?? zone),
      fullZone: zone,
      region,
      stopped,
      systemWorks: certainReport.probability >= 0.5,
      availabilityPercent: percent,
    });
  }
  return result;
}

function isDrawnKind(doc: ArchDocument, name: string): boolean {
  return doc.resourceByName.get(name)?.type !== 'aws.ec2.security-group';
}
