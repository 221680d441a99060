/**
 * Data-driven validation tests: each test/fixtures/validate/<case>.cloudarch.yaml is parsed and its
 * diagnostics compared with <case>.expected.json (code, severity, exact range, message excerpt),
 * each with the source `cloudarch`.
 * Every diagnostic the file produces must be expected, and every expected one must appear.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Codes, parseArchitecture } from '../../../src/core';

interface Expected {
  code: string;
  severity: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  messageIncludes: string;
}

const folder = join(__dirname, '..', '..', 'fixtures', 'validate');
const cases = readdirSync(folder)
  .filter((name) => name.endsWith('.cloudarch.yaml'))
  .sort();

describe('validation fixtures', () => {
  it('finds the fixtures', () => assert.ok(cases.length >= 30, `only ${cases.length} fixtures`));

  for (const file of cases) {
    const name = file.replace('.cloudarch.yaml', '');
    it(name, () => {
      const text = readFileSync(join(folder, file), 'utf8');
      const expected = JSON.parse(readFileSync(join(folder, `${name}.expected.json`), 'utf8')) as Expected[];
      const actual = parseArchitecture(text).diagnostics;
      const shown = actual
        .map(
          (d) =>
            `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`,
        )
        .join('\n');
      assert.equal(actual.length, expected.length, `diagnostics:\n${shown}`);
      expected.forEach((want, index) => {
        const got = actual[index]!;
        assert.equal(got.code, want.code, shown);
        assert.equal(got.severity, want.severity, shown);
        // The source the Problems panel shows beside each diagnostic (security findings have their own).
        assert.equal(got.source, 'cloudarch', `${name}: the source of ${got.code}`);
        assert.deepEqual(got.range.start, { line: want.line, character: want.character }, shown);
        // Ranges are pinned in full: an expectation without its end is a fixture defect.
        assert.ok(
          Number.isInteger(want.endLine) && Number.isInteger(want.endCharacter),
          `${name}: expectation ${index + 1} must give endLine and endCharacter`,
        );
        assert.deepEqual(got.range.end, { line: want.endLine, character: want.endCharacter }, shown);
        assert.ok(got.message.includes(want.messageIncludes), `message "${got.message}" lacks "${want.messageIncludes}"`);
        assert.ok(!/must NOT|must be equal to|should match/.test(got.message), `raw ajv text leaked: ${got.message}`);
      });
    });
  }

  it('has a fixture for every semantic code it can name', () => {
    const covered = new Set(
      cases.flatMap((file) =>
        (JSON.parse(readFileSync(join(folder, file.replace('.cloudarch.yaml', '.expected.json')), 'utf8')) as Expected[]).map(
          (e) => e.code,
        ),
      ),
    );
    // Codes only reachable with hostile input are covered by test/unit/hostile.test.ts.
    const hostileOnly = new Set<string>([
      Codes.fileTooLarge,
      Codes.nestingTooDeep,
      Codes.tooManyAliases,
      Codes.invalidCharacter,
      Codes.byteOrderMark,
      Codes.tabIndentation,
      Codes.invalidKey,
      Codes.notAMap,
      Codes.resourceNotAMap,
      Codes.multiAttachLimit,
    ]);
    const missing = Object.values(Codes).filter((code) => !covered.has(code) && !hostileOnly.has(code));
    assert.deepEqual(missing, []);
  });
});
