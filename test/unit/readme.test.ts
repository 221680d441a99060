/**
 * The README's architecture example is what most people copy first: it must stay valid as the
 * format and the catalog evolve.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchitecture } from '../../src/core';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

/** Every fenced YAML block that is a whole architecture file (starts with `cloudarch:`). */
function architectureBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!).filter((block) => block.startsWith('cloudarch:'));
}

describe('README', () => {
  const blocks = architectureBlocks(readme);

  it('shows an architecture file', () => {
    assert.ok(blocks.length >= 1, 'no ```yaml block starting with `cloudarch:` in README.md');
  });

  blocks.forEach((block, index) => {
    it(`example ${index + 1} parses without errors or warnings`, () => {
      const doc = parseArchitecture(block);
      const problems = doc.diagnostics
        .filter((d) => d.severity === 'error' || d.severity === 'warning')
        .map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`);
      assert.deepEqual(problems, []);
      assert.ok(doc.resources.length >= 3);
    });
  });
});
