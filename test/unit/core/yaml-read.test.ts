/**
 * The YAML reader (src/core/yaml-read.ts) on its own, case by case from
 * test/fixtures/yaml-read/cases.yaml: for each kind of value, key and problem, the diagnostics a
 * user sees (words, full range, related places, fixes), the tree with every range the editor
 * underlines or traces back to, and the plain values the checks and evaluators read.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { yamlReadAnswer } from './yaml-read-answer';

interface Case {
  readonly case: string;
  readonly text: string;
  readonly says: readonly string[];
  readonly tree?: readonly string[];
  readonly plain?: string;
  readonly extraDocuments?: readonly string[];
}

const cases = parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'yaml-read', 'cases.yaml'), 'utf8')) as Case[];

describe('YAML reader (one piece of text)', () => {
  it('finds its cases', () => assert.ok(cases.length >= 20, `only ${cases.length} cases`));
  for (const c of cases)
    it(c.case, () => {
      const answer = yamlReadAnswer(c.text);
      assert.deepEqual(answer.says, c.says);
      if (c.tree !== undefined) assert.deepEqual(answer.tree, c.tree);
      if (c.plain !== undefined) assert.deepEqual(answer.plain, c.plain);
      assert.deepEqual(answer.extraDocuments, c.extraDocuments);
    });
});
