/**
 * The security evaluation: every rule of the registry over every resource, plus the exposure
 * analysis over the graph. Pure: an `ArchDocument` in, a `SecurityResult` out.
 */
import type { ArchDocument, ResourceNode } from '../../core/document';
import { everyReferencePair, resourcesReplacedInPlace } from '../../core/replaced-in-place';
import { severityRank } from '../../model/severities';
import type { FindingSeverity, SecurityFinding, SecurityResult } from '../types';
import { findExposurePathsAmong, type RecentExposureAnalyses } from './exposure';
import { rulesForType } from './registry';
import type { RuleContext } from './rule';
import { exposureFindings } from './rules/exposure-rules';

export { findExposurePaths } from './exposure';
export { securityRule, securityRules } from './registry';
export type { SecurityRule } from './rule';
export { toSarif } from './sarif';

/**
 * Findings sorted the way people read them: most severe first, then in file order. Each severity is
 * sorted on its own: the findings arrive nearly in file order, which the sort then passes through
 * almost linearly.
 */
export function sortFindings(findings: readonly SecurityFinding[]): SecurityFinding[] {
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
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId);
}

/** Indexes over a document's references: who targets a resource, which are replicas, each resource's neighbours. */
interface DocumentIndex {
  readonly targetedBy: ReadonlyMap<string, readonly ResourceNode[]>;
  readonly replicaTargets: ReadonlySet<string>;
  /** Per resource name: the resources it references and the resources that reference it, in reference order. */
  readonly neighbours: ReadonlyMap<string, readonly ResourceNode[]>;
}

/** A document with its index, which the next evaluation of the same document builds on. */
interface IndexedDocument {
  readonly doc: ArchDocument;
  readonly index: DocumentIndex;
}

/** The index made from scratch: one pass over the references. */
function buildDocumentIndex(doc: ArchDocument): DocumentIndex {
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
  return { targetedBy, replicaTargets, neighbours };
}

/** Beyond this many resources replaced since the previous version, the index is built afresh. */
const indexUpdateLimit = 32;

/**
 * The index of `doc` from the previous version's, when the edit replaced a few resources in place
 * (same names, same places) and left every reference edge as it was (same source, target and kind,
 * in the same order): the usual keystroke inside a resource. The lists are then the previous ones
 * with the replaced resources' new objects swapped in, which is exactly what a fresh build gives;
 * lists that hold none of them stay the same arrays, so the rule findings of their resources are
 * reused by reference. `undefined` when the edit was of another kind.
 */
function updatedDocumentIndex(doc: ArchDocument, previous: IndexedDocument): DocumentIndex | undefined {
  const before = previous.doc;
  if (before === doc) return previous.index;
  const replaced = resourcesReplacedInPlace(
    doc,
    before,
    indexUpdateLimit,
    // A repeated name makes the index's objects depend on which of them the name table keeps.
    (resource, old) => doc.resourceByName.get(resource.name) === resource && before.resourceByName.get(old.name) === old,
  );
  if (replaced === undefined) return undefined;
  const edgesKept = everyReferencePair(
    doc,
    before,
    (reference, old) =>
      reference === old || (reference.from === old.from && reference.target === old.target && reference.path[0] === old.path[0]),
  );
  if (!edgesKept) return undefined;
  const index = previous.index;
  if (replaced.size === 0) return index;
  const renewed = (list: readonly ResourceNode[]): readonly ResourceNode[] =>
    list.some((resource) => replaced.has(resource.name))
      ? list.map((resource) => (replaced.has(resource.name) ? doc.resourceByName.get(resource.name)! : resource))
      : list;
  const neighbours = new Map(index.neighbours);
  for (const name of replaced) {
    const own = index.neighbours.get(name);
    if (own === undefined) continue;
    neighbours.set(name, renewed(own));
    // Every neighbour's list holds the replaced resource: it takes the new object.
    for (const other of own) neighbours.set(other.name, renewed(index.neighbours.get(other.name)!));
  }
  const targetedBy = new Map<string, readonly ResourceNode[]>();
  for (const [name, sources] of index.targetedBy) targetedBy.set(name, renewed(sources));
  return { targetedBy, replicaTargets: index.replicaTargets, neighbours };
}

/** What rules may ask about the rest of the document, from its index. */
function contextOf(doc: ArchDocument, index: DocumentIndex): RuleContext {
  return { doc, targetedBy: (name) => index.targetedBy.get(name) ?? [], isReplicaTarget: (name) => index.replicaTargets.has(name) };
}

