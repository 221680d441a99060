/**
 * Availability evaluation of a parsed architecture (docs/evaluation.md, "Availability"): the exact
 * system availability, per-resource figures, single points of failure, zone and region outage
 * tables and a seeded Monte Carlo cross-check.
 */
import type { ArchDocument } from '../../core/document';
import type { AvailabilityResult } from '../types';
import { analyzeReliability, type EngineOptions } from './engine';
import { reliabilityModelFromDocument, type DocumentModel } from './from-document';
import type { ReliabilityComponent, ReliabilityModel } from './model';

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
 * A result with the model it was computed from: the model holds everything the result depends on
 * (units, placement, zones, regions, figures, dependency edges, entry points), so an edit that
 * leaves it unchanged, such as a new `sizeGB` or a tag, reuses the result instead of computing it
 * again. The adapter keeps the component object of an unchanged resource, so comparing two models
 * is mostly comparing references.
 */
interface RecentResult {
  readonly monteCarloSamples: number | undefined;
  readonly seed: number | undefined;
  readonly exactWorkBudget: number | undefined;
  readonly built: DocumentModel;
  readonly result: AvailabilityResult;
}
/** How many recent results a result hands to the next evaluation (an edit and its undo both hit). */
const recentResultsKept = 4;

/**
 * Memo: the recent results each result was evaluated among, newest first, and the model of its
 * document, keyed by the result object the caller holds and passes back as `previous` (results are
 * never changed once made).
 */
const recentResultsOf = new WeakMap<AvailabilityResult, AvailabilityMemory>();

/** What a result hands to the next evaluation of the same document. */
interface AvailabilityMemory {
  readonly recent: readonly RecentResult[];
  /** The model of this result's document, which the next version's model starts from (its dependencies). */
  readonly built: DocumentModel;
}

/** What an availability evaluation may reuse. */
export interface AvailabilityOptions extends EngineOptions {
  /** The result of the same document's previous version: its recent results are reused when their model is unchanged. */
  readonly previous?: AvailabilityResult;
}

function sameStrings(left: readonly string[], right: readonly string[]): boolean {
  if (left === right) return true;
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index++) if (left[index] !== right[index]) return false;
  return true;
}

function sameComponent(left: ReliabilityComponent, right: ReliabilityComponent): boolean {
  if (left === right) return true;
  if (
    left.name !== right.name ||
    left.placement !== right.placement ||
    !Object.is(left.unitAvailability, right.unitAvailability) ||
    !Object.is(left.units, right.units) ||
    !Object.is(left.minHealthy, right.minHealthy) ||
    left.region !== right.region ||
    !sameStrings(left.zones, right.zones) ||
    !sameStrings(left.hard, right.hard) ||
    left.anyOf.length !== right.anyOf.length
  ) {
    return false;
  }
  for (let index = 0; index < left.anyOf.length; index++) if (!sameStrings(left.anyOf[index]!, right.anyOf[index]!)) return false;
  return true;
}

/** Whether two built models give the same result: every field the computation reads is equal. */
function sameDocumentModel(left: DocumentModel, right: DocumentModel): boolean {
  const a = left.model;
  const b = right.model;
  if (!Object.is(a.zoneAvailability, b.zoneAvailability) || !Object.is(a.regionAvailability, b.regionAvailability)) return false;
  if (!sameStrings(a.entryPoints, b.entryPoints) || a.components.length !== b.components.length) return false;
  for (let index = 0; index < a.components.length; index++) if (!sameComponent(a.components[index]!, b.components[index]!)) return false;
  // The zone labels are only looked up, so their order does not matter.
  if (left.zoneLetter.size !== right.zoneLetter.size) return false;
  for (const [zone, letter] of left.zoneLetter) if (right.zoneLetter.get(zone) !== letter) return false;
  return true;
}

/**
 * Evaluates the availability of an architecture. Pure and deterministic for a given seed; with
 * `previous`, a recent result whose model is the same is reused instead of computed again.
 */
export function evaluateAvailability(doc: ArchDocument, options: AvailabilityOptions = {}): AvailabilityResult {
  const memory = options.previous && recentResultsOf.get(options.previous);
  const built = reliabilityModelFromDocument(doc, memory?.built);
  const recentResults = memory?.recent ?? [];
  const recent = recentResults.findIndex(
    (entry) =>
      Object.is(entry.monteCarloSamples, options.monteCarloSamples) &&
      Object.is(entry.seed, options.seed) &&
      Object.is(entry.exactWorkBudget, options.exactWorkBudget) &&
      sameDocumentModel(entry.built, built),
  );
  let entry: RecentResult;
  if (recent >= 0) entry = recentResults[recent]!;
  else {
    entry = {
      monteCarloSamples: options.monteCarloSamples,
      seed: options.seed,
      exactWorkBudget: options.exactWorkBudget,
      // Without its source: a recent result must not keep an old version of the document alive.
      built: { model: built.model, zoneLetter: built.zoneLetter },
      result: computeAvailability(built.model, built.zoneLetter, options),
    };
  }
  const result = { ...entry.result };
  recentResultsOf.set(result, { recent: [entry, ...recentResults.filter((other) => other !== entry)].slice(0, recentResultsKept), built });
  return result;
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
