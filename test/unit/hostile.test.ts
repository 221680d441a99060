/**
 * Hostile input: every case must give its diagnostic (with a range), finish quickly, and leave the
 * process alive when repeated. The deep-nesting cases matter most: yaml 2.9.1 kills the process on
 * the second composition of such input, so they prove the pre-parse scan refuses them.
 * Static cases live in test/fixtures/hostile (cases.json names the expected code); large or
 * generated ones are built here.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchitecture, type ArchDocument } from '../../src/core';

const folder = join(__dirname, '..', 'fixtures', 'hostile');
const staticCases = JSON.parse(readFileSync(join(folder, 'cases.json'), 'utf8')) as Record<string, string>;

const header = 'cloudarch: "1"\nname: Hostile\nresources:\n';
const generated: Record<string, { text: () => string; code: string }> = {
  'file over the size limit': { text: () => `${header}# ${'x'.repeat(11 * 1024 * 1024)}\n`, code: 'file-too-large' },
  '1,000 nested block sequences on one line': { text: () => `${'- '.repeat(1000)}b`, code: 'nesting-too-deep' },
  '2,000 open brackets': { text: () => '['.repeat(2000), code: 'nesting-too-deep' },
  '2,000 open braces': { text: () => '{'.repeat(2000), code: 'nesting-too-deep' },
  'nested flow inside a resource': {
    text: () => `${header}  a:\n    type: external.users\n    tags: ${'['.repeat(500)}${']'.repeat(500)}\n`,
    code: 'nesting-too-deep',
  },
  '300 levels of indentation': {
    text: () => `a:\n${Array.from({ length: 300 }, (_, depth) => `${' '.repeat(depth + 1)}k${depth}:`).join('\n')}\n`,
    code: 'nesting-too-deep',
  },
  'an unpaired surrogate': {
    text: () => `${header}  users:\n    type: external.users\n    label: "a\ud800b"\n`,
    code: 'invalid-character',
  },
  'a 2 MB single-line scalar': {
    text: () => `${header}  users:\n    type: external.users\n    label: ${'y'.repeat(2_000_000)}\n`,
    code: 'value-out-of-range',
  },
  '500 unsafe tags': {
    text: () =>
      `${header}  users:\n    type: external.users\n    tags:\n${Array.from({ length: 500 }, (_, i) => `      k${i}: !Sub v${i}`).join('\n')}\n`,
    code: 'unsafe-tag',
  },
  '1e400 and huge integers': {
    text: () => `${header}  fn:\n    type: aws.lambda.function\n    memoryMB: 1e400\n    avgDurationMs: 123456789012345678901234567890\n`,
    code: 'non-finite-number',
  },
};

function assertHasCode(doc: ArchDocument, code: string): void {
  const found = doc.diagnostics.find((diagnostic) => diagnostic.code === code);
  assert.ok(found, `expected ${code}, got ${doc.diagnostics.map((d) => d.code).join(', ') || 'nothing'}`);
  assert.ok(found.range.start.line >= 0 && found.range.end.line >= found.range.start.line, 'the diagnostic has a range');
  for (const resource of doc.resources) assertNoBadNumbers(resource.props);
}

/** Props never carry NaN or Infinity to the evaluators. */
function assertNoBadNumbers(value: unknown): void {
  if (typeof value === 'number') assert.ok(Number.isFinite(value), `non-finite number ${value} in props`);
  else if (Array.isArray(value)) value.forEach(assertNoBadNumbers);
  else if (value !== null && typeof value === 'object') {
    assert.equal(Object.getPrototypeOf(value), Object.prototype, 'props are plain objects');
    Object.values(value).forEach(assertNoBadNumbers);
  }
}

const repetitions = 5;

describe('hostile input', () => {
  for (const [file, code] of Object.entries(staticCases)) {
    const text = readFileSync(join(folder, file), 'utf8');
    for (let round = 1; round <= repetitions; round++) {
      it(`${file} -> ${code} (run ${round})`, function () {
        this.timeout(1000);
        assertHasCode(parseArchitecture(text), code);
      });
    }
  }
  for (const [name, { text, code }] of Object.entries(generated)) {
    const source = text();
    for (let round = 1; round <= repetitions; round++) {
      it(`${name} -> ${code} (run ${round})`, function () {
        this.timeout(1000);
        assertHasCode(parseArchitecture(source), code);
      });
    }
  }

  it('never lets __proto__ reach an object prototype', () => {
    const doc = parseArchitecture(`${header}  users:\n    type: external.users\n    tags: { __proto__: { polluted: "yes" } }\n`);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal((doc.resources[0]!.props.tags as Record<string, unknown>).polluted, undefined);
  });

  it('reads CRLF files with the same ranges as LF files', () => {
    const lf = `${header}  users:\n    type: external.users\n    connectsTo: [nowhere]\n`;
    const crlf = lf.replace(/\n/g, '\r\n');
    const strip = (doc: ArchDocument) => doc.diagnostics.map((d) => [d.code, d.range]);
    assert.deepEqual(strip(parseArchitecture(crlf)), strip(parseArchitecture(lf)));
  });

  it('reads a lone CR as a line break, as LSP does, so later ranges stay right', () => {
    const doc = parseArchitecture(`${header}  users:\r    type: external.users\n    connectsTo: [nowhere]\n`);
    const unknown = doc.diagnostics.find((d) => d.code === 'unknown-reference');
    assert.deepEqual(unknown?.range.start, { line: 5, character: 17 });
  });

  it('does not throw for non-string input', () => {
    const doc = parseArchitecture(undefined as unknown as string);
    assert.ok(Array.isArray(doc.diagnostics));
  });
});
