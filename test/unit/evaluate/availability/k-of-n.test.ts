/**
 * The probability that at least k of n units are up, against the binomial sum written out, for
 * every k and n up to eight and the availabilities the catalog uses; and the edges: no unit
 * needed, more needed than there are, units that never or always work.
 */
import { strict as assert } from 'node:assert';
import { atLeastKofN } from '../../../../src/evaluate/availability/k-of-n';

function binomial(n: number, j: number): number {
  let value = 1;
  for (let i = 1; i <= j; i++) value = (value * (n - j + i)) / i;
  return value;
}

/** The closed form, fine for small n (the engine's program exists for large n). */
function atLeastByFormula(k: number, n: number, a: number): number {
  let sum = 0;
  for (let j = Math.max(0, k); j <= n; j++) sum += binomial(n, j) * a ** j * (1 - a) ** (n - j);
  return sum;
}

describe('availability: at least k of n units up', () => {
  it('agrees with the binomial sum for every k and n up to 8', () => {
    for (const a of [0.5, 0.9, 0.99, 0.9995]) {
      for (let n = 0; n <= 8; n++) {
        for (let k = 0; k <= n + 1; k++) {
          const value = atLeastKofN(k, n, a);
          const expected = atLeastByFormula(k, n, a);
          assert.ok(Math.abs(value - expected) < 1e-12, `at least ${k} of ${n} at ${a}: ${value} vs ${expected}`);
        }
      }
    }
  });

  it('needing no unit is certain, even with no unit or units that never work', () => {
    assert.equal(atLeastKofN(0, 3, 0.5), 1);
    assert.equal(atLeastKofN(0, 0, 0.5), 1);
    assert.equal(atLeastKofN(0, 3, 0), 1);
  });

  it('needing more units than there are is impossible, even with units that always work', () => {
    assert.equal(atLeastKofN(3, 2, 0.9), 0);
    assert.equal(atLeastKofN(3, 2, 1), 0);
  });

  it('units that always work meet any need they can; units that never work meet none', () => {
    assert.equal(atLeastKofN(2, 3, 1), 1);
    assert.equal(atLeastKofN(1, 3, 0), 0);
    assert.equal(atLeastKofN(3, 3, 0), 0);
  });

  it('2 of 3 units at 99.999 % fail together with probability 3e-10, to the last digits', () => {
    const failure = 1 - atLeastKofN(2, 3, 0.99999);
    const expected = 3 * 0.99999 * 0.00001 ** 2 + 0.00001 ** 3;
    assert.ok(Math.abs(failure - expected) < 1e-15, `${failure} vs ${expected}`);
  });
});
