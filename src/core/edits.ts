/**
 * Text edits that change one value of an architecture while keeping everything else as written:
 * comments, quoting elsewhere, block or flow style, indentation. Quick fixes, rename and the
 * diagram's editing all go through these, so a change looks as if a careful person typed it.
 */
import type { ArchDocument, MapEntry, MapNode, Position, Range, TextEdit, ValueNode, ValuePath } from './document';
import { LineIndex, type LineLengths } from './line-index';
import { resourceSourceOf } from './resource-source';

/** A value as YAML text: plain when that reads back identically, quoted otherwise. */
export function formatScalar(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return `[${value.map(formatScalar).join(', ')}]`;
  if (typeof value === 'object' && value !== null)
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${key}: ${formatScalar(item)}`)
      .join(', ')} }`;
  const text = String(value);
  const plainSafe =
    /^[A-Za-z_/][A-Za-z0-9_./:@-]*$/.test(text) && !/^(true|false|null|~|yes|no|on|off|y|n)$/i.test(text) && !/:$/.test(text);
  return plainSafe ? text : JSON.stringify(text);
}

/** Memo: the line index of each document's text (documents are never changed once parsed). */
const lineIndexes = new WeakMap<ArchDocument, LineIndex>();

/** The document's line index, built once for each document */
export function lineIndexOf(doc: ArchDocument): LineIndex {
  let index = lineIndexes.get(doc);
  if (index === undefined) lineIndexes.set(doc, (index = new LineIndex(doc.text)));
  return index;
}

function point(position: Position): Range {
  return { start: position, end: position };
}

/**
 * Line lengths for edits inside one resource: from the resource's own piece of text when the parser
 * read it on its own (a fix for one resource then never indexes the whole file), else the document's.
 */
function linesFor(doc: ArchDocument, resourceName: string): LineLengths {
  const resource = doc.resourceByName.get(resourceName);
  const source = resource === undefined ? undefined : resourceSourceOf(resource);
  if (source === undefined) return lineIndexOf(doc);
  return {
    lineLength(line: number): number {
      const inside = line - source.firstLine;
      return inside >= 0 && inside < source.lines.lineCount - 1 ? source.lines.lineLength(inside) : lineIndexOf(doc).lineLength(line);
    },
  };
}

/** Where the line holding `position` ends (before its comment is NOT skipped: the new line goes after). */
function endOfLine(position: Position, lines: LineLengths | undefined): Position {
  if (lines === undefined) return position;
  return { line: position.line, character: lines.lineLength(position.line) };
}

/** The last line a node occupies, for inserting after it. */
function lastLineEnd(entry: MapEntry, lines: LineLengths | undefined): Position {
  const end = entry.value?.range.end ?? entry.keyRange.end;
  // A block collection's range can end at the start of the next line; step back onto its last line.
  if (end.character === 0 && end.line > entry.keyRange.start.line) {
    const line = end.line - 1;
    return lines === undefined ? end : { line, character: lines.lineLength(line) };
  }
  return endOfLine(end, lines);
}

/**
 * The edit that replaces a written value with `text`. A block collection's range runs to the start
 * of the line after it: replacing all of it would join the next key onto the new value's line (a
 * corrupt file), so the replaced range stops at the end of the value's last line, keeping its break.
 */
function replaceValue(range: Range, text: string, lines: LineLengths | undefined): TextEdit {
  if (range.end.character !== 0 || range.end.line <= range.start.line) return { range, newText: text };
  if (lines === undefined) return { range, newText: `${text}\n` };
  const line = range.end.line - 1;
  return { range: { start: range.start, end: { line, character: lines.lineLength(line) } }, newText: text };
}

/**
 * The edit that sets `key: value` in a map: replaces the value when the key exists (a scalar is
 * replaced as a scalar; a collection is replaced whole), or inserts the key after the last entry in
 * the map's style. `ownerKey` is the range of the key that holds the map, used for an empty map.
 */
export function setInMap(map: MapNode | undefined, ownerKey: Range, key: string, value: unknown, lines?: LineLengths): TextEdit {
  const text = formatScalar(value);
  const existing = map?.entries.find((entry) => entry.key === key);
  if (existing !== undefined) {
    if (existing.value === undefined) {
      // `key:` with nothing after it: the value goes after the colon that follows the key. A key
      // that ends its line has no colon yet (a half-typed `key` at the end of the file): write both.
      const keyEnd = existing.keyRange.end;
      if (lines !== undefined && lines.lineLength(keyEnd.line) <= keyEnd.character) return { range: point(keyEnd), newText: `: ${text}` };
      const afterColon = { line: keyEnd.line, character: keyEnd.character + 1 };
      return { range: point(afterColon), newText: ` ${text}` };
    }
    return replaceValue(existing.value.range, text, lines);
  }
  if (map === undefined || map.entries.length === 0) {
    if (map?.flow)
      return {
        range: {
          start: { line: map.range.start.line, character: map.range.start.character + 1 },
          end: { line: map.range.end.line, character: map.range.end.character - 1 },
        },
        newText: ` ${key}: ${text} `,
      };
    const indent = ' '.repeat(ownerKey.start.character + 2);
    return { range: point(endOfLine(ownerKey.end, lines)), newText: `\n${indent}${key}: ${text}` };
  }
  if (map.flow) {
    const last = map.entries[map.entries.length - 1]!;
    // A last key without a value may still have its colon after it (`{ a: 1, b: }`): written right
    // after the key, the new entry would take that colon (`b, c: 1: }`, not YAML). Before the
    // closing brace it follows the colon if there is one.
    if (last.value === undefined)
      return { range: point({ line: map.range.end.line, character: map.range.end.character - 1 }), newText: `, ${key}: ${text} ` };
    return { range: point(last.value.range.end), newText: `, ${key}: ${text}` };
  }
  const last = map.entries[map.entries.length - 1]!;
  const indent = ' '.repeat(map.entries[0]!.keyRange.start.character);
  return { range: point(lastLineEnd(last, lines)), newText: `\n${indent}${key}: ${text}` };
}

