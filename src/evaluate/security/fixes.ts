/**
 * Mechanical fixes of security findings: "set this property of this resource to this value", as a
 * `FixPayload` the editor's quick fix applies unchanged and the tests apply to fixture text.
 */
import type { ArchDocument, FixPayload, MapNode, Position, ResourceNode, TextEdit, ValueNode, ValuePath } from '../../core/document';

/** A value as YAML text in flow style, quoting strings only when they would not read back as themselves. */
export function yamlText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const plainSafe = /^[A-Za-z0-9][A-Za-z0-9._/\-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) && Number.isNaN(Number(value));
    return plainSafe ? value : JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(yamlText).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => `${key}: ${yamlText(item)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(String(value));
}

function lineStart(text: string, line: number): number {
  let offset = 0;
  for (let current = 0; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset;
}

/** The value to write at `path[from..]` when the keys from `from` on do not exist yet: nested flow maps. */
function nestedValue(path: ValuePath, from: number, value: unknown): unknown {
  let result = value;
  for (let index = path.length - 1; index > from; index--) result = { [String(path[index])]: result };
  return result;
}

/** Inserts `key: value` as a new entry of a written map, keeping the map's style and indentation. */
function insertIntoMap(text: string, map: MapNode, key: string, value: unknown): TextEdit {
  const entryText = `${key}: ${yamlText(value)}`;
  if (map.flow) {
    const lastEntry = map.entries[map.entries.length - 1];
    if (lastEntry === undefined) return { range: map.range, newText: `{ ${entryText} }` };
    const at = lastEntry.value?.range.end ?? lastEntry.keyRange.end;
    return { range: { start: at, end: at }, newText: `, ${entryText}` };
  }
  const first = map.entries[0];
  const indent = first ? first.keyRange.start.character : map.range.start.character;
  const last = map.entries[map.entries.length - 1];
  const lastEnd = last ? (last.value?.range.end ?? last.keyRange.end) : map.range.end;
  if (lastEnd.character === 0) {
    // The last value (a block list or map) ends at the start of the following line.
    const at: Position = { line: lastEnd.line, character: 0 };
    return { range: { start: at, end: at }, newText: `${' '.repeat(indent)}${entryText}\n` };
  }
  const lineText = text.slice(lineStart(text, lastEnd.line), lineStart(text, lastEnd.line + 1)).replace(/\r?\n$/, '');
  // Insert after the whole line so a trailing comment stays with the entry it belongs to.
  const at: Position = { line: lastEnd.line, character: lineText.length };
  return { range: { start: at, end: at }, newText: `\n${' '.repeat(indent)}${entryText}` };
}

/**
 * The edit that makes `resource.<path>` equal `value`: replaces a written scalar, or inserts the
 * missing keys into the nearest written map. Undefined when the path crosses a value that is not a
 * map (the fix would have to rewrite the user's structure, which is not mechanical).
 */
export function setPropertyTextEdit(doc: ArchDocument, resource: ResourceNode, path: ValuePath, value: unknown): TextEdit | undefined {
  if (resource.body === undefined || path.length === 0) return undefined;
  let node: ValueNode = resource.body;
  for (let index = 0; index < path.length; index++) {
    const step = path[index]!;
    if (typeof step === 'number') {
      if (node.kind !== 'seq' || node.items[step] === undefined) return undefined;
      node = node.items[step]!;
      continue;
    }
    if (node.kind !== 'map') return undefined;
    const entry: MapNode['entries'][number] | undefined = node.entries.find((candidate) => candidate.key === step);
    if (entry === undefined) return insertIntoMap(doc.text, node, step, nestedValue(path, index, value));
    if (entry.value === undefined) {
      const at = entry.keyRange.end;
      // `key:` with nothing after it: the colon follows the key.
      const colon: Position = { line: at.line, character: at.character + 1 };
      return { range: { start: colon, end: colon }, newText: ` ${yamlText(nestedValue(path, index, value))}` };
    }
    node = entry.value;
  }
  return { range: node.range, newText: yamlText(value) };
}

/** A fix payload that sets one property, or undefined when no mechanical edit exists. */
export function buildSetPropertyFix(doc: ArchDocument, resource: ResourceNode, path: ValuePath, value: unknown, title: string): FixPayload | undefined {
  const edit = setPropertyTextEdit(doc, resource, path, value);
  return edit === undefined ? undefined : { title, edits: [edit], isPreferred: true };
}

/** A fix payload that sets several properties at once (e.g. `instances` and `zones`), or undefined when any edit is impossible. */
export function buildSetPropertiesFix(doc: ArchDocument, resource: ResourceNode, changes: readonly (readonly [ValuePath, unknown])[], title: string): FixPayload | undefined {
  const edits: TextEdit[] = [];
  for (const [path, value] of changes) {
    const edit = setPropertyTextEdit(doc, resource, path, value);
    if (edit === undefined) return undefined;
    edits.push(edit);
  }
  return edits.length === 0 ? undefined : { title, edits, isPreferred: true };
}
