/**
 * The contract every incremental parse is held to: the document is deep-equal to a fresh parse of
 * the same text, including the order of its name table.
 */
import { strict as assert } from 'node:assert';
import { parseArchitecture, type ArchDocument } from '../../../src/core';

/** Asserts that an incremental document equals a fresh parse of its text; `step` names the edit in a failure. */
export function assertEqualsFreshParse(incremental: ArchDocument, step?: string): void {
  const fresh = parseArchitecture(incremental.text);
  assert.deepStrictEqual(incremental, fresh, step);
  // deepStrictEqual compares Maps as unordered; the order of the name table is part of the contract.
  assert.deepStrictEqual([...incremental.resourceByName.keys()], [...fresh.resourceByName.keys()], step);
}
