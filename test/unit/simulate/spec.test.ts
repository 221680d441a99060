/**
 * The spec language of `--fail` and `scenarios:` (test/fixtures/simulate/specs.json): each good spec
 * with what it means, each bad one with the words of its error and the exact part it points at.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDuration, isSpecError, parseDuration, parseSimulationSpec } from '../../../src/core/simulation-spec';

interface Case {
  readonly spec: string;
  readonly parsed?: Record<string, unknown>;
  readonly error?: string;
  /** The text the error's offset and length select in the spec. */
  readonly part?: string;
}

const cases = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'simulate', 'specs.json'), 'utf8')) as Case[];

describe('simulation specs', () => {
  for (const c of cases) {
    it(`${JSON.stringify(c.spec)} ${c.error !== undefined ? 'is refused' : 'is read'}`, () => {
      const result = parseSimulationSpec(c.spec);
      if (c.error !== undefined) {
        assert.ok(isSpecError(result), `expected an error, got ${JSON.stringify(result)}`);
        assert.ok(result.message.includes(c.error), result.message);
        if (c.part !== '') assert.equal(c.spec.slice(result.offset, result.offset + result.length), c.part);
        return;
      }
      assert.ok(!isSpecError(result), isSpecError(result) ? result.message : '');
      for (const [key, value] of Object.entries(c.parsed!))
        assert.deepEqual((result as unknown as Record<string, unknown>)[key], value, key);
      assert.equal(result.text, c.spec.trim());
    });
  }

  it('reads and writes durations the same way', () => {
    assert.equal(parseDuration('2d4h30m15s'), 2 * 86_400 + 4 * 3_600 + 30 * 60 + 15);
    assert.equal(formatDuration(2 * 86_400 + 4 * 3_600 + 30 * 60 + 15), '2d4h30m15s');
    assert.equal(parseDuration('4h2'), undefined);
    assert.equal(parseDuration('-1d'), undefined);
  });
});