/** Follows a path through a map's value tree. */
export function nodeAtValuePath(
  root: ValueNode | undefined,
  path: ValuePath,
): { node: ValueNode | undefined; entry: MapEntry | undefined } {
  let node = root;
  let entry: MapEntry | undefined;
  for (const segment of path) {
    if (node?.kind === 'map' && typeof segment === 'string') {
      entry = node.entries.find((candidate) => candidate.key === segment);
      node = entry?.value;
    } else if (node?.kind === 'seq' && typeof segment === 'number') {
      node = node.items[segment];
      entry = undefined;
    } else return { node: undefined, entry: undefined };
  }
  return { node, entry };
}

/**
 * Sets the value at `path` inside a resource: replaces it when present, or inserts the last key into
 * its parent map (which must exist). Undefined when the path cannot be reached.
 */
export function setPropertyEdit(doc: ArchDocument, resourceName: string, path: ValuePath, value: unknown): TextEdit | undefined {
  const resource = doc.resourceByName.get(resourceName);
  if (resource === undefined || resource.body === undefined || path.length === 0) return undefined;
  const lines = linesFor(doc, resourceName);
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1]!;
  const parent =
    parentPath.length === 0 ? { node: resource.body as ValueNode, entry: undefined } : nodeAtValuePath(resource.body, parentPath);
  if (typeof last === 'number') {
    if (parent.node?.kind !== 'seq') return undefined;
    const item = parent.node.items[last];
    return item === undefined ? undefined : replaceValue(item.range, formatScalar(value), lines);
  }
  if (parent.node !== undefined && parent.node.kind !== 'map') return undefined;
  // A parent map that is not written at all (no key, not even one left without a value) cannot take the key.
  if (parent.node === undefined && parent.entry === undefined && parentPath.length > 0) return undefined;
  const ownerKey = parent.entry?.keyRange ?? resource.nameRange;
  return setInMap(parent.node, ownerKey, last, value, lines);
}

/** Appends an item to the list at `path` in a resource (creating the key when absent). */
export function insertListItemEdit(doc: ArchDocument, resourceName: string, path: ValuePath, value: unknown): TextEdit | undefined {
  const resource = doc.resourceByName.get(resourceName);
  if (resource === undefined || resource.body === undefined || path.length === 0) return undefined;
  const lines = linesFor(doc, resourceName);
  const { node, entry } = nodeAtValuePath(resource.body, path);
  const text = formatScalar(value);
  if (node === undefined) return setPropertyEdit(doc, resourceName, path, [value]);
  if (node.kind !== 'seq') return undefined;
  const last = node.items[node.items.length - 1];
  if (node.flow) {
    if (last === undefined) return { range: point({ line: node.range.end.line, character: node.range.end.character - 1 }), newText: text };
    return { range: point(last.range.end), newText: `, ${text}` };
  }
  if (last === undefined) return entry === undefined ? undefined : { range: point(entry.keyRange.end), newText: `: [${text}]` };
  const dashColumn = Math.max(0, last.range.start.character - 2);
  const end =
    last.range.end.character === 0 && last.range.end.line > last.range.start.line
      ? { line: last.range.end.line - 1, character: lines.lineLength(last.range.end.line - 1) }
      : endOfLine(last.range.end, lines);
  return { range: point(end), newText: `\n${' '.repeat(dashColumn)}- ${text}` };
}

/** Renames a resource: its key, and every reference to it (the name part of `name:port` forms too). */
export function renameResourceEdits(doc: ArchDocument, oldName: string, newName: string): TextEdit[] {
  const resource = doc.resourceByName.get(oldName);
  if (resource === undefined) return [];
  const edits: TextEdit[] = [{ range: resource.nameRange, newText: newName }];
  for (const reference of doc.references) if (reference.target === oldName) edits.push({ range: reference.range, newText: newName });
  // Later resources with the same (duplicate) name are keys too; rename them with the first.
  const resources = doc.root?.entries.find((entry) => entry.key === 'resources')?.value;
  if (resources?.kind === 'map') {
    for (const entry of resources.entries)
      if (entry.key === oldName && entry.keyRange !== resource.nameRange && !sameRange(entry.keyRange, resource.nameRange))
        edits.push({ range: entry.keyRange, newText: newName });
  }
  return edits;
}

function sameRange(left: Range, right: Range): boolean {
  return (
    left.start.line === right.start.line &&
    left.start.character === right.start.character &&
    left.end.line === right.end.line &&
    left.end.character === right.end.character
  );
}
