/**
 * Every finding in every security rule fixture (test/fixtures/security/rules), word for word: rule,
 * resource, path, range, message and quick-fix title, as listed in
 * test/fixtures/security/rule-fixture-findings.yaml.
 *
 * The rule fixtures' own test checks that each rule fires where its marker says; this one also sees
 * what the user reads (a message naming the wrong port or the wrong default, a fix title emptied) and
 * every other rule's findings on the same files, so a condition that starts or stops firing anywhere
 * shows up as a diff. Mutation testing (docs/testing.md) found many such changes unnoticed before.
 *
 * After a deliberate change to rules or fixtures, rewrite the list with
 * `CLOUDARCH_UPDATE_FINDINGS=1 npx mocha test/unit/evaluate/security/rule-fixture-findings.test.ts`
 * and review the diff: every changed line is a change users will see.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { parseArchitecture } from '../../../../src/core';
import { evaluateSecurity } from '../../../../src/evaluate/security';
import type { SecurityFinding } from '../../../../src/evaluate/types';

const fixtures = join(__dirname, '..', '..', '..', 'fixtures', 'security', 'rules');
const listPath = join(__dirname, '..', '..', '..', 'fixtures', 'security', 'rule-fixture-findings.yaml');

/** One finding as a line of the list: `RULE resource path L:C-L:C | message | fix title`. */
function line(item: SecurityFinding): string {
  const { start, end } = item.range;
  const fix = item.fix ? ` | fix: ${item.fix.title}` : '';
  return `${item.ruleId} ${item.resource} ${item.path.join('.') || '-'} ${start.line}:${start.character}-${end.line}:${end.character} | ${item.message}${fix}`;
}

function fixtureFiles(): string[] {
  return readdirSync(fixtures)
    .filter((name) => name.endsWith('.cloudarch.yaml'))
    .sort();
}

function findingsOf(file: string): string[] {
  return evaluateSecurity(parseArchitecture(readFileSync(join(fixtures, file), 'utf8'))).findings.map(line);
}

// Each fixture is evaluated inside its own test, never while the file loads, so that mutation testing
// can tell which test covers which code (code run at load time counts as covered by every test).
describe('security rule fixtures: every finding, word for word', () => {
  const files = fixtureFiles();
  const expected = parse(readFileSync(listPath, 'utf8')) as Record<string, string[]>;

  if (process.env.CLOUDARCH_UPDATE_FINDINGS === '1') {
    it('rewrites the list (CLOUDARCH_UPDATE_FINDINGS=1)', () => {
      writeFileSync(listPath, stringify(Object.fromEntries(files.map((file) => [file, findingsOf(file)])), { lineWidth: 0 }));
    });
    return;
  }

  it('lists every fixture, and no fixture that is gone', () => {
    assert.deepEqual(Object.keys(expected), files);
  });

  for (const file of files) {
    it(file, () => {
      assert.deepEqual(findingsOf(file), expected[file] ?? []);
    });
  }
});
