/**
 * Which resources an edit replaced in place: the usual keystroke inside a resource leaves every
 * other resource the very same object, in the same place. Evaluations that keep derived data from
 * the previous version of a document (availability's dependencies, the security rules' index) ask
 * this first, and rebuild from scratch when the edit was of another kind.
 */
import type { ArchDocument, ReferenceOccurrence, ResourceNode } from './document';

/**
 * The names of the resources `doc` replaced in place since `before`, the previous version of the
 * same document: both have as many resources and references, and at each position stands the very
 * same resource or one of the same name that `isReplacement` accepts. `undefined` when the edit
 * did more (a resource added, removed, moved or renamed, a reference added or removed, a
 * replacement refused) or replaced more than `limit` resources, where rebuilding is as quick.
 */
export function resourcesReplacedInPlace(
  doc: ArchDocument,
  before: ArchDocument,
  limit: number,
  isReplacement: (resource: ResourceNode, old: ResourceNode) => boolean,
): ReadonlySet<string> | undefined {
  const resources = doc.resources;
  const oldResources = before.resources;
  if (resources.length !== oldResources.length || doc.references.length !== before.references.length) return undefined;
  const replaced = new Set<string>();
  for (let position = 0; position < resources.length; position++) {
    const resource = resources[position]!;
    const old = oldResources[position]!;
    if (resource === old) continue;
    if (resource.name !== old.name || !isReplacement(resource, old)) return undefined;
    replaced.add(resource.name);
    if (replaced.size > limit) return undefined;
  }
  return replaced;
}

/**
 * Whether `accept` holds for every reference of `doc` and the one at the same position in `before`
 * (the two have as many references when `resourcesReplacedInPlace` answered). Each evaluation
 * decides what "reads as before" means for the data it keeps.
 */
export function everyReferencePair(
  doc: ArchDocument,
  before: ArchDocument,
  accept: (reference: ReferenceOccurrence, old: ReferenceOccurrence) => boolean,
): boolean {
  const references = doc.references;
  const oldReferences = before.references;
  for (let position = 0; position < references.length; position++)
    if (!accept(references[position]!, oldReferences[position]!)) return false;
  return true;
}
