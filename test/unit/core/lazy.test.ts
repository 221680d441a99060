/**
 * `lazy` (src/core/lazy.ts) builds what starting the server or the CLI should not pay for (the
 * compiled validators): nothing before the first use, then once, whatever the value is.
 */
import { strict as assert } from 'node:assert';
import { lazy } from '../../../src/core/lazy';

describe('lazy constants', () => {
  it('builds the value on first use only, and then never again, even when it is undefined', () => {
    for (const value of [{ validators: 3 }, undefined, null, 0]) {
      let builds = 0;
      const get = lazy(() => {
        builds++;
        return value;
      });
      assert.equal(builds, 0, 'nothing is built before the first use');
      assert.equal(get(), value);
      assert.equal(get(), value);
      assert.equal(builds, 1, `built once (${String(value)})`);
    }
  });
});
