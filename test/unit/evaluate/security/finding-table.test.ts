/**
 * Exact findings of the security rules, read from tables (test/fixtures/security/findings/*.yaml).
 *
 * The rule fixtures and the near-miss table say whether a rule fires; these tables say everything
 * the user sees when it does: every finding of the rule on the design (none missing, none extra), its
 * message word for word, the exact text its range covers, and the title of its quick fix (or that it
 * has none). Mutation testing (docs/testing.md) showed that a wrong port in a message, a finding
 * reported twice or a fix offered where none applies went unnoticed before.
 *
 * Each case: `rule`, a design (`design`, the resources map unindented; `top` for other top-level
 * keys) and `findings`, the rule's findings in the order the evaluation lists them, each with
 * `resource`, `path` (dot-separated), `message`, `span` (the covered text, its first occurrence from
 * the resource's name on; brackets pick it out of a longer context, `encrypted: [true]`) and `fix` (the quick fix's title, absent when there is none),
 * and optionally `fixed`: the design once the quick fix is applied, which pins the values the fix writes.
 * `findings: []` says the rule stays silent. `errors` lists the codes of validation errors a design
 * has on purpose: a file with an invalid value is still evaluated, and the rules read it leniently.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from 'yaml';
import { parseArchitecture } from '../../../../src/core';
import { evaluateSecurity } from '../../../../src/evaluate/security';
import { securityRules } from '../../../../src/evaluate/security/registry';

interface ExpectedFinding {
  readonly resource: string;
  readonly path: string;
  readonly message: string;
  readonly span: string;
  readonly fix?: string;
  /** The design (the resources map, as `design` is written) once the quick fix is applied, when the case pins what the fix writes. */
  readonly fixed?: string;
}

interface Case {
  /** What the case shows, in words. */
  readonly case: string;
  readonly rule: string;
  readonly design: string;
  readonly top?: string;
  /** Codes of the validation errors the design has on purpose (the rules still read it leniently). */
  readonly errors?: readonly string[];
  readonly findings: readonly ExpectedFinding[];
}

const folder = join(__dirname, '..', '..', '..', 'fixtures', 'security', 'findings');
const tables = readdirSync(folder)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => ({ name, cases: parse(readFileSync(join(folder, name), 'utf8')) as Case[] }));

function fileText(item: Case): string {
  const resources = item.design
    .replace(/\s+$/, '')
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  return `cloudarch: "1"\nname: "${item.rule} findings"\n${item.top ?? ''}resources:\n${resources}\n`;
}

/** The text a range covers, and where it starts, as offsets into the file. */
function covered(
  text: string,
  range: { start: { line: number; character: number }; end: { line: number; character: number } },
): { start: number; text: string } {
  const document = TextDocument.create('file:///case.cloudarch.yaml', 'cloudarch', 1, text);
  const start = document.offsetAt(range.start);
  return { start, text: text.slice(start, document.offsetAt(range.end)) };
}

/**
 * Where a span says the range lies: the first occurrence of the text in the resource's own lines, or
 * of the bracketed part within its context (`- { port: 80, from: [0.0.0.0/0]`).
 */
function spanStart(text: string, resource: string, span: string): { start: number; text: string } {
  // The first `[` and the last `]` mark the covered text, so a flow list is written `zones: [[a]]`.
  const bracket = /^(.*?)\[(.+)\](.*)$/s.exec(span);
  const [before, inside, after] = bracket ? [bracket[1]!, bracket[2]!, bracket[3]!] : ['', span, ''];
  const declaration = text.indexOf(`\n  ${resource}:`);
  assert.ok(declaration >= 0, `no resource ${resource} in the design`);
  const at = text.indexOf(before + inside + after, declaration + 1);
  assert.ok(at >= 0, `the span ${JSON.stringify(span)} is not in the design`);
  return { start: at + before.length, text: inside };
}

describe('security rules: exact findings from the tables', () => {
  it('names only rules that exist', () => {
    const known = new Set(securityRules.map((rule) => rule.id));
    for (const table of tables)
      for (const item of table.cases) assert.ok(known.has(item.rule), `${table.name}: ${item.rule} is not a rule`);
  });

  for (const table of tables) {
    describe(table.name, () => {
      for (const item of table.cases) {
        it(`${item.rule}: ${item.case}`, () => {
          const text = fileText(item);
          const doc = parseArchitecture(text);
          const errors = doc.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
          assert.deepEqual(
            errors.map((diagnostic) => diagnostic.code),
            [...(item.errors ?? [])],
            `the design's validation errors:\n${errors.map((diagnostic) => diagnostic.message).join('\n')}\n${text}`,
          );
          const findings = evaluateSecurity(doc).findings.filter((finding) => finding.ruleId === item.rule);
          assert.deepEqual(
            findings.map((finding) => ({
              resource: finding.resource,
              path: finding.path.join('.'),
              message: finding.message,
              fix: finding.fix?.title,
            })),
            item.findings.map((expected) => ({
              resource: expected.resource,
              path: expected.path,
              message: expected.message,
              fix: expected.fix,
            })),
            text,
          );
          findings.forEach((finding, index) => {
            const expected = spanStart(text, finding.resource, item.findings[index]!.span);
            assert.deepEqual(covered(text, finding.range), expected, `range of finding ${index + 1}`);
            // What the scanners' ids and the editor show: the rule's own lists, or no key at all for an empty one; every fix is the preferred one.
            const rule = securityRules.find((candidate) => candidate.id === finding.ruleId)!;
            assert.deepEqual(
              {
                checkov: finding.checkov,
                securityHub: finding.securityHub,
                keys: Object.keys(finding).filter((key) => key === 'checkov' || key === 'securityHub'),
              },
              {
                checkov: rule.checkov.length > 0 ? rule.checkov : undefined,
                securityHub: rule.securityHub.length > 0 ? rule.securityHub : undefined,
                keys: [...(rule.checkov.length > 0 ? ['checkov'] : []), ...(rule.securityHub.length > 0 ? ['securityHub'] : [])],
              },
            );
            if (finding.fix) assert.equal(finding.fix.isPreferred, true, 'a mechanical fix is the preferred quick fix');
            const fixed = item.findings[index]!.fixed;
            if (fixed === undefined) return;
            const document = TextDocument.create('file:///case.cloudarch.yaml', 'cloudarch', 1, text);
            assert.equal(
              TextDocument.applyEdits(document, [...finding.fix!.edits]),
              fileText({ ...item, design: fixed }),
              `fix of finding ${index + 1}`,
            );
          });
        });
      }
    });
  }
});
