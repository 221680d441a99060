/**
 * Spot capacity that stays away (`spot@<when>+<how long>`): a group that replaces its instances
 * waits for capacity to return, then for its repair time; spot instances of a persistent request
 * (EC2 instances) come back the same way, repaired in place. Four t3.medium behind a load
 * balancer, 300 requests/s flat.
 */
import { strict as assert } from 'node:assert';
import { day, fourPlaced, loadFixture, outcomes, runInjected, spotAsInstances, spotReplacements, timelineOf } from './spec-helpers';

describe('simulate engine: spot capacity gone for an hour', () => {
  it('a group launches its replacements when capacity returns, and serves five minutes later', () => {
    const result = runInjected(loadFixture('spot'), ['spot@1d+1h']);
    assert.deepEqual(timelineOf(result, day, ['system-down', 'system-up', 'unit-replaced']), [
      '120 | system-down | - | - | An entry point stopped working: requests are dropped',
      ...spotReplacements(3_900, fourPlaced),
      '3900 | system-up | - | - | Every entry point works again',
    ]);
    assert.deepEqual(outcomes(result), [['spot@1d+1h', 300 * (3_900 - 120), 3_900, 3_900 - 120]]);
    // The interrupted instances are not billed while none runs: the run costs less than the estimate.
    assert.ok(result.cost.monthlyEquivalentUSD < result.cost.staticMonthlyUSD!);
  });

  it('spot EC2 instances come back in place once capacity returns, after their repair time', () => {
    const result = runInjected(loadFixture('spot', spotAsInstances), ['spot@1d+1h']);
    assert.equal(result.counts.spotInterruptions, 4);
    assert.deepEqual(timelineOf(result, day, ['unit-repaired', 'unit-replaced', 'system-up']), [
      ...fourPlaced.map((zone) => `6300 | unit-repaired | web | - | web: a unit is repaired in ${zone}`),
      '6300 | system-up | - | - | Every entry point works again',
    ]);
    assert.equal(result.injected[0]!.droppedRequests, 300 * (6_300 - 120));
    assert.equal(result.availability.downtimeMinutes, (6_300 - 120) / 60);
  });

  it('a spot interruption with capacity at hand: instances come back after their repair time alone', () => {
    const result = runInjected(loadFixture('spot', spotAsInstances), ['spot@1d']);
    assert.deepEqual(timelineOf(result, day, ['system-up']), ['2820 | system-up | - | - | Every entry point works again']);
    assert.equal(result.injected[0]!.recoverySeconds, 2_820);
  });
});
