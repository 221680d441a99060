/**
 * The name-table machinery of the cross-resource checks: each parse's table of resource names and
 * types (kept while they are unchanged, so results made against it stay valid), did-you-mean
 * suggestions memoised against it, and each resource's references resolved against it, reused,
 * carried over or moved across parses. The checks themselves are in cross-checks.ts.
 */
import { typeMatches } from '../model/catalog';
import type { ArchDiagnostic, ReferenceOccurrence, ResourceNode } from './document';
import { Codes } from './codes';
import type { CrossInput, CrossState, MovedResources } from './cross-checks';
import type { ReferenceDraft } from './references';
import { shiftDiagnostic } from './shift';
import { shiftRange } from './line-index';
import { compareScored, orList, scoredMatches, type ScoredMatch } from './suggest';

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
export interface NameTable {
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

/** A resource's references resolved against one name table, and what resolving them reported. */
export interface Resolution {
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
export function nameTable(resources: readonly ResourceNode[], previous: CrossState | undefined): NameTable {
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
export function suggester(
  table: NameTable,
  previous: CrossState | undefined,
  present: ReadonlyMap<string, unknown>,
): ((word: string) => string[]) & { memo: SuggestionMemo } {
  const memo: SuggestionMemo = previous !== undefined && previous.table === table ? previous.suggestions : { answers: new Map() };
  // After a rename the same unknown names are asked about again: the previous table's answer,
  // without the names that changed and with those of them now present scored, is the new answer.
  const parent =
    previous !== undefined && previous.table !== table && table.ancestors[0]?.version === previous.table.version
      ? table.ancestors[0]
      : undefined;
  const before = parent !== undefined ? previous!.suggestions.answers : undefined;
  const suggest = (word: string): string[] => {
    let answer = memo.answers.get(word);
    if (answer === undefined) {
      const earlier = before?.get(word);
      if (earlier !== undefined) {
        const kept = earlier.filter((match) => !parent!.changed.has(match.candidate));
        const added = scoredMatches(
          word,
          [...parent!.changed].filter((name) => present.has(name)),
        );
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
function resolve(
  resource: ResourceNode,
  drafts: readonly ReferenceDraft[],
  input: CrossInput,
  table: NameTable,
  suggest: (word: string) => string[],
): Resolution {
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
      diagnostics.push({
        code: Codes.invalidPort,
        severity: 'error',
        message: `\`${draft.badPort.text}\` is not a port; write \`name:port\` with a port from 0 to 65535.`,
        range: draft.badPort.range,
        source: 'cloudarch',
        resource: resource.name,
      });
    }
    const property = propertyName(draft);
    if (target === undefined) {
      const close = suggest(draft.target);
      diagnostics.push({
        code: Codes.unknownReference,
        severity: 'error',
        message:
          close.length > 0
            ? `No resource is named \`${draft.target}\`; did you mean ${orList(close)}?`
            : `No resource is named \`${draft.target}\` in this file.`,
        range: draft.range,
        source: 'cloudarch',
        resource: resource.name,
        ...(close.length > 0
          ? {
              fixes: close.map((candidate, order) => ({
                title: `Change to \`${candidate}\``,
                edits: [{ range: draft.range, newText: candidate }],
                isPreferred: order === 0,
              })),
            }
          : {}),
      });
      continue;
    }
    if (target === resource) {
      if (!isOwnGroupRule(resource, draft)) {
        diagnostics.push({
          code: Codes.selfReference,
          severity: 'error',
          message: `\`${resource.name}\` refers to itself in \`${property}\`; a resource cannot depend on or connect to itself.`,
          range: draft.range,
          source: 'cloudarch',
          resource: resource.name,
        });
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
  return {
    version: table.version,
    drafts,
    references,
    diagnostics,
    graphKey: edges.join('\n'),
    attachments,
    groupsUsed,
    refersToItself,
    cacheable,
  };
}

/** A resource's resolution: the cached one when it was made against this table with these drafts. */
export function resolutionOf(
  resource: ResourceNode,
  drafts: readonly ReferenceDraft[],
  input: CrossInput,
  table: NameTable,
  suggest: (word: string) => string[],
): Resolution {
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
  while (
    tail < shortest - head &&
    now[now.length - 1 - tail]!.name === then[then.length - 1 - tail]!.name &&
    now[now.length - 1 - tail]!.type === then[then.length - 1 - tail]!.type
  )
    tail++;
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
export function sameGraph(
  now: readonly ResourceNode[],
  nowKeys: readonly string[],
  then: readonly ResourceNode[],
  thenKeys: readonly string[],
): boolean {
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
export function movedFrom(input: CrossInput, previous: CrossState): MovedResources | undefined {
  const moved = input.moved;
  if (moved === undefined || moved.lines === 0 || moved.start < 0 || moved.previousStart < 0) return undefined;
  if (
    input.resources.length - moved.start !== previous.resources.length - moved.previousStart ||
    previous.resolutions.length !== previous.resources.length
  )
    return undefined;
  return moved;
}

/**
 * The resolution of a resource that only moved by `lines` lines: the previous one with its ranges
 * moved, when it was made against this table and may be kept; otherwise resolved afresh. Moving
 * looks nothing up (the names are the same, so every target resolves as before) and builds no
 * suggestions; a reference takes the range of the moved draft it came from, so nothing is copied twice.
 */
export function movedResolution(
  resource: ResourceNode,
  before: Resolution,
  drafts: readonly ReferenceDraft[],
  lines: number,
  input: CrossInput,
  table: NameTable,
  suggest: (word: string) => string[],
): Resolution {
  if ((before.version !== table.version && carriedOver(before, table) < 0) || !before.cacheable || before.drafts.length !== drafts.length)
    return resolutionOf(resource, drafts, input, table, suggest);
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
    diagnostics:
      before.diagnostics.length === 0 ? before.diagnostics : before.diagnostics.map((diagnostic) => shiftDiagnostic(diagnostic, lines)),
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
export function keptEnds(
  now: readonly ResourceNode[],
  then: readonly ResourceNode[],
  drafts: readonly (readonly ReferenceDraft[])[],
  resolved: readonly Resolution[],
): { head: number; tail: number } | undefined {
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

/** Whether `resource`'s reference at `property` to `target` attaches an EBS volume to an instance. */
export function isAttachment(resource: ResourceNode, target: ResourceNode, property: string | number | undefined): boolean {
  if (property === 'attachedTo') return resource.type === 'aws.ebs.volume' && target.type === 'aws.ec2.instance';
  if (property === 'volumes')
    return target.type === 'aws.ebs.volume' && (resource.type === 'aws.ec2.instance' || resource.type === 'aws.autoscaling.group');
  return false;
}

export function propertyName(draft: ReferenceDraft | ReferenceOccurrence): string {
  const keys = draft.path.filter((part): part is string => typeof part === 'string');
  return keys.join('.');
}
