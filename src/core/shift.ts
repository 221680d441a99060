/**
 * Moving a piece's results to where the piece now sits in the file. Pieces are read on their own,
 * with ranges relative to the piece's first line; a cached piece that moved (lines were added above
 * it) is reused by shifting its ranges, which is far cheaper than reading it again.
 */
import type { ArchDiagnostic, FixPayload, MapEntry, ResourceNode, ValueNode } from './document';
import { shiftRange } from './line-index';
import type { ReferenceDraft } from './references';

export function shiftValue(node: ValueNode, lines: number): ValueNode {
  if (lines === 0) return node;
  switch (node.kind) {
    case 'scalar':
      return { ...node, range: shiftRange(node.range, lines) };
    case 'seq':
      return { ...node, range: shiftRange(node.range, lines), items: node.items.map((item) => shiftValue(item, lines)) };
    case 'map':
      return { ...node, range: shiftRange(node.range, lines), entries: node.entries.map((entry) => shiftEntry(entry, lines)) };
  }
}

export function shiftEntry(entry: MapEntry, lines: number): MapEntry {
  if (lines === 0) return entry;
  return { key: entry.key, keyRange: shiftRange(entry.keyRange, lines), value: entry.value === undefined ? undefined : shiftValue(entry.value, lines) };
}

function shiftFix(fix: FixPayload, lines: number): FixPayload {
  return { ...fix, edits: fix.edits.map((edit) => ({ range: shiftRange(edit.range, lines), newText: edit.newText })) };
}

export function shiftDiagnostic(diagnostic: ArchDiagnostic, lines: number): ArchDiagnostic {
  if (lines === 0) return diagnostic;
  return {
    ...diagnostic,
    range: shiftRange(diagnostic.range, lines),
    ...(diagnostic.related ? { related: diagnostic.related.map((info) => ({ message: info.message, range: shiftRange(info.range, lines) })) } : {}),
    ...(diagnostic.fixes ? { fixes: diagnostic.fixes.map((fix) => shiftFix(fix, lines)) } : {}),
  };
}

/** A resource node moved by `lines`; its body is the already shifted `body` when given. */
export function shiftResource(resource: ResourceNode, lines: number, body: ValueNode | undefined): ResourceNode {
  if (lines === 0) return resource;
  return {
    ...resource,
    nameRange: shiftRange(resource.nameRange, lines),
    range: shiftRange(resource.range, lines),
    typeRange: resource.typeRange === undefined ? undefined : shiftRange(resource.typeRange, lines),
    body: body?.kind === 'map' ? body : undefined,
  };
}

export function shiftDraft(draft: ReferenceDraft, lines: number): ReferenceDraft {
  if (lines === 0) return draft;
  return {
    ...draft,
    range: shiftRange(draft.range, lines),
    ...(draft.badPort ? { badPort: { text: draft.badPort.text, range: shiftRange(draft.badPort.range, lines) } } : {}),
  };
}
