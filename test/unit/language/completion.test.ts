/**
 * Completion, driven by test/fixtures/language/completion: the caret marks where the user asked for
 * suggestions; the expected file lists labels that must and must not be offered, the label that
 * must sort first, and text the detail or documentation of an item must show.
 */
import { strict as assert } from 'node:assert';
import type { CompletionItem } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../src/language/language-service';
import { applyEdits, loadFixtures } from './fixtures';

interface CompletionExpectation {
  /** Labels that must be offered. */
  readonly includes?: readonly string[];
  /** Labels that must not be offered. */
  readonly excludes?: readonly string[];
  /** When set, exactly these labels (in any order). */
  readonly exactly?: readonly string[];
  /** The label sorted first (by sortText, then label, as editors do). */
  readonly first?: string;
  /** label -> substrings its detail, label details or documentation must contain. */
  readonly shows?: Readonly<Record<string, readonly string[]>>;
  /** label -> the line the caret is on after accepting it (snippet syntax kept). */
  readonly accepting?: Readonly<Record<string, string>>;
  /** Whether completing on the last parse of an OLDER version of the text (typing ahead of the parser). */
  readonly staleParse?: boolean;
}

const service = createLanguageService();

function sortKey(item: CompletionItem): string {
  return `${item.sortText ?? item.label}\u0000${item.label}`;
}

function visibleText(item: CompletionItem): string {
  const documentation = typeof item.documentation === 'string' ? item.documentation : (item.documentation?.value ?? '');
  return [item.detail ?? '', item.labelDetails?.detail ?? '', item.labelDetails?.description ?? '', documentation].join('\n');
}

describe('completion', () => {
  for (const fixture of loadFixtures<CompletionExpectation>('completion')) {
    it(fixture.name, () => {
      assert.ok(fixture.caret, 'the fixture has a caret marker');
      const expected = fixture.expected;
      // A stale parse: what the server has while the user types faster than the debounce.
      const stale = fixture.text
        .split('\n')
        .map((line, index) => (index === fixture.caret!.line ? '' : line))
        .join('\n');
      const parsed = service.parse(expected.staleParse ? stale : fixture.text);
      const list = service.completion(fixture.text, parsed, fixture.caret);
      const labels = list.items.map((item) => item.label);
      for (const label of expected.includes ?? [])
        assert.ok(labels.includes(label), `'${label}' is offered; got ${labels.slice(0, 40).join(', ')}`);
      for (const label of expected.excludes ?? []) assert.ok(!labels.includes(label), `'${label}' is not offered`);
      if (expected.exactly) assert.deepEqual([...labels].sort(), [...expected.exactly].sort());
      if (expected.first) {
        const first = [...list.items].sort((a, b) => sortKey(a).localeCompare(sortKey(b)))[0];
        assert.equal(first?.label, expected.first);
      }
      for (const [label, fragments] of Object.entries(expected.shows ?? {})) {
        const item = list.items.find((candidate) => candidate.label === label);
        assert.ok(item, `'${label}' is offered`);
        for (const fragment of fragments)
          assert.ok(visibleText(item).includes(fragment), `'${label}' shows '${fragment}'; it shows:\n${visibleText(item)}`);
      }
      for (const [label, line] of Object.entries(expected.accepting ?? {})) {
        const item = list.items.find((candidate) => candidate.label === label);
        assert.ok(item?.textEdit && 'range' in item.textEdit, `'${label}' has a text edit`);
        const after = applyEdits(fixture.text, [item.textEdit]);
        assert.equal(after.split('\n')[fixture.caret.line], line);
      }
    });
  }
});
