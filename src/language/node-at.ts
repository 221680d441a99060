/**
 * What the parsed document has at a position: a resource name, a key, or a scalar value, with the
 * path to it in the form the schema lookup reads. A thin reading of the core's `locate`, so hover,
 * definition and rename agree with every other consumer about what is under the caret.
 */
import type { ArchDocument, Position, Range, ResourceNode, ValueNode } from '../core/document';
import { locate } from '../core/query';
import type { PathStep } from './cursor-context';

export type NodeAt =
  | { readonly kind: 'resource-name'; readonly resource: ResourceNode; readonly range: Range }
  | {
      readonly kind: 'key';
      readonly resource?: ResourceNode;
      readonly path: readonly PathStep[];
      readonly key: string;
      readonly range: Range;
    }
  | {
      readonly kind: 'value';
      readonly resource?: ResourceNode;
      /** The path from the top of the file to the value, for example `['resources', 'web', 'zones', -1]`. */
      readonly path: readonly PathStep[];
      /** The nearest key above the value (`zones` for an item of `zones: [a, b]`). */
      readonly key: string;
      readonly node: ValueNode;
      readonly range: Range;
    };

/** What is at the position in the last parse; undefined on blank spots and comments. */
export function nodeAt(doc: ArchDocument, position: Position): NodeAt | undefined {
  const location = locate(doc, position);
  const resource = location.resource;
  if (location.onResourceName && resource) return { kind: 'resource-name', resource, range: resource.nameRange };
  const inner: PathStep[] = location.path.map((step) => (typeof step === 'number' ? -1 : step));
  const path: PathStep[] = resource ? ['resources', resource.name, ...inner] : inner;
  if (location.onKey) {
    if (!location.keyName || !location.entry) return undefined;
    return { kind: 'key', resource, path: path.slice(0, -1), key: location.keyName, range: location.entry.keyRange };
  }
  const node = location.node;
  if (!node || node.kind !== 'scalar') return undefined;
  const key = [...path].reverse().find((step): step is string => typeof step === 'string');
  if (key === undefined) return undefined;
  return { kind: 'value', resource, path, key, node, range: node.range };
}
