/**
 * Hover, driven by test/fixtures/language/hover: the caret marks what the user points at; the
 * expected file lists text the hover must show (and must not), or `null` for no hover.
 */
import { strict as assert } from 'node:assert';
import { createLanguageService } from '../../../src/language/language-service';
import { loadFixtures } from './fixtures';

interface HoverExpectation {
  readonly contains?: readonly string[];
  readonly excludes?: readonly string[];
  readonly none?: boolean;
}

const service = createLanguageService();

describe('hover', () => {
  for (const fixture of loadFixtures<HoverExpectation>('hover')) {
    it(fixture.name, () => {
      assert.ok(fixture.caret, 'the fixture has a caret marker');
      const result = service.hover(service.parse(fixture.text), fixture.caret);
      if (fixture.expected.none) {
        assert.equal(result, null);
        return;
      }
      assert.ok(result, 'a hover is shown');
      const text = typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : JSON.stringify(result.contents);
      for (const fragment of fixture.expected.contains ?? []) assert.ok(text.includes(fragment), `the hover shows '${fragment}'; it shows:\n${text}`);
      for (const fragment of fixture.expected.excludes ?? []) assert.ok(!text.includes(fragment), `the hover does not show '${fragment}'`);
    });
  }
});
