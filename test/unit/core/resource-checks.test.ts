/**
 * What the checks of one resource say (test/fixtures/resource-checks/: `schema.yaml`, each kind of
 * value of the wrong shape; `rules.yaml`, each single-resource rule beside its near misses): the
 * words of the message, the full range it underlines and the fixes it offers, as the editor shows them.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseArchitecture, type ArchDocument, type Range, type TopLevel } from '../../../src/core';

interface Case {
  readonly case: string;
  readonly top?: boolean;
  readonly file: string;
  readonly says: readonly string[];
  /** For a whole file (`top: true`): top-level values as the evaluations receive them, defaults applied (`null`: none). */
  readonly reads?: Partial<TopLevel>;
}

const folder = join(__dirname, '..', '..', 'fixtures', 'resource-checks');
const files = readdirSync(folder).filter((name) => name.endsWith('.yaml'));

const header = 'cloudarch: "1"\nname: schema\nzones: [a, b]\nresources:\n';

const contains = (outer: Range, line: number, character: number): boolean =>
  (outer.start.line < line || (outer.start.line === line && outer.start.character <= character)) &&
  (line < outer.end.line || (line === outer.end.line && character <= outer.end.character));

/** The case's file as parsed, with the number of header lines before the case's own. */
function parseCase(c: Pick<Case, 'top' | 'file'>): { doc: ArchDocument; first: number } {
  const text = c.top === true ? c.file : header + c.file.replace(/^(?=.)/gm, '  ');
  return { doc: parseArchitecture(text), first: c.top === true ? 0 : 4 };
}

/**
 * Every diagnostic of the case, lines counted in its `file`, with the places it relates to. A fix's
 * edit shows the text it writes, and where it writes it when that is not the range the diagnostic
 * underlines.
 */
function schemaAnswer(c: Pick<Case, 'top' | 'file'>): string[] {
  const { doc, first } = parseCase(c);
  const at = (range: Range): string =>
    `${range.start.line - first}:${range.start.character}-${range.end.line - first}:${range.end.character}`;
  return doc.diagnostics.map((d) => {
    const fixes = (d.fixes ?? []).map(
      (fix) =>
        ` [${fix.title}${fix.isPreferred === true ? ' (preferred)' : ''}: ${fix.edits
          .map((edit) => `${JSON.stringify(edit.newText)}${at(edit.range) === at(d.range) ? '' : ` at ${at(edit.range)}`}`)
          .join(', ')}]`,
    );
    const related = (d.related ?? []).map((r) => ` (${r.message} at ${at(r.range)})`).join('');
    return `${d.severity} ${d.code} ${at(d.range)} ${d.message}${related}${fixes.join('')}`;
  });
}

describe('checks of one resource', () => {
  it('finds its fixtures', () => assert.deepEqual(files.sort(), ['rules.yaml', 'schema.yaml']));
  for (const file of files) {
    const cases = parse(readFileSync(join(folder, file), 'utf8')) as Case[];
    describe(file, () => {
      for (const c of cases)
        it(c.case, () => {
          assert.deepEqual(schemaAnswer(c), c.says);
          const { doc } = parseCase(c);
          // The CLI's JSON and the editor's quick fixes name the resource a diagnostic is about:
          // the one it lies in, and none for the top-level keys.
          for (const d of doc.diagnostics) {
            const inside = doc.resources.find((resource) => contains(resource.range, d.range.start.line, d.range.start.character));
            assert.deepEqual([d.source, d.resource], ['cloudarch', inside?.name], `${d.code} ${d.message}`);
            // A diagnostic with nothing to fix has no list of fixes (the CLI's JSON shows none).
            assert.notDeepEqual(d.fixes, [], `${d.code} ${d.message}`);
          }
          if (c.reads !== undefined) {
            const read = Object.fromEntries(Object.keys(c.reads).map((key) => [key, doc[key as keyof TopLevel] ?? null]));
            assert.deepEqual(read, c.reads);
          }
        });
    });
  }
});
