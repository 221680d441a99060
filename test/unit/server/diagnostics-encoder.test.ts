/**
 * What the evaluation worker sends back while the user types: the figures the views read, and the
 * diagnostics as JSON. The JSON must be exactly the LSP diagnostics the full result would give
 * (minus findings below the live minimum severity), and a finding's JSON must be reused while the
 * finding object is the same (that is what makes a keystroke cheap).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchitecture } from '../../../src/core/parse';
import { evaluateAll, findingDiagnostics } from '../../../src/evaluate/index';
import { figuresOf, severityShownLive } from '../../../src/evaluate/figures';
import type { EvaluationResult, SecurityFinding } from '../../../src/evaluate/types';
import type { Diagnostic } from 'vscode-languageserver-types';
import { fixesOfKeptFindings, toLspDiagnostic } from '../../../src/language/diagnostics';
import { codeLenses, inlayHints, summary } from '../../../src/language/evaluation-views';
import { carryOverDiagnostics, carryOverEncoded } from '../../../src/server/carry-over';
import { DiagnosticsEncoder as Encoder } from '../../../src/server/diagnostics-encoder';

const uri = 'file:///shop.cloudarch.yaml';
const text = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'three-tier-web.cloudarch.yaml'), 'utf8');
const doc = parseArchitecture(text);
const result = evaluateAll(doc, { monteCarloSamples: 0 });

/** An encoder as the worker makes one: serials count up across its encoders. */
let lastSerial = 0;
class DiagnosticsEncoder extends Encoder {
  constructor(documentUri: string) {
    super(documentUri, toLspDiagnostic, () => ++lastSerial);
  }
}

/** `result` with other findings, their diagnostics first as `evaluateAll` puts them. */
function withFindings(findings: readonly SecurityFinding[]): EvaluationResult {
  const security = { ...result.security!, findings };
  return {
    ...result,
    security,
    diagnostics: [...findingDiagnostics(security), ...result.diagnostics.slice(result.security!.findings.length)],
  };
}

function decode(json: string): unknown[] {
  return json === '' ? [] : (JSON.parse(`[${json}]`) as unknown[]);
}

