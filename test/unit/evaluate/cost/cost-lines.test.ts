/**
 * What the cost evaluation shows, line by line, for small designs that each exercise one rule of a
 * pricer (test/fixtures/cost/lines/*.yaml): every line item as the cost report prints it (what, the
 * estimate mark, quantity, unit, unit price, monthly USD, note, the region a price is borrowed
 * from), the source of every figure, every item it cannot price with its reason, the table of
 * purchase options, the suggestions with their saving and quick fix, each resource's total, the
 * total and the report's headline.
 *
 * The cost fixtures (cost-fixtures.test.ts) check hand-worked figures of realistic designs; these
 * cases pin each branch of each pricer with nothing else around it, so a condition, default or
 * wording that changes anywhere shows up as a diff of what the user reads. Mutation testing
 * (docs/testing.md) found many such changes unnoticed before. Unit prices are those of the snapshot
 * (../shared/reference/prices-us-east-1.json); a case's comment gives the arithmetic where it matters.
 *
 * After a deliberate change of prices or rules, rewrite the expectations with
 * `CLOUDARCH_UPDATE_COST_LINES=1 npx mocha test/unit/evaluate/cost/cost-lines.test.ts` and review
 * the diff: every changed line is a change users will see.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, isMap, isSeq, type YAMLMap } from 'yaml';
import type { ArchDocument } from '../../../../src/core/document';
import { parseArchitecture } from '../../../../src/core/parse';
import { evaluateCost } from '../../../../src/evaluate/cost';
import { costHeadline } from '../../../../src/evaluate/cost/summary';
import type { CostResult } from '../../../../src/evaluate/types';

const folder = join(__dirname, '../../../fixtures/cost/lines');

interface Expected {
  /** The first sentence of the cost report. */
  readonly headline: string;
  readonly total: string;
  /** Each resource's monthly USD (the report's "By resource"), in the file's order. */
  readonly byResource: readonly string[];
  readonly lines: readonly string[];
  readonly sources: readonly string[];
  readonly unpriced?: readonly string[];
  readonly options?: readonly string[];
  readonly suggestions?: readonly string[];
}

interface Case {
  readonly case: string;
  readonly design: string;
  /**
   * The validation errors the design is written to have (`line: message`): a property the catalog
   * does not know is an error, yet the file is still priced, and some pricers read such properties.
   */
  readonly errors?: readonly string[];
  readonly expect?: Expected;
}

/** A figure without float noise and without rounding away what a user could see. */
function figure(value: number): string {
  return String(Number(value.toPrecision(10)));
}

/** The whole file of a case: its design under the header every file needs. */
function fileOf(design: string): string {
  return `cloudarch: "1"\nname: case\n${design}`;
}

/** What the user sees of a cost result, as the lists of a case's `expect`. */
function shown(cost: CostResult): Expected {
  const sources: string[] = [];
  const sourceNumber = (source: string): number => {
    const at = sources.indexOf(source);
    if (at >= 0) return at + 1;
    sources.push(source);
    return sources.length;
  };
  const lines = cost.lineItems.map((line) => {
    const parts = [
      `${line.resource} | ${line.what}${line.estimate ? ' *' : ''} | ${figure(line.quantity)} ${line.unit} x $${figure(line.unitPriceUSD)} = $${figure(line.monthlyUSD)} | ${line.priceKey} [${sourceNumber(line.priceSource)}]`,
    ];
    if (line.borrowedFrom !== undefined) parts.push(`borrowed from ${line.borrowedFrom}`);
    if (line.note !== undefined) parts.push(`note: ${line.note}`);
    return parts.join(' | ');
  });
  const unpriced = cost.unpriced.map(
    (item) => `${item.resource}: ${item.what}: ${item.reason}${item.priceKey !== undefined ? ` [${item.priceKey}]` : ''}`,
  );
  const options = Object.entries(cost.purchaseOptions).map(
    ([resource, table]) =>
      `${resource}: ${Object.entries(table)
        .map(([option, usd]) => `${option} $${figure(usd)}`)
        .join(', ')}`,
  );
  const suggestions = cost.alternatives.map((alternative) => {
    const fix = alternative.fix
      ? ` | fix: ${alternative.fix.title}: ${alternative.fix.edits.map((edit) => `${edit.range.start.line}:${edit.range.start.character}-${edit.range.end.line}:${edit.range.end.character} ${JSON.stringify(edit.newText)}`).join(', ')}`
      : '';
    return `${alternative.resource}: ${alternative.change} | after $${figure(alternative.monthlyUSD)}, saving $${figure(alternative.savingUSD)}${fix}`;
  });
  return {
    headline: costHeadline(cost, `$${figure(cost.monthlyUSD)}`),
    total: `$${figure(cost.monthlyUSD)}`,
    byResource: Object.entries(cost.byResource).map(([resource, usd]) => `${resource} $${figure(usd)}`),
    lines,
    sources,
    ...(unpriced.length > 0 ? { unpriced } : {}),
    ...(options.length > 0 ? { options } : {}),
    ...(suggestions.length > 0 ? { suggestions } : {}),
  };
}

