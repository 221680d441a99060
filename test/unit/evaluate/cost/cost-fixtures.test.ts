/**
 * Data-driven cost tests: each test/fixtures/cost/NAME.cloudarch.yaml is priced and compared with
 * NAME.expected.json (line items by resource and price key, totals, purchase options,
 * suggestions, unpriced items). The expected figures were worked out by hand from the reference
 * prices, so a change of rule or price shows up here.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchitecture } from '../../../../src/core/parse';
import { evaluateCost } from '../../../../src/evaluate/cost';
import type { CostLineItem, CostResult } from '../../../../src/evaluate/types';

const fixtures = join(__dirname, '../../../fixtures/cost');

interface ExpectedLine {
  readonly resource: string;
  readonly priceKey: string;
  readonly quantity?: number;
  readonly unitPriceUSD?: number;
  readonly monthlyUSD?: number;
  readonly estimate?: boolean;
  readonly priceSource?: string;
  readonly noteIncludes?: string;
}

interface Expected {
  readonly monthlyUSD?: number;
  readonly byResource?: Record<string, number>;
  readonly lineItems?: readonly ExpectedLine[];
  readonly lineCount?: number;
  readonly purchaseOptions?: Record<string, Record<string, number>>;
  readonly alternatives?: readonly { resource: string; change: string; savingUSD: number; hasFix?: boolean }[];
  readonly unpriced?: readonly { resource: string; reasonIncludes?: string }[];
  readonly notEstimate?: readonly string[];
}

function close(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected)), `${what}: expected ${expected}, got ${actual}`);
}

function everyNumberIsFinite(value: unknown, path = 'cost'): void {
  if (typeof value === 'number') assert.ok(Number.isFinite(value), `${path} is ${value}`);
  else if (Array.isArray(value)) value.forEach((item, i) => everyNumberIsFinite(item, `${path}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) everyNumberIsFinite(v, `${path}.${k}`);
}

function findLine(result: CostResult, line: ExpectedLine): CostLineItem {
  const found = result.lineItems.filter((l) => l.resource === line.resource && l.priceKey === line.priceKey);
  assert.equal(
    found.length,
    1,
    `one line for ${line.resource} / ${line.priceKey}; lines: ${result.lineItems.map((l) => `${l.resource}/${l.priceKey}`).join(', ')}`,
  );
  return found[0]!;
}

describe('cost: fixtures', () => {
  const names = readdirSync(fixtures).filter((f) => f.endsWith('.cloudarch.yaml'));
  it('has fixtures', () => assert.ok(names.length >= 4));
  for (const file of names) {
    const base = file.replace(/\.cloudarch\.yaml$/, '');
    describe(base, () => {
      // Priced by each test, never while the file loads nor once for all: mutation testing counts
      // code run at load time as reached by no test (and reruns the whole suite for it), and
      // credits a shared result to the first test only, so the tests that check it would be skipped.
      const price = (): CostResult => evaluateCost(parseArchitecture(readFileSync(join(fixtures, file), 'utf8')));
      const expected = JSON.parse(readFileSync(join(fixtures, `${base}.expected.json`), 'utf8')) as Expected;

      it('never produces NaN or Infinity', () => everyNumberIsFinite(price()));

      it('gives every line item a source and a price key', () => {
        const result = price();
        for (const line of result.lineItems) {
          assert.ok(line.priceSource.length > 0, `${line.resource}: ${line.what} has no source`);
          assert.ok(line.priceKey, `${line.resource}: ${line.what} has no price key`);
          close(line.monthlyUSD, line.quantity * line.unitPriceUSD, `${line.resource}: ${line.what} = quantity x unit price`);
        }
      });

      it('adds up: total = sum of line items = sum of byResource', () => {
        const result = price();
        const lines = result.lineItems.reduce((sum, l) => sum + l.monthlyUSD, 0);
        const perResource = Object.values(result.byResource).reduce((sum, v) => sum + v, 0);
        close(result.monthlyUSD, lines, 'total vs lines');
        close(result.monthlyUSD, perResource, 'total vs byResource');
      });

      if (expected.monthlyUSD !== undefined)
        it('has the expected total', () => close(price().monthlyUSD, expected.monthlyUSD!, 'monthlyUSD'));
      if (expected.lineCount !== undefined)
        it('has exactly the expected lines', () => assert.equal(price().lineItems.length, expected.lineCount));
      if (expected.byResource) {
        it('has the expected per-resource totals', () => {
          for (const [name, value] of Object.entries(expected.byResource!))
            close(price().byResource[name] ?? NaN, value, `byResource.${name}`);
        });
      }
      for (const line of expected.lineItems ?? []) {
        it(`prices ${line.resource} ${line.priceKey}`, () => {
          const actual = findLine(price(), line);
          if (line.quantity !== undefined) close(actual.quantity, line.quantity, 'quantity');
          if (line.unitPriceUSD !== undefined) close(actual.unitPriceUSD, line.unitPriceUSD, 'unit price');
          if (line.monthlyUSD !== undefined) close(actual.monthlyUSD, line.monthlyUSD, 'monthly');
          if (line.estimate !== undefined) assert.equal(actual.estimate === true, line.estimate, 'estimate flag');
          if (line.priceSource !== undefined) assert.equal(actual.priceSource, line.priceSource);
          if (line.noteIncludes !== undefined) assert.ok(actual.note?.includes(line.noteIncludes), `note "${actual.note}"`);
        });
      }
      if (expected.notEstimate) {
        it('does not mark user overrides as estimates', () => {
          for (const name of expected.notEstimate!) {
            for (const line of price().lineItems.filter((l) => l.resource === name))
              assert.notEqual(line.estimate, true, `${name}: ${line.what}`);
          }
        });
      }
      if (expected.purchaseOptions) {
        it('prices every purchase option', () => {
          for (const [name, options] of Object.entries(expected.purchaseOptions!)) {
            for (const [option, value] of Object.entries(options))
              close(price().purchaseOptions[name]?.[option] ?? NaN, value, `${name} ${option}`);
          }
        });
      }
      if (expected.alternatives) {
        it('suggests the expected savings', () => {
          for (const alt of expected.alternatives!) {
            const found = price().alternatives.find((a) => a.resource === alt.resource && a.change === alt.change);
            assert.ok(
              found,
              `missing suggestion ${alt.resource}: ${alt.change}; got ${price()
                .alternatives.map((a) => `${a.resource}: ${a.change}`)
                .join('; ')}`,
            );
            close(found.savingUSD, alt.savingUSD, `${alt.resource} ${alt.change} saving`);
            if (alt.hasFix) assert.ok(found.fix && found.fix.edits.length > 0, 'has a fix');
          }
        });
      }
      if (expected.unpriced) {
        it('lists what it cannot price, with a reason', () => {
          const result = price();
          if (expected.unpriced!.length === 0) assert.deepEqual(result.unpriced, []);
          for (const item of expected.unpriced!) {
            const found = result.unpriced.find(
              (u) => u.resource === item.resource && (!item.reasonIncludes || u.reason.includes(item.reasonIncludes)),
            );
            assert.ok(found, `missing unpriced ${item.resource} (${item.reasonIncludes}); got ${JSON.stringify(result.unpriced)}`);
          }
        });
      }
    });
  }
});
