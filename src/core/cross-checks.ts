/**
 * Checks that look at several resources at once: references resolved against the file's names,
 * reference kinds, dependency cycles, zones against the file's zones, EBS placement, and unused
 * security groups. Per-resource parts are cached by resource object (name-table.ts holds that
 * machinery: the name tables, did-you-mean memos and per-resource resolutions); the passes over the
 * whole file are plain loops over cached arrays, which stays cheap at ten thousand resources.
 */
import type { ArchDiagnostic, MapNode, Range, ReferenceOccurrence, ResourceNode, TextEdit } from './document';
import { Codes } from './codes';
import type { ReferenceDraft } from './references';
import { shiftRange } from './line-index';
import { andList, orList } from './suggest';
import {
  keptEnds,
  movedFrom,
  movedResolution,
  nameTable,
  resolutionOf,
  sameGraph,
  suggester,
  type NameTable,
  type Resolution,
  type SuggestionMemo,
} from './name-table';

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

/**
 * Resolves references and reports every cross-resource problem. Per-resource work (resolving a
 * resource's references, its zone check) is reused for every resource object seen before against
 * the same name table; what spans resources (cycles, EBS placement, unused groups) runs over the
 * cached arrays, and the cycle search only when the dependency graph changed.
 */
export function crossCheck(
  input: CrossInput,
  fileRegion: string,
): { references: ReferenceOccurrence[]; diagnostics: ArchDiagnostic[]; state: CrossState } {
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
  const kept =
    previous !== undefined && previous.table === table
      ? keptEnds(resources, previous.resources, input.drafts, previous.resolutions)
      : undefined;
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
      const resolution =
        old >= 0
          ? movedResolution(resources[index]!, previous.resolutions[old]!, input.drafts[index] ?? [], moved!.lines, input, table, suggest)
          : resolutionOf(resources[index]!, input.drafts[index] ?? [], input, table, suggest);
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
    references = previous.references
      .slice(0, previous.referenceStarts[head]!)
      .concat(fresh, previous.references.slice(previous.referenceStarts[oldCount - tail]!));
  } else {
    references = [];
    const moved = previous !== undefined ? movedFrom(input, previous) : undefined;
    for (let index = 0; index < count; index++) {
      const old = moved === undefined || index < moved.start ? -1 : index - moved.start + moved.previousStart;
      const resolution =
        old >= 0
          ? movedResolution(resources[index]!, previous!.resolutions[old]!, input.drafts[index] ?? [], moved!.lines, input, table, suggest)
          : resolutionOf(resources[index]!, input.drafts[index] ?? [], input, table, suggest);
      resolutions[index] = resolution;
      graphKeys[index] = resolution.graphKey;
      referenceStarts[index] = references.length;
      for (const reference of resolution.references) references.push(reference);
    }
    referenceStarts[count] = references.length;
    graphChanged = previous === undefined || !sameGraph(resources, graphKeys, previous.resources, previous.graphKeys);
  }
  for (const resolution of resolutions)
    if (resolution.diagnostics.length > 0) for (const diagnostic of resolution.diagnostics) diagnostics.push(diagnostic);
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
  diagnostics.push(...replicationRegions(input, fileRegion, resolutions));
  return {
    references,
    diagnostics,
    state: {
      resources,
      table,
      graphKeys,
      cycleMembers,
      suggestions: suggest.memo,
      resolutions,
      referenceStarts,
      references,
      unknownZones: zones.unknown,
      zonesKey: zones.zonesKey,
    },
  };
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
        related: cycleEdges
          .filter((other) => other !== reference)
          .map((other) => ({ message: `\`${other.from}\` → \`${other.target}\``, range: other.range })),
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
  const letters = entry.value.items.flatMap((item) =>
    item.kind === 'scalar' && typeof item.value === 'string' ? [{ zone: item.value, range: item.range }] : [],
  );
  return { letters, range: entry.value.range };
}

/** Memo: Per resource object: the zone letters it names that the file's zones (`zonesKey`) do not list. */
const unknownZonesByResource = new WeakMap<
  ResourceNode,
  { readonly zonesKey: string; readonly unknown: readonly { readonly zone: string; readonly range: Range }[] }
>();

const noZones: readonly { readonly zone: string; readonly range: Range }[] = [];

