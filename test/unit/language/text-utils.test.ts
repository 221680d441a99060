/**
 * How amounts read in the editor (summary, CodeLens, inlay hints, hover): dollars with thousands
 * separators, cents below $100, `n/a` for what is not a number.
 */
import { strict as assert } from 'node:assert';
import { formatUSD } from '../../../src/language/text-utils';

describe('amounts in the editor', () => {
  const cases: { amount: number; cents?: boolean; reads: string }[] = [
    { amount: 0, reads: '$0.00' },
    { amount: 0.004, reads: '$0.00' },
    { amount: 12.5, reads: '$12.50' },
    { amount: 99.994, reads: '$99.99' },
    { amount: 99.995, reads: '$100.00' },
    { amount: 100, reads: '$100' },
    { amount: 1234.5, reads: '$1,235' },
    { amount: 1234.5, cents: true, reads: '$1,234.50' },
    { amount: 12.5, cents: false, reads: '$13' },
    { amount: 1_234_567_890, reads: '$1,234,567,890' },
    { amount: Number.NaN, reads: 'n/a' },
    { amount: Number.POSITIVE_INFINITY, reads: 'n/a' },
  ];
  for (const { amount, cents, reads } of cases) {
    it(`writes ${amount}${cents === undefined ? '' : ` (cents: ${cents})`} as ${reads}`, () => {
      assert.equal(formatUSD(amount, cents === undefined ? {} : { cents }), reads);
    });
  }
});
