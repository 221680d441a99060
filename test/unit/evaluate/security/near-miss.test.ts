/**
 * Near misses of the security rules, read from a table: test/fixtures/security/near-misses/, one
 * file per rule group (`networking.yaml` holds the rules of src/evaluate/security/rules/networking.ts).
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
 *
 * A row: a design the rule fires on (`design`, the resources map, unindented; `top` for other
 * top-level keys), where the finding is (`resource`, `path`, `span`), then variants of the design
 * that differ from it in one condition only. A variant is a single edit, `replace: [text,
 * replacement]`, where the text occurs exactly once in the design, so a variant cannot differ from
 * the design in more than the one place it names. To cover a new condition of a rule, add a variant;
 * to cover a new rule, add a row to its group's file. Every rule of the registry needs a row.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseArchitecture } from '../../../../src/core';
import { evaluateSecurity } from '../../../../src/evaluate/security';
import { securityRules } from '../../../../src/evaluate/security/registry';
import type { SecurityRule } from '../../../../src/evaluate/security/rule';
import { analyticsRules } from '../../../../src/evaluate/security/rules/analytics';
import { applicationRules } from '../../../../src/evaluate/security/rules/application';
import { beanstalkRules, computeRules } from '../../../../src/evaluate/security/rules/compute';
import { coverageRules } from '../../../../src/evaluate/security/rules/coverage';
import { databaseRules } from '../../../../src/evaluate/security/rules/databases';
import { exposureRules } from '../../../../src/evaluate/security/rules/exposure-rules';
import { migrationRules } from '../../../../src/evaluate/security/rules/migration';
import { loadBalancerAndCdnRules, securityGroupRules } from '../../../../src/evaluate/security/rules/networking';
import { storageRules } from '../../../../src/evaluate/security/rules/storage';
import type { SecurityFinding } from '../../../../src/evaluate/types';

interface Variant {
  /** The condition the variant changes, in words. */
  readonly when: string;
  /** `[text, replacement]`: the text must occur exactly once in the design... */
  readonly replace?: readonly [string, string];
  /** ...or, instead, other top-level keys than the row's (the file's zones, say). */
  readonly top?: string;
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

/** The rule groups, by the name of their rules file and of their table file. */
const groups: Readonly<Record<string, readonly SecurityRule[]>> = {
  analytics: analyticsRules,
  application: applicationRules,
  compute: [...computeRules, ...beanstalkRules],
  coverage: coverageRules,
  databases: databaseRules,
  'exposure-rules': exposureRules,
  migration: migrationRules,
  networking: [...securityGroupRules, ...loadBalancerAndCdnRules],
  storage: storageRules,
};

const tableFolder = join(__dirname, '..', '..', '..', 'fixtures', 'security', 'near-misses');
const tables = readdirSync(tableFolder)
  .filter((file) => file.endsWith('.yaml'))
  .sort()
  .map((file) => ({ group: file.replace(/\.yaml$/, ''), rows: parse(readFileSync(join(tableFolder, file), 'utf8')) as Row[] }));
const rows: readonly Row[] = tables.flatMap((table) => table.rows);

function fileText(row: Row, design: string, top = row.top): string {
  const resources = design
    .replace(/\s+$/, '')
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  return `cloudarch: "1"\nname: ${row.rule} near miss\n${top ?? ''}resources:\n${resources}\n`;
}

/** The file of a variant: the row's design changed by the variant's one edit. */
function variantText(row: Row, variant: Variant): string {
  assert.ok(
    (variant.replace === undefined) !== (variant.top === undefined),
    `the variant "${variant.when}" must make exactly one edit: \`replace\` or \`top\``,
  );
  if (variant.top !== undefined) {
    assert.notEqual(variant.top, row.top, `the variant "${variant.when}" changes nothing`);
    return fileText(row, row.design, variant.top);
  }
  return fileText(row, substitute(row.design, variant.replace!));
}

function substitute(design: string, [text, replacement]: readonly [string, string]): string {
  const first = design.indexOf(text);
  assert.notEqual(replacement, text, `the variant replacing ${JSON.stringify(text)} changes nothing`);
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
 * A span whose covered text is itself a flow list wears its own brackets: `[[a, b]]`.
 */
function locateSpan(text: string, span: string): { start: number; covered: string } {
  // The first `[` and the last `]` mark the covered text, so a flow list is written `zones: [[a]]`.
  const bracket = /^(.*?)\[(.+)\](.*)$/s.exec(span);
  const [before, covered, after] = bracket ? [bracket[1]!, bracket[2]!, bracket[3]!] : ['', span, ''];
  const at = text.indexOf(before + covered + after);
  assert.ok(at >= 0, `the span ${JSON.stringify(span)} is not in the design`);
  return { start: at + before.length, covered };
}

function assertFires(row: Row, text: string, span: string): void {
  const findings = findingsOf(text, row.rule);
  const hits = findings.filter((item) => item.resource === row.resource && item.path.join('.') === row.path);
  assert.equal(
    hits.length,
    1,
    `expected one ${row.rule} on ${row.resource} ${row.path}; got ${JSON.stringify(findings.map((item) => `${item.resource} ${item.path.join('.')}`))}\n${text}`,
  );
  const hit = hits[0]!;
  const expected = locateSpan(text, span);
  const covered = text.slice(offsetOf(text, hit.range.start), offsetOf(text, hit.range.end));
  assert.equal(covered, expected.covered, `the range ${JSON.stringify(hit.range)} covers ${JSON.stringify(covered)}`);
  assert.equal(offsetOf(text, hit.range.start), expected.start, `the range must start where the span ${JSON.stringify(span)} says`);
}

describe('security rules: near misses from the table', () => {
  it("names only rules that exist, each in its group's file, each row with at least one near miss", () => {
    const known = new Set(securityRules.map((rule) => rule.id));
    assert.deepEqual(
      tables.map((table) => table.group),
      Object.keys(groups).filter((group) => tables.some((table) => table.group === group)),
    );
    for (const table of tables) {
      const members = groups[table.group];
      assert.ok(members, `${table.group}.yaml names no rules file of src/evaluate/security/rules/`);
      for (const row of table.rows) {
        assert.ok(known.has(row.rule), `${row.rule} is not a rule`);
        assert.ok(
          members.some((rule) => rule.id === row.rule),
          `${row.rule} belongs in the table of its own group, not ${table.group}.yaml`,
        );
        assert.ok((row.passes ?? []).length > 0, `${row.rule}: a row needs at least one passing near miss`);
      }
    }
  });

  it('has a row for every rule of the registry', () => {
    const covered = new Set(rows.map((row) => row.rule));
    assert.deepEqual(
      securityRules.map((rule) => rule.id).filter((id) => !covered.has(id)),
      [],
    );
  });

  for (const row of rows) {
    describe(`${row.rule} on ${row.resource} ${row.path}`, () => {
      it(`fires on the design, covering ${JSON.stringify(row.span)}`, () => {
        assertFires(row, fileText(row, row.design), row.span);
      });
      for (const variant of row.passes ?? []) {
        it(`does not fire when ${variant.when}`, () => {
          const text = variantText(row, variant);
          // The resource must still be there, of the same type: a near miss that renamed or retyped it would pass vacuously.
          const typeIn = (file: string) => parseArchitecture(file).resourceByName.get(row.resource)?.type;
          assert.equal(
            typeIn(text),
            typeIn(fileText(row, row.design)),
            `near miss "${variant.when}" must keep \`${row.resource}\` and its type`,
          );
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
          assertFires(row, variantText(row, variant), variant.span ?? row.span);
        });
      }
    });
  }
});