function unknownZonesOf(
  resource: ResourceNode,
  allowed: ReadonlySet<string>,
  zonesKey: string,
): readonly { readonly zone: string; readonly range: Range }[] {
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
function movedZones(
  unknown: readonly { readonly zone: string; readonly range: Range }[],
  lines: number,
): readonly { readonly zone: string; readonly range: Range }[] {
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
    else if (before !== undefined && moved !== undefined && index >= moved.start)
      unknownZones[index] = movedZones(before[index - moved.start + moved.previousStart]!, moved.lines);
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
        ...(fix !== undefined
          ? { fixes: [{ title: `Add zone \`${zone}\` to the top-level \`zones\``, edits: [fix], isPreferred: true }] }
          : {}),
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
    return {
      range: { start: { line: at.line, character: 0 }, end: { line: at.line, character: 0 } },
      newText: `zones: [${[...input.zones, zone].join(', ')}]\n`,
    };
  }
  const list = entry.value;
  if (list?.kind !== 'seq') return undefined;
  const last = list.items[list.items.length - 1];
  if (list.flow) {
    const end = { line: list.range.end.line, character: list.range.end.character - 1 };
    // An empty list stands for the default zones, which the message names: keep them.
    if (last === undefined) return { range: { start: end, end }, newText: [...input.zones, zone].join(', ') };
    return { range: { start: last.range.end, end: last.range.end }, newText: `, ${zone}` };
  }
  if (last === undefined) return undefined;
  const dashColumn = Math.max(0, last.range.start.character - 2);
  return { range: { start: last.range.end, end: last.range.end }, newText: `\n${' '.repeat(dashColumn)}- ${zone}` };
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
      if (from.type === 'aws.ebs.volume' && reference.path[0] === 'attachedTo' && target.type === 'aws.ec2.instance')
        [volume, instance] = [from, target];
      else if (
        target.type === 'aws.ebs.volume' &&
        reference.path[0] === 'volumes' &&
        (from.type === 'aws.ec2.instance' || from.type === 'aws.autoscaling.group')
      )
        [volume, instance] = [target, from];
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
      diagnostics.push({
        code: Codes.volumeAttachedTwice,
        severity: 'error',
        message: `Volume \`${name}\` is attached to ${instances.size} instances (${andList([...instances])}); without \`multiAttach: true\` an EBS volume attaches to one instance at a time.`,
        range: list[1]!.range,
        source: 'cloudarch',
        resource: list[1]!.from,
      });
    } else if (instances.size > 16) {
      diagnostics.push({
        code: Codes.multiAttachLimit,
        severity: 'error',
        message: `Volume \`${name}\` is attached to ${instances.size} instances; Multi-Attach allows at most 16 Nitro instances in the volume's zone.`,
        range: list[16]!.range,
        source: 'cloudarch',
        resource: list[16]!.from,
      });
    }
  }
  return diagnostics;
}

/**
 * S3 replication whose kind says the opposite of where its destination is. Cross-region replication
 * (`CRR`, the default) to a bucket in the same region gives no copy that outlives the region, and it
 * would be costed as transfer between regions; S3 replicates to another region only as CRR. The
 * warning sits on the destination's name, where the user picks the bucket.
 */
function replicationRegions(input: CrossInput, fileRegion: string, resolved: readonly Resolution[]): ArchDiagnostic[] {
  const diagnostics: ArchDiagnostic[] = [];
  for (let index = 0; index < input.resources.length; index++) {
    const bucket = input.resources[index]!;
    if (bucket.type !== 'aws.s3.bucket') continue;
    const replication = bucket.props.replication;
    if (replication === null || typeof replication !== 'object' || Array.isArray(replication)) continue;
    const kind = (replication as Record<string, unknown>).kind ?? 'CRR';
    if (kind !== 'CRR' && kind !== 'SRR') continue;
    const reference = resolved[index]!.references.find((candidate) => candidate.path[0] === 'replication' && candidate.path[1] === 'to');
    const destination = reference === undefined ? undefined : input.resourceByName.get(reference.target);
    if (reference === undefined || destination === undefined || destination.type !== 'aws.s3.bucket') continue;
    const from = regionOfResource(bucket, fileRegion);
    const to = regionOfResource(destination, fileRegion);
    if ((kind === 'CRR') === (from !== to)) continue;
    diagnostics.push({
      code: Codes.replicationRegionMismatch,
      severity: 'warning',
      message:
        kind === 'CRR'
          ? `Cross-region replication (CRR) to \`${destination.name}\`, which is in ${from} like \`${bucket.name}\`: the copy does not outlive the region. Put \`${destination.name}\` in another region (\`region:\`), or write \`kind: SRR\`.`
          : `Same-region replication (SRR) to \`${destination.name}\`, which is in ${to} while \`${bucket.name}\` is in ${from}: replication to another region is CRR. Write \`kind: CRR\`, or put both buckets in one region.`,
      range: reference.range,
      source: 'cloudarch',
      resource: bucket.name,
    });
  }
  return diagnostics;
}

/** A resource's region: its own `region:`, or the file's. */
function regionOfResource(resource: ResourceNode, fileRegion: string): string {
  const region = resource.props.region;
  return typeof region === 'string' && region.length > 0 ? region : fileRegion;
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