/** One resource's rule findings and what they were computed from besides the resource itself. */
interface CachedFindings {
  readonly zonesKey: string;
  readonly neighbours: readonly ResourceNode[];
  readonly findings: readonly SecurityFinding[];
}

/**
 * Memo: Rule findings by resource object. The parser keeps the same object for a resource whose text and
 * place are unchanged, so after an edit only the edited resource and its neighbours are re-checked.
 */
const findingsByResource = new WeakMap<ResourceNode, CachedFindings>();

const noNeighbours: readonly ResourceNode[] = [];

function sameList(left: readonly ResourceNode[], right: readonly ResourceNode[]): boolean {
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index++) if (left[index] !== right[index]) return false;
  return true;
}

function ruleFindings(
  resource: ResourceNode,
  context: RuleContext,
  zonesKey: string,
  neighbours: readonly ResourceNode[],
): readonly SecurityFinding[] {
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

/** Severity first, then file order: the order `sortFindings` gives, except between exact ties. */
function compareFindings(a: SecurityFinding, b: SecurityFinding): number {
  return severityRank[a.severity] - severityRank[b.severity] || compareInFile(a, b);
}

/**
 * The findings of one evaluation in the order the rules produced them, as chunks: one per resource
 * (the cached list of its rule findings, the same array while the resource is unchanged) and one per
 * exposure finding. With the sorted result, this is what the next evaluation merges into.
 */
export interface SortedFindings {
  readonly chunks: readonly (readonly SecurityFinding[])[];
  readonly sorted: readonly SecurityFinding[];
}

/** What a security result hands to the next evaluation of the same document. */
interface SecurityMemory {
  readonly sorted: SortedFindings;
  readonly exposure: RecentExposureAnalyses;
  /** The document evaluated and its reference index, which the next version's index is updated from. */
  readonly indexed: IndexedDocument;
}

/** Memo: what each result hands on, keyed by the result the caller holds and passes back as `previous`. */
const memoryOf = new WeakMap<SecurityResult, SecurityMemory>();

/** Memo: a single exposure finding as a chunk, the same array for the same finding object. */
const chunkOfFinding = new WeakMap<SecurityFinding, readonly SecurityFinding[]>();

function singleChunk(finding: SecurityFinding): readonly SecurityFinding[] {
  let chunk = chunkOfFinding.get(finding);
  if (chunk === undefined) chunkOfFinding.set(finding, (chunk = [finding]));
  return chunk;
}

/**
 * Sorts the findings of `chunks`, reusing the previous sorted result when only a few chunks changed:
 * the findings of the chunks that left are taken out, those of the new chunks are placed by binary
 * search. The result is exactly what sorting everything gives. A full sort is stable, so exact ties
 * are ordered by production order; the merge keeps that for the kept findings (their chunks keep
 * their relative order, which is checked) and for the new ones among themselves (a stable sort),
 * and sorts from scratch whenever a new finding ties with a kept one.
 */
export function sortChunks(chunks: readonly (readonly SecurityFinding[])[], previous?: SortedFindings): SortedFindings {
  const sorted = mergeIntoPrevious(chunks, previous) ?? sortFindings(chunks.flat());
  return { chunks, sorted };
}

/** What changed between two chunk lists: the findings that came and the findings that went. */
interface ChunkChange {
  readonly added: SecurityFinding[];
  readonly removed: SecurityFinding[];
}

/**
 * The change when the two lists differ in one stretch (the usual edit: one resource, maybe its
 * exposure finding): equal chunks before it and after it are kept, in their order.
 */
function changedStretch(
  chunks: readonly (readonly SecurityFinding[])[],
  previous: readonly (readonly SecurityFinding[])[],
  budget: number,
): ChunkChange | undefined {
  const limit = Math.min(chunks.length, previous.length);
  let start = 0;
  while (start < limit && chunks[start] === previous[start]) start++;
  let endNew = chunks.length;
  let endOld = previous.length;
  while (endNew > start && endOld > start && chunks[endNew - 1] === previous[endOld - 1]) {
    endNew--;
    endOld--;
  }
  const added: SecurityFinding[] = [];
  const removed: SecurityFinding[] = [];
  for (let index = start; index < endNew; index++) {
    for (const item of chunks[index]!) added.push(item);
    if (added.length > budget) return undefined;
  }
  for (let index = start; index < endOld; index++) {
    for (const item of previous[index]!) removed.push(item);
    if (removed.length > budget) return undefined;
  }
  return { added, removed };
}

/** The change found by matching every chunk, when the changes are scattered (a rename touching several resources). */
function changedChunks(
  chunks: readonly (readonly SecurityFinding[])[],
  previous: readonly (readonly SecurityFinding[])[],
  budget: number,
): ChunkChange | undefined {
  const indexBefore = new Map<readonly SecurityFinding[], number>();
  for (let index = 0; index < previous.length; index++) indexBefore.set(previous[index]!, index);
  if (indexBefore.size !== previous.length) return undefined;
  const stillThere = new Uint8Array(previous.length);
  const added: SecurityFinding[] = [];
  let lastKept = -1;
  for (const chunk of chunks) {
    const before = indexBefore.get(chunk);
    if (before === undefined) {
      for (const item of chunk) added.push(item);
      if (added.length > budget) return undefined;
      continue;
    }
    // Kept chunks must keep their relative order, or ties among their findings could reorder.
    if (before <= lastKept) return undefined;
    lastKept = before;
    stillThere[before] = 1;
  }
  const removed: SecurityFinding[] = [];
  for (let index = 0; index < previous.length; index++) {
    if (stillThere[index] === 1) continue;
    for (const item of previous[index]!) removed.push(item);
    if (removed.length > budget) return undefined;
  }
  return { added, removed };
}

function mergeIntoPrevious(
  chunks: readonly (readonly SecurityFinding[])[],
  previous: SortedFindings | undefined,
): SecurityFinding[] | undefined {
  if (previous === undefined) return undefined;
  const total = previous.sorted.length;
  // Beyond this many changed findings, a full sort of nearly sorted input is as quick.
  const budget = Math.max(16, total >> 4);
  const change = changedStretch(chunks, previous.chunks, budget) ?? changedChunks(chunks, previous.chunks, budget);
  if (change === undefined) return undefined;
  const { added } = change;
  const removed = new Set(change.removed);
  if (removed.size !== change.removed.length) return undefined;
  const kept = removed.size === 0 ? previous.sorted : previous.sorted.filter((item) => !removed.has(item));
  // A finding object kept elsewhere too would have been taken out twice.
  if (kept.length !== total - removed.size) return undefined;
  if (added.length === 0) return [...kept];
  added.sort(compareFindings);
  const merged: SecurityFinding[] = [];
  let from = 0;
  for (const item of added) {
    // The first kept finding after `item`.
    let low = from;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compareFindings(kept[middle]!, item) <= 0) low = middle + 1;
      else high = middle;
    }
    if (low > 0 && compareFindings(kept[low - 1]!, item) === 0) return undefined;
    for (let index = from; index < low; index++) merged.push(kept[index]!);
    merged.push(item);
    from = low;
  }
  for (let index = from; index < kept.length; index++) merged.push(kept[index]!);
  return merged;
}

