/**
 * The evaluation report word for word, in text and in Markdown, as `cloudarch evaluate` prints it:
 * test/fixtures/report/NAME.cloudarch.yaml evaluated one way or another (all three evaluations with
 * a seeded Monte Carlo cross-check, or one evaluation alone) and compared with
 * NAME.VARIANT.txt / NAME.VARIANT.md. Every heading, sentence, table column, alignment, escape and
 * figure format is pinned, so a change to any of them shows up as a diff.
 *
 * After a deliberate change to the report or to an evaluation, rewrite the expected reports with
 * `CLOUDARCH_UPDATE_REPORTS=1 npx mocha test/unit/evaluate/report/report-golden.test.ts` and review
 * the diff: every changed line is a change users will see.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchitecture } from '../../../../src/core/parse';
import { evaluateAll, type EvaluateOptions } from '../../../../src/evaluate';
import { markdownReport, textReport } from '../../../../src/evaluate/report';

const folder = join(__dirname, '../../../fixtures/report');

interface Variant {
  readonly design: string;
  readonly variant: string;
  readonly options: EvaluateOptions;
}

const variants: readonly Variant[] = [
  { design: 'two-regions', variant: 'all', options: { monteCarloSamples: 2000, seed: 7 } },
  { design: 'two-regions', variant: 'availability', options: { only: ['availability'], monteCarloSamples: 0 } },
  { design: 'two-regions', variant: 'cost', options: { only: ['cost'] } },
  { design: 'bare', variant: 'all', options: { monteCarloSamples: 2000, seed: 7 } },
  { design: 'redundant', variant: 'availability-cost', options: { only: ['availability', 'cost'], monteCarloSamples: 0 } },
  { design: 'outside', variant: 'all', options: { monteCarloSamples: 2000, seed: 7 } },
  { design: 'one-volume', variant: 'security', options: { only: ['security'] } },
  { design: 'public-volume', variant: 'security', options: { only: ['security'] } },
];

/** Both reports of a variant, evaluated inside the test that asks (never while this file loads). */
function reports(variant: Variant): { text: string; markdown: string } {
  const file = `${variant.design}.cloudarch.yaml`;
  const doc = parseArchitecture(readFileSync(join(folder, file), 'utf8'));
  const result = evaluateAll(doc, variant.options);
  return { text: textReport(doc, result, file), markdown: markdownReport(doc, result, file) };
}

function expectedPath(variant: Variant, extension: 'txt' | 'md'): string {
  return join(folder, `${variant.design}.${variant.variant}.${extension}`);
}

describe('evaluation report: word for word', () => {
  if (process.env.CLOUDARCH_UPDATE_REPORTS === '1') {
    it('rewrites the expected reports (CLOUDARCH_UPDATE_REPORTS=1)', () => {
      for (const variant of variants) {
        const { text, markdown } = reports(variant);
        writeFileSync(expectedPath(variant, 'txt'), text);
        writeFileSync(expectedPath(variant, 'md'), markdown);
      }
    });
    return;
  }

  for (const variant of variants) {
    describe(`${variant.design}, ${variant.variant}`, () => {
      it('prints the text report', () => {
        assert.equal(reports(variant).text, readFileSync(expectedPath(variant, 'txt'), 'utf8'));
      });
      it('prints the Markdown report', () => {
        assert.equal(reports(variant).markdown, readFileSync(expectedPath(variant, 'md'), 'utf8'));
      });
    });
  }
});
