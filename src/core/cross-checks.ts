/**
 * Checks that look at several resources at once: references resolved against the file's names,
 * reference kinds, dependency cycles, zones against the file's zones, EBS placement, and unused
 * security groups. Per-resource parts are cached by resource object (see `resolutions`); the passes
 * over the whole file are plain loops over cached arrays, which stays cheap at ten thousand resources.
 */
import { typeMatches } from '../model/catalog';
import type { ArchDiagnostic, MapNode, Range, ReferenceOccurrence, ResourceNode, TextEdit } from './document';
import { Codes } from './codes';
import type { ReferenceDraft } from './references';
import { shiftDiagnostic } from './shift';
import { shiftRange } from './line-index';
import { andList, compareScored, orList, scoredMatches, type ScoredMatch } from './suggest';

/** The input of the cross-resource checks. */
export interface CrossInput {
  readonly root: MapNode | undefined;
  readonly resources: readonly ResourceNode[];
  readonly resourceByName: ReadonlyMap<string, ResourceNode>;
  /** Reference drafts per resource, in the same order as `resources`. */
  readonly drafts: readonly (readonly ReferenceDraft[])[];
  readonly zones: readonly string[];
  readonly text: string;
  /** What the previous parse's checks kept (name table, dependency graph, did-you-mean answers). */
  readonly previous?: CrossState;
  /**
   * Resources that only moved: from `start` on, every resource (and its drafts) is the previous
   * parse's resource at `previousStart` onwards with its ranges moved down by `lines` lines. Their
   * cached results are moved the same way instead of being worked out again.
   */
  readonly moved?: MovedResources;
}

/** See `CrossInput.moved`. */
export interface MovedResources {
  readonly start: number;
  readonly previousStart: number;
  readonly lines: number;
}

/**
 * Did-you-mean answers for unknown names, valid for one list of resource names: every close name
 * with its distance, so that the next list, a few names different, updates an answer cheaply.
 */
export interface SuggestionMemo {
  readonly answers: Map<string, readonly ScoredMatch[]>;
}

/**
 * The resource names and types of one parse. Its identity is its version: a parse whose resources
 * have the same names and types in the same order keeps the previous table object, and every
 * per-resource result computed against that table stays valid.
 */
interface NameTable {
  readonly names: readonly string[];
  /**
   * This table's identity, which resolutions are stamped with. A token rather than the table itself,
   * so that the tables listed in `ancestors` are not kept alive (with their name lists) by later ones.
   */
  readonly version: object;
  /**
   * The tables of the last few parses before this one, newest first, each with the names whose
   * presence or type differs between it and this table. A resolution stamped with one of them
   * still holds here when it looks up none of those names (see `carriedOver`).
   */
  readonly ancestors: readonly Ancestor[];
}

/** An earlier name table (by its `version`) and the names changed since. */
interface Ancestor {
  readonly version: object;
  readonly changed: ReadonlySet<string>;
}

/** How many earlier tables a table remembers; a resolution older than that is resolved again. */
const maxAncestors = 16;
/** A carried resolution this many tables old is stamped anew, so few reach `maxAncestors`. */
const restampDepth = 8;

/** What one parse's cross-resource checks hand to the next parse. */
export interface CrossState {
  readonly resources: readonly ResourceNode[];
  readonly table: NameTable;
  /** Per resource (same order): its dependency edges as text, so an unchanged graph is one loop of comparisons. */
  readonly graphKeys: readonly string[];
  /** The dependency cycles found last time (member names), reused while the graph is unchanged. */
  readonly cycleMembers: readonly (readonly string[])[];
  readonly suggestions: SuggestionMemo;
  /** Per resource (same order): its resolution, and where its references start in `references`. */
  readonly resolutions: readonly Resolution[];
  readonly referenceStarts: Int32Array;
  readonly references: readonly ReferenceOccurrence[];
  /** Per resource (same order): the zone letters it names that `zonesKey` does not list. */
  readonly unknownZones: readonly (readonly { readonly zone: string; readonly range: Range }[])[];
  readonly zonesKey: string;
}

/** A resource's references resolved against one name table, and what resolving them reported. */
interface Resolution {
  /** The `version` of the name table it was made against (or, carried over, one it holds in). */
  readonly version: object;
  readonly drafts: readonly ReferenceDraft[];
  readonly references: readonly ReferenceOccurrence[];
  readonly diagnostics: readonly ArchDiagnostic[];
  readonly graphKey: string;
  /** The references that attach an EBS volume to an instance (`attachedTo`, named `volumes`). */
  readonly attachments: readonly ReferenceOccurrence[];
  /** The security groups this resource's references use (its own group's rules aside). */
  readonly groupsUsed: readonly string[];
  /** Whether a rule of this security group names the group itself. */
  readonly refersToItself: boolean;
  /**
   * False when a diagnostic points at another resource's name (a wrong-kind reference), which
   * moves when that resource moves: such a resolution is made again on every parse.
   */
  readonly cacheable: boolean;
}