/** The validation errors of a design, as `line: message`. */
function errorsOf(doc: ArchDocument): string[] {
  return doc.diagnostics
    .filter((diagnostic) => diagnostic.severity === 'error')
    .map((diagnostic) => `${diagnostic.range.start.line}: ${diagnostic.message}`);
}

function caseFiles(): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
}

function readCases(file: string): Case[] {
  return parseDocument(readFileSync(join(folder, file), 'utf8')).toJS() as Case[];
}

/** Writes each case's `expect` from the current evaluation, keeping the file's comments. */
function rewrite(file: string): void {
  const path = join(folder, file);
  const document = parseDocument(readFileSync(path, 'utf8'));
  const items = document.contents;
  assert.ok(isSeq(items), `${file} is a list of cases`);
  for (const item of items.items) {
    assert.ok(isMap(item));
    const design = String((item as YAMLMap).get('design'));
    const doc = parseArchitecture(fileOf(design));
    const errors = errorsOf(doc);
    if (errors.length > 0) (item as YAMLMap).set('errors', document.createNode(errors));
    else (item as YAMLMap).delete('errors');
    (item as YAMLMap).set('expect', document.createNode(shown(evaluateCost(doc))));
  }
  writeFileSync(path, document.toString({ lineWidth: 0 }));
}

// Each case is priced inside its own tests, never while the file loads, so that mutation testing
// can tell which test covers which code.
describe('cost: what each pricer shows, line by line', () => {
  const files = caseFiles();
  it('has cases', () => assert.ok(files.length > 0));

  if (process.env.CLOUDARCH_UPDATE_COST_LINES === '1') {
    it('rewrites the expectations (CLOUDARCH_UPDATE_COST_LINES=1)', () => files.forEach(rewrite));
    return;
  }

  for (const file of files) {
    describe(file, () => {
      for (const item of readCases(file)) {
        describe(item.case, () => {
          const price = () => {
            const doc = parseArchitecture(fileOf(item.design));
            return { doc, shown: shown(evaluateCost(doc)) };
          };
          it('is a valid design, or has only the errors it lists', () => {
            assert.deepEqual(errorsOf(price().doc), item.errors ?? []);
          });
          it('shows the expected lines, sources and total', () => {
            assert.ok(item.expect, 'no expect: run with CLOUDARCH_UPDATE_COST_LINES=1 and review');
            const { shown: actual } = price();
            assert.deepEqual(actual.lines, item.expect.lines);
            assert.deepEqual(actual.sources, item.expect.sources);
            assert.equal(actual.total, item.expect.total);
            assert.deepEqual(actual.byResource, item.expect.byResource);
            assert.equal(actual.headline, item.expect.headline);
          });
          it('lists what it cannot price, with the reason', () => {
            assert.deepEqual(price().shown.unpriced ?? [], item.expect?.unpriced ?? []);
          });
          it('shows the purchase options and the suggestions', () => {
            const { shown: actual } = price();
            assert.deepEqual(actual.options ?? [], item.expect?.options ?? []);
            assert.deepEqual(actual.suggestions ?? [], item.expect?.suggestions ?? []);
          });
        });
      }
    });
  }
});
