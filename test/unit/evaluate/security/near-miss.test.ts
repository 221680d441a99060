/**
 * Near misses of the security rules, read from a table (test/fixtures/security/near-misses.yaml).
 *
 * A rule's one failing and one passing fixture show that it fires, but not on which condition: a
 * condition the passing fixture never exercises can vanish unnoticed (an exemption dropped, a
 * bound moved). Each row of the table is a failing design and the same design changed in exactly
 * one condition: `passes` rows must silence the rule, `fails` rows must keep it firing. Adding a
 * condition to a rule means adding a row.
 *
 * Every failing variant also pins the finding's range: `span` is the exact text the range covers
 * (with brackets to pick it out of a longer context, `encrypted: [true]`), so a range shifted by
 * one character or one line fails.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseArchitecture } from '../../../../src/core';
import { evaluateSecurity } from '../../../../src/evaluate/security';
import { securityRules } from '../../../../src/evaluate/security/registry';
import type { SecurityFinding } from '../../../../src/evaluate/types';

interface Variant {
  /** The condition the variant changes, in words. */
  readonly when: string;
  /** `[text, replacement]`: the text must occur exactly once in the design. */
  readonly replace: readonly [string, string];
  /** For a failing variant: the exact text its finding covers, when it differs from the row's. */
  readonly span?: string;
}

interface Row {
  readonly rule: string;
  /** The resources of a design the rule fires on (the `resources:` map, unindented). */
  readonly design: string;
  /** Top-level keys other than `resources` (zones, workload...), as YAML. */
  readonly top?: string;
  /** The resource the finding is on. */
  readonly resource: string;
  /** The finding's path in that resource, dot-separated. */
  readonly path: string;
  /** The exact text the finding's range covers in the design. */
  readonly span: string;
  readonly passes?: readonly Variant[];
  readonly fails?: readonly Variant[];
}

const tablePath = join(__dirname, '..', '..', '..', 'fixtures', 'security', 'near-misses.yaml');
const rows = parse(readFileSync(tablePath, 'utf8')) as Row[];

function fileText(row: Row, design: string): string {
  const resources = design.replace(/\s+$/, '').split('\n').map((line) => `  ${line}`).join('\n');
  return `cloudarch: "1"\nname: ${row.rule} near miss\n${row.top ?? ''}resources:\n${resources}\n`;
}

function substitute(design: string, [text, replacement]: readonly [string, string]): string {
  const first = design.indexOf(text);
  assert.ok(first >= 0, `the table's replace text ${JSON.stringify(text)} is not in the design`);
  assert.equal(design.indexOf(text, first + 1), -1, `the table's replace text ${JSON.stringify(text)} occurs more than once`);
  return design.slice(0, first) + replacement + design.slice(first + text.length);
}

function offsetOf(text: string, position: { line: number; character: number }): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let line = 0; line < position.line; line++) offset += lines[line]!.length + 1;
  return offset + position.character;
}

function findingsOf(text: string, rule: string): SecurityFinding[] {
  const doc = parseArchitecture(text);
  const errors = doc.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  assert.deepEqual(
    errors.map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`),
    [],
    `the design itself must be valid:\n${text}`,
  );
  return evaluateSecurity(doc).findings.filter((item) => item.ruleId === rule);
}

/**
 * Where a span says the range lies: `0.0.0.0/0` is the first occurrence of that text; with
 * brackets, `encrypted: [true]` is the bracketed text inside the first occurrence of the whole.
 */
function locateSpan(text: string, span: string): { start: number; covered: string } {
  const bracket = /^(.*)\[(.+)\](.*)$/s.exec(span);
  const [before, covered, after] = bracket ? [bracket[1]!, bracket[2]!, bracket[3]!] : ['', span, ''];
  const at = text.indexOf(before + covered + after);
  assert.ok(at >= 0, `the span ${JSON.stringify(span)} is not in the design`);
  return { start: at + before.length, covered };
}

function assertFires(row: Row, text: string, span: string): void {
  const findings = findingsOf(text, row.rule);
  const hit = findings.find((item) => item.resource === row.resource && item.path.join('.') === row.path);
  assert.ok(hit, `expected ${row.rule} on ${row.resource} ${row.path}; got ${JSON.stringify(findings.map((item) => `${item.resource} ${item.path.join('.')}`))}\n${text}`);
  const expected = locateSpan(text, span);
  const covered = text.slice(offsetOf(text, hit.range.start), offsetOf(text, hit.range.end));
  assert.equal(covered, expected.covered, `the range ${JSON.stringify(hit.range)} covers ${JSON.stringify(covered)}`);
  assert.equal(offsetOf(text, hit.range.start), expected.start, `the range must start where the span ${JSON.stringify(span)} says`);
}

describe('security rules: near misses from the table', () => {
  it('names only rules that exist, each row with at least one near miss', () => {
    const known = new Set(securityRules.map((rule) => rule.id));
    for (const row of rows) {
      assert.ok(known.has(row.rule), `${row.rule} is not a rule`);
      assert.ok((row.passes ?? []).length > 0, `${row.rule}: a row needs at least one passing near miss`);
    }
  });

  for (const row of rows) {
    describe(`${row.rule} on ${row.resource} ${row.path}`, () => {
      it(`fires on the design, covering ${JSON.stringify(row.span)}`, () => {
        assertFires(row, fileText(row, row.design), row.span);
      });
      for (const variant of row.passes ?? []) {
        it(`does not fire when ${variant.when}`, () => {
          const text = fileText(row, substitute(row.design, variant.replace));
          const findings = findingsOf(text, row.rule).filter((item) => item.resource === row.resource);
          assert.deepEqual(
            findings.map((item) => item.message),
            [],
            `near miss "${variant.when}" still raises ${row.rule}:\n${text}`,
          );
        });
      }
      for (const variant of row.fails ?? []) {
        it(`still fires when ${variant.when}`, () => {
          assertFires(row, fileText(row, substitute(row.design, variant.replace)), variant.span ?? row.span);
        });
      }
    });
  }
});
