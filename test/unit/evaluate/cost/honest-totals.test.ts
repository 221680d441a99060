/**
 * Honest totals, driven by test/fixtures/cost/honest-totals: when anything is unpriced, every place
 * that shows a total says so (CodeLens, inlay hint, status bar, the report's headline, the CLI's
 * text output), and each missing price is a diagnostic on its resource naming the key to set.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchitecture } from '../../../../src/core/parse';
import { evaluateAll } from '../../../../src/evaluate';
import { createLanguageService } from '../../../../src/language/language-service';
import { figuresOf } from '../../../../src/evaluate/figures';

interface Expected {
  readonly codeLens: string;
  readonly inlayHintStartsWith?: string;
  readonly statusBarIncludes?: string;
  readonly unpricedCount: number;
  readonly reportHeadline: string;
  readonly cliTextIncludes?: string;
  readonly diagnostics: readonly { code: string; severity: string; line: number; messageIncludes: string }[];
}

const root = join(__dirname, '../../../..');
const folder = join(root, 'test/fixtures/cost/honest-totals');
const service = createLanguageService();
const uri = 'file:///honest.cloudarch.yaml';

describe('cost: honest totals', () => {
  const files = readdirSync(folder).filter((file) => file.endsWith('.cloudarch.yaml'));
  it('has fixtures', () => assert.ok(files.length >= 3));
  for (const file of files) {
    const name = file.replace(/\.cloudarch\.yaml$/, '');
    describe(name, () => {
      const text = readFileSync(join(folder, file), 'utf8');
      const expected = JSON.parse(readFileSync(join(folder, `${name}.expected.json`), 'utf8')) as Expected;
      // Evaluated by each test, never while the file loads (see cost-fixtures.test.ts).
      const evaluate = () => {
        const doc = parseArchitecture(text);
        const result = evaluateAll(doc);
        return { doc, result, figures: figuresOf(result) };
      };

      it('counts the unpriced items', () => assert.equal(evaluate().result.cost?.unpriced.length, expected.unpricedCount));

      it('says so in the CodeLens, from the full result and from the figures alike', () => {
        const { doc, result, figures } = evaluate();
        for (const source of [result, figures]) {
          const lens = service.codeLenses(doc, source, uri).find((candidate) => candidate.command?.command === 'cloudarch.showCostReport');
          assert.equal(lens?.command?.title, expected.codeLens);
        }
      });

      if (expected.inlayHintStartsWith !== undefined) {
        it('says so in the inlay hint of the resource', () => {
          const { doc, figures } = evaluate();
          const hints = service.inlayHints(doc, figures, { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } });
          assert.equal(hints.length, 1);
          assert.ok(String(hints[0]!.label).startsWith(expected.inlayHintStartsWith!), String(hints[0]!.label));
        });
      }

      if (expected.statusBarIncludes !== undefined) {
        it('says so in the status bar', () => {
          const { doc, figures } = evaluate();
          const summary = service.summary(uri, 1, doc, figures);
          assert.ok(summary.text.includes(expected.statusBarIncludes!), summary.text);
          assert.equal(summary.unpricedCount, expected.unpricedCount);
        });
      }

      it('names the unpriced items (or the borrowed lines) in the report headline', () => {
        const { doc, result } = evaluate();
        const report = service.report('cost', doc, result);
        assert.ok(report.markdown.includes(expected.reportHeadline), report.markdown.split('\n').slice(0, 4).join('\n'));
      });

      it('puts a diagnostic on the resource for each missing price, naming the key to set', () => {
        const { result } = evaluate();
        const diagnostics = result.diagnostics.filter((diagnostic) => diagnostic.source === 'cloudarch.cost');
        assert.equal(diagnostics.length, expected.diagnostics.length);
        expected.diagnostics.forEach((want, index) => {
          const got = diagnostics[index]!;
          assert.equal(got.code, want.code);
          assert.equal(got.severity, want.severity);
          assert.equal(got.range.start.line, want.line);
          assert.ok(got.message.includes(want.messageIncludes), got.message);
        });
      });

      if (expected.cliTextIncludes !== undefined) {
        it('says so in the CLI text and Markdown output', function () {
          this.timeout(60_000);
          for (const format of ['text', 'markdown']) {
            const run = spawnSync(
              process.execPath,
              [join(root, 'bin/cloudarch.js'), 'evaluate', join(folder, file), '--only', 'cost', '--format', format],
              { cwd: root, encoding: 'utf8', timeout: 60_000 },
            );
            assert.equal(run.status, 0, run.stderr);
            assert.ok(run.stdout.includes(expected.cliTextIncludes!), `${format}:\n${run.stdout.slice(0, 600)}`);
          }
        });
      }
    });
  }
});
