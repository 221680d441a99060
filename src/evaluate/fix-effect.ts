/**
 * What a quick fix would do to the design's monthly cost and availability, worked out before it is
 * applied, so its title can say so: "Enable Multi-AZ (+$175/month, 99.5% -> 99.95%)".
 *
 * The fix's edits are applied to the document's text and the result is parsed with the document
 * as `previous`, so only the edited resource is read again, and priced again (the cost evaluation
 * caches every unchanged resource). The evaluations of the document itself are remembered per
 * document, so previewing many fixes of one document evaluates it once.
 */
import { parseArchitecture } from '../core/parse';
import { lineIndexOf } from '../core/edits';
import type { ArchDocument, FixPayload } from '../core/document';
import { evaluateAvailability } from './availability';
import { evaluateCost } from './cost';
import type { AvailabilityResult, CostResult } from './types';

/** The effect of one fix on the whole design. */
export interface FixEffect {
  /** Monthly USD after the fix minus before (negative: the fix saves money). */
  readonly costDeltaUSD: number;
  /** System availability in percent before and after the fix. */
  readonly availabilityBefore: number;
  readonly availabilityAfter: number;
}

/** Memo: each document's cost and availability (documents are never changed once parsed). */
const costs = new WeakMap<ArchDocument, CostResult>();
/** Memo: see `costs`. */
const availabilities = new WeakMap<ArchDocument, AvailabilityResult>();

/** The cost of `doc`; `base`, the document it was edited from, lends its unchanged resources' prices. */
function monthlyCost(doc: ArchDocument, base?: ArchDocument): number {
  let cost = costs.get(doc);
  if (cost === undefined) {
    const previous = base && costs.get(base);
    costs.set(doc, (cost = evaluateCost(doc, previous ? { previous } : {})));
  }
  return cost.monthlyUSD;
}

function availability(doc: ArchDocument, base?: ArchDocument): number {
  let result = availabilities.get(doc);
  if (result === undefined) {
    const previous = base && availabilities.get(base);
    // The exact figure is all a title needs; the Monte Carlo cross-check would only cost time.
    availabilities.set(doc, (result = evaluateAvailability(doc, { monteCarloSamples: 0, ...(previous ? { previous } : {}) })));
  }
  return result.percent;
}

/**
 * The text of `doc` with the fix's edits applied, or undefined when the edits overlap (an editor
 * would refuse them too). Positions are LSP positions into `doc.text`.
 */
export function applyFix(doc: ArchDocument, fix: FixPayload): string | undefined {
  const lines = lineIndexOf(doc);
  const spans = fix.edits
    .map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), text: edit.newText }))
    .map((span) => (span.end < span.start ? { ...span, start: span.end, end: span.start } : span))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) if (spans[i]!.start < spans[i - 1]!.end) return undefined;
  let text = doc.text;
  for (let i = spans.length - 1; i >= 0; i--) {
    const span = spans[i]!;
    text = text.slice(0, span.start) + span.text + text.slice(span.end);
  }
  return text;
}

/** The document the fix would produce (parsed incrementally from `doc`), or undefined when it cannot be applied. */
export function documentAfterFix(doc: ArchDocument, fix: FixPayload): ArchDocument | undefined {
  const text = applyFix(doc, fix);
  return text === undefined ? undefined : parseArchitecture(text, { previous: doc });
}

/** The change in monthly cost (USD) the fix would make, or undefined when it cannot be applied. */
export function costDeltaOfFix(doc: ArchDocument, fix: FixPayload): number | undefined {
  const after = documentAfterFix(doc, fix);
  if (after === undefined) return undefined;
  const before = monthlyCost(doc);
  return finite(monthlyCost(after, doc) - before);
}

/** The fix's effect on cost and availability, or undefined when it cannot be applied. */
export function fixEffect(doc: ArchDocument, fix: FixPayload): FixEffect | undefined {
  const after = documentAfterFix(doc, fix);
  if (after === undefined) return undefined;
  const costBefore = monthlyCost(doc);
  const availabilityBefore = availability(doc);
  return {
    costDeltaUSD: finite(monthlyCost(after, doc) - costBefore),
    availabilityBefore,
    availabilityAfter: availability(after, doc),
  };
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

/** Below half a cent a month a fix is shown as not changing the cost. */
const NO_COST_CHANGE_USD = 0.005;

/** `+$175/month`, `-$12.40/month`, `+$1,234/month`; undefined when the cost does not change. */
export function formatCostDelta(deltaUSD: number): string | undefined {
  if (!Number.isFinite(deltaUSD) || Math.abs(deltaUSD) < NO_COST_CHANGE_USD) return undefined;
  const sign = deltaUSD > 0 ? '+' : '-';
  const amount = Math.abs(deltaUSD);
  // Whole dollars read best once the amount is large; cents matter only for small amounts.
  const digits = Math.round(amount * 100) / 100 >= 100 ? 0 : 2;
  const text = amount.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${sign}$${text}/month`;
}

/** Decimals that show an availability's nines and the digit after them: 99.5, 99.95, 99.9975 -> 1, 2, 4. */
function availabilityDigits(percent: number): number {
  const decimals = percent.toFixed(8).split('.')[1] ?? '';
  const firstNotNine = [...decimals].findIndex((digit) => digit !== '9');
  return Math.min(6, Math.max(1, firstNotNine + 1));
}

/**
 * A percentage cut (never rounded up: 99.9975 must not read as 100) to `digits` decimals, trailing
 * zeros dropped.
 */
function showPercent(percent: number, digits: number): string {
  const scale = 10 ** digits;
  // The small allowance keeps 99.95 (stored as 99.94999...) from reading as 99.94.
  const cut = Math.floor(percent * scale + 1e-6) / scale;
  return `${Number(cut.toFixed(digits))}%`;
}

/**
 * `99.5% -> 99.95%`: both percentages with enough decimals for the nines of each and the digit
 * after them, more when the two would otherwise read the same, cut rather than rounded; undefined
 * when the availability does not change at six decimals.
 */
export function formatAvailabilityChange(before: number, after: number): string | undefined {
  if (!Number.isFinite(before) || !Number.isFinite(after)) return undefined;
  let digits = Math.max(availabilityDigits(before), availabilityDigits(after));
  while (digits < 6 && showPercent(before, digits) === showPercent(after, digits)) digits++;
  if (showPercent(before, digits) === showPercent(after, digits)) return undefined;
  return `${showPercent(before, digits)} -> ${showPercent(after, digits)}`;
}

/** The suffix for a quick fix's title, e.g. ` (+$175/month, 99.5% -> 99.95%)`; empty when nothing changes. */
export function fixEffectSuffix(effect: FixEffect | undefined): string {
  if (effect === undefined) return '';
  const parts = [
    formatCostDelta(effect.costDeltaUSD),
    formatAvailabilityChange(effect.availabilityBefore, effect.availabilityAfter),
  ].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** The fix's title with its effect appended, e.g. `Enable Multi-AZ (+$175/month, 99.5% -> 99.95%)`. */
export function titleWithEffect(doc: ArchDocument, fix: FixPayload): string {
  return `${fix.title}${fixEffectSuffix(fixEffect(doc, fix))}`;
}
