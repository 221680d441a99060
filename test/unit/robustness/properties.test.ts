/**
 * Property-based robustness of the whole pipeline: random YAML-ish documents, architecture-shaped
 * files with hostile values, and edits of the real examples go through parse, every language
 * feature and the evaluations. Nothing may throw, hang, leave the document with a range, print or
 * return NaN or Infinity, or pollute a prototype; an incremental parse must equal a fresh one.
 *
 * The runs are seeded and short (CI); `npm run fuzz` runs the same properties (test/fuzz/properties.ts)
 * for minutes. Set FUZZ_SEED to run another seed.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { propertyOf, robustnessProperties } from '../../fuzz/properties';

const seed = process.env['FUZZ_SEED'] !== undefined ? Number(process.env['FUZZ_SEED']) : 20_251_104;

describe('robustness properties (seeded, short)', function () {
  // Generous: the properties are CPU-bound and CI machines are shared.
  this.timeout(120_000);

  for (const entry of robustnessProperties) {
    it(entry.title, () => {
      fc.assert(propertyOf(entry), { seed, numRuns: entry.unitRuns });
    });
  }

  it('leaves no trace on the built-in prototypes after all of the above', () => {
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
    assert.equal((Object as unknown as Record<string, unknown>)['on-demand'], undefined);
  });
});
