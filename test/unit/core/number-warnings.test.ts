/**
 * The quick fixes of the two number warnings: octal-looking integers (`0755`) and fractions written
 * where a percentage is expected (`0.999`). Each fix must give the value the user most likely meant
 * and make its warning go away; values that are fine must not be flagged.
 */
import { strict as assert } from 'node:assert';
import { Codes, parseArchitecture } from '../../../src/core';
import type { ArchDiagnostic } from '../../../src/core/document';
import { LineIndex } from '../../../src/core/line-index';

function applyFix(text: string, diagnostic: ArchDiagnostic, index = 0): string {
  const fix = diagnostic.fixes?.[index];
  assert.ok(fix, `a fix for ${diagnostic.code}`);
  const lines = new LineIndex(text);
  const [edit] = fix.edits;
  return text.slice(0, lines.offsetAt(edit!.range.start)) + edit!.newText + text.slice(lines.offsetAt(edit!.range.end));
}

const header = 'cloudarch: "1"\nname: Numbers\n';

describe('number warnings', () => {
  const cases: { title: string; text: string; code: string; fixed: string }[] = [
    {
      title: 'octal-looking port -> the decimal it is read as',
      text: `${header}resources:\n  fw:\n    type: aws.ec2.security-group\n    ingress:\n      - { port: 0443, protocol: tcp, from: 10.0.0.0/8 }\n`,
      code: Codes.octalLookingNumber,
      fixed: 'port: 443,',
    },
    {
      title: 'negative octal-looking number',
      text: `${header}resources:\n  web:\n    type: external.users\n    tags: { a: -007 }\n`,
      code: Codes.octalLookingNumber,
      fixed: 'a: -7 }',
    },
    {
      title: 'availability 0.9995 -> 99.95 (no floating-point tail)',
      text: `${header}resources:\n  web:\n    type: aws.ec2.instance\n    instanceType: t3.micro\n    availability: 0.9995\n`,
      code: Codes.percentWrittenAsFraction,
      fixed: 'availability: 99.95\n',
    },
    {
      title: 'assumptions.regionAvailability 0.99999 -> 99.999',
      text: `${header}assumptions:\n  regionAvailability: 0.99999\nresources:\n  web:\n    type: external.users\n`,
      code: Codes.percentWrittenAsFraction,
      fixed: 'regionAvailability: 99.999\n',
    },
  ];
  for (const { title, text, code, fixed } of cases) {
    it(title, () => {
      const diagnostic = parseArchitecture(text).diagnostics.find((candidate) => candidate.code === code);
      assert.ok(diagnostic, `${code} is reported`);
      assert.equal(diagnostic.severity, 'warning');
      assert.ok(diagnostic.fixes?.[0]?.isPreferred, 'the first fix is preferred');
      const after = applyFix(text, diagnostic);
      assert.ok(after.includes(fixed), `fixed text has "${fixed}":\n${after}`);
      assert.ok(!parseArchitecture(after).diagnostics.some((candidate) => candidate.code === code), 'the fix removes the warning');
    });
  }

  it('quoting an octal-looking value keeps it as text', () => {
    const text = `${header}resources:\n  web:\n    type: external.users\n    tags: { code: 0755 }\n`;
    const diagnostic = parseArchitecture(text).diagnostics.find((candidate) => candidate.code === Codes.octalLookingNumber)!;
    const after = applyFix(text, diagnostic, 1);
    const doc = parseArchitecture(after);
    assert.deepEqual(doc.resources[0]!.props.tags, { code: '0755' });
    assert.deepEqual(doc.diagnostics, []);
  });

  it('leaves plain numbers, zero, decimals, quoted text and legitimately small percentages alone', () => {
    const text = `${header}assumptions:\n  zoneAvailability: 99.9\nresources:\n  web:\n    type: aws.ec2.instance\n    instanceType: t3.micro\n    count: 0x10\n    label: "0755"\n    availability: 0\n  files:\n    type: aws.efs.filesystem\n    infrequentAccessPercent: 0.5\n  n:\n    type: external.users\n    tags: { a: 0, b: 0.5, c: 10.05, d: 0o17 }\n`;
    const codes = parseArchitecture(text).diagnostics.map((diagnostic) => diagnostic.code);
    assert.ok(!codes.includes(Codes.octalLookingNumber), codes.join(', '));
    assert.ok(!codes.includes(Codes.percentWrittenAsFraction), codes.join(', '));
  });
});