/**
 * Memo: Resolutions by resource object. The parser hands back the very same `ResourceNode` for a resource
 * whose text and position did not change, so after a one-character edit every resource but the
 * edited one is answered from here (house rule: caches of per-resource work are keyed by identity).
 */
const resolutions = new WeakMap<ResourceNode, Resolution>();

/** The table of this parse: the previous one when names and types are unchanged, else a new one. */
function nameTable(resources: readonly ResourceNode[], previous: CrossState | undefined): NameTable {
  if (previous !== undefined && previous.resources.length === resources.length) {
    const before = previous.resources;
    let same = true;
    for (let index = 0; index < resources.length; index++) {
      const now = resources[index]!;
      const then = before[index]!;
      if (now !== then && (now.name !== then.name || now.type !== then.type)) {
        same = false;
        break;
      }
    }
    if (same) return previous.table;
  }
  const names = resources.map((resource) => resource.name);
  // Names changed (a rename, a resource added or removed): remember which, against the previous
  // tables, so resolutions that look none of them up are carried over rather than made again.
  const changed = previous !== undefined ? changedNames(resources, previous.resources) : undefined;
  if (previous === undefined || changed === undefined) return { names, version: {}, ancestors: [] };
  const ancestors: Ancestor[] = [{ version: previous.table.version, changed }];
  for (const older of previous.table.ancestors) {
    if (ancestors.length >= maxAncestors) break;
    const union = new Set(older.changed);
    for (const name of changed) union.add(name);
    ancestors.push({ version: older.version, changed: union });
  }
  return { names, version: {}, ancestors };
}

/**
 * `closestMatches` against the resource names, memoised: comparing every unknown reference with ten
 * thousand names on each keystroke would dominate the parse, and names rarely change while typing.
 */
function suggester(table: NameTable, previous: CrossState | undefined, present: ReadonlyMap<string, unknown>): ((word: string) => string[]) & { memo: SuggestionMemo } {
  const memo: SuggestionMemo = previous !== undefined && previous.table === table ? previous.suggestions : { answers: new Map() };
  // After a rename the same unknown names are asked about again: the previous table's answer,
  // without the names that changed and with those of them now present scored, is the new answer.
  const parent = previous !== undefined && previous.table !== table && table.ancestors[0]?.version === previous.table.version ? table.ancestors[0] : undefined;
  const before = parent !== undefined ? previous!.suggestions.answers : undefined;
  const suggest = (word: string): string[] => {
    let answer = memo.answers.get(word);
    if (answer === undefined) {
      const earlier = before?.get(word);
      if (earlier !== undefined) {
        const kept = earlier.filter((match) => !parent!.changed.has(match.candidate));
        const added = scoredMatches(word, [...parent!.changed].filter((name) => present.has(name)));
        answer = added.length === 0 ? kept : kept.concat(added).sort(compareScored);
      } else answer = scoredMatches(word, table.names);
      memo.answers.set(word, answer);
    }
    const shown: string[] = [];
    for (let index = 0; index < answer.length && index < 3; index++) shown.push(answer[index]!.candidate);
    return shown;
  };
  return Object.assign(suggest, { memo });
}

/**
 * A security group's rule naming its own group (`ingress: [{ from: app-sg }]` inside `app-sg`) lets
 * the group's members talk to each other: a normal AWS pattern, not a self-dependency.
 */
function isOwnGroupRule(resource: ResourceNode, draft: ReferenceDraft): boolean {
  return resource.type === 'aws.ec2.security-group' && (draft.path[0] === 'ingress' || draft.path[0] === 'egress');
}

