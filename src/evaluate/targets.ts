/**
 * Judges the design goals of `targets:` against the evaluation results: availability at least the
 * goal, monthly cost at most the budget, and no security finding above the allowed severity.
 * Each judged target is a `TargetResult` (with the range of its key, for the editor), and each
 * missed one is also a diagnostic on that key.
 */
import type { ArchDiagnostic, ArchDocument, Range } from '../core/document';
import { findingSeverities } from '../model/severities';
import type { AvailabilityResult, CostResult, FindingSeverity, SecurityResult, TargetResult } from './types';

/** Severities from the most to the least severe (the catalog's order). */
export const findingSeverityOrder: readonly FindingSeverity[] = findingSeverities;

/** Diagnostic codes of missed targets (stable, never reused). */
export const TargetCodes = {
  availability: 'target-missed-availability',
  monthlyBudget: 'target-missed-monthly-budget',
  maxFindingSeverity: 'target-missed-max-finding-severity',
} as const;

/** What the judge needs; an evaluation that was not run leaves its target unjudged. */
export interface TargetInputs {
  readonly availability?: AvailabilityResult;
  readonly cost?: CostResult;
  readonly security?: SecurityResult;
}

export interface TargetJudgement {
  readonly results: readonly TargetResult[];
  readonly diagnostics: readonly ArchDiagnostic[];
}

const wholeFile: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The range of `targets.<key>`'s key, else of `targets`, else the start of the file. */
function targetKeyRange(doc: ArchDocument, key: string): Range {
  const targets = doc.root?.entries.find((e) => e.key === 'targets');
  if (!targets) return wholeFile;
  if (targets.value?.kind === 'map') {
    const entry = targets.value.entries.find((e) => e.key === key);
    if (entry) return entry.keyRange;
  }
  return targets.keyRange;
}

function formatPercent(value: number): string {
  return `${Number.isFinite(value) ? Number(value.toFixed(6)) : 0}%`;
}

function formatUsd(value: number): string {
  return `$${(Number.isFinite(value) ? value : 0).toFixed(2)}`;
}

/** Compares every set target with the results that were computed. */
export function judgeTargets(doc: ArchDocument, inputs: TargetInputs): TargetJudgement {
  const results: TargetResult[] = [];
  const diagnostics: ArchDiagnostic[] = [];
  const goals = doc.targets;

  const miss = (code: string, range: Range, message: string) => {
    diagnostics.push({ code, severity: 'warning', message, range, source: 'cloudarch.targets' });
  };

  if (typeof goals.availability === 'number' && Number.isFinite(goals.availability) && inputs.availability) {
    const actual = inputs.availability.percent;
    const met = actual >= goals.availability;
    const range = targetKeyRange(doc, 'availability');
    results.push({ target: 'availability', goal: goals.availability, actual, met, range });
    if (!met) {
      const allowedMinutes = (1 - goals.availability / 100) * 8760 * 60;
      miss(
        TargetCodes.availability,
        range,
        `Availability ${formatPercent(actual)} misses the target of ${formatPercent(goals.availability)}: about ${Math.round(inputs.availability.downtimeMinutesPerYear)} minutes of downtime a year against ${Math.round(allowedMinutes)} allowed.`,
      );
    }
  }

  if (typeof goals.monthlyBudget === 'number' && Number.isFinite(goals.monthlyBudget) && inputs.cost) {
    const actual = inputs.cost.monthlyUSD;
    const met = actual <= goals.monthlyBudget;
    const range = targetKeyRange(doc, 'monthlyBudget');
    results.push({ target: 'monthlyBudget', goal: goals.monthlyBudget, actual, met, range });
    if (!met) {
      miss(
        TargetCodes.monthlyBudget,
        range,
        `The estimated monthly cost of ${formatUsd(actual)} is over the budget of ${formatUsd(goals.monthlyBudget)} by ${formatUsd(actual - goals.monthlyBudget)}.`,
      );
    }
  }

  if (goals.maxFindingSeverity && inputs.security) {
    const allowed = findingSeverityOrder.indexOf(goals.maxFindingSeverity);
    const above = inputs.security.findings.filter((f) => findingSeverityOrder.indexOf(f.severity) < allowed);
    const worst = inputs.security.findings.reduce<FindingSeverity | undefined>(
      (acc, f) => (acc === undefined || findingSeverityOrder.indexOf(f.severity) < findingSeverityOrder.indexOf(acc) ? f.severity : acc),
      undefined,
    );
    const met = above.length === 0;
    const range = targetKeyRange(doc, 'maxFindingSeverity');
    results.push({ target: 'maxFindingSeverity', goal: goals.maxFindingSeverity, actual: worst ?? 'none', met, range });
    if (!met) {
      const ids = [...new Set(above.map((f) => f.ruleId))].slice(0, 5).join(', ');
      miss(
        TargetCodes.maxFindingSeverity,
        range,
        `${above.length} security finding${above.length === 1 ? ' is' : 's are'} above the allowed severity "${goals.maxFindingSeverity}" (worst: ${worst}; ${ids}).`,
      );
    }
  }

  return { results, diagnostics };
}
