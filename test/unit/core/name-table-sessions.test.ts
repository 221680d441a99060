/**
 * Editing sessions against the name table (test/fixtures/names/sessions.yaml): at each step the
 * document equals a fresh parse of its text, the diagnostics about names are the ones pinned, and
 * the resources resolved again are exactly those the edit concerns (the others keep the very
 * reference objects of the previous parse). Every parse is made inside the test, so that mutation
 * testing sees which steps reach which code. After a deliberate change, rewrite the expectations
 * with `CLOUDARCH_UPDATE_NAME_SESSIONS=1 npx mocha test/unit/core/name-table-sessions.test.ts` and
 * review the diff.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { parseArchitecture, type ArchDocument, type Range } from '../../../src/core';
import { assertEqualsFreshParse } from './fresh-parse';

interface Step {
  readonly replace?: readonly [string, string];
  readonly text?: string;
  readonly says?: readonly string[];
  readonly again?: readonly string[];
}

interface Session {
  readonly session: string;
  readonly start: string;
  readonly steps: readonly Step[];
}

const file = join(__dirname, '..', '..', 'fixtures', 'names', 'sessions.yaml');
const source = parseDocument(readFileSync(file, 'utf8'));
const sessions = source.toJS() as Session[];
const update = process.env.CLOUDARCH_UPDATE_NAME_SESSIONS === '1';

/** The codes of the checks about names and of those that read resolved references. */
const nameCodes = new Set([
  'unknown-reference',
  'wrong-reference-kind',
  'self-reference',
  'invalid-port',
  'dependency-cycle',
  'ebs-zone-mismatch',
  'volume-attached-twice',
  'unused-security-group',
  'multi-attach-limit',
  'unknown-zone',
  'replication-region-mismatch',
]);

const at = (range: Range): string => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

/** The diagnostics about names as a user reads them, with related places and fixes (title, edit). */
function says(doc: ArchDocument): string[] {
  return doc.diagnostics
    .filter((d) => nameCodes.has(d.code))
    .map((d) => {
      const related = (d.related ?? []).map((r) => ` (${r.message} at ${at(r.range)})`).join('');
      const fixes = (d.fixes ?? [])
        .map(
          (fix) =>
            ` [${fix.title}${fix.isPreferred ? ' (preferred)' : ''}: ${fix.edits.map((e) => `${at(e.range)} ${e.newText}`).join(', ')}]`,
        )
        .join('');
      return `${at(d.range)} ${d.code} ${d.message}${related}${fixes}`;
    });
}

/** The resources with at least one reference that is not an object of the previous parse. */
function resolvedAgain(previous: ArchDocument, doc: ArchDocument): string[] {
  const old = new Set(previous.references);
  const again = new Set<string>();
  for (const reference of doc.references) if (!old.has(reference)) again.add(reference.from);
  return [...again];
}

function apply(text: string, step: Step): string {
  if (step.text !== undefined) return step.text;
  const [from, to] = step.replace!;
  const index = text.indexOf(from);
  if (index < 0) throw new Error(`'${from}' is not in the text`);
  return text.slice(0, index) + to + text.slice(index + from.length);
}

describe('the name table through editing sessions', () => {
  sessions.forEach((session, sessionIndex) => {
    it(session.session, () => {
      let doc = parseArchitecture(session.start);
      session.steps.forEach((step, stepIndex) => {
        const next = parseArchitecture(apply(doc.text, step), { previous: doc });
        const label = `step ${stepIndex + 1} (${JSON.stringify(step.replace ?? 'text')})`;
        assertEqualsFreshParse(next, label);
        const seen = { says: says(next), again: resolvedAgain(doc, next) };
        if (update) {
          const node = source.getIn([sessionIndex, 'steps', stepIndex]) as { set(key: string, value: unknown): void };
          node.set('says', seen.says);
          node.set('again', seen.again);
        } else {
          assert.deepEqual(seen.says, step.says ?? [], `${label}: diagnostics`);
          assert.deepEqual(seen.again, step.again ?? [], `${label}: resources resolved again`);
        }
        doc = next;
      });
    });
  });
  after(() => {
    if (update)
      writeFileSync(file, source.toString({ lineWidth: 0, doubleQuotedMinMultiLineLength: 100000, flowCollectionPadding: false }));
  });
});