/** Resolves one resource's references against the file's names. */
function resolve(resource: ResourceNode, drafts: readonly ReferenceDraft[], input: CrossInput, table: NameTable, suggest: (word: string) => string[]): Resolution {
  const diagnostics: ArchDiagnostic[] = [];
  const references: ReferenceOccurrence[] = [];
  const edges: string[] = [];
  const attachments: ReferenceOccurrence[] = [];
  const groupsUsed: string[] = [];
  let refersToItself = false;
  // A wrong-kind diagnostic points at the target's name, which moves when the target moves: such a
  // resolution is recomputed on every parse (it is rare, and an error the user is about to fix).
  let cacheable = true;
  for (const draft of drafts) {
    const target = input.resourceByName.get(draft.target);
    if (target === undefined && draft.onlyIfResolved) continue;
    const reference: ReferenceOccurrence = {
      from: resource.name,
      path: draft.path,
      target: draft.target,
      range: draft.range,
      role: draft.role,
      resolved: target !== undefined,
      ...(draft.port !== undefined ? { port: draft.port } : {}),
      ...(draft.optional ? { optional: true } : {}),
    };
    references.push(reference);
    if (target !== undefined) {
      if (target === resource) refersToItself = true;
      else if (target.type === 'aws.ec2.security-group') groupsUsed.push(target.name);
      if (isAttachment(resource, target, draft.path[0])) attachments.push(reference);
    }
    if (target !== undefined && target !== resource && !draft.optional) {
      if (draft.role === 'hard' || draft.role === 'any-of') edges.push(`>${draft.target}`);
      else if (draft.role === 'reverse-hard') edges.push(`<${draft.target}`);
    }
    if (draft.badPort !== undefined) {
      diagnostics.push({ code: Codes.invalidPort, severity: 'error', message: `\`${draft.badPort.text}\` is not a port; write \`name:port\` with a port from 0 to 65535.`, range: draft.badPort.range, source: 'cloudarch', resource: resource.name });
    }
    const property = propertyName(draft);
    if (target === undefined) {
      const close = suggest(draft.target);
      diagnostics.push({
        code: Codes.unknownReference,
        severity: 'error',
        message: close.length > 0 ? `No resource is named \`${draft.target}\`; did you mean ${orList(close)}?` : `No resource is named \`${draft.target}\` in this file.`,
        range: draft.range,
        source: 'cloudarch',
        resource: resource.name,
        ...(close.length > 0 ? { fixes: close.map((candidate, order) => ({ title: `Change to \`${candidate}\``, edits: [{ range: draft.range, newText: candidate }], isPreferred: order === 0 })) } : {}),
      });
      continue;
    }
    if (target === resource) {
      if (!isOwnGroupRule(resource, draft)) {
        diagnostics.push({ code: Codes.selfReference, severity: 'error', message: `\`${resource.name}\` refers to itself in \`${property}\`; a resource cannot depend on or connect to itself.`, range: draft.range, source: 'cloudarch', resource: resource.name });
      }
      continue;
    }
    if (target.type !== undefined && target.typeDef !== undefined && !draft.accepts.some((pattern) => typeMatches(target.type!, pattern))) {
      cacheable = false;
      diagnostics.push({
        code: Codes.wrongReferenceKind,
        severity: 'error',
        message: `\`${draft.target}\` is an ${target.type}; \`${property}\` expects ${draft.accepts.length === 1 ? 'an' : 'one of'} ${draft.accepts.join(', ')}.`,
        range: draft.range,
        source: 'cloudarch',
        resource: resource.name,
        related: [{ message: `\`${draft.target}\` is defined here`, range: target.nameRange }],
      });
    }
  }
  return { version: table.version, drafts, references, diagnostics, graphKey: edges.join('\n'), attachments, groupsUsed, refersToItself, cacheable };
}

/**
 * Resolves references and reports every cross-resource problem. Per-resource work (resolving a
 * resource's references, its zone check) is reused for every resource object seen before against
 * the same name table; what spans resources (cycles, EBS placement, unused groups) runs over the
 * cached arrays, and the cycle search only when the dependency graph changed.
 */
export function crossCheck(input: CrossInput): { references: ReferenceOccurrence[]; diagnostics: ArchDiagnostic[]; state: CrossState } {
  const diagnostics: ArchDiagnostic[] = [];
  const previous = input.previous;
  const resources = input.resources;
  const count = resources.length;
  const table = nameTable(resources, previous);
  const suggest = suggester(table, previous, input.resourceByName);
  const resolutions = new Array<Resolution>(count);
  const graphKeys = new Array<string>(count);
  const referenceStarts = new Int32Array(count + 1);
  let references: ReferenceOccurrence[];
  let graphChanged: boolean;
  // With the same name table, the resources the edit did not touch are the very same objects at
  // the start and at the end of the list: their resolutions and references are taken over by
  // position, and only the span between is resolved (and compared with what it replaced).
  const kept = previous !== undefined && previous.table === table ? keptEnds(resources, previous.resources, input.drafts, previous.resolutions) : undefined;
  if (kept !== undefined && previous !== undefined) {
    const { head, tail } = kept;
    const oldCount = previous.resources.length;
    const fresh: ReferenceOccurrence[] = [];
    graphChanged = false;
    for (let index = 0; index < head; index++) {
      resolutions[index] = previous.resolutions[index]!;
      graphKeys[index] = previous.graphKeys[index]!;
      referenceStarts[index] = previous.referenceStarts[index]!;
    }
    let at = previous.referenceStarts[head]!;
    const moved = movedFrom(input, previous);
    for (let index = head; index < count - tail; index++) {
      const old = moved === undefined || index < moved.start ? -1 : index - moved.start + moved.previousStart;
      const resolution = old >= 0 ? movedResolution(resources[index]!, previous.resolutions[old]!, input.drafts[index] ?? [], moved!.lines, input, table, suggest) : resolutionOf(resources[index]!, input.drafts[index] ?? [], input, table, suggest);
      resolutions[index] = resolution;
      graphKeys[index] = resolution.graphKey;
      // The table is the same, so the count is too and the span replaced the same positions.
      if (previous.graphKeys[index] !== resolution.graphKey) graphChanged = true;
      referenceStarts[index] = at;
      at += resolution.references.length;
      for (const reference of resolution.references) fresh.push(reference);
    }
    const shift = at - previous.referenceStarts[oldCount - tail]!;
    for (let index = count - tail; index <= count; index++) {
      const old = index - count + oldCount;
      if (index < count) {
        resolutions[index] = previous.resolutions[old]!;
        graphKeys[index] = previous.graphKeys[old]!;
      }
      referenceStarts[index] = previous.referenceStarts[old]! + shift;
    }
    references = previous.references.slice(0, previous.referenceStarts[head]!).concat(fresh, previous.references.slice(previous.referenceStarts[oldCount - tail]!));
  } else {
    references = [];
    const moved = previous !== undefined ? movedFrom(input, previous) : undefined;
    for (let index = 0; index < count; index++) {
      const old = moved === undefined || index < moved.start ? -1 : index - moved.start + moved.previousStart;
      const resolution =
        old >= 0 ? movedResolution(resources[index]!, previous!.resolutions[old]!, input.drafts[index] ?? [], moved!.lines, input, table, suggest) : resolutionOf(resources[index]!, input.drafts[index] ?? [], input, table, suggest);
      resolutions[index] = resolution;
      graphKeys[index] = resolution.graphKey;
      referenceStarts[index] = references.length;
      for (const reference of resolution.references) references.push(reference);
    }
    referenceStarts[count] = references.length;
    graphChanged = previous === undefined || !sameGraph(resources, graphKeys, previous.resources, previous.graphKeys);
  }
  for (const resolution of resolutions) if (resolution.diagnostics.length > 0) for (const diagnostic of resolution.diagnostics) diagnostics.push(diagnostic);
  let cycleMembers: readonly (readonly string[])[];
  if (graphChanged) {
    const found = cycles(input, references);
    cycleMembers = found.members;
    diagnostics.push(...found.diagnostics);
  } else {
    cycleMembers = previous!.cycleMembers;
    // The same cycles, reported at the references' current places.
    if (cycleMembers.length > 0) diagnostics.push(...cycles(input, references).diagnostics);
  }
  const zones = zoneChecks(input, previous, kept);
  diagnostics.push(...zones.diagnostics);
  diagnostics.push(...ebsPlacement(input, resolutions));
  diagnostics.push(...unusedSecurityGroups(input, resolutions));
  return {
    references,
    diagnostics,
    state: { resources, table, graphKeys, cycleMembers, suggestions: suggest.memo, resolutions, referenceStarts, references, unknownZones: zones.unknown, zonesKey: zones.zonesKey },
  };
}