describe('live evaluation', () => {
  it('has findings of every kind to test with', () => {
    const severities = new Set(result.security!.findings.map((finding) => finding.severity));
    assert.ok(severities.has('info') && severities.has('low'), `severities present: ${[...severities].join(', ')}`);
  });

  for (const minimum of ['info', 'low', 'high'] as const) {
    it(`encodes the LSP diagnostics of the findings down to ${minimum}, then the missed targets`, () => {
      const encoded = new DiagnosticsEncoder(uri).encode(result, minimum);
      const findings = result.security!.findings;
      const expected = result.diagnostics
        .filter((_diagnostic, index) => index >= findings.length || severityShownLive(findings[index]!.severity, minimum))
        // Findings leave their fixes with the evaluation (`keptFixes`); missed targets carry theirs.
        .map(
          (diagnostic, index) =>
            JSON.parse(JSON.stringify(toLspDiagnostic(diagnostic, uri, { keepFixes: index < findings.length }))) as unknown,
        );
      assert.deepEqual(decode(encoded.json), expected);
      assert.equal(encoded.count, expected.length);
    });
  }

  it('leaves informational findings out by default and shows them as hints when asked', () => {
    const low = decode(new DiagnosticsEncoder(uri).encode(result, 'low').json) as { severity: number; source: string }[];
    const all = decode(new DiagnosticsEncoder(uri).encode(result, 'info').json) as { severity: number; source: string }[];
    const infoCount = result.security!.counts.info;
    assert.ok(infoCount > 0);
    assert.equal(all.length - low.length, infoCount);
    assert.equal(all.filter((diagnostic) => diagnostic.source === 'cloudarch.security' && diagnostic.severity === 4).length, infoCount);
  });

  it('reuses the JSON of a finding object it has seen, and converts a new object', () => {
    const encoder = new DiagnosticsEncoder(uri);
    const first = encoder.encode(result, 'info');
    // A different object with the same content but another message: only it is converted again.
    const changed: SecurityFinding = { ...result.security!.findings[0]!, message: 'A changed message.' };
    const edited = withFindings([changed, ...result.security!.findings.slice(1)]);
    const second = decode(encoder.encode(edited, 'info').json) as { message: string }[];
    assert.equal(second[0]!.message, 'A changed message.');
    assert.deepEqual(second.slice(1), decode(first.json).slice(1));
    // The same object is not converted again: mutating it behind the encoder's back shows the cache.
    const mutable = { ...result.security!.findings[1]! } as { message: string } & SecurityFinding;
    const withMutable = withFindings([mutable]);
    encoder.encode(withMutable, 'info');
    mutable.message = 'mutated';
    assert.notEqual((decode(encoder.encode(withMutable, 'info').json)[0] as { message: string }).message, 'mutated');
  });

  describe('the fixes a finding leaves with the evaluation', () => {
    const findings = result.security!.findings;
    const published = decode(new DiagnosticsEncoder(uri).encode(result, 'info').json).slice(0, findings.length) as Diagnostic[];

    it('are exactly the fixes the finding would have carried, for every finding', () => {
      const withFix = findings.filter((finding) => finding.fix !== undefined).length;
      assert.ok(withFix > 3, `findings with fixes to test with: ${withFix}`);
      assert.deepEqual(
        published.map((diagnostic) => (diagnostic.data as { keptFixes?: number } | undefined)?.keptFixes ?? 0),
        findings.map((finding) => (finding.fix ? 1 : 0)),
      );
      assert.deepEqual(
        fixesOfKeptFindings(result, published),
        findings.map((finding) => (finding.fix ? [finding.fix] : [])),
      );
    });

    it('tell two findings of one rule on one resource apart by message and range, and find none for a finding that is gone', () => {
      const first = findings.find((finding) => finding.fix !== undefined)!;
      const second: SecurityFinding = {
        ...first,
        message: `${first.message} (again)`,
        range: { start: { line: first.range.start.line + 1, character: 0 }, end: { line: first.range.start.line + 1, character: 3 } },
        fix: { title: 'The second fix', edits: [] },
      };
      const twice = withFindings([first, second]);
      const [diagnosticOfFirst, diagnosticOfSecond] = decode(new DiagnosticsEncoder(uri).encode(twice, 'info').json) as Diagnostic[];
      assert.deepEqual(fixesOfKeptFindings(twice, [diagnosticOfSecond!, diagnosticOfFirst!]), [[second.fix], [first.fix]]);
      // The editor's copy of the first finding after its line moved: the message still tells it.
      const moved = { ...diagnosticOfFirst!, range: { start: { line: 900, character: 0 }, end: { line: 900, character: 1 } } };
      assert.deepEqual(fixesOfKeptFindings(twice, [moved]), [[first.fix]]);
      const gone = { ...diagnosticOfFirst!, data: { resource: 'no-such-resource', keptFixes: 1 } };
      assert.deepEqual(fixesOfKeptFindings(twice, [gone]), [[]]);
    });
  });

  it('writes the JSON in ASCII only, and it reads back as the same text', () => {
    const message = 'Reachable from the internet: internet → lb → web, ≥ 2 zones 😀';
    const changed: SecurityFinding = { ...result.security!.findings[0]!, message };
    const encoded = new DiagnosticsEncoder(uri).encode(withFindings([changed, ...result.security!.findings.slice(1)]), 'info');
    assert.match(encoded.json, /^[\x00-\x7f]*$/);
    assert.equal((decode(encoded.json)[0] as { message: string }).message, message);
    const misspelt = parseArchitecture(text.replace('type: aws.ec2.instance', 'type: aws.ec2.instancé'));
    const document = new DiagnosticsEncoder(uri).encodeDocument(misspelt);
    assert.match(document.json, /^[\x00-\x7f]*$/);
    assert.ok((decode(document.json) as { message: string }[]).some((diagnostic) => diagnostic.message.includes('instancé')));
  });

  it('answers an unchanged list with the same object and serial, and a changed one with a new serial', () => {
    const encoder = new DiagnosticsEncoder(uri);
    const first = encoder.encode(result, 'low');
    // A new result object whose findings read the same: nothing to join again.
    const again = encoder.encode(withFindings([...result.security!.findings]), 'low');
    assert.equal(again, first);
    assert.ok(first.serial !== undefined);
    const changed: SecurityFinding = { ...result.security!.findings[0]!, message: 'A changed message.' };
    const edited = encoder.encode(withFindings([changed, ...result.security!.findings.slice(1)]), 'low');
    assert.notEqual(edited.serial, first.serial);
    assert.notEqual(edited.json, first.json);
    const document = encoder.encodeDocument(doc);
    assert.equal(encoder.encodeDocument(parseArchitecture(text, { previous: doc })), document);
    assert.notEqual(document.serial, first.serial);
  });

  it('answers the same list when findings are new objects that read the same, and a new list once one reads differently', () => {
    const encoder = new DiagnosticsEncoder(uri);
    const findings = result.security!.findings;
    const first = encoder.encode(result, 'low');
    // What an edit inside one resource gives: its findings are made again, equal but new objects.
    const shown = findings.findIndex((finding) => severityShownLive(finding.severity, 'low'));
    const hidden = findings.findIndex((finding) => !severityShownLive(finding.severity, 'low'));
    const copies = findings.map((finding, index) => (index === shown || index === hidden ? { ...finding } : finding));
    assert.equal(encoder.encode(withFindings(copies), 'low'), first);
    const changed = copies.map((finding, index) => (index === shown ? { ...finding, message: 'Now it reads differently.' } : finding));
    const second = encoder.encode(withFindings(changed), 'low');
    assert.notEqual(second, first);
    assert.deepEqual(decode(second.json), [
      ...decode(first.json).slice(0, shown),
      { ...(decode(first.json)[shown] as object), message: 'Now it reads differently.' },
      ...decode(first.json).slice(shown + 1),
    ]);
    // And back: the text of the first list, as a fresh encoder gives it.
    assert.equal(encoder.encode(withFindings(copies), 'low').json, first.json);
    assert.equal(encoder.encode(result, 'low').json, new DiagnosticsEncoder(uri).encode(result, 'low').json);
  });

  it('encodes the document diagnostics as the language service converts them', () => {
    const broken = parseArchitecture(text.replace('type: aws.ec2.instance', 'type: aws.ec2.instanse'));
    const encoded = new DiagnosticsEncoder(uri).encodeDocument(broken);
    assert.ok(encoded.count > 0);
    assert.deepEqual(
      decode(encoded.json),
      broken.diagnostics.map((diagnostic) => JSON.parse(JSON.stringify(toLspDiagnostic(diagnostic, uri))) as unknown),
    );
  });

  it('gives the views the same output from the figures as from the full result', () => {
    const figures = JSON.parse(JSON.stringify(figuresOf(result))) as ReturnType<typeof figuresOf>;
    const everywhere = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
    assert.deepEqual(codeLenses(doc, figures, uri), codeLenses(doc, result, uri));
    assert.deepEqual(inlayHints(doc, figures, everywhere), inlayHints(doc, result, everywhere));
    assert.deepEqual(summary(uri, 2, doc, figures), summary(uri, 2, doc, result));
    const errors = doc.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
    assert.deepEqual(summary(uri, 2, { errorCount: errors }, figures), summary(uri, 2, doc, result));
    // Far smaller than the result: line items, exposure paths and fixes stay in the worker.
    assert.ok(JSON.stringify(figures).length < JSON.stringify(result).length / 2);
  });

  describe('carrying the encoded findings over to an edited text', () => {
    const encoded = new DiagnosticsEncoder(uri).encode(result, 'info');
    const decoded = decode(encoded.json) as Diagnostic[];
    const lines = text.split('\n');
    const findingLine = decoded[Math.floor(decoded.length / 2)]!.range.start.line;
    const quietLine = lines.findIndex(
      (line, index) =>
        line.trim() !== '' && !decoded.some((diagnostic) => diagnostic.range.start.line <= index && diagnostic.range.end.line >= index),
    );
    const edit = (line: number, replacement: (text: string) => string) =>
      lines.map((entry, index) => (index === line ? replacement(entry) : entry)).join('\n');
    const cases: { name: string; after: string }[] = [
      { name: 'typing on a line with a finding', after: edit(findingLine, (line) => `${line}x`) },
      { name: 'typing on a line without findings', after: edit(quietLine, (line) => `${line} # note`) },
      { name: 'typing on the first line', after: edit(0, (line) => `${line} `) },
      { name: 'no change', after: text },
    ];
    for (const { name, after } of cases) {
      it(`keeps what the decoded carry-over keeps: ${name}`, () => {
        const kept = carryOverEncoded(text, after, encoded);
        assert.ok(kept, 'typing within a line is carried over without decoding');
        // As JSON: the decoded carry-over writes `relatedInformation: undefined` on the tail, which JSON drops.
        const expected = JSON.parse(JSON.stringify(carryOverDiagnostics(text, after, decoded))) as unknown[];
        assert.deepEqual(decode(kept.json), expected);
        assert.equal(kept.count, expected.length);
      });
    }

    it('drops the findings on the edited line and only those', () => {
      const kept = carryOverEncoded(text, cases[0]!.after, encoded)!;
      assert.ok(kept.count < encoded.count);
      assert.ok((decode(kept.json) as Diagnostic[]).every((diagnostic) => diagnostic.range.start.line !== findingLine));
    });

    it('leaves an edit that adds or removes lines to the decoded carry-over', () => {
      assert.equal(
        carryOverEncoded(
          text,
          edit(quietLine, (line) => `${line}\n`),
          encoded,
        ),
        undefined,
      );
    });
  });
});
