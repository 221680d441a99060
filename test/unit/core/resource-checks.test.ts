/**
 * What the checks of one resource say (test/fixtures/resource-checks/: `schema.yaml`, each kind of
 * value of the wrong shape; `rules.yaml`, each single-resource rule beside its near misses): the
 * words of the message, the full range it underlines and the fixes it offers, as the editor shows them.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseArchitecture } from '../../../src/core';

interface Case {
  readonly case: string;
  readonly top?: boolean;
  readonly file: string;
  readonly says: readonly string[];
}

const folder = join(__dirname, '..', '..', 'fixtures', 'resource-checks');
const files = readdirSync(folder).filter((name) => name.endsWith('.yaml'));

const header = 'cloudarch: "1"\nname: schema\nzones: [a, b]\nresources:\n';

/** Every diagnostic of the case, lines counted in its `file`. */
function schemaAnswer(c: Pick<Case, 'top' | 'file'>): string[] {
  const text = c.top === true ? c.file : header + c.file.replace(/^(?=.)/gm, '  ');
  const first = c.top === true ? 0 : 4;
  return parseArchitecture(text).diagnostics.map((d) => {
    const { start, end } = d.range;
    const fixes = (d.fixes ?? []).map(
      (fix) =>
        ` [${fix.title}${fix.isPreferred === true ? ' (preferred)' : ''}: ${fix.edits.map((edit) => JSON.stringify(edit.newText)).join(', ')}]`,
    );
    return `${d.severity} ${d.code} ${start.line - first}:${start.character}-${end.line - first}:${end.character} ${d.message}${fixes.join('')}`;
  });
}

describe('checks of one resource', () => {
  it('finds its fixtures', () => assert.deepEqual(files.sort(), ['rules.yaml', 'schema.yaml']));
  for (const file of files) {
    const cases = parse(readFileSync(join(folder, file), 'utf8')) as Case[];
    describe(file, () => {
      for (const c of cases) it(c.case, () => assert.deepEqual(schemaAnswer(c), c.says));
    });
  }
});