/** A resource's resolution: the cached one when it was made against this table with these drafts. */
function resolutionOf(resource: ResourceNode, drafts: readonly ReferenceDraft[], input: CrossInput, table: NameTable, suggest: (word: string) => string[]): Resolution {
  const cached = resolutions.get(resource);
  if (cached !== undefined && cached.drafts === drafts) {
    if (cached.version === table.version) return cached;
    const depth = carriedOver(cached, table);
    // Carried over as it is (no copy per resource per rename) until it is a few tables old.
    if (depth >= 0 && depth < restampDepth) return cached;
    if (depth >= 0) {
      const restamped: Resolution = { ...cached, version: table.version };
      resolutions.set(resource, restamped);
      return restamped;
    }
  }
  const fresh = resolve(resource, drafts, input, table, suggest);
  if (fresh.cacheable) resolutions.set(resource, fresh);
  else resolutions.delete(resource);
  return fresh;
}

/** At most this many resources may differ for the changed names to be worked out; beyond, all are resolved again. */
const maxChangedResources = 256;

/**
 * The names that differ between two resource lists: present in one only, or with another type.
 * Both lists are compared from each end while names and types agree; only the stretches between
 * can differ (names are unique in each list, so a name found in one end cannot be in the other's
 * middle). Undefined when the middles are too long to be worth it.
 */
function changedNames(now: readonly ResourceNode[], then: readonly ResourceNode[]): Set<string> | undefined {
  const shortest = Math.min(now.length, then.length);
  let head = 0;
  while (head < shortest && now[head]!.name === then[head]!.name && now[head]!.type === then[head]!.type) head++;
  let tail = 0;
  while (tail < shortest - head && now[now.length - 1 - tail]!.name === then[then.length - 1 - tail]!.name && now[now.length - 1 - tail]!.type === then[then.length - 1 - tail]!.type) tail++;
  const nowEnd = now.length - tail;
  const thenEnd = then.length - tail;
  if (nowEnd - head + (thenEnd - head) > maxChangedResources) return undefined;
  const before = new Map<string, string | undefined>();
  for (let index = head; index < thenEnd; index++) before.set(then[index]!.name, then[index]!.type);
  const changed = new Set<string>();
  const seen = new Set<string>();
  for (let index = head; index < nowEnd; index++) {
    const { name, type } = now[index]!;
    seen.add(name);
    if (!before.has(name) || before.get(name) !== type) changed.add(name);
  }
  for (const name of before.keys()) if (!seen.has(name)) changed.add(name);
  return changed;
}

/**
 * Whether a resolution made against an earlier table holds against `table`: that table is one of
 * `table`'s ancestors, and the resolution looks up no name changed since and reports no unknown
 * name (whose did-you-mean depends on every name). A resolution's outcome depends on the table only
 * through the names its drafts look up (whether each exists, its type, whether it is the resource
 * itself, which is a matter of names too). Answers the ancestor's depth (0 for the previous
 * table), or -1 when the resolution must be made again.
 */
