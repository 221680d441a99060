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
        // A missing part is pointed at just past the text, one character wide (an editor's caret there).
        else assert.deepEqual([result.offset, result.length], [c.spec.trimEnd().length, 1]);
        return;
      }
      assert.ok(!isSpecError(result), isSpecError(result) ? result.message : '');
      for (const [key, value] of Object.entries(c.parsed!))
        assert.deepEqual((result as unknown as Record<string, unknown>)[key], value, key);
      // Only zones, regions and resources are named; a spot notice or a surge has no target.
      if (c.parsed!.kind !== undefined) {
        assert.equal('target' in result, c.parsed!.target !== undefined, 'target');
        assert.equal('factor' in result, c.parsed!.kind === 'surge', 'factor');
      }
      assert.equal(result.text, c.spec.trim());
    });
  }

  it('reads and writes durations the same way', () => {
    assert.equal(parseDuration('2d4h30m15s'), 2 * 86_400 + 4 * 3_600 + 30 * 60 + 15);
    assert.equal(formatDuration(2 * 86_400 + 4 * 3_600 + 30 * 60 + 15), '2d4h30m15s');
    assert.equal(parseDuration('4h2'), undefined);
    assert.equal(parseDuration('-1d'), undefined);
  });

  it('reads every unit, fractions and repeated parts, and refuses what is not a duration', () => {
    const read: [string, number | undefined][] = [
      ['1.5h', 5_400],
      ['90m', 5_400],
      ['30s', 30],
      ['1h1h', 7_200],
      ['0d', 0],
      ['', undefined],
      ['d', undefined],
      ['1d 2h', undefined],
      ['1e3d', undefined],
      [' 1d', undefined],
      // Digits beyond any number: infinite seconds are no duration.
      [`${'9'.repeat(400)}d`, undefined],
    ];
    assert.deepEqual(
      read.map(([text]) => [text, parseDuration(text)]),
      read,
    );
  });

  it('writes durations as the specs do, in whole seconds', () => {
    const written: [number, string][] = [
      [0, '0s'],
      [-5, '0s'],
      [Number.NaN, '0s'],
      [Number.POSITIVE_INFINITY, '0s'],
      [0.4, '0s'],
      [59.6, '1m'],
      [90, '1m30s'],
      [3_600, '1h'],
      [86_400, '1d'],
      [86_401, '1d1s'],
      [3 * 86_400 + 60, '3d1m'],
    ];
    assert.deepEqual(
      written.map(([seconds]) => [seconds, formatDuration(seconds)]),
      written,
    );
  });
});
