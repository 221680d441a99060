/**
 * The scans that run on the raw text before yaml reads it (src/core/scan.ts), from the cases of
 * test/fixtures/scan: how deep the structure scan finds a text nested, where it would refuse it and
 * how many anchors and aliases it sees (it must never count less nesting than yaml then builds);
 * and, for each character YAML does not allow, the diagnostic a file with it gets and the value it
 * is read with.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isCollection, isPair, parseDocument } from 'yaml';
import { parseArchitecture } from '../../../src/core';
import { LineIndex } from '../../../src/core/line-index';
import { scanStructure } from '../../../src/core/scan';
import { parseAnswer } from './parse-answer';

const folder = join(__dirname, '..', '..', 'fixtures', 'scan');
const load = <T>(file: string): T[] => parseDocument(readFileSync(join(folder, file), 'utf8')).toJS() as T[];

interface StructureCase {
  readonly case: string;
  readonly text: string;
  readonly depth: number;
  readonly deepest: string;
  readonly anchors: number;
}

interface CharacterCase {
  readonly case: string;
  readonly text: string;
  readonly says: string[];
  readonly label: string;
}

/** How many collections yaml nests in a text (a scalar is 0), keys included. */
function yamlNesting(node: unknown): number {
  if (isPair(node)) return Math.max(yamlNesting(node.key), yamlNesting(node.value));
  if (isCollection(node)) return 1 + Math.max(0, ...node.items.map(yamlNesting));
  return 0;
}

describe('the structure scan', () => {
  const cases = load<StructureCase>('structure.yaml');
  it('finds its cases', () => assert.ok(cases.length >= 40, `only ${cases.length} cases`));

  for (const c of cases) {
    it(c.case, () => {
      const scan = scanStructure(c.text);
      assert.deepEqual(
        { depth: scan.depth, anchors: scan.aliasCount, hasAnchors: scan.hasAnchorsOrAliases, tooDeepAt: scan.tooDeepAt },
        { depth: c.depth, anchors: c.anchors, hasAnchors: c.anchors > 0, tooDeepAt: undefined },
      );
      // A limit of exactly the depth passes; one less is refused where that depth is first reached.
      assert.equal(scanStructure(c.text, c.depth).tooDeepAt, undefined, 'the depth itself is within the limit');
      const refusedAt = scanStructure(c.text, c.depth - 1).tooDeepAt;
      assert.ok(refusedAt !== undefined, 'one level less is refused');
      const at = new LineIndex(c.text).positionAt(refusedAt);
      assert.equal(`${at.line}:${at.character}`, c.deepest);
      // The scan guards yaml's recursive composer: it may count more levels than yaml builds, never fewer.
      const doc = parseDocument(c.text);
      if (doc.errors.length === 0) assert.ok(c.depth >= yamlNesting(doc.contents), `yaml nests ${yamlNesting(doc.contents)} levels`);
    });
  }

  it('refuses a file one level deeper than the limit, where it goes too deep', () => {
    // Key k<n> on its own line, indented n spaces under k<n-1>, is n + 1 indentation levels and one
    // more for its `:`: 63 such keys nest 64 levels and are read; the 64th key goes too deep.
    const nested = (keys: number): string => `${Array.from({ length: keys }, (_, level) => `${' '.repeat(level)}k${level}:`).join('\n')}\n`;
    const says = (text: string): string[] => parseArchitecture(text).diagnostics.map((d) => d.code);
    assert.ok(!says(nested(63)).includes('nesting-too-deep'));
    assert.deepEqual(
      parseAnswer(nested(64)).says.filter((said) => said.includes('nesting-too-deep')),
      [
        'error nesting-too-deep 63:66-63:67 Values are nested more than 64 levels deep here; the file is not read. Architectures need far less nesting.',
      ],
    );
  });
});

describe('characters YAML does not allow', () => {
  const cases = load<CharacterCase>('characters.yaml');
  it('finds its cases', () => assert.ok(cases.length >= 10, `only ${cases.length} cases`));

  for (const c of cases) {
    it(c.case, () => {
      assert.deepEqual(parseAnswer(c.text).says, c.says);
      const web = parseArchitecture(c.text).resourceByName.get('web');
      assert.equal(web?.props.label, c.label);
    });
  }
});