function carriedOver(resolution: Resolution, table: NameTable): number {
  if (!resolution.cacheable) return -1;
  const ancestors = table.ancestors;
  let depth = 0;
  while (depth < ancestors.length && ancestors[depth]!.version !== resolution.version) depth++;
  if (depth === ancestors.length) return -1;
  const changed = ancestors[depth]!.changed;
  for (const diagnostic of resolution.diagnostics) if (diagnostic.code === Codes.unknownReference) return -1;
  for (const draft of resolution.drafts) if (changed.has(draft.target)) return -1;
  return depth;
}

/**
 * Whether two parses' dependency graphs are the same graph of names. Each resource adds the edges
 * its `graphKey` lists, from its own name; resources whose name changed but that have no edges of
 * their own add nothing, and an edge to a renamed resource would have changed the referrer's key
 * (the old name no longer resolves). So the graphs agree when the keys agree position by position
 * (lists of equal length) or at both ends (otherwise), and every other resource has no edges.
 */
function sameGraph(now: readonly ResourceNode[], nowKeys: readonly string[], then: readonly ResourceNode[], thenKeys: readonly string[]): boolean {
  if (now.length === then.length) {
    for (let index = 0; index < now.length; index++) {
      if (nowKeys[index] !== thenKeys[index]) return false;
      if (nowKeys[index] !== '' && now[index]!.name !== then[index]!.name) return false;
    }
    return true;
  }
  const shortest = Math.min(now.length, then.length);
  let head = 0;
  while (head < shortest && nowKeys[head] === thenKeys[head] && (nowKeys[head] === '' || now[head]!.name === then[head]!.name)) head++;
  let tail = 0;
  const same = (fromEnd: number): boolean => {
    const nowIndex = now.length - 1 - fromEnd;
    const thenIndex = then.length - 1 - fromEnd;
    return nowKeys[nowIndex] === thenKeys[thenIndex] && (nowKeys[nowIndex] === '' || now[nowIndex]!.name === then[thenIndex]!.name);
  };
  while (tail < shortest - head && same(tail)) tail++;
  for (let index = head; index < now.length - tail; index++) if (nowKeys[index] !== '') return false;
  for (let index = head; index < then.length - tail; index++) if (thenKeys[index] !== '') return false;
  return true;
}

/** The input's moved resources, when they line up with the previous parse's list. */
function movedFrom(input: CrossInput, previous: CrossState): MovedResources | undefined {
  const moved = input.moved;
  if (moved === undefined || moved.lines === 0 || moved.start < 0 || moved.previousStart < 0) return undefined;
  if (input.resources.length - moved.start !== previous.resources.length - moved.previousStart || previous.resolutions.length !== previous.resources.length) return undefined;
  return moved;
}

/**
 * The resolution of a resource that only moved by `lines` lines: the previous one with its ranges
 * moved, when it was made against this table and may be kept; otherwise resolved afresh. Moving
 * looks nothing up (the names are the same, so every target resolves as before) and builds no
 * suggestions; a reference takes the range of the moved draft it came from, so nothing is copied twice.
 */
function movedResolution(resource: ResourceNode, before: Resolution, drafts: readonly ReferenceDraft[], lines: number, input: CrossInput, table: NameTable, suggest: (word: string) => string[]): Resolution {
  if ((before.version !== table.version && carriedOver(before, table) < 0) || !before.cacheable || before.drafts.length !== drafts.length) return resolutionOf(resource, drafts, input, table, suggest);
  let references: readonly ReferenceOccurrence[] = noReferences;
  let attachments: readonly ReferenceOccurrence[] = noReferences;
  if (before.references.length > 0) {
    const moved = new Array<ReferenceOccurrence>(before.references.length);
    let draft = 0;
    for (let index = 0; index < before.references.length; index++) {
      const reference = before.references[index]!;
      // References are made in draft order (some drafts make none) and carry their draft's range.
      while (draft < drafts.length && before.drafts[draft]!.range !== reference.range) draft++;
      const range = draft < drafts.length ? drafts[draft++]!.range : shiftRange(reference.range, lines);
      moved[index] = { ...reference, range };
    }
    references = moved;
    if (before.attachments.length > 0) attachments = before.attachments.map((attachment) => moved[before.references.indexOf(attachment)]!);
  }
  const resolution: Resolution = {
    version: table.version,
    drafts,
    references,
    diagnostics: before.diagnostics.length === 0 ? before.diagnostics : before.diagnostics.map((diagnostic) => shiftDiagnostic(diagnostic, lines)),
    graphKey: before.graphKey,
    attachments,
    groupsUsed: before.groupsUsed,
    refersToItself: before.refersToItself,
    cacheable: true,
  };
  resolutions.set(resource, resolution);
  return resolution;
}

const noReferences: readonly ReferenceOccurrence[] = [];

/**
 * How many resources at the start (`head`) and at the end (`tail`) of the list are the same
 * objects, with the same drafts and a resolution that may be kept, as in the previous list of the
 * same length; undefined when the lengths differ.
 */
