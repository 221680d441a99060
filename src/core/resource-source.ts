/**
 * The piece of text each resource was read from, by resource object. Edit builders measure lines
 * inside a resource from it, so a quick fix for one resource does not index the whole file; the
 * parser registers every resource it places (see parse.ts). Resources read with the whole file (the
 * rare one-piece path) have no entry, and their edits use the document's line index.
 */
import type { ResourceNode } from './document';
import { LineIndex } from './line-index';

/** A resource's piece of text and the file line it starts on. */
export interface ResourceSource {
  readonly firstLine: number;
  readonly lines: LineIndex;
}

interface Registered {
  readonly firstLine: number;
  readonly text: string;
  lines?: LineIndex;
}

/** Memo: the text each resource was read from, by resource object (never changed once parsed). */
const sources = new WeakMap<ResourceNode, Registered>();

/** Records that `resource` was read from `text`, placed at file line `firstLine`. */
export function registerResourceSource(resource: ResourceNode, text: string, firstLine: number): void {
  sources.set(resource, { firstLine, text });
}

/** The piece a resource was read from, with its line index (built on first use). */
export function resourceSourceOf(resource: ResourceNode): ResourceSource | undefined {
  const registered = sources.get(resource);
  if (registered === undefined) return undefined;
  registered.lines ??= new LineIndex(registered.text);
  return { firstLine: registered.firstLine, lines: registered.lines };
}
