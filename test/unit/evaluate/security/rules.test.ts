/**
 * Every security rule against its two fixtures: the failing fixture marks the line of the expected
 * finding with `# expect: <RULE> <resource> [<path>] covers "<text>"` (the exact text the finding's
 * range covers on that line, from its first occurrence there) or, for a range over several lines,
 * `range L:C-L:C` (0-based, as LSP counts); the passing fixture must not produce the rule's finding. Fixes carried by findings are applied to the failing text, the result reparsed
 * and re-evaluated, and the finding must be gone.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseArchitecture } from '../../../../src/core';
import type { ArchDocument, Range } from '../../../../src/core';
import { evaluateSecurity } from '../../../../src/evaluate/security';
import { securityRules } from '../../../../src/evaluate/security/registry';
import type { SecurityFinding } from '../../../../src/evaluate/types';

const fixtures = join(__dirname, '..', '..', '..', 'fixtures', 'security', 'rules');

interface Expectation {
  readonly ruleId: string;
  readonly resource: string;
  readonly path: string;
  readonly line: number;
  /** The range the finding must have, in full. */
  readonly range: Range | undefined;
}

/** Reads the `# expect:` markers of a fixture, with the range each one pins. */
function expectations(text: string): Expectation[] {
  const found: Expectation[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const match =
      /#\s*expect:\s*(\S+)\s+(\S+)(?:\s+(?!covers\b|range\b)(\S+))?(?:\s+covers\s+("(?:[^"\\]|\\.)*")|\s+range\s+(\d+):(\d+)-(\d+):(\d+))?/.exec(
        line,
      );
    if (!match) return;
    let range: Range | undefined;
    if (match[4] !== undefined) {
      const covered = JSON.parse(match[4]) as string;
      const code = line.slice(0, line.indexOf('#'));
      const character = code.indexOf(covered);
      range =
        character < 0 ? undefined : { start: { line: index, character }, end: { line: index, character: character + covered.length } };
    } else if (match[5] !== undefined) {
      range = {
        start: { line: Number(match[5]), character: Number(match[6]) },
        end: { line: Number(match[7]), character: Number(match[8]) },
      };
    }
    found.push({ ruleId: match[1]!, resource: match[2]!, path: match[3] ?? '', line: index, range });
  });
  return found;
}

function applyFix(text: string, item: SecurityFinding): string {
  const document = TextDocument.create('file:///fixture.cloudarch.yaml', 'cloudarch', 1, text);
  return TextDocument.applyEdits(document, [...item.fix!.edits]);
}

function errorCodes(doc: ArchDocument): string[] {
  return doc.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => diagnostic.code);
}

function describeFindings(findings: readonly SecurityFinding[]): string {
  return findings.map((item) => `${item.ruleId} ${item.resource} ${item.path.join('.')} @${item.range.start.line}`).join('\n  ');
}

describe('security rules against their fixtures', () => {
  it('has at least 40 rules with unique, well-formed ids', () => {
    assert.ok(securityRules.length >= 40, `only ${securityRules.length} rules`);
    const ids = securityRules.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate rule id');
    for (const id of ids) assert.match(id, /^CA-[A-Z0-9]+-\d{3}$/);
  });

  it('gives every rule its metadata: title, remediation, severity, types', () => {
    for (const rule of securityRules) {
      assert.ok(rule.title.length > 10 && rule.remediation.length > 10 && rule.description.length > 10, rule.id);
      assert.ok(['critical', 'high', 'medium', 'low', 'info'].includes(rule.severity), rule.id);
      assert.ok(rule.types.length > 0, rule.id);
      for (const id of [...rule.checkov]) assert.match(id, /^CKV2?_AWS_\d+$/, rule.id);
    }
  });

  for (const rule of securityRules) {
    describe(rule.id, () => {
      const failPath = join(fixtures, `${rule.id}.fail.cloudarch.yaml`);
      const passPath = join(fixtures, `${rule.id}.pass.cloudarch.yaml`);

      it('has a failing and a passing fixture', () => {
        assert.ok(existsSync(failPath), `missing ${failPath}`);
        assert.ok(existsSync(passPath), `missing ${passPath}`);
      });

      it('reports the finding at the marked place in the failing fixture', () => {
        const text = readFileSync(failPath, 'utf8');
        const doc = parseArchitecture(text);
        assert.deepEqual(errorCodes(doc), [], 'the fixture itself must be valid');
        const marks = expectations(text).filter((mark) => mark.ruleId === rule.id);
        assert.ok(marks.length > 0, 'the failing fixture marks where the finding is expected');
        const findings = evaluateSecurity(doc).findings;
        for (const mark of marks) {
          const hit = findings.find(
            (item) => item.ruleId === rule.id && item.resource === mark.resource && item.path.join('.') === mark.path,
          );
          assert.ok(hit, `expected ${rule.id} on ${mark.resource} ${mark.path}; got:\n  ${describeFindings(findings)}`);
          assert.ok(mark.range, `the marker on line ${mark.line + 1} must pin the range: covers "<text on that line>" or range L:C-L:C`);
          assert.deepEqual(hit.range, mark.range, `range of ${rule.id} on ${mark.resource}`);
          assert.equal(hit.severity, rule.severity);
          assert.match(hit.message, new RegExp(mark.resource.replace(/[-]/g, '\\-')), 'the message names the resource');
          assert.deepEqual([...(hit.checkov ?? [])], [...rule.checkov]);
          assert.deepEqual([...(hit.securityHub ?? [])], [...rule.securityHub]);
        }
      });

      it('does not report the finding in the passing fixture', () => {
        const text = readFileSync(passPath, 'utf8');
        const doc = parseArchitecture(text);
        assert.deepEqual(errorCodes(doc), [], 'the fixture itself must be valid');
        const findings = evaluateSecurity(doc).findings.filter((item) => item.ruleId === rule.id);
        assert.deepEqual(
          findings.map((item) => item.message),
          [],
        );
      });

      if (rule.fixable) {
        it('fixes the failing fixture mechanically', () => {
          const text = readFileSync(failPath, 'utf8');
          const doc = parseArchitecture(text);
          const before = evaluateSecurity(doc).findings.filter((item) => item.ruleId === rule.id);
          assert.ok(before.length > 0);
          for (const item of before) {
            assert.ok(item.fix, `${rule.id} is documented as fixable but the finding on ${item.resource} has no fix`);
            const fixedText = applyFix(text, item);
            const fixed = parseArchitecture(fixedText);
            const newErrors = errorCodes(fixed).filter((code) => !errorCodes(doc).includes(code));
            assert.deepEqual(newErrors, [], `the fix produced errors:\n${fixedText}`);
            const still = evaluateSecurity(fixed).findings.filter(
              (other) => other.ruleId === rule.id && other.resource === item.resource && other.path.join('.') === item.path.join('.'),
            );
            assert.deepEqual(
              still.map((other) => other.message),
              [],
              `the fix did not remove the finding:\n${fixedText}`,
            );
          }
        });
      }
    });
  }
});