function keptEnds(now: readonly ResourceNode[], then: readonly ResourceNode[], drafts: readonly (readonly ReferenceDraft[])[], resolved: readonly Resolution[]): { head: number; tail: number } | undefined {
  const count = now.length;
  if (then.length !== count || resolved.length !== count) return undefined;
  const keep = (index: number): boolean => {
    const resolution = resolved[index]!;
    return now[index] === then[index] && resolution.cacheable && resolution.drafts === (drafts[index] ?? []);
  };
  let head = 0;
  while (head < count && keep(head)) head++;
  let tail = 0;
  while (tail < count - head && keep(count - 1 - tail)) tail++;
  return { head, tail };
}

function propertyName(draft: ReferenceDraft | ReferenceOccurrence): string {
  const keys = draft.path.filter((part): part is string => typeof part === 'string');
  return keys.join('.');
}

/** Dependency cycles: strongly connected components of the dependency graph (Tarjan, iterative). */
function cycles(input: CrossInput, references: readonly ReferenceOccurrence[]): { members: string[][]; diagnostics: ArchDiagnostic[] } {
  const edges = new Map<string, { to: string; reference: ReferenceOccurrence }[]>();
  const add = (from: string, to: string, reference: ReferenceOccurrence): void => {
    let list = edges.get(from);
    if (list === undefined) edges.set(from, (list = []));
    list.push({ to, reference });
  };
  for (const reference of references) {
    if (!reference.resolved || reference.from === reference.target || reference.optional) continue;
    if (reference.role === 'hard' || reference.role === 'any-of') add(reference.from, reference.target, reference);
    else if (reference.role === 'reverse-hard') add(reference.target, reference.from, reference);
  }
  if (edges.size === 0) return { members: [], diagnostics: [] };
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const start of edges.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; edge: number }[] = [{ node: start, edge: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const out = edges.get(frame.node) ?? [];
      if (frame.edge < out.length) {
        const next = out[frame.edge++]!.to;
        if (!index.has(next)) {
          index.set(next, counter);
          low.set(next, counter++);
          stack.push(next);
          onStack.add(next);
          work.push({ node: next, edge: 0 });
        } else if (onStack.has(next)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(next)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1) components.push(component);
      }
    }
  }
  const diagnostics: ArchDiagnostic[] = [];
  for (const component of components) {
    const members = new Set(component);
    const ordered = input.resources.filter((resource) => members.has(resource.name)).map((resource) => resource.name);
    const cycleEdges: ReferenceOccurrence[] = [];
    for (const name of ordered) for (const edge of edges.get(name) ?? []) if (members.has(edge.to)) cycleEdges.push(edge.reference);
    for (const reference of cycleEdges) {
      diagnostics.push({
        code: Codes.dependencyCycle,
        severity: 'error',
        message: `Dependency cycle: ${ordered.map((name) => `\`${name}\``).join(', ')} depend on one another, so none of them could start first. Remove one of these references or mark a \`connectsTo\` entry \`optional: true\`.`,
        range: reference.range,
        source: 'cloudarch',
        resource: reference.from,
        related: cycleEdges.filter((other) => other !== reference).map((other) => ({ message: `\`${other.from}\` → \`${other.target}\``, range: other.range })),
      });
    }
  }
  return { members: components, diagnostics };
}

/** Memo: A resource's written `zones` list, by resource object (several checks read it). */
const zonesEntries = new WeakMap<ResourceNode, ZonesEntry | null>();

interface ZonesEntry {
  readonly letters: readonly { readonly zone: string; readonly range: Range }[];
  readonly range: Range;
}

function zonesEntry(resource: ResourceNode): ZonesEntry | undefined {
  let entry = zonesEntries.get(resource);
  if (entry === undefined) zonesEntries.set(resource, (entry = readZonesEntry(resource) ?? null));
  return entry ?? undefined;
}

function readZonesEntry(resource: ResourceNode): ZonesEntry | undefined {
  const entry = resource.body?.entries.find((candidate) => candidate.key === 'zones');
  if (entry?.value?.kind !== 'seq') return undefined;
  const letters = entry.value.items.flatMap((item) => (item.kind === 'scalar' && typeof item.value === 'string' ? [{ zone: item.value, range: item.range }] : []));
  return { letters, range: entry.value.range };
}

/** Memo: Per resource object: the zone letters it names that the file's zones (`zonesKey`) do not list. */
const unknownZonesByResource = new WeakMap<ResourceNode, { readonly zonesKey: string; readonly unknown: readonly { readonly zone: string; readonly range: Range }[] }>();

const noZones: readonly { readonly zone: string; readonly range: Range }[] = [];

