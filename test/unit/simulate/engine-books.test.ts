/**
 * The simulation's books where they are easy to get subtly wrong: what scaling out costs (each new
 * instance billed from its launch to the scale-in), and an event still under way when the run ends.
 */
import { strict as assert } from 'node:assert';
import { evaluateCost } from '../../../src/evaluate/cost';
import type { SimulationResult } from '../../../src/evaluate/simulate';
import { loadFixture, runInjected } from './spec-helpers';

describe('simulate engine: the books', () => {
  it('a surge costs the new instances from their launch to the scale-in', () => {
    const doc = loadFixture('scaling');
    const quiet = runInjected(doc, []);
    const surge = runInjected(doc, ['surge:3x@1d12h+2h']);
    // Two instances at desired share the group's monthly estimate; four more run from the
    // scale-out (2 minutes into the surge) to the scale-in (14 minutes after it): 7,920 s each.
    const perInstanceSecond = evaluateCost(doc).byResource.web! / (doc.assumptions.hoursPerMonth * 3_600) / 2;
    const extra = 4 * 7_920 * perInstanceSecond;
    assert.ok(
      Math.abs(surge.cost.accruedUSD - quiet.cost.accruedUSD - extra) < 0.0002,
      `${surge.cost.accruedUSD - quiet.cost.accruedUSD} vs ${extra}`,
    );
    assert.equal(quiet.cost.monthlyEquivalentUSD, quiet.cost.staticMonthlyUSD);
    // The half day of the surge costs more than the half day before it, by the same amount.
    const halfDay = (result: SimulationResult, i: number): number => result.series.cost[i]! - (i > 0 ? result.series.cost[i - 1]! : 0);
    assert.ok(Math.abs(halfDay(surge, 3) - halfDay(surge, 2) - extra) < 0.0002);
  });

  it('an event still under way when the run ends is not recovered, even if service came back', () => {
    // The database fails over in 94 s, but zone a is still down when the two days end.
    const outcome = runInjected(loadFixture('multi-az-db'), ['zone:a@1d12h+1d']).injected[0]!;
    assert.equal(outcome.recoverySeconds, null);
    assert.equal(outcome.droppedRequests, Math.round(300 * 94.116));
    assert.equal(outcome.belowNeededSeconds, 94.1);
    // Of the requests offered from its start to the end of the run: half a day.
    assert.equal(outcome.droppedPercent, Math.round((100 * 300 * 94.116 * 10_000) / (300 * 43_200)) / 10_000);
  });
});
