/**
 * One evaluation worker serves every open document. Each document's state (its last parse and
 * evaluation, reused for the next edit) must stay its own: with edits of two documents interleaved,
 * each document gets exactly what a fresh engine gives its current text. Runs the real worker (the
 * built server bundle; `npm run build` first).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngineLanguageService } from '../../../src/language/engine';
import { DiagnosticsEncoder } from '../../../src/server/diagnostics-encoder';
import { createEvaluator, type Evaluator } from '../../../src/server/evaluation-loader';
import { decodeDiagnostics } from '../../../src/server/raw-json';
import { serverPath } from '../../protocol/server-process';

const examples = join(__dirname, '..', '..', '..', 'examples');
const documents = [
  { uri: 'file:///first.cloudarch.yaml', text: readFileSync(join(examples, 'three-tier-web.cloudarch.yaml'), 'utf8') },
  { uri: 'file:///second.cloudarch.yaml', text: readFileSync(join(examples, 'serverless-api.cloudarch.yaml'), 'utf8') },
];

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Edits that change findings, figures and references: a line removed or duplicated, a character typed, a flag flipped. */
function edit(text: string, next: () => number): string {
  const lines = text.split('\n');
  const at = Math.floor(next() * lines.length);
  const choice = Math.floor(next() * 4);
  if (choice === 0 && lines.length > 5) lines.splice(at, 1);
  else if (choice === 1) lines.splice(at, 0, lines[at]!);
  else if (choice === 2) lines[at] = `${lines[at]!}x`;
  else {
    const flag = lines.findIndex((line, index) => index >= at && /: (true|false)$/.test(line));
    if (flag >= 0)
      lines[flag] = lines[flag]!.endsWith('true') ? lines[flag]!.replace(/true$/, 'false') : lines[flag]!.replace(/false$/, 'true');
  }
  return lines.join('\n');
}

/** What a fresh engine, with no state from any earlier version, answers for `text`. */
function fresh(uri: string, text: string) {
  const service = createEngineLanguageService();
  const doc = service.parse(text);
  const result = service.evaluate(doc, { monteCarloSamples: 0 })!;
  const encoder = new DiagnosticsEncoder(uri, service.lspDiagnostic, () => 1);
  return {
    figures: service.figures(result),
    diagnostics: decodeDiagnostics(encoder.encode(result, 'low')),
    parseDiagnostics: decodeDiagnostics(encoder.encodeDocument(doc)),
    report: service.report('security', doc, result).markdown,
  };
}

describe('one evaluation worker, two documents', function () {
  this.timeout(120_000);
  let evaluator: Evaluator;

  beforeEach(() => {
    evaluator = createEvaluator(serverPath, (message, error) => assert.fail(`${message}: ${String(error)}`));
  });

  afterEach(() => {
    evaluator.dispose();
  });

  it('gives each document, edited in turn, exactly what a fresh engine gives its text', async () => {
    const next = random(20261203);
    const texts = documents.map((document) => document.text);
    const versions = [0, 0];
    for (let step = 0; step < 24; step++) {
      const which = next() < 0.5 ? 0 : 1;
      const { uri } = documents[which]!;
      texts[which] = edit(texts[which]!, next);
      versions[which]!++;
      const text = texts[which]!;
      const live = await evaluator.live(uri, versions[which]!, text, 'low');
      assert.ok(live, `step ${step}: the evaluation answered`);
      const expected = fresh(uri, text);
      assert.deepEqual(
        JSON.parse(JSON.stringify(live.figures)),
        JSON.parse(JSON.stringify(expected.figures)),
        `step ${step}: figures of ${uri}`,
      );
      assert.deepEqual(decodeDiagnostics(live.diagnostics), expected.diagnostics, `step ${step}: findings of ${uri}`);
      assert.deepEqual(decodeDiagnostics(live.parseDiagnostics), expected.parseDiagnostics, `step ${step}: parse diagnostics of ${uri}`);
      // Every kind reads the same per-document state: a report of the other document is of its own text.
      const other = 1 - which;
      if (versions[other]! > 0) {
        const report = await evaluator.ask('report', {
          uri: documents[other]!.uri,
          version: versions[other]!,
          text: texts[other]!,
          report: 'security',
          monteCarloSamples: 0,
        });
        assert.equal(
          report?.markdown,
          fresh(documents[other]!.uri, texts[other]!).report,
          `step ${step}: security report of ${documents[other]!.uri}`,
        );
      }
    }
    assert.ok(versions[0]! > 3 && versions[1]! > 3, `both documents were edited: ${versions.join(', ')}`);
  });

  it('previews a fix of one document without changing what the other document or itself gets next', async () => {
    const [first, second] = documents;
    await evaluator.live(first!.uri, 1, first!.text, 'low');
    await evaluator.live(second!.uri, 1, second!.text, 'low');
    const fixedText = first!.text.replace(/: true$/m, ': false');
    const preview = await evaluator.ask('preview', { uri: first!.uri, text: fixedText });
    assert.deepEqual(JSON.parse(JSON.stringify(preview)), JSON.parse(JSON.stringify(fresh(first!.uri, fixedText).figures)));
    const again = await evaluator.live(first!.uri, 2, `${first!.text}# edited\n`, 'low');
    assert.deepEqual(decodeDiagnostics(again!.diagnostics), fresh(first!.uri, `${first!.text}# edited\n`).diagnostics);
    const other = await evaluator.live(second!.uri, 2, `${second!.text}# edited\n`, 'low');
    assert.deepEqual(decodeDiagnostics(other!.diagnostics), fresh(second!.uri, `${second!.text}# edited\n`).diagnostics);
  });
});
