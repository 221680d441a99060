/**
 * What the parsed document has at a position: a resource name, a key, or a value, with the path to
 * it. Hover, definition and rename read the last parse this way (completion reads the text instead,
 * because while typing the parse lags behind).
 */
import type { ArchDocument, MapNode, Position, Range, ResourceNode, ValueNode } from '../core/document';
import type { PathStep } from './cursor-context';
import { rangeContains } from './text-utils';

export type NodeAt =
  | { readonly kind: 'resource-name'; readonly resource: ResourceNode; readonly range: Range }
  | { readonly kind: 'key'; readonly resource?: ResourceNode; readonly path: readonly PathStep[]; readonly key: string; readonly range: Range; readonly value: ValueNode | undefined }
  | {
      readonly kind: 'value';
      readonly resource?: ResourceNode;
      /** The path from the top of the file to the value, for example `['resources', 'web', 'zones', -1]`. */
      readonly path: readonly PathStep[];
      readonly key: string;
      readonly node: ValueNode;
      readonly range: Range;
    };

/** Finds the innermost key or scalar value containing the position. */
function findInMap(map: MapNode, position: Position, path: PathStep[], resource: ResourceNode | undefined): NodeAt | undefined {
  for (const entry of map.entries) {
    if (rangeContains(entry.keyRange, position)) return { kind: 'key', resource, path, key: entry.key, range: entry.keyRange, value: entry.value };
    if (entry.value && rangeContains(entry.value.range, position)) return findInValue(entry.value, position, [...path, entry.key], entry.key, resource);
  }
  return undefined;
}

function findInValue(node: ValueNode, position: Position, path: PathStep[], key: string, resource: ResourceNode | undefined): NodeAt | undefined {
  if (node.kind === 'scalar') return { kind: 'value', resource, path, key, node, range: node.range };
  if (node.kind === 'map') return findInMap(node, position, path, resource);
  for (const item of node.items) {
    if (rangeContains(item.range, position)) return findInValue(item, position, [...path, -1], key, resource);
  }
  return undefined;
}

/** The resource whose text contains the position. */
export function resourceAt(doc: ArchDocument, position: Position): ResourceNode | undefined {
  return doc.resources.find((resource) => rangeContains(resource.range, position) || rangeContains(resource.nameRange, position));
}

/** What is at the position in the last parse. */
export function nodeAt(doc: ArchDocument, position: Position): NodeAt | undefined {
  const resource = resourceAt(doc, position);
  if (resource) {
    if (rangeContains(resource.nameRange, position)) return { kind: 'resource-name', resource, range: resource.nameRange };
    if (resource.body) return findInMap(resource.body, position, ['resources', resource.name], resource);
    return undefined;
  }
  if (!doc.root) return undefined;
  return findInMap(doc.root, position, [], undefined);
}
