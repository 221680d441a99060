/**
 * The security evaluation: every rule of the registry over every resource, plus the exposure
 * analysis over the graph. Pure: an `ArchDocument` in, a `SecurityResult` out.
 */
import type { ArchDocument, ResourceNode } from '../../core/document';
import type { FindingSeverity, SecurityFinding, SecurityResult } from '../types';
import { findExposurePaths } from './exposure';
import { rulesForType } from './registry';
import type { RuleContext } from './rule';
import { exposureFindings } from './rules/exposure-rules';

export { findExposurePaths } from './exposure';
export { securityRule, securityRules } from './registry';
export type { SecurityRule } from './rule';
export { toSarif } from './sarif';

const severityOrder: readonly FindingSeverity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Findings sorted the way people read them: most severe first, then in file order. */
function compareFindings(a: SecurityFinding, b: SecurityFinding): number {
  return (
    severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

/** Builds what rules may ask about the rest of the document, once per evaluation. */
export function ruleContext(doc: ArchDocument): RuleContext {
  const targetedBy = new Map<string, ResourceNode[]>();
  for (const reference of doc.references) {
    if (reference.path[0] !== 'targets' && reference.path[0] !== 'origins') continue;
    const source = doc.resourceByName.get(reference.from);
    if (source === undefined) continue;
    const list = targetedBy.get(reference.target) ?? [];
    if (!list.includes(source)) list.push(source);
    targetedBy.set(reference.target, list);
  }
  return { doc, targetedBy: (name) => targetedBy.get(name) ?? [] };
}

/** Runs every rule and the exposure analysis. Never throws: a rule that fails is skipped, not fatal. */
export function evaluateSecurity(doc: ArchDocument): SecurityResult {
  const context = ruleContext(doc);
  const findings: SecurityFinding[] = [];
  for (const resource of doc.resources) {
    if (resource.type === undefined || resource.body === undefined) continue;
    for (const rule of rulesForType(resource.type)) {
      try {
        findings.push(...rule.check(resource, context));
      } catch {
        // A rule must never take the whole evaluation down over one odd value; the schema
        // validation already reports malformed properties with their location.
      }
    }
  }
  const exposurePaths = findExposurePaths(doc);
  findings.push(...exposureFindings(doc, exposurePaths));
  findings.sort(compareFindings);
  const counts: Record<FindingSeverity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const item of findings) counts[item.severity]++;
  return { findings, counts, exposurePaths };
}
