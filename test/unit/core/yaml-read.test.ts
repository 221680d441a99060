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
import { readYaml } from '../../../src/core/yaml-read';
import { span, yamlReadAnswer } from './yaml-read-answer';

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

describe('YAML reader: where alias expansion is cut off', () => {
  // An anchored list of `items` values, then aliases of it: after the first alias every value
  // counts, so each alias adds items + 2 (itself, the list, its items).
  const cutAt = (text: string): string[] =>
    readYaml(text)
      .diagnostics.filter((d) => d.code === 'too-many-aliases')
      .map((d) => span(d.range));
  const list = (items: number): string => `[${Array.from({ length: items }, () => 'x').join(', ')}]`;
  const aliases = (count: number): string => Array.from({ length: count }, () => '*a').join(', ');

  it('reads 10,000 values from aliases and cuts at the alias that would be the 10,001st', () => {
    // 100 aliases of 98 values: 100 * 100 = 10,000 values, all read.
    assert.deepEqual(cutAt(`a: &a ${list(98)}\nb: [${aliases(100)}]\n`), []);
    // The 101st alias is the 10,001st value: cut there, at column 4 + 4 * 100 of line 1.
    assert.deepEqual(cutAt(`a: &a ${list(98)}\nb: [${aliases(101)}]\n`), ['1:404-1:406']);
  });

  it('cuts at the target of an alias when the target is the 10,001st value', () => {
    // With one plain value after the first alias, the third alias is the 10,000th value
    // (2 * 4,999 + 2) and the list it points to the 10,001st: cut at that list, on line 0.
    const anchored = list(4997);
    assert.deepEqual(cutAt(`a: &a ${anchored}\nb: [*a, y, *a, *a]\n`), [`0:6-0:${6 + anchored.length}`]);
  });
});
