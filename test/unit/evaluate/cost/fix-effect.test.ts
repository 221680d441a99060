/**
 * Fix-effect previews: what a quick fix would do to the monthly cost and the availability, worked
 * out on the document the fix would produce, and the title suffix the editor shows. The figures
 * below were worked out by hand from the price snapshot (db.t3.large MySQL $0.136/hour, RDS gp3
 * storage $0.115/GB-month, EBS gp2 $0.10 and gp3 $0.08 per GB-month, 730 hours).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchitecture } from '../../../../src/core/parse';
import { setPropertyEdit } from '../../../../src/core/edits';
import type { FixPayload } from '../../../../src/core/document';
import { evaluateCost } from '../../../../src/evaluate/cost';
import {
  applyFix,
  costDeltaOfFix,
  documentAfterFix,
  fixEffect,
  fixEffectSuffix,
  formatAvailabilityChange,
  formatCostDelta,
  titleWithEffect,
} from '../../../../src/evaluate/fix-effect';

const text = readFileSync(join(__dirname, '../../../fixtures/cost/fix-effect/rds-and-gp2.cloudarch.yaml'), 'utf8');

function close(actual: number | undefined, expected: number, what: string): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-6, `${what}: expected ${expected}, got ${actual}`);
}

describe('fix effects', () => {
  const doc = parseArchitecture(text);

  it('reads the fixture without errors', () => {
    assert.deepEqual(
      doc.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
      [],
    );
  });

  describe('enabling Multi-AZ on an RDS instance', () => {
    const fix: FixPayload = { title: 'Enable Multi-AZ', edits: [setPropertyEdit(doc, 'db', ['multiAZ'], true)!] };

    it('costs a second instance and a second copy of the storage', () => {
      // 730 h x $0.136 + 100 GB x $0.115 = $99.28 + $11.50.
      close(costDeltaOfFix(doc, fix), 110.78, 'cost delta');
    });

    it("raises availability from one zone's 99.5% to two zones in parallel", () => {
      const effect = fixEffect(doc, fix)!;
      close(effect.availabilityBefore, 99.5, 'before');
      // 1 - 0.005^2: the primary and the standby fail independently.
      close(effect.availabilityAfter, 99.9975, 'after');
    });

    it('previews both in the title', () => {
      assert.equal(titleWithEffect(doc, fix), 'Enable Multi-AZ (+$111/month, 99.5% -> 99.997%)');
    });

    it('re-reads only the edited resource and leaves the document alone', () => {
      const after = documentAfterFix(doc, fix)!;
      assert.equal(after.resourceByName.get('app'), doc.resourceByName.get('app'), 'an untouched resource is the same object');
      assert.notEqual(after.resourceByName.get('db'), doc.resourceByName.get('db'));
      assert.equal(after.resourceByName.get('db')!.props.multiAZ, true);
      assert.equal(doc.text, text);
    });
  });

  describe("changing a gp2 volume to gp3 (the cost suggestion's own fix)", () => {
    // Priced by each test, never while the file loads (see cost-fixtures.test.ts).
    const gp3Suggestion = () => evaluateCost(doc).alternatives.find((a) => a.resource === 'scratch');

    it('is suggested with a fix', () => {
      const suggestion = gp3Suggestion();
      assert.ok(suggestion?.fix, 'a gp3 suggestion with a fix for the scratch volume');
    });

    it('saves the price difference on 500 GB and leaves availability alone', () => {
      const suggestion = gp3Suggestion();
      const effect = fixEffect(doc, suggestion!.fix!)!;
      close(effect.costDeltaUSD, -10, 'cost delta'); // 500 GB x ($0.08 - $0.10)
      assert.equal(effect.availabilityAfter, effect.availabilityBefore);
      assert.equal(fixEffectSuffix(effect), ' (-$10.00/month)');
    });

    it('agrees with the saving the suggestion states', () => {
      const suggestion = gp3Suggestion();
      close(-costDeltaOfFix(doc, suggestion!.fix!)!, suggestion!.savingUSD, 'saving');
    });
  });

  it('gives no effect for edits that overlap', () => {
    const at = { line: 14, character: 4 };
    const overlapping: FixPayload = {
      title: 'Broken',
      edits: [
        { range: { start: at, end: { line: 14, character: 10 } }, newText: 'a' },
        { range: { start: { line: 14, character: 6 }, end: { line: 14, character: 12 } }, newText: 'b' },
      ],
    };
    assert.equal(applyFix(doc, overlapping), undefined);
    assert.equal(fixEffect(doc, overlapping), undefined);
    assert.equal(costDeltaOfFix(doc, overlapping), undefined);
    assert.equal(titleWithEffect(doc, overlapping), 'Broken');
  });

  it('applies several edits at their own places', () => {
    const edits = [setPropertyEdit(doc, 'db', ['multiAZ'], true)!, setPropertyEdit(doc, 'scratch', ['volumeType'], 'gp3')!];
    const after = parseArchitecture(applyFix(doc, { title: 'Both', edits: [...edits].reverse() })!);
    assert.equal(after.resourceByName.get('db')!.props.multiAZ, true);
    assert.equal(after.resourceByName.get('scratch')!.props.volumeType, 'gp3');
    close(costDeltaOfFix(doc, { title: 'Both', edits }), 100.78, 'both changes');
  });

  describe('edits that touch or are written backwards', () => {
    // Line 22 of the fixture is `    sizeGB: 500` (the gp2 volume at $0.10 per GB-month).
    const at = (character: number) => ({ line: 22, character });
    const sized = (gb: number) => text.replace('    sizeGB: 500\n', `    sizeGB: ${gb}\n`);

    it('reads a range whose end comes before its start as the same span', () => {
      const fix: FixPayload = { title: 'Shrink', edits: [{ range: { start: at(15), end: at(12) }, newText: '250' }] };
      assert.equal(applyFix(doc, fix), sized(250));
      assert.equal(titleWithEffect(doc, fix), 'Shrink (-$25.00/month)');
    });

    it('applies edits that meet end to start, in either order', () => {
      const first = { range: { start: at(12), end: at(13) }, newText: '2' };
      const second = { range: { start: at(13), end: at(15) }, newText: '50' };
      for (const edits of [
        [first, second],
        [second, first],
      ]) {
        assert.equal(applyFix(doc, { title: 'Shrink', edits }), sized(250));
        assert.equal(titleWithEffect(doc, { title: 'Shrink', edits }), 'Shrink (-$25.00/month)');
      }
    });

    it('applies an insertion where a replacement starts before the replacement, in either order', () => {
      const insertion = { range: { start: at(12), end: at(12) }, newText: '1' };
      const replacement = { range: { start: at(12), end: at(15) }, newText: '250' };
      for (const edits of [
        [insertion, replacement],
        [replacement, insertion],
      ]) {
        assert.equal(applyFix(doc, { title: 'Grow', edits }), sized(1250));
        assert.equal(titleWithEffect(doc, { title: 'Grow', edits }), 'Grow (+$75.00/month)');
      }
    });
  });

  describe('formatting', () => {
    const costs: [number, string | undefined][] = [
      [175.2, '+$175/month'],
      [-12.4, '-$12.40/month'],
      [1234.5, '+$1,235/month'],
      [99.999, '+$100/month'],
      [0.001, undefined],
      // Half a cent is the smallest change shown.
      [0.005, '+$0.01/month'],
      [-0.005, '-$0.01/month'],
      [Number.NaN, undefined],
    ];
    for (const [delta, expected] of costs) it(`cost ${delta} -> ${expected}`, () => assert.equal(formatCostDelta(delta), expected));

    const availabilities: [number, number, string | undefined][] = [
      [99.5, 99.95, '99.5% -> 99.95%'],
      [99.5, 99.9975, '99.5% -> 99.997%'],
      [99.99, 99.999, '99.99% -> 99.999%'],
      [99.9, 99.5, '99.9% -> 99.5%'],
      [99.12, 99.1234, '99.12% -> 99.123%'],
      [99.95, 99.95, undefined],
      [99.999999, 99.9999999, undefined],
      // A figure that is not a number is never shown ("NaN%").
      [Number.NaN, 99.5, undefined],
      [99.5, Number.POSITIVE_INFINITY, undefined],
    ];
    for (const [before, after, expected] of availabilities) {
      it(`availability ${before} -> ${after} reads ${expected}`, () => assert.equal(formatAvailabilityChange(before, after), expected));
    }

    it('never shows an availability below 100% as 100%', () => {
      assert.equal(formatAvailabilityChange(99.5, 99.99999), '99.5% -> 99.99999%');
      assert.ok(!formatAvailabilityChange(99, 99.9999996)!.includes('100'));
    });

    it('leaves the title alone when nothing changes', () => {
      assert.equal(fixEffectSuffix({ costDeltaUSD: 0, availabilityBefore: 99.9, availabilityAfter: 99.9 }), '');
      assert.equal(fixEffectSuffix(undefined), '');
    });
  });
});
