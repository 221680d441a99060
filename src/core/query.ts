/**
 * Questions language features ask about a parsed document: what is under the caret (a key, a
 * value, a reference, or a blank spot inside some map), the node at a path, the range of a path.
 * Blank lines matter most: completion is usually asked on an empty line inside a resource, where
 * no node exists yet, so the enclosing map is found from the caret's column and the keys above it.
 */
import type {
  ArchDocument,
  MapEntry,
  MapNode,
  Position,
  Range,
  ReferenceOccurrence,
  ResourceNode,
  SeqNode,
  ValueNode,
  ValuePath,
} from './document';
import { nodeAtValuePath } from './edits';
import { LineIndex, rangeContains } from './line-index';

export { LineIndex };

/** What is at a position. */
export interface Location {
  /** The resource the position is inside, when it is inside one. */
  readonly resource?: ResourceNode;
  /**
   * The path to what is under the caret: inside `resource` when there is one (`['volumes', 0,
   * 'sizeGB']`), otherwise from the top of the file (`['workload', 'requestsPerSecond']`). For a
   * blank spot it is the path of the enclosing map or list.
   */
  readonly path: ValuePath;
  /** The node under the caret: a scalar, or the enclosing collection of a blank spot. */
  readonly node?: ValueNode;
  /** True on a key, or where a key would be typed (a blank spot in a map). */
  readonly onKey: boolean;
  /** The key under the caret, when the caret is on one. */
  readonly keyName?: string;
  /** The map entry whose key or value is under the caret. */
  readonly entry?: MapEntry;
  /** The map whose keys are being written or read (for key completion). */
  readonly map?: MapNode;
  /** The list the caret is in, when it is in one. */
  readonly seq?: SeqNode;
  /** The reference under the caret, when there is one (go-to-definition, rename). */
  readonly reference?: ReferenceOccurrence;
  /** True when the caret is on a resource's name (its key under `resources:`). */
  readonly onResourceName: boolean;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

interface Found {
  path: (string | number)[];
  node?: ValueNode;
  onKey: boolean;
  keyName?: string;
  entry?: MapEntry;
  map?: MapNode;
  seq?: SeqNode;
}

function descend(node: ValueNode, position: Position, path: (string | number)[]): Found {
  if (node.kind === 'scalar') return { path, node, onKey: false };
  if (node.kind === 'map') {
    let candidate: MapEntry | undefined;
    for (const entry of node.entries) {
      if (rangeContains(entry.keyRange, position)) return { path: [...path, entry.key], onKey: true, keyName: entry.key, entry, map: node };
      if (entry.value !== undefined && rangeContains(entry.value.range, position)) {
        if (entry.value.kind === 'scalar') return { path: [...path, entry.key], node: entry.value, onKey: false, entry, map: node };
        const inner = descend(entry.value, position, [...path, entry.key]);
        return { ...inner, entry: inner.entry ?? entry };
      }
      if (!before(position, entry.keyRange.start)) candidate = entry;
    }
    // A blank spot. In a block map, a caret indented deeper than the key above it is inside
    // that key's value; otherwise it is where a new key of this map would go.
    if (
      !node.flow &&
      candidate !== undefined &&
      position.line > candidate.keyRange.start.line &&
      position.character > candidate.keyRange.start.character
    ) {
      const value = candidate.value;
      if (value === undefined) return { path: [...path, candidate.key], onKey: true, entry: candidate };
      if (value.kind !== 'scalar' && !value.flow) {
        const inner = descend(value, position, [...path, candidate.key]);
        return { ...inner, entry: inner.entry ?? candidate };
      }
    }
    return { path, node, onKey: true, map: node };
  }
  let candidate: ValueNode | undefined;
  let candidateIndex = -1;
  for (let index = 0; index < node.items.length; index++) {
    const item = node.items[index]!;
    if (rangeContains(item.range, position)) {
      if (item.kind === 'scalar') return { path: [...path, index], node: item, onKey: false, seq: node };
      return descend(item, position, [...path, index]);
    }
    if (!before(position, item.range.start)) {
      candidate = item;
      candidateIndex = index;
    }
  }
  if (
    !node.flow &&
    candidate !== undefined &&
    candidate.kind === 'map' &&
    position.line > candidate.range.start.line &&
    position.character >= candidate.range.start.character
  ) {
    return descend(candidate, position, [...path, candidateIndex]);
  }
  return { path, node, onKey: false, seq: node };
}

/** What is at `position` in `doc`. */
export function locate(doc: ArchDocument, position: Position): Location {
  const reference = doc.references.find((candidate) => rangeContains(candidate.range, position));
  const resource = resourceAt(doc, position);
  if (resource !== undefined) {
    if (rangeContains(resource.nameRange, position)) {
      return { resource, path: [], onKey: true, keyName: resource.name, onResourceName: true, ...(reference ? { reference } : {}) };
    }
    const found: Found = resource.body !== undefined ? descend(resource.body, position, []) : { path: [], onKey: true };
    return { resource, onResourceName: false, ...stripUndefined(found), ...(reference ? { reference } : {}) };
  }
  if (doc.root === undefined) return { path: [], onKey: true, onResourceName: false };
  const found = descend(doc.root, position, []);
  return { onResourceName: false, ...stripUndefined(found), ...(reference ? { reference } : {}) };
}

function stripUndefined(found: Found): Found {
  const copy: Found = { path: found.path, onKey: found.onKey };
  if (found.node !== undefined) copy.node = found.node;
  if (found.keyName !== undefined) copy.keyName = found.keyName;
  if (found.entry !== undefined) copy.entry = found.entry;
  if (found.map !== undefined) copy.map = found.map;
  if (found.seq !== undefined) copy.seq = found.seq;
  return copy;
}

/**
 * The resource whose lines hold `position`: the last resource starting at or before it, provided
 * the caret is inside its range, or on a following blank spot indented deeper than its name.
 */
export function resourceAt(doc: ArchDocument, position: Position): ResourceNode | undefined {
  const resources = doc.resources;
  let low = 0;
  let high = resources.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (!before(position, resources[middle]!.nameRange.start)) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  if (found < 0) return undefined;
  const resource = resources[found]!;
  if (rangeContains(resource.range, position)) return resource;
  if (position.character <= resource.nameRange.start.character) return undefined;
  // Past the end of the resource: still its own as long as no top-level key comes in between.
  const nextTop = doc.root?.entries.find(
    (entry) => entry.keyRange.start.line > resource.nameRange.start.line && !before(position, entry.keyRange.start),
  );
  return nextTop === undefined ? resource : undefined;
}

/**
 * The range to show for a path inside a resource: the value's range, or the key's when the key has
 * no value, or the nearest ancestor's when the path does not exist (a missing property).
 */
export function rangeOfPath(doc: ArchDocument, resourceName: string, path: ValuePath): Range | undefined {
  const resource = doc.resourceByName.get(resourceName);
  if (resource === undefined) return undefined;
  for (let length = path.length; length > 0; length--) {
    const { node, entry } = nodeAtValuePath(resource.body, path.slice(0, length));
    if (node !== undefined) return node.range;
    if (entry !== undefined) return entry.keyRange;
  }
  return resource.nameRange;
}
