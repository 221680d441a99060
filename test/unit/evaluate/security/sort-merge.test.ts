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

/**
 * The merge is there so that a keystroke does not re-sort thousands of findings: with one resource's
 * findings changed, it reads only the few places the new findings go (a binary search each) and
 * leaves the rest in their previous order. Each case makes one change to 1,000 resources' findings
 * (4,000 in all) and checks the order against a full sort and, when the merge applies, that it read
 * fewer severities and ranges than there are findings (a full sort reads each at least once).
 */
describe('sorting findings after a small change reads only where the new findings go', () => {
  let reads = 0;
  let madeInFile = 0;
  /** A finding whose severity and range count their reads. */
  function countedFinding(severity: number, line: number, rule: number): SecurityFinding {
    const position = { line, character: 2 };
    const range = { start: position, end: { line, character: 8 } };
    madeInFile++;
    const item = {
      ruleId: `CA-R-${String(rule).padStart(3, '0')}`,
      resource: `r${madeInFile}`,
      path: [],
      message: '',
      remediation: '',
      responsibility: 'customer',
    };
    Object.defineProperty(item, 'severity', { enumerable: true, get: () => (reads++, severities[severity % severities.length]) });
    Object.defineProperty(item, 'range', { enumerable: true, get: () => (reads++, range) });
    return item as unknown as SecurityFinding;
  }
  /** The findings of the resource at `place` (ten lines apart), of mixed severities, `size` of them. */
  const resourceFindings = (place: number, size = 4, shift = 0): readonly SecurityFinding[] =>
    Array.from({ length: size }, (_, index) => countedFinding(place + index + shift, place * 10 + 1 + (index % 8), index));
  const resourceCount = 1000;

  interface Case {
    readonly name: string;
    readonly change: (chunks: (readonly SecurityFinding[])[]) => void;
    /** Whether the previous order is merged into (else a full sort is the right answer). */
    readonly merged: boolean;
  }
  const cases: readonly Case[] = [
    { name: 'nothing changed', change: () => undefined, merged: true },
    {
      name: "one resource's findings replaced (a keystroke inside it)",
      change: (chunks) => void (chunks[500] = resourceFindings(500, 4, 1)),
      merged: true,
    },
    {
      name: 'a resource inserted in the middle',
      change: (chunks) => void chunks.splice(300, 0, resourceFindings(300, 3, 2)),
      merged: true,
    },
    { name: 'a resource removed', change: (chunks) => void chunks.splice(700, 1), merged: true },
    { name: 'the first resource replaced', change: (chunks) => void (chunks[0] = resourceFindings(0, 4, 3)), merged: true },
    {
      name: 'the last resource replaced',
      change: (chunks) => void (chunks[resourceCount - 1] = resourceFindings(resourceCount - 1, 4, 3)),
      merged: true,
    },
    {
      name: 'two resources far apart replaced (a rename touching both)',
      change: (chunks) => {
        chunks[10] = resourceFindings(10, 4, 1);
        chunks[990] = resourceFindings(990, 4, 1);
      },
      merged: true,
    },
    {
      name: 'two resources near the start swap places (both read again)',
      change: (chunks) => void chunks.splice(2, 2, chunks[3]!, chunks[2]!),
      merged: true,
    },
    {
      name: 'two resources near the end swap places',
      change: (chunks) => void chunks.splice(resourceCount - 3, 2, chunks[resourceCount - 2]!, chunks[resourceCount - 3]!),
      merged: true,
    },
    {
      name: 'a resource with 20 findings added (more than 16, within a sixteenth of all)',
      change: (chunks) => void chunks.splice(600, 0, resourceFindings(600, 20, 1)),
      merged: true,
    },
    {
      name: 'a resource with 300 findings added (more than a sixteenth: sorted afresh)',
      change: (chunks) => void chunks.splice(600, 0, resourceFindings(600, 300, 1)),
      merged: false,
    },
    {
      name: 'a resource moved from the start to the end (kept resources change order: sorted afresh)',
      change: (chunks) => void chunks.push(...chunks.splice(5, 1)),
      merged: false,
    },
    {
      name: 'a new finding ties with a kept one (same rule, severity and place: sorted afresh, stably)',
      change: (chunks) => void chunks.splice(400, 0, [countedFinding(400, 4001, 0)]),
      merged: false,
    },
  ];

  for (const item of cases) {
    it(`gives the full sort's order${item.merged ? ', reading fewer findings than there are,' : ''} when ${item.name}`, () => {
      const chunks = Array.from({ length: resourceCount }, (_, place) => resourceFindings(place));
      const previous = sortChunks(chunks);
      const next = [...chunks];
      item.change(next);
      reads = 0;
      const result = sortChunks(next, previous);
      const readByMerge = reads;
      const expected = sortFindings(next.flat());
      assert.equal(result.sorted.length, expected.length);
      result.sorted.forEach((finding, position) => assert.equal(finding, expected[position], `finding ${position}`));
      assert.equal(result.chunks, next);
      if (item.merged) assert.ok(readByMerge < next.flat().length, `${readByMerge} reads for ${next.flat().length} findings`);
      else assert.ok(readByMerge >= next.flat().length, `a full sort reads every finding (${readByMerge} reads)`);
    });
  }
});
