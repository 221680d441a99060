/**
 * Availability evaluation of a parsed architecture (docs/evaluation.md, "Availability"): the exact
 * system availability, per-resource figures, single points of failure, zone and region outage
 * tables and a seeded Monte Carlo cross-check.
 */
import type { ArchDocument } from '../../core/document';
import type { AvailabilityResult } from '../types';
import { analyzeReliability, type EngineOptions } from './engine';
import { reliabilityModelFromDocument } from './from-document';
import type { ReliabilityModel } from './model';

export { analyzeReliability, type EngineOptions } from './engine';
export { explainAvailability } from './explain';
export { reliabilityModelFromDocument } from './from-document';
export type { ReliabilityComponent, ReliabilityModel, ReliabilityReport } from './model';

const minutesPerYear = 8_760 * 60;

/** A probability as a percent, never NaN or outside [0, 100]. */
function percent(probability: number): number {
  if (!Number.isFinite(probability)) return 0;
  return Math.min(100, Math.max(0, probability * 100));
}

/**
 * The last few results with the model they were computed from, written out as text: the model holds
 * everything the result depends on (units, placement, zones, regions, figures, dependency edges,
 * entry points), so an edit that leaves it unchanged, such as a new `sizeGB` or a tag, reuses the
 * result instead of computing it again. Building the model and its text is linear and cheap.
 */
const recentResults: { readonly signature: string; readonly result: AvailabilityResult }[] = [];
const recentResultsKept = 4;

/** Evaluates the availability of an architecture. Pure and deterministic for a given seed. */
export function evaluateAvailability(doc: ArchDocument, options: EngineOptions = {}): AvailabilityResult {
  const built = reliabilityModelFromDocument(doc);
  const signature = JSON.stringify([options.monteCarloSamples ?? null, options.seed ?? null, [...built.zoneLetter], built.model]);
  const recent = recentResults.findIndex((entry) => entry.signature === signature);
  if (recent >= 0) {
    const entry = recentResults[recent]!;
    if (recent > 0) recentResults.unshift(...recentResults.splice(recent, 1));
    return { ...entry.result };
  }
  const result = computeAvailability(built.model, built.zoneLetter, options);
  recentResults.unshift({ signature, result });
  if (recentResults.length > recentResultsKept) recentResults.pop();
  return { ...result };
}

/** The same evaluation without reusing a recent result (tests compare the two). */
export function evaluateAvailabilityAfresh(doc: ArchDocument, options: EngineOptions = {}): AvailabilityResult {
  const built = reliabilityModelFromDocument(doc);
  return computeAvailability(built.model, built.zoneLetter, options);
}

function computeAvailability(model: ReliabilityModel, zoneLetter: ReadonlyMap<string, string>, options: EngineOptions): AvailabilityResult {
  const report = analyzeReliability(model, options);
  const multiRegion = report.regions.length > 1;
  const zoneOutage: Record<string, { works: boolean }> = {};
  for (const [zone, works] of report.zoneOutage) zoneOutage[multiRegion ? zone : (zoneLetter.get(zone) ?? zone)] = { works };
  const regionOutage: Record<string, { works: boolean }> = {};
  for (const [region, works] of report.regionOutage) regionOutage[region] = { works };
  const byResource: Record<string, number> = {};
  for (const [name, p] of report.byComponent) byResource[name] = percent(p);
  // Downtime from the probability itself: 100 - percent would lose the last digits at six nines.
  const availability = percent(report.probability);
  return {
    percent: availability,
    downtimeMinutesPerYear: Math.min(1, Math.max(0, 1 - (Number.isFinite(report.probability) ? report.probability : 0))) * minutesPerYear,
    spof: report.spof,
    zoneOutage,
    regionOutage,
    monteCarlo: {
      samples: report.monteCarlo.samples,
      seed: report.monteCarlo.seed,
      percent: percent(report.monteCarlo.probability),
      ci95: [percent(report.monteCarlo.ci95[0]), percent(report.monteCarlo.ci95[1])],
    },
    byResource,
    entryPoints: model.entryPoints,
    method: report.method,
    ...(report.note !== undefined ? { note: report.note } : {}),
  };
}
