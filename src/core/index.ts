/**
 * The core's public surface: parse text into an `ArchDocument`, query it by position, build edits
 * that keep the user's formatting, and suggest names. Pure: no I/O, no editor.
 */
export * from './document';
export { parseArchitecture, type ParseOptions } from './parse';
export { Codes, type CoreCode } from './codes';
export { LineIndex, rangeContains, shiftRange } from './line-index';
export { closestMatches, editDistance, orList } from './suggest';
export { resourceNamePattern, plainOf } from './resource-analysis';
export { locate, rangeOfPath, resourceAt, type Location } from './query';
export { setPropertyEdit, insertListItemEdit, renameResourceEdits, setInMap, formatScalar, nodeAtValuePath } from './edits';
