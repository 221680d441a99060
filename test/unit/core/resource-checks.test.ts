/**
 * What the checks of one resource say (test/fixtures/resource-checks/: `resource.yaml`, its name,
 * body and type; `schema.yaml`, each kind of value of the wrong shape; `rules.yaml`, each
 * single-resource rule beside its near misses): the words of the message, the full range it
 * underlines, the places it relates to and the fixes it offers with their edits, as the editor
 * shows them; where a case asks, the range of each resource, the values the evaluators read and,
 * for a whole file, the top-level values as the evaluations receive them.
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
  /** The range of every resource, `name line:character-line:character`. */
  readonly covers?: readonly string[];
  /** The plain values of every resource, `name {JSON}`. */
  readonly props?: readonly string[];
}

const folder = join(__dirname, '..', '..', 'fixtures', 'resource-checks');
const files = readdirSync(folder).filter((f) => f.endsWith('.yaml'));

const header = 'cloudarch: "1"\nname: schema\nzones: [a, b]\nresources:\n';

const contains = (outer: Range, line: number, character: number): boolean =>
  (outer.start.line < line || (outer.start.line === line && outer.start.character <= character)) &&
  (line < outer.end.line || (line === outer.end.line && character <= outer.end.character));

/** A range as `line:character-line:character`, lines counted from `first`. */
function span(range: Range, first: number): string {
  const { start, end } = range;
  return `${start.line - first}:${start.character}-${end.line - first}:${end.character}`;
}

/** The case's file parsed, and the line of the parse where the case's `file` starts. */
function parseCase(c: Pick<Case, 'top' | 'file'>): { doc: ArchDocument; first: number } {
  const text = c.top === true ? c.file : header + c.file.replace(/^(?=.)/gm, '  ');
  return { doc: parseArchitecture(text), first: c.top === true ? 0 : 4 };
}

/**
 * Every diagnostic of the case, lines counted in its `file`, with the places it relates to; each
 * fix with its edits' ranges and texts. A diagnostic from elsewhere than `cloudarch` (the Problems
 * panel's source) says so.
 */
function schemaAnswer(c: Pick<Case, 'top' | 'file'>): string[] {
  const { doc, first } = parseCase(c);
  return doc.diagnostics.map((d) => {
    const fixes = (d.fixes ?? []).map(
      (fix) =>
        ` [${fix.title}${fix.isPreferred === true ? ' (preferred)' : ''}: ${fix.edits.map((edit) => `${span(edit.range, first)} ${JSON.stringify(edit.newText)}`).join(', ')}]`,
    );
    const related = (d.related ?? []).map((r) => ` (${r.message} at ${span(r.range, first)})`).join('');
    const source = d.source === 'cloudarch' ? '' : ` (source: ${String(d.source)})`;
    // An empty list of fixes is not the same as none: `cloudarch validate --json` prints it.
    if (d.fixes?.length === 0) fixes.push(' []');
    return `${d.severity} ${d.code} ${span(d.range, first)} ${d.message}${related}${fixes.join('')}${source}`;
  });
}

describe('checks of one resource', () => {
  it('finds its fixtures', () => assert.deepEqual(files.sort(), ['resource.yaml', 'rules.yaml', 'schema.yaml']));
  for (const file of files) {
    const cases = parse(readFileSync(join(folder, file), 'utf8')) as Case[];
    describe(file, () => {
      for (const c of cases)
        it(c.case, () => {
          assert.deepEqual(schemaAnswer(c), c.says);
          const { doc, first } = parseCase(c);
          // The CLI's JSON and the editor's quick fixes name the resource a diagnostic is about:
          // the one it lies in, and none for the top-level keys.
          for (const d of doc.diagnostics) {
            const inside = doc.resources.find((resource) => contains(resource.range, d.range.start.line, d.range.start.character));
            assert.deepEqual(d.resource, inside?.name, `${d.code} ${d.message}`);
          }
          if (c.reads !== undefined) {
            const read = Object.fromEntries(Object.keys(c.reads).map((key) => [key, doc[key as keyof TopLevel] ?? null]));
            assert.deepEqual(read, c.reads);
          }
          if (c.covers !== undefined)
            assert.deepEqual(
              doc.resources.map((r) => `${r.name} ${span(r.range, first)}`),
              c.covers,
            );
          if (c.props !== undefined)
            assert.deepEqual(
              doc.resources.map((r) => `${r.name} ${JSON.stringify(r.props)}`),
              c.props,
            );
        });
    });
  }
});