/** What a security evaluation may reuse. */
export interface SecurityOptions {
  /** The result of the same document's previous version: its sorted findings and exposure analyses are reused. */
  readonly previous?: SecurityResult;
}

/** Runs every rule and the exposure analysis. Never throws: a rule that fails is skipped, not fatal. */
export function evaluateSecurity(doc: ArchDocument, options: SecurityOptions = {}): SecurityResult {
  const previous = options.previous && memoryOf.get(options.previous);
  const index = (previous && updatedDocumentIndex(doc, previous.indexed)) ?? buildDocumentIndex(doc);
  const context = contextOf(doc, index);
  // As JSON, so that zones `[a, b]` and `['a,b']` never share a key.
  const zonesKey = JSON.stringify(doc.zones);
  const chunks: (readonly SecurityFinding[])[] = [];
  for (const resource of doc.resources) {
    if (resource.type === undefined || resource.body === undefined) continue;
    const findings = ruleFindings(resource, context, zonesKey, index.neighbours.get(resource.name) ?? noNeighbours);
    if (findings.length > 0) chunks.push(findings);
  }
  const exposure = findExposurePathsAmong(doc, previous?.exposure);
  const exposurePaths = exposure.paths;
  for (const item of exposureFindings(doc, exposurePaths)) chunks.push(singleChunk(item));
  const sortedFindings = sortChunks(chunks, previous?.sorted);
  const sorted = sortedFindings.sorted;
  const counts: Record<FindingSeverity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const item of sorted) counts[item.severity]++;
  // A copy: the sorted list is kept for the next evaluation, and the result is the caller's.
  const result: SecurityResult = { findings: [...sorted], counts, exposurePaths };
  memoryOf.set(result, { sorted: sortedFindings, exposure: exposure.recent, indexed: { doc, index } });
  return result;
}
