/**
 * Go to definition, find references and rename of resources. A resource is named by its key under
 * `resources:` and referred to by every reference property the parser recorded (doc.references).
 */
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { ArchDocument, ResourceNode } from '../core/document';
import { resourceNamePattern } from '../core/resource-analysis';
import { rangeContains } from './text-utils';

/** The resource named at the position: its name key, or a reference to it. */
export function resourceNameAt(
  doc: ArchDocument,
  position: Position,
): { name: string; range: Range; resource: ResourceNode | undefined } | undefined {
  const declared = doc.resources.find((resource) => rangeContains(resource.nameRange, position));
  if (declared) return { name: declared.name, range: declared.nameRange, resource: declared };
  const reference = doc.references.find((occurrence) => rangeContains(occurrence.range, position));
  if (reference) return { name: reference.target, range: reference.range, resource: doc.resourceByName.get(reference.target) };
  return undefined;
}

/** Where the resource named at the position is declared. */
export function definition(doc: ArchDocument, position: Position): { origin: Range; target: Range; targetSelection: Range } | undefined {
  const named = resourceNameAt(doc, position);
  if (!named?.resource) return undefined;
  return { origin: named.range, target: named.resource.range, targetSelection: named.resource.nameRange };
}

/** Every place the resource named at the position is referred to (and declared, when asked). */
export function references(doc: ArchDocument, position: Position, includeDeclaration: boolean): Range[] {
  const named = resourceNameAt(doc, position);
  if (!named) return [];
  const ranges = doc.references.filter((occurrence) => occurrence.target === named.name).map((occurrence) => occurrence.range);
  if (includeDeclaration && named.resource) ranges.unshift(named.resource.nameRange);
  return ranges;
}

/** The range and current name that a rename at the position would change. */
export function prepareRename(doc: ArchDocument, position: Position): { range: Range; placeholder: string } | undefined {
  const named = resourceNameAt(doc, position);
  if (!named?.resource) return undefined;
  return { range: named.range, placeholder: named.name };
}

/** A rename that cannot be made, with the reason shown to the user. */
export class RenameError extends Error {
  override readonly name = 'RenameError';
}

/**
 * The edits that rename the resource named at the position, its declaration and every reference.
 * `renameEdits` computes them (the core's renameResourceEdits); it is injected so this module does
 * not decide how `name:port` and flow forms are rewritten.
 */
export function rename(
  doc: ArchDocument,
  position: Position,
  newName: string,
  renameEdits: (doc: ArchDocument, oldName: string, newName: string) => readonly TextEdit[],
): TextEdit[] {
  const named = resourceNameAt(doc, position);
  if (!named?.resource) throw new RenameError('Only a resource name or a reference to a resource can be renamed.');
  if (!resourceNamePattern.test(newName))
    throw new RenameError(
      `'${newName}' is not a valid resource name: use a lowercase letter, then lowercase letters, digits and dashes (at most 63 characters).`,
    );
  if (newName !== named.name && doc.resourceByName.has(newName)) throw new RenameError(`A resource named '${newName}' already exists.`);
  return [...renameEdits(doc, named.name, newName)];
}
