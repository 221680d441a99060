/**
 * All evaluations of one architecture in one call: availability, cost and security, the targets
 * judged against them, and the findings and missed targets as editor diagnostics. The CLI, the
 * language server and the tests all come through here, so every view shows the same numbers.
 */
import type { ArchDiagnostic, ArchDocument, Severity } from '../core/document';
import { evaluateAvailability } from './availability';
import { evaluateCost } from './cost';
import { unpricedDiagnostics } from './cost/summary';
import { evaluateSecurity } from './security';
import { judgeTargets } from './targets';
import type { AvailabilityResult, CostResult, EvaluationResult, FindingSeverity, SecurityFinding, SecurityResult } from './types';

/** The evaluations `evaluateAll` can run. */
export type EvaluationKind = 'availability' | 'cost' | 'security';

export const evaluationKinds: readonly EvaluationKind[] = ['availability', 'cost', 'security'];

export interface EvaluateOptions {
  /** Run only these evaluations (default: all three). Targets are judged for those that ran. */
  readonly only?: readonly EvaluationKind[];
  /** Monte Carlo samples of the availability cross-check (0 skips it). */
  readonly monteCarloSamples?: number;
  /** Seed of the Monte Carlo generator. */
  readonly seed?: number;
  /**
   * The result of the same document's previous version: what it worked out for resources that did
   * not change is reused (as `parseArchitecture(text, { previous })` does). Never changed by the call.
   */
  readonly previous?: EvaluationResult;
}

/** How a finding's severity shows in the editor. */
const diagnosticSeverity: Readonly<Record<FindingSeverity, Severity>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'information',
  info: 'hint',
};

/**
 * Memo: the diagnostic of each finding object. The security evaluation keeps the finding objects of
 * an unchanged resource from one edit to the next (findings are never changed once made), so their
 * diagnostics are made once, and are the same objects: the server serialises each once too.
 */
const diagnosticOfFinding = new WeakMap<SecurityFinding, ArchDiagnostic>();

function diagnosticOf(finding: SecurityFinding): ArchDiagnostic {
  let diagnostic = diagnosticOfFinding.get(finding);
  if (diagnostic === undefined) {
    diagnostic = {
      code: finding.ruleId,
      severity: diagnosticSeverity[finding.severity],
      message: finding.message,
      range: finding.range,
      source: 'cloudarch.security',
      resource: finding.resource,
      ...(finding.fix ? { fixes: [finding.fix] } : {}),
    };
    diagnosticOfFinding.set(finding, diagnostic);
  }
  return diagnostic;
}

/** Security findings as diagnostics, one per finding and in order: code = rule id, the fix travels with it. */
export function findingDiagnostics(security: SecurityResult): ArchDiagnostic[] {
  return security.findings.map(diagnosticOf);
}

/**
 * The same as `findingDiagnostics` into `into`, taking the diagnostic of a finding that is at the
 * same place in the previous result from that result: after a keystroke nearly every finding is,
 * and a comparison of references is cheaper than a memo lookup for each of thousands of findings.
 */
function pushFindingDiagnostics(into: ArchDiagnostic[], security: SecurityResult, previous: EvaluationResult | undefined): void {
  const findings = security.findings;
  const before = previous?.security?.findings;
  // The previous result's first diagnostics are its findings', in order (see `evaluateAll`).
  const beforeDiagnostics = before !== undefined && before.length <= previous!.diagnostics.length ? previous!.diagnostics : undefined;
  for (let index = 0; index < findings.length; index++) {
    const finding = findings[index]!;
    into.push(beforeDiagnostics !== undefined && before![index] === finding ? beforeDiagnostics[index]! : diagnosticOf(finding));
  }
}

/** Runs the requested evaluations on a parsed architecture; never throws once parsing has succeeded. */
export function evaluateAll(doc: ArchDocument, options: EvaluateOptions = {}): EvaluationResult {
  const wanted = new Set<EvaluationKind>(options.only && options.only.length > 0 ? options.only : evaluationKinds);
  const previous = options.previous;
  const availability: AvailabilityResult | undefined = wanted.has('availability')
    ? evaluateAvailability(doc, {
        ...(options.monteCarloSamples !== undefined ? { monteCarloSamples: options.monteCarloSamples } : {}),
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
        ...(previous?.availability ? { previous: previous.availability } : {}),
      })
    : undefined;
  const cost: CostResult | undefined = wanted.has('cost')
    ? evaluateCost(doc, previous?.cost ? { previous: previous.cost } : {})
    : undefined;
  const security: SecurityResult | undefined = wanted.has('security')
    ? evaluateSecurity(doc, previous?.security ? { previous: previous.security } : {})
    : undefined;
  const targets = judgeTargets(doc, {
    ...(availability ? { availability } : {}),
    ...(cost ? { cost } : {}),
    ...(security ? { security } : {}),
  });
  const diagnostics: ArchDiagnostic[] = [];
  if (security) pushFindingDiagnostics(diagnostics, security, previous);
  if (cost) for (const diagnostic of unpricedDiagnostics(doc, cost)) diagnostics.push(diagnostic);
  for (const diagnostic of targets.diagnostics) diagnostics.push(diagnostic);
  return {
    ...(availability ? { availability } : {}),
    ...(cost ? { cost } : {}),
    ...(security ? { security } : {}),
    targets: targets.results,
    diagnostics,
  };
}
