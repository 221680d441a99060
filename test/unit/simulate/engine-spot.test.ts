/**
 * Spot capacity that stays away (`spot@<when>+<how long>`): a group that replaces its instances
 * waits for capacity to return, then for its repair time; spot instances of a persistent request
 * (EC2 instances) come back the same way, repaired in place. Four t3.medium behind a load
 * balancer, 300 requests/s flat.
 */
import { strict as assert } from 'node:assert';
import type { ArchDocument } from '../../../src/core/document';
import { simulate, type SimulationResult, type TimelineEvent } from '../../../src/evaluate/simulate';
import { loadFixture, specs } from './spec-helpers';

function load(...edits: [string, string][]): ArchDocument {
  return loadFixture('spot', ...edits);
}

const asInstances: [string, string] = [
  '    type: aws.autoscaling.group\n    instanceType: t3.medium\n    purchase: spot\n    zones: [a, b]\n    min: 4\n    desired: 4\n    max: 4',
  '    type: aws.ec2.instance\n    instanceType: t3.medium\n    purchase: spot\n    zones: [a, b]\n    count: 4',
];

function run(doc: ArchDocument, event: string): SimulationResult {
  return simulate(doc, { days: 2, randomFailures: false, seriesPoints: 4, events: specs(event) });
}

function after(result: SimulationResult, kind: TimelineEvent['kind']): string[] {
  return result.timeline.events.filter((e) => e.kind === kind).map((e) => `${e.at - 86_400} ${e.message}`);
}

describe('simulate engine: spot capacity gone for an hour', () => {
  it('a group launches its replacements when capacity returns, and serves five minutes later', () => {
    const result = run(load(), 'spot@1d+1h');
    assert.deepEqual(after(result, 'system-down'), ['120 An entry point stopped working: requests are dropped']);
    assert.deepEqual(after(result, 'unit-replaced'), [
      '3900 web: a replacement for an interrupted spot unit is in service in a',
      '3900 web: a replacement for an interrupted spot unit is in service in b',
      '3900 web: a replacement for an interrupted spot unit is in service in a',
      '3900 web: a replacement for an interrupted spot unit is in service in b',
    ]);
    assert.deepEqual(after(result, 'system-up'), ['3900 Every entry point works again']);
    const outcome = result.injected[0]!;
    assert.deepEqual(
      [outcome.droppedRequests, outcome.recoverySeconds, outcome.belowNeededSeconds],
      [300 * (3_900 - 120), 3_900, 3_900 - 120],
    );
    // The interrupted instances are not billed while none runs: the run costs less than the estimate.
    assert.ok(result.cost.monthlyEquivalentUSD < result.cost.staticMonthlyUSD!);
  });

  it('spot EC2 instances come back in place once capacity returns, after their repair time', () => {
    const result = run(load(asInstances), 'spot@1d+1h');
    assert.equal(result.counts.spotInterruptions, 4);
    assert.deepEqual(after(result, 'unit-repaired'), [
      '6300 web: a unit is repaired in a',
      '6300 web: a unit is repaired in b',
      '6300 web: a unit is repaired in a',
      '6300 web: a unit is repaired in b',
    ]);
    assert.deepEqual(after(result, 'unit-replaced'), []);
    assert.deepEqual(after(result, 'system-up'), ['6300 Every entry point works again']);
    assert.equal(result.injected[0]!.droppedRequests, 300 * (6_300 - 120));
    assert.equal(result.availability.downtimeMinutes, (6_300 - 120) / 60);
  });

  it('a spot interruption with capacity at hand: instances come back after their repair time alone', () => {
    const result = run(load(asInstances), 'spot@1d');
    assert.deepEqual(after(result, 'system-up'), ['2820 Every entry point works again']);
    assert.equal(result.injected[0]!.recoverySeconds, 2_820);
  });
});
