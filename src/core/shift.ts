/**
 * Moving a piece's results to where the piece now sits in the file. Pieces are read on their own,
 * with ranges relative to the piece's first line; a cached piece that moved (lines were added above
 * it) is reused by shifting its ranges, which is far cheaper than reading it again.
 *
 * A shift copies only what holds a position: nodes, entries, ranges and positions are new objects,
 * while everything without a position (scalar values, property paths, `props`, type definitions,
 * empty lists) is shared with the original. Shifting runs for every resource below an inserted
 * line, so it is written as plain loops over object literals with a fixed key order (no spreads,
 * closures or intermediate arrays), which keeps it fast and light on garbage.
 */
import type {
  ArchDiagnostic,
  FixPayload,
  MapEntry,
  MapNode,
  Position,
  Range,
  ResourceNode,
  ScalarNode,
  SeqNode,
  ValueNode,
} from './document';
import { shiftRange } from './line-index';
import type { ReferenceDraft } from './references';

/** A value tree moved down by `lines` lines (the same object when `lines` is 0). */
export function shiftValue(node: ValueNode, lines: number): ValueNode {
  if (lines === 0) return node;
  return moveValue(node, lines);
}

/** A map entry (key range and value tree) moved down by `lines` lines. */
export function shiftEntry(entry: MapEntry, lines: number): MapEntry {
  if (lines === 0) return entry;
  return moveEntry(entry, lines);
}

function movePosition(position: Position, lines: number): Position {
  return { line: position.line + lines, character: position.character };
}

function samePlace(left: Position, right: Position): boolean {
  return left.line === right.line && left.character === right.character;
}

function moveValue(node: ValueNode, lines: number): ValueNode {
  switch (node.kind) {
    case 'scalar':
      return moveScalar(node, lines);
    case 'seq':
      return moveSeq(node, lines);
    case 'map':
      return moveMap(node, lines);
  }
}

function moveScalar(node: ScalarNode, lines: number): ScalarNode {
  const range = node.range;
  return {
    kind: 'scalar',
    range: {
      start: { line: range.start.line + lines, character: range.start.character },
      end: { line: range.end.line + lines, character: range.end.character },
    },
    value: node.value,
    source: node.source,
  };
}

function moveSeq(node: SeqNode, lines: number): SeqNode {
  const items: ValueNode[] = [];
  for (let index = 0; index < node.items.length; index++) items.push(moveValue(node.items[index]!, lines));
  // A list ends where its last item ends: share that moved position rather than make another.
  const last = items.length > 0 ? node.items[items.length - 1]! : undefined;
  const end =
    last !== undefined && samePlace(last.range.end, node.range.end)
      ? items[items.length - 1]!.range.end
      : movePosition(node.range.end, lines);
  return { kind: 'seq', range: { start: movePosition(node.range.start, lines), end }, items, flow: node.flow };
}

function moveMap(node: MapNode, lines: number): MapNode {
  const entries: MapEntry[] = [];
  for (let index = 0; index < node.entries.length; index++) entries.push(moveEntry(node.entries[index]!, lines));
  // A block map starts at its first key and ends where its last value ends: share those positions.
  const range = node.range;
  const first = node.entries[0];
  const last = node.entries[node.entries.length - 1];
  const start =
    first !== undefined && samePlace(first.keyRange.start, range.start) ? entries[0]!.keyRange.start : movePosition(range.start, lines);
  const lastEnd = last === undefined ? undefined : (last.value?.range.end ?? last.keyRange.end);
  const movedLast = entries[entries.length - 1];
  const end =
    lastEnd !== undefined && movedLast !== undefined && samePlace(lastEnd, range.end)
      ? (movedLast.value?.range.end ?? movedLast.keyRange.end)
      : movePosition(range.end, lines);
  return { kind: 'map', range: { start, end }, entries, flow: node.flow };
}

function moveEntry(entry: MapEntry, lines: number): MapEntry {
  const keyRange = entry.keyRange;
  return {
    key: entry.key,
    keyRange: {
      start: { line: keyRange.start.line + lines, character: keyRange.start.character },
      end: { line: keyRange.end.line + lines, character: keyRange.end.character },
    },
    value: entry.value === undefined ? undefined : moveValue(entry.value, lines),
  };
}

