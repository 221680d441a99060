/**
 * What is under the caret (test/fixtures/locate/cases.yaml): completion offers keys or values from
 * it, hover explains it, go-to-definition and rename follow its reference. Each case puts the caret
 * at `|` and compares the whole answer.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { locate, parseArchitecture, type Location, type Position } from '../../../src/core';

interface Case {
  readonly case: string;
  readonly file: string;
  readonly answer: string;
}

const cases = parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'locate', 'cases.yaml'), 'utf8')) as Case[];

function caret(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const before = text.slice(0, offset).split('\n');
  return { text, position: { line: before.length - 1, character: before[before.length - 1]!.length } };
}

/** The answer in one line: what completion, hover and rename read from it. */
function describeLocation(location: Location): string {
  const parts = [
    location.resource?.name ?? '-',
    location.path.length === 0 ? '.' : location.path.join('.'),
    location.onKey ? 'key' : 'value',
  ];
  if (location.keyName !== undefined) parts.push(`keyName=${location.keyName}`);
  const node = location.node;
  if (node !== undefined) parts.push(node.kind === 'scalar' ? `node=${JSON.stringify(node.source)}` : `node=${node.kind}`);
  if (location.entry !== undefined) parts.push(`entry=${location.entry.key}`);
  if (location.map !== undefined) parts.push(`map=${location.map.entries.map((entry) => entry.key).join(',')}`);
  if (location.seq !== undefined) parts.push(`seq=${location.seq.items.length}`);
  if (location.reference !== undefined) parts.push(`reference=${location.reference.target}`);
  if (location.onResourceName) parts.push('name');
  return parts.join(' ');
}

describe('locate', () => {
  for (const c of cases) {
    it(c.case, () => {
      const { text, position } = caret(c.file);
      assert.equal(describeLocation(locate(parseArchitecture(text), position)), c.answer);
    });
  }
});
