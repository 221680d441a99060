/**
 * `resourcesReplacedInPlace` and `everyReferencePair` (src/core/replaced-in-place.ts), the question
 * the availability and security evaluations ask before they reuse what they derived from the
 * previous version of a document. A wrong "yes" would keep stale data (the reuse tests of those
 * evaluations compare with fresh results); a wrong "no" only costs time, which those tests cannot
 * see, so the answers themselves are pinned here, case by case
 * (test/fixtures/replaced-in-place/cases.yaml).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseArchitecture } from '../../../src/core/parse';
import { everyReferencePair, resourcesReplacedInPlace } from '../../../src/core/replaced-in-place';

interface Case {
  readonly case: string;
  readonly before: string;
  readonly after: string;
  readonly limit?: number;
  readonly accept?: readonly string[];
  readonly replaced: readonly string[] | 'rebuild';
  readonly pairs?: number;
}

const cases = parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'replaced-in-place', 'cases.yaml'), 'utf8')) as Case[];

describe('resources replaced in place by an edit', () => {
  for (const c of cases)
    it(c.case, () => {
      const before = parseArchitecture(c.before);
      const after = parseArchitecture(c.after, { previous: before });
      const answer = resourcesReplacedInPlace(after, before, c.limit ?? 2, (resource) => c.accept?.includes(resource.name) ?? true);
      assert.deepEqual(answer === undefined ? 'rebuild' : [...answer].sort(), c.replaced);
      if (c.pairs !== undefined) {
        let asked = 0;
        assert.equal(
          everyReferencePair(after, before, (reference, old) => {
            asked += 1;
            // The pairs are at the same position: the same source and target here.
            assert.equal(reference.from, old.from);
            assert.equal(reference.target, old.target);
            return true;
          }),
          true,
        );
        assert.equal(asked, c.pairs);
        // A refusal is the answer, at the first pair refused.
        let askedUntilRefused = 0;
        assert.equal(
          everyReferencePair(after, before, () => {
            askedUntilRefused += 1;
            return false;
          }),
          false,
        );
        assert.equal(askedUntilRefused, 1);
      }
    });

  it('an unchanged resource is the very same object, and is not counted', () => {
    const text = (name: string) => `cloudarch: "1"\nname: ${name}\nresources:\n  a:\n    type: aws.s3.bucket\n`;
    const before = parseArchitecture(text('x'));
    const after = parseArchitecture(text('y'), { previous: before });
    assert.equal(after.resources[0], before.resources[0]);
    let asked = 0;
    assert.deepEqual(
      [
        ...(resourcesReplacedInPlace(after, before, 0, () => {
          asked += 1;
          return true;
        }) ?? ['rebuild']),
      ],
      [],
    );
    assert.equal(asked, 0);
  });
});
