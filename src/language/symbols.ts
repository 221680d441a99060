/**
 * The outline: the top-level keys, with the resources under `resources` as children, each with its
 * type as detail and a symbol kind by category, so the outline reads like the architecture.
 */
import { SymbolKind, type DocumentSymbol, type FoldingRange, type Range } from 'vscode-languageserver-types';
import type { ArchDocument } from '../core/document';
import type { Category } from '../model/catalog-types';
import { comparePositions } from './text-utils';

const kindByCategory: Record<Category, SymbolKind> = {
  compute: SymbolKind.Class,
  containers: SymbolKind.Class,
  serverless: SymbolKind.Function,
  storage: SymbolKind.Array,
  database: SymbolKind.Struct,
  analytics: SymbolKind.Operator,
  networking: SymbolKind.Interface,
  integration: SymbolKind.Event,
  migration: SymbolKind.Event,
  management: SymbolKind.Module,
  security: SymbolKind.Key,
  blockchain: SymbolKind.Struct,
  external: SymbolKind.Package,
};

/**
 * From the start of `start` to the end of `end`, never ending before `start` does: an alias's value
 * keeps the range of its anchor, which can lie earlier in the file than the key that uses it.
 */
function fullRange(start: Range, end: Range | undefined): Range {
  if (!end || comparePositions(end.end, start.end) < 0) return { start: start.start, end: start.end };
  return { start: start.start, end: end.end };
}

/** The outline of the document, one symbol per resource */
export function documentSymbols(doc: ArchDocument): DocumentSymbol[] {
  if (!doc.root) return [];
  const symbols: DocumentSymbol[] = [];
  for (const entry of doc.root.entries) {
    const range = fullRange(entry.keyRange, entry.value?.range);
    if (entry.key === 'resources') {
      const children = doc.resources.map<DocumentSymbol>((resource) => ({
        name: resource.name,
        detail: resource.type ?? '(no type)',
        kind: resource.typeDef ? kindByCategory[resource.typeDef.category] : SymbolKind.Object,
        range: fullRange(resource.nameRange, resource.range),
        selectionRange: resource.nameRange,
      }));
      symbols.push({
        name: 'resources',
        detail: `${doc.resources.length} resources`,
        kind: SymbolKind.Namespace,
        range,
        selectionRange: entry.keyRange,
        children,
      });
      continue;
    }
    const scalar = entry.value?.kind === 'scalar' ? String(entry.value.value ?? '') : undefined;
    symbols.push({
      name: entry.key,
      ...(scalar !== undefined && scalar !== '' ? { detail: scalar } : {}),
      kind: entry.value?.kind === 'map' ? SymbolKind.Namespace : SymbolKind.Property,
      range,
      selectionRange: entry.keyRange,
    });
  }
  return symbols;
}

/** Folding: each multi-line top-level section and each multi-line resource. */
export function foldingRanges(doc: ArchDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (range: Range) => {
    // A block value's range ends at the start of the next line: that line is not part of the fold.
    const endLine = range.end.character === 0 ? range.end.line - 1 : range.end.line;
    if (endLine > range.start.line) ranges.push({ startLine: range.start.line, endLine });
  };
  for (const entry of doc.root?.entries ?? []) if (entry.value) add(fullRange(entry.keyRange, entry.value.range));
  for (const resource of doc.resources) {
    add(fullRange(resource.nameRange, resource.range));
    for (const entry of resource.body?.entries ?? []) {
      if (entry.value && entry.value.kind !== 'scalar' && !entry.value.flow) add(fullRange(entry.keyRange, entry.value.range));
    }
  }
  return ranges;
}