function unknownZonesOf(resource: ResourceNode, allowed: ReadonlySet<string>, zonesKey: string): readonly { readonly zone: string; readonly range: Range }[] {
  const cached = unknownZonesByResource.get(resource);
  if (cached !== undefined && cached.zonesKey === zonesKey) return cached.unknown;
  let unknown = noZones;
  // A resource in another region uses that region's zones, which the top level does not list.
  const zones = typeof resource.props.region === 'string' ? undefined : zonesEntry(resource);
  if (zones !== undefined) {
    const found = zones.letters.filter(({ zone }) => !allowed.has(zone) && /^[a-z]$/.test(zone));
    if (found.length > 0) unknown = found;
  }
  unknownZonesByResource.set(resource, { zonesKey, unknown });
  return unknown;
}

/** A resource's unknown zones moved by `lines` lines (nearly always none, shared). */
function movedZones(unknown: readonly { readonly zone: string; readonly range: Range }[], lines: number): readonly { readonly zone: string; readonly range: Range }[] {
  return unknown.length === 0 ? unknown : unknown.map(({ zone, range }) => ({ zone, range: shiftRange(range, lines) }));
}

/**
 * Zones a resource names that the file does not list in its top-level `zones`. With the same
 * zones, the answers of the resources kept at both ends (`kept`) are taken over by position.
 */
function zoneChecks(
  input: CrossInput,
  previous: CrossState | undefined,
  kept: { readonly head: number; readonly tail: number } | undefined,
): { diagnostics: ArchDiagnostic[]; unknown: (readonly { readonly zone: string; readonly range: Range }[])[]; zonesKey: string } {
  const allowed = new Set(input.zones);
  const zonesKey = input.zones.join(',');
  const resources = input.resources;
  const count = resources.length;
  const unknownZones = new Array<readonly { readonly zone: string; readonly range: Range }[]>(count);
  const reuse = kept !== undefined && previous !== undefined && previous.zonesKey === zonesKey && previous.unknownZones.length === count;
  // Moved resources take their moved answers whenever the zones are the same, whatever the names did.
  const sameZones = previous !== undefined && previous.zonesKey === zonesKey && previous.unknownZones.length === previous.resources.length;
  const before = sameZones ? previous.unknownZones : undefined;
  const moved = sameZones ? movedFrom(input, previous) : undefined;
  for (let index = 0; index < count; index++) {
    if (reuse && (index < kept.head || index >= count - kept.tail)) unknownZones[index] = previous.unknownZones[index]!;
    else if (before !== undefined && moved !== undefined && index >= moved.start) unknownZones[index] = movedZones(before[index - moved.start + moved.previousStart]!, moved.lines);
    else unknownZones[index] = unknownZonesOf(resources[index]!, allowed, zonesKey);
  }
  const diagnostics: ArchDiagnostic[] = [];
  for (let index = 0; index < count; index++) {
    const unknown = unknownZones[index]!;
    if (unknown.length === 0) continue;
    const resource = resources[index]!;
    for (const { zone, range } of unknown) {
      const fix = addZoneEdit(input, zone);
      diagnostics.push({
        code: Codes.unknownZone,
        severity: 'error',
        message: `Zone \`${zone}\` is not one of the file's zones (${input.zones.join(', ')}); add it to the top-level \`zones\` or pick one of those.`,
        range,
        source: 'cloudarch',
        resource: resource.name,
        ...(fix !== undefined ? { fixes: [{ title: `Add zone \`${zone}\` to the top-level \`zones\``, edits: [fix], isPreferred: true }] } : {}),
      });
    }
  }
  return { diagnostics, unknown: unknownZones, zonesKey };
}

/** The edit that adds a zone letter to the top-level `zones` (writing the list if it is absent). */
function addZoneEdit(input: CrossInput, zone: string): TextEdit | undefined {
  const root = input.root;
  if (root === undefined) return undefined;
  const entry = root.entries.find((candidate) => candidate.key === 'zones');
  if (entry === undefined) {
    const resources = root.entries.find((candidate) => candidate.key === 'resources');
    const at = resources?.keyRange.start ?? root.range.end;
    return { range: { start: { line: at.line, character: 0 }, end: { line: at.line, character: 0 } }, newText: `zones: [${[...input.zones, zone].join(', ')}]\n` };
  }
  const list = entry.value;
  if (list?.kind !== 'seq') return undefined;
  const last = list.items[list.items.length - 1];
  if (list.flow) {
    const end = { line: list.range.end.line, character: list.range.end.character - 1 };
    if (last === undefined) return { range: { start: end, end }, newText: zone };
    return { range: { start: last.range.end, end: last.range.end }, newText: `, ${zone}` };
  }
  if (last === undefined) return undefined;
  const dashColumn = Math.max(0, last.range.start.character - 2);
  return { range: { start: last.range.end, end: last.range.end }, newText: `\n${' '.repeat(dashColumn)}- ${zone}` };
}

/** Whether `resource`'s reference at `property` to `target` attaches an EBS volume to an instance. */
function isAttachment(resource: ResourceNode, target: ResourceNode, property: string | number | undefined): boolean {
  if (property === 'attachedTo') return resource.type === 'aws.ebs.volume' && target.type === 'aws.ec2.instance';
  if (property === 'volumes') return target.type === 'aws.ebs.volume' && (resource.type === 'aws.ec2.instance' || resource.type === 'aws.autoscaling.group');
  return false;
}

