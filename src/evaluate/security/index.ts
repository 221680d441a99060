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

const severityRank: Readonly<Record<FindingSeverity, number>> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/**
 * Findings sorted the way people read them: most severe first, then in file order. Each severity is
 * sorted on its own: the findings arrive nearly in file order, which the sort then passes through
 * almost linearly.
 */
function sortFindings(findings: readonly SecurityFinding[]): SecurityFinding[] {
  const bySeverity: SecurityFinding[][] = [[], [], [], [], []];
  for (const item of findings) bySeverity[severityRank[item.severity]]!.push(item);
  const sorted: SecurityFinding[] = [];
  for (const group of bySeverity) {
    group.sort(compareInFile);
    for (const item of group) sorted.push(item);
  }
  return sorted;
}

function compareInFile(a: SecurityFinding, b: SecurityFinding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

/** Indexes over a document's references, built once for each document */
interface DocumentIndex {
  readonly targetedBy: ReadonlyMap<string, ResourceNode[]>;
  readonly replicaTargets: ReadonlySet<string>;
  /** Per resource name: the resources it references and the resources that reference it, in reference order. */
  readonly neighbours: ReadonlyMap<string, ResourceNode[]>;
}

const documentIndexes = new WeakMap<ArchDocument, DocumentIndex>();

function documentIndex(doc: ArchDocument): DocumentIndex {
  let index = documentIndexes.get(doc);
  if (index !== undefined) return index;
  const targetedBy = new Map<string, ResourceNode[]>();
  const replicaTargets = new Set<string>();
  const neighbours = new Map<string, ResourceNode[]>();
  const addNeighbour = (name: string, other: ResourceNode): void => {
    const list = neighbours.get(name);
    if (list === undefined) neighbours.set(name, [other]);
    else list.push(other);
  };
  for (const reference of doc.references) {
    if (reference.path[0] === 'replication') replicaTargets.add(reference.target);
    const source = doc.resourceByName.get(reference.from);
    const target = doc.resourceByName.get(reference.target);
    if (source === undefined) continue;
    if (target !== undefined) {
      addNeighbour(source.name, target);
      addNeighbour(target.name, source);
    }
    if (reference.path[0] !== 'targets' && reference.path[0] !== 'origins') continue;
    const list = targetedBy.get(reference.target) ?? [];
    if (!list.includes(source)) list.push(source);
    targetedBy.set(reference.target, list);
  }
  index = { targetedBy, replicaTargets, neighbours };
  documentIndexes.set(doc, index);
  return index;
}

/** Builds what rules may ask about the rest of the document, once per evaluation. */
export function ruleContext(doc: ArchDocument): RuleContext {
  const index = documentIndex(doc);
  return { doc, targetedBy: (name) => index.targetedBy.get(name) ?? [], isReplicaTarget: (name) => index.replicaTargets.has(name) };
}

/** One resource's rule findings and what they were computed from besides the resource itself. */
interface CachedFindings {
  readonly zonesKey: string;
  readonly neighbours: readonly ResourceNode[];
  readonly findings: readonly SecurityFinding[];
}

/**
 * Rule findings by resource object. The parser keeps the same object for a resource whose text and
 * place are unchanged, so after an edit only the edited resource and its neighbours are re-checked.
 */
const findingsByResource = new WeakMap<ResourceNode, CachedFindings>();

const noNeighbours: readonly ResourceNode[] = [];

function sameList(left: readonly ResourceNode[], right: readonly ResourceNode[]): boolean {
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index++) if (left[index] !== right[index]) return false;
  return true;
}

function ruleFindings(resource: ResourceNode, context: RuleContext, zonesKey: string, neighbours: readonly ResourceNode[]): readonly SecurityFinding[] {
  const cached = findingsByResource.get(resource);
  if (cached !== undefined && cached.zonesKey === zonesKey && sameList(cached.neighbours, neighbours)) return cached.findings;
  const findings: SecurityFinding[] = [];
  for (const rule of rulesForType(resource.type!)) {
    try {
      findings.push(...rule.check(resource, context));
    } catch {
      // A rule must never take the whole evaluation down over one odd value; the schema
      // validation already reports malformed properties with their location.
    }
  }
  findingsByResource.set(resource, { zonesKey, neighbours, findings });
  return findings;
}

/** Runs every rule and the exposure analysis. Never throws: a rule that fails is skipped, not fatal. */
export function evaluateSecurity(doc: ArchDocument): SecurityResult {
  const context = ruleContext(doc);
  const index = documentIndex(doc);
  const zonesKey = doc.zones.join(',');
  const findings: SecurityFinding[] = [];
  for (const resource of doc.resources) {
    if (resource.type === undefined || resource.body === undefined) continue;
    for (const item of ruleFindings(resource, context, zonesKey, index.neighbours.get(resource.name) ?? noNeighbours)) findings.push(item);
  }
  const exposurePaths = findExposurePaths(doc);
  findings.push(...exposureFindings(doc, exposurePaths));
  const sorted = sortFindings(findings);
  const counts: Record<FindingSeverity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const item of sorted) counts[item.severity]++;
  return { findings: sorted, counts, exposurePaths };
}
