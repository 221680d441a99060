/**
 * Mechanical fixes of security findings: "set this property of this resource to this value", as a
 * `FixPayload` the editor's quick fix applies unchanged and the tests apply to fixture text. The
 * edits come from the core's formatting-preserving edit builders, so every fix in the product writes
 * YAML the same way.
 */
import { setPropertyEdit } from '../../core/edits';
import type { ArchDocument, FixPayload, ResourceNode, TextEdit, ValuePath } from '../../core/document';

/** A fix payload that sets one property, or undefined when no mechanical edit exists. */
export function buildSetPropertyFix(
  doc: ArchDocument,
  resource: ResourceNode,
  path: ValuePath,
  value: unknown,
  title: string,
): FixPayload | undefined {
  return buildSetPropertiesFix(doc, resource, [[path, value]], title);
}

/** A fix payload that sets several properties at once (e.g. `instances` and `zones`), or undefined when any edit is impossible. */
export function buildSetPropertiesFix(
  doc: ArchDocument,
  resource: ResourceNode,
  changes: readonly (readonly [ValuePath, unknown])[],
  title: string,
): FixPayload | undefined {
  const edits: TextEdit[] = [];
  for (const [path, value] of changes) {
    const edit = setPropertyEdit(doc, resource.name, path, value);
    if (edit === undefined) return undefined;
    edits.push(edit);
  }
  return edits.length === 0 ? undefined : { title, edits, isPreferred: true };
}
