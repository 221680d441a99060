/**
 * The checks across resources as the editor shows them (test/fixtures/cross/cases.yaml): each
 * diagnostic's full range, words, related places, and its fixes applied to the file.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from 'yaml';
import { parseArchitecture, type Range } from '../../../src/core';

interface Case {
  readonly case: string;
  readonly file: string;
  readonly says: readonly string[];
}

const cases = parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'cross', 'cases.yaml'), 'utf8')) as Case[];

const at = (range: Range): string => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

/** Every diagnostic of the file, with its related places and each fix applied (the lines it writes). */
function crossAnswer(text: string): string[] {
  const document = TextDocument.create('file:///cross.cloudarch.yaml', 'cloudarch', 1, text);
  const before = text.split('\n');
  return parseArchitecture(text).diagnostics.map((d) => {
    const related = (d.related ?? []).map((r) => ` (${r.message} at ${at(r.range)})`).join('');
    const fixes = (d.fixes ?? []).map((fix) => {
      const after = TextDocument.applyEdits(document, [...fix.edits]).split('\n');
      const changed = after.filter((line) => !before.includes(line));
      return ` [${fix.title}${fix.isPreferred === true ? ' (preferred)' : ''}: ${changed.join(' / ')}]`;
    });
    return `${d.severity} ${d.code} ${at(d.range)} ${d.message}${related}${fixes.join('')}`;
  });
}

describe('checks across resources', () => {
  for (const c of cases)
    it(c.case, () => {
      const answer = crossAnswer(c.file);
      // To write a new case's `says`: run with CLOUDARCH_SHOW_CROSS=1, review what it prints.
      if (process.env.CLOUDARCH_SHOW_CROSS === '1' && c.says === undefined)
        console.log(JSON.stringify({ case: c.case, says: answer }, null, 2));
      assert.deepEqual(answer, c.says);
    });
});
