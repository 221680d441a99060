/**
 * The outline and folding, driven by test/fixtures/language/symbols: the expected file is the
 * outline as the user sees it (name, detail, children) and the folded line spans.
 */
import { strict as assert } from 'node:assert';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../src/language/language-service';
import { loadFixtures } from './fixtures';

interface OutlineNode {
  readonly name: string;
  readonly detail?: string;
  readonly children?: readonly OutlineNode[];
}

interface SymbolsExpectation {
  readonly outline: readonly OutlineNode[];
  /** `[startLine, endLine]` pairs, 0-based, sorted. */
  readonly folding?: readonly (readonly [number, number])[];
}

function outline(symbols: readonly DocumentSymbol[]): OutlineNode[] {
  return symbols.map((symbol) => ({
    name: symbol.name,
    ...(symbol.detail !== undefined ? { detail: symbol.detail } : {}),
    ...(symbol.children ? { children: outline(symbol.children) } : {}),
  }));
}

const service = createLanguageService();

describe('document symbols and folding', () => {
  for (const fixture of loadFixtures<SymbolsExpectation>('symbols')) {
    it(fixture.name, () => {
      const doc = service.parse(fixture.text);
      assert.deepEqual(outline(service.documentSymbols(doc)), fixture.expected.outline);
      for (const symbol of service.documentSymbols(doc).flatMap((entry) => [entry, ...(entry.children ?? [])])) {
        const inside = (inner: typeof symbol.range, outer: typeof symbol.range) =>
          (inner.start.line > outer.start.line ||
            (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
          (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
        assert.ok(
          inside(symbol.selectionRange, symbol.range),
          `${symbol.name}: the selection range lies inside the range (editors reject it otherwise)`,
        );
      }
      if (fixture.expected.folding) {
        const folds = service
          .foldingRanges(doc)
          .map((range) => [range.startLine, range.endLine] as const)
          .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        assert.deepEqual(folds, fixture.expected.folding);
      }
    });
  }
});
