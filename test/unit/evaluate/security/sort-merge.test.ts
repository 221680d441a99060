/**
 * The merge that keeps the previous order of the findings: after any change to the chunks (a
 * resource's findings replaced, added, removed, moved), the merged order equals a stable full sort
 * of the findings in production order, ties included (the same rule at the same place twice).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { sortChunks, sortFindings } from '../../../../src/evaluate/security';
import type { FindingSeverity, SecurityFinding } from '../../../../src/evaluate/types';

const severities: readonly FindingSeverity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** A finding with only what the order reads; few lines and rules, so ties are common. */
function finding(severity: number, line: number, character: number, rule: number, label: string): SecurityFinding {
  const position = { line, character };
  return {
    ruleId: `CA-R-00${rule}`,
    severity: severities[severity % severities.length]!,
    resource: label,
    path: [],
    range: { start: position, end: position },
    message: label,
    remediation: '',
    responsibility: 'customer',
  };
}

const findingArbitrary = fc.tuple(fc.nat({ max: 4 }), fc.nat({ max: 5 }), fc.nat({ max: 2 }), fc.nat({ max: 2 }));
const chunkArbitrary = fc.array(findingArbitrary, { minLength: 1, maxLength: 4 });

/** One change to the list of chunks, chosen by numbers. */
const changeArbitrary = fc.tuple(fc.nat({ max: 3 }), fc.nat({ max: 1000 }), chunkArbitrary);

let made = 0;
function chunkOf(specs: readonly (readonly [number, number, number, number])[]): readonly SecurityFinding[] {
  made++;
  return specs.map(([severity, line, character, rule], index) => finding(severity, line, character, rule, `f${made}.${index}`));
}

describe('sorting findings by merging into the previous order', () => {
  it('equals a stable full sort after any sequence of chunk changes', () => {
    fc.assert(
      fc.property(
        fc.array(chunkArbitrary, { minLength: 0, maxLength: 40 }),
        fc.array(changeArbitrary, { minLength: 1, maxLength: 12 }),
        (initial, changes) => {
          let chunks = initial.map(chunkOf);
          let state = sortChunks(chunks);
          assert.deepEqual(state.sorted, sortFindings(chunks.flat()));
          for (const [kind, at, specs] of changes) {
            const next = [...chunks];
            const index = next.length === 0 ? 0 : at % next.length;
            if (kind === 0 && next.length > 0) next[index] = chunkOf(specs);
            else if (kind === 1) next.splice(at % (next.length + 1), 0, chunkOf(specs));
            else if (kind === 2 && next.length > 0) next.splice(index, 1);
            else if (next.length > 1) next.push(...next.splice(index, 1));
            chunks = next;
            state = sortChunks(chunks, state);
            const merged = state.sorted;
            const expected = sortFindings(chunks.flat());
            assert.equal(merged.length, expected.length);
            merged.forEach((item, position) => assert.equal(item, expected[position], `finding ${position}`));
          }
        },
      ),
      { numRuns: 400, seed: 99 },
    );
  });
});
