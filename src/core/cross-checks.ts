/**
 * Checks that look at several resources at once: references resolved against the file's names,
 * reference kinds, dependency cycles, zones against the file's zones, EBS placement, and unused
 * security groups. They are re-run on the whole file after every edit; they only walk maps and the
 * reference list, which stays cheap at ten thousand resources.
 */
import { typeMatches } from '../model/catalog';
import type { ArchDiagnostic, MapNode, Range, ReferenceOccurrence, ResourceNode, TextEdit } from './document';
import { Codes } from './codes';
import type { ReferenceDraft } from './references';
import { andList, closestMatches, orList } from './suggest';

/** The input of the cross-resource checks. */
export interface CrossInput {
  readonly root: MapNode | undefined;
  readonly resources: readonly ResourceNode[];
  readonly resourceByName: ReadonlyMap<string, ResourceNode>;
  /** Reference drafts per resource, in the same order as `resources`. */
  readonly drafts: readonly (readonly ReferenceDraft[])[];
  readonly zones: readonly string[];
  readonly text: string;
  /** Did-you-mean answers of the previous parse, reused while the resource names are the same. */
  readonly previousSuggestions?: SuggestionMemo;
}

/** Did-you-mean answers for unknown names, valid for one list of resource names. */
export interface SuggestionMemo {
  readonly namesKey: string;
  readonly answers: Map<string, string[]>;
}

/**
 * `closestMatches` against the resource names, memoised: comparing every unknown reference with ten
 * thousand names on each keystroke would dominate the parse, and names rarely change while typing.
 */
function suggester(names: readonly string[], previous: SuggestionMemo | undefined): ((word: string) => string[]) & { memo: SuggestionMemo } {
  const namesKey = names.join('\n');
  const memo: SuggestionMemo = previous !== undefined && previous.namesKey === namesKey ? previous : { namesKey, answers: new Map() };
  const suggest = (word: string): string[] => {
    let answer = memo.answers.get(word);
    if (answer === undefined) memo.answers.set(word, (answer = closestMatches(word, names)));
    return answer;
  };
  return Object.assign(suggest, { memo });
}

/** Resolves references and reports every cross-resource problem. */
export function crossCheck(input: CrossInput): { references: ReferenceOccurrence[]; diagnostics: ArchDiagnostic[]; suggestions: SuggestionMemo } {
  const diagnostics: ArchDiagnostic[] = [];
  const references: ReferenceOccurrence[] = [];
  const names = [...input.resourceByName.keys()];
  const suggest = suggester(names, input.previousSuggestions);
  input.resources.forEach((resource, index) => {
    for (const draft of input.drafts[index] ?? []) {
      const target = input.resourceByName.get(draft.target);
      if (target === undefined && draft.onlyIfResolved) continue;
      references.push({
        from: resource.name,
        path: draft.path,
        target: draft.target,
        range: draft.range,
        role: draft.role,
        resolved: target !== undefined,
        ...(draft.port !== undefined ? { port: draft.port } : {}),
        ...(draft.optional ? { optional: true } : {}),
      });
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
        diagnostics.push({ code: Codes.selfReference, severity: 'error', message: `\`${resource.name}\` refers to itself in \`${property}\`; a resource cannot depend on or connect to itself.`, range: draft.range, source: 'cloudarch', resource: resource.name });
        continue;
      }
      if (target.type !== undefined && target.typeDef !== undefined && !draft.accepts.some((pattern) => typeMatches(target.type!, pattern))) {
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
  });
  diagnostics.push(...cycles(input, references));
  diagnostics.push(...zoneChecks(input));
  diagnostics.push(...ebsPlacement(input, references));
  diagnostics.push(...unusedSecurityGroups(input, references));
  return { references, diagnostics, suggestions: suggest.memo };
}

function propertyName(draft: ReferenceDraft | ReferenceOccurrence): string {
  const keys = draft.path.filter((part): part is string => typeof part === 'string');
  return keys.join('.');
}

/** Dependency cycles: strongly connected components of the dependency graph (Tarjan, iterative). */
function cycles(input: CrossInput, references: readonly ReferenceOccurrence[]): ArchDiagnostic[] {
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
  if (edges.size === 0) return [];
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
  return diagnostics;
}

function zonesEntry(resource: ResourceNode): { letters: { zone: string; range: Range }[]; range: Range } | undefined {
  const entry = resource.body?.entries.find((candidate) => candidate.key === 'zones');
  if (entry?.value?.kind !== 'seq') return undefined;
  const letters = entry.value.items.flatMap((item) => (item.kind === 'scalar' && typeof item.value === 'string' ? [{ zone: item.value, range: item.range }] : []));
  return { letters, range: entry.value.range };
}

/** Zones a resource names that the file does not list in its top-level `zones`. */
function zoneChecks(input: CrossInput): ArchDiagnostic[] {
  const allowed = new Set(input.zones);
  const diagnostics: ArchDiagnostic[] = [];
  for (const resource of input.resources) {
    // A resource in another region uses that region's zones, which the top level does not list.
    if (typeof resource.props.region === 'string') continue;
    const zones = zonesEntry(resource);
    if (zones === undefined) continue;
    for (const { zone, range } of zones.letters) {
      if (allowed.has(zone) || !/^[a-z]$/.test(zone)) continue;
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
  return diagnostics;
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

/** EBS volumes live in one zone and attach only to instances in that zone. */
function ebsPlacement(input: CrossInput, references: readonly ReferenceOccurrence[]): ArchDiagnostic[] {
  const diagnostics: ArchDiagnostic[] = [];
  const attachments = new Map<string, ReferenceOccurrence[]>();
  for (const reference of references) {
    if (!reference.resolved || (reference.path[0] !== 'attachedTo' && reference.path[0] !== 'volumes')) continue;
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

/** Security groups that nothing uses are clutter, or a sign of a forgotten attachment. */
function unusedSecurityGroups(input: CrossInput, references: readonly ReferenceOccurrence[]): ArchDiagnostic[] {
  const used = new Set<string>();
  for (const reference of references) if (reference.resolved && reference.from !== reference.target) used.add(reference.target);
  const diagnostics: ArchDiagnostic[] = [];
  for (const resource of input.resources) {
    if (resource.type !== 'aws.ec2.security-group' || used.has(resource.name)) continue;
    diagnostics.push({
      code: Codes.unusedSecurityGroup,
      severity: 'information',
      message: `Security group \`${resource.name}\` is not attached to any resource and no rule refers to it.`,
      range: resource.nameRange,
      source: 'cloudarch',
      resource: resource.name,
      tags: ['unnecessary'],
    });
  }
  return diagnostics;
}