function shiftFix(fix: FixPayload, lines: number): FixPayload {
  return { ...fix, edits: fix.edits.map((edit) => ({ range: shiftRange(edit.range, lines), newText: edit.newText })) };
}

/** A diagnostic moved down by `lines` lines, with its related places and fix edits. */
export function shiftDiagnostic(diagnostic: ArchDiagnostic, lines: number): ArchDiagnostic {
  if (lines === 0) return diagnostic;
  return {
    ...diagnostic,
    range: shiftRange(diagnostic.range, lines),
    ...(diagnostic.related
      ? { related: diagnostic.related.map((info) => ({ message: info.message, range: shiftRange(info.range, lines) })) }
      : {}),
    ...(diagnostic.fixes ? { fixes: diagnostic.fixes.map((fix) => shiftFix(fix, lines)) } : {}),
  };
}

/** Diagnostics moved down by `lines` lines; an empty list is shared as it is. */
export function shiftDiagnostics(diagnostics: readonly ArchDiagnostic[], lines: number): readonly ArchDiagnostic[] {
  if (lines === 0 || diagnostics.length === 0) return diagnostics;
  const moved: ArchDiagnostic[] = [];
  for (const diagnostic of diagnostics) moved.push(shiftDiagnostic(diagnostic, lines));
  return moved;
}

/**
 * A resource node moved by `lines`. `entry` is the resource's entry already moved (`original` is
 * the entry it was moved from): the resource's name range, the ends of its range and its type range
 * are the very positions of the entry it was read from, so they are taken from the moved entry
 * instead of being copied a second time (a fresh read shares them the same way).
 */
export function shiftResource(
  resource: ResourceNode,
  lines: number,
  body: ValueNode | undefined,
  original?: MapEntry,
  entry?: MapEntry,
): ResourceNode {
  if (lines === 0) return resource;
  const fromEntry = original !== undefined && entry !== undefined;
  const nameRange = fromEntry && resource.nameRange === original.keyRange ? entry.keyRange : shiftRange(resource.nameRange, lines);
  const start = resource.range.start === resource.nameRange.start ? nameRange.start : movePosition(resource.range.start, lines);
  const originalBody = original?.value;
  const end =
    fromEntry && originalBody !== undefined && entry.value !== undefined && resource.range.end === originalBody.range.end
      ? entry.value.range.end
      : resource.range.end === resource.nameRange.end
        ? nameRange.end
        : movePosition(resource.range.end, lines);
  const movedBody = body?.kind === 'map' ? body : undefined;
  return {
    name: resource.name,
    nameRange,
    range: { start, end },
    type: resource.type,
    typeRange: resource.typeRange === undefined ? undefined : movedTypeRange(resource, movedBody, lines),
    typeDef: resource.typeDef,
    body: movedBody,
    props: resource.props,
  };
}

/** The moved `type:` value's range, taken from the moved body when it is that scalar's range. */
function movedTypeRange(resource: ResourceNode, body: MapNode | undefined, lines: number): Range {
  const typeRange = resource.typeRange!;
  const before = resource.body;
  if (before !== undefined && body !== undefined && before.entries.length === body.entries.length) {
    for (let index = 0; index < before.entries.length; index++) {
      if (before.entries[index]!.value?.range === typeRange) return body.entries[index]!.value!.range;
    }
  }
  return shiftRange(typeRange, lines);
}

/** A reference draft moved down by `lines` lines. */
export function shiftDraft(draft: ReferenceDraft, lines: number): ReferenceDraft {
  if (lines === 0) return draft;
  return {
    ...draft,
    range: shiftRange(draft.range, lines),
    ...(draft.badPort ? { badPort: { text: draft.badPort.text, range: shiftRange(draft.badPort.range, lines) } } : {}),
  };
}

/** Reference drafts moved down by `lines` lines; an empty list is shared as it is. */
export function shiftDrafts(drafts: readonly ReferenceDraft[], lines: number): readonly ReferenceDraft[] {
  if (lines === 0 || drafts.length === 0) return drafts;
  const moved: ReferenceDraft[] = [];
  for (const draft of drafts) moved.push(shiftDraft(draft, lines));
  return moved;
}