/**
 * EBS volumes live in one zone and attach only to instances in that zone. Only the attaching
 * references are visited (each resolution lists its own), not every reference of the file.
 */
function ebsPlacement(input: CrossInput, resolved: readonly Resolution[]): ArchDiagnostic[] {
  const diagnostics: ArchDiagnostic[] = [];
  const attachments = new Map<string, ReferenceOccurrence[]>();
  for (const resolution of resolved) {
   if (resolution.attachments.length === 0) continue;
   for (const reference of resolution.attachments) {
    const from = input.resourceByName.get(reference.from);
    const target = input.resourceByName.get(reference.target);
    if (from === undefined || target === undefined) continue;
    // `attachedTo` on the volume, or a named volume in an instance's `volumes`.
    let volume: ResourceNode | undefined;
    let instance: ResourceNode | undefined;
    if (from.type === 'aws.ebs.volume' && reference.path[0] === 'attachedTo' && target.type === 'aws.ec2.instance') [volume, instance] = [from, target];
    else if (target.type === 'aws.ebs.volume' && reference.path[0] === 'volumes' && (from.type === 'aws.ec2.instance' || from.type === 'aws.autoscaling.group')) [volume, instance] = [target, from];
    if (volume === undefined || instance === undefined) continue;
    let list = attachments.get(volume.name);
    if (list === undefined) attachments.set(volume.name, (list = []));
    list.push(reference);
    const volumeZones = zonesEntry(volume);
    const volumeZone = volumeZones?.letters[0]?.zone ?? input.zones[0];
    const instanceZones = zonesEntry(instance);
    const instanceZoneList = instanceZones?.letters.map((letter) => letter.zone) ?? [...input.zones];
    const spread = instanceZoneList.filter((zone) => zone !== volumeZone);
    if (volumeZone === undefined || spread.length === 0) continue;
    const inside = instanceZoneList.includes(volumeZone);
    diagnostics.push({
      code: Codes.ebsZoneMismatch,
      severity: inside ? 'warning' : 'error',
      message: inside
        ? `Volume \`${volume.name}\` is in zone \`${volumeZone}\`, but \`${instance.name}\` also runs in ${orList(spread)}; an EBS volume attaches only to instances in its own zone.`
        : `Volume \`${volume.name}\` is in zone \`${volumeZone}\` but \`${instance.name}\` runs in ${orList(instanceZoneList)}; an EBS volume attaches only to instances in its own zone.`,
      range: reference.range,
      source: 'cloudarch',
      resource: reference.from,
      related: [
        { message: `\`${instance.name}\`'s zones`, range: instanceZones?.range ?? instance.nameRange },
        { message: `\`${volume.name}\`'s zone`, range: volumeZones?.range ?? volume.nameRange },
      ],
    });
   }
  }
  for (const [name, list] of attachments) {
    const volume = input.resourceByName.get(name)!;
    const instances = new Set(list.map((reference) => (reference.from === name ? reference.target : reference.from)));
    if (instances.size <= 1) continue;
    const multiAttach = volume.props.multiAttach === true;
    if (!multiAttach) {
      diagnostics.push({ code: Codes.volumeAttachedTwice, severity: 'error', message: `Volume \`${name}\` is attached to ${instances.size} instances (${andList([...instances])}); without \`multiAttach: true\` an EBS volume attaches to one instance at a time.`, range: list[1]!.range, source: 'cloudarch', resource: list[1]!.from });
    } else if (instances.size > 16) {
      diagnostics.push({ code: Codes.multiAttachLimit, severity: 'error', message: `Volume \`${name}\` is attached to ${instances.size} instances; Multi-Attach allows at most 16 Nitro instances in the volume's zone.`, range: list[16]!.range, source: 'cloudarch', resource: list[16]!.from });
    }
  }
  return diagnostics;
}

/**
 * Security groups that nothing uses are clutter, or a sign of a forgotten attachment. A group whose
 * only mentions are its own rules (members talking to each other) is still not attached to anything.
 */
function unusedSecurityGroups(input: CrossInput, resolved: readonly Resolution[]): ArchDiagnostic[] {
  // Each resolution lists the groups its references use, so only those references are visited.
  const used = new Set<string>();
  for (const resolution of resolved) if (resolution.groupsUsed.length > 0) for (const group of resolution.groupsUsed) used.add(group);
  const diagnostics: ArchDiagnostic[] = [];
  for (let index = 0; index < input.resources.length; index++) {
    const resource = input.resources[index]!;
    if (resource.type !== 'aws.ec2.security-group' || used.has(resource.name)) continue;
    diagnostics.push({
      code: Codes.unusedSecurityGroup,
      severity: 'information',
      message: resolved[index]!.refersToItself
        ? `Security group \`${resource.name}\` is not attached to any resource; only its own rules refer to it.`
        : `Security group \`${resource.name}\` is not attached to any resource and no rule refers to it.`,
      range: resource.nameRange,
      source: 'cloudarch',
      resource: resource.name,
      tags: ['unnecessary'],
    });
  }
  return diagnostics;
}
