/**
 * The simulation engine under a daily traffic curve (average 300 requests/s, peak 400 at 14:00):
 * requests offered, served and dropped are the curve's integral over the stretch in question, to
 * the request, whether the engine integrates a quiet stretch in one go or minute by minute.
 */
import { strict as assert } from 'node:assert';
import type { ArchDocument } from '../../../src/core/document';
import type { SimulationOptions, SimulationResult } from '../../../src/evaluate/simulate';
import { dailyCurve } from '../../../src/evaluate/simulate/traffic';
import { loadFixture, runInjected } from './spec-helpers';

/** single-az-db with a daily curve instead of flat traffic. */
function curved(): ArchDocument {
  const doc = loadFixture('single-az-db', ['peakRequestsPerSecond: 300', 'peakRequestsPerSecond: 400']);
  assert.equal(doc.workload.peakRequestsPerSecond, 400);
  return doc;
}

function run(events: string[], options: SimulationOptions = {}): SimulationResult {
  return runInjected(curved(), events, { seriesPoints: 48, ...options });
}

const curve = dailyCurve(300, 400);
/** Requests offered from minute `from` to minute `to` of a day (minute steps). */
function requests(from: number, to: number): number {
  let sum = 0;
  for (let minute = from; minute < to; minute++) sum += curve[minute]! * 60;
  return sum;
}

describe('simulate engine: a daily traffic curve', () => {
  it('offers the average over whole days and serves it all when nothing fails', () => {
    const result = run([]);
    assert.ok(Math.abs(result.requests.offered - 300 * 2 * 86_400) <= 1, `${result.requests.offered}`);
    assert.equal(result.requests.served, result.requests.offered);
    assert.equal(result.requests.dropped, 0);
    assert.equal(result.capacity.belowNeededSeconds, 0);
  });

  it('shows the highest load of each hour: the peak in the hour from 14:00, the lowest from 02:00', () => {
    const { load, time } = run([]).series;
    assert.equal(time[1], 3_600);
    const highestOf = (hour: number): number => Math.max(...curve.slice(hour * 60, hour * 60 + 60));
    for (const hour of [0, 2, 7, 13, 14, 15, 23])
      assert.ok(Math.abs(load[hour]! - highestOf(hour)) < 0.001, `hour ${hour}: ${load[hour]} vs ${highestOf(hour)}`);
    assert.equal(load[14], 400);
    assert.equal(load[24 + 14], 400, 'the next day alike');
    assert.equal(Math.min(...load), load[2]);
  });

  it('drops, during an outage, exactly the requests the curve offers meanwhile', () => {
    // Zone a (the database) down from 13:00 to 15:00 of day two, across the peak.
    const result = run(['zone:a@1d13h+2h']);
    const expected = requests(13 * 60, 15 * 60);
    assert.ok(Math.abs(result.requests.dropped - expected) <= 1, `${result.requests.dropped} vs ${expected}`);
    assert.ok(Math.abs(result.injected[0]!.droppedRequests - expected) <= 1);
    assert.equal(result.injected[0]!.droppedPercent, 100);
    assert.equal(result.injected[0]!.recoverySeconds, 7_200);
    assert.ok(Math.abs(result.requests.offered - 300 * 2 * 86_400) <= 1);
  });

  it('an outage that starts and ends within a minute drops that part of the minute', () => {
    // 10:00:20 to 10:00:50 of day two: 30 seconds of the 10:00 minute's rate.
    const result = run(['resource:db@1d10h20s+30s']);
    const expected = curve[600]! * 30;
    assert.ok(Math.abs(result.requests.dropped - expected) <= 1, `${result.requests.dropped} vs ${expected}`);
  });

  it('with hourly steps each hour is offered at its mean rate', () => {
    const result = run(['zone:a@1d13h+2h'], { stepSeconds: 3_600 });
    assert.ok(Math.abs(result.requests.offered - 300 * 2 * 86_400) <= 1);
    const expected = requests(13 * 60, 15 * 60);
    assert.ok(Math.abs(result.requests.dropped - expected) <= 1, `${result.requests.dropped} vs ${expected}`);
    // The series shows each hour's mean: the 14:00 hour is below the peak minute's 400.
    const meanOf14 = requests(14 * 60, 15 * 60) / 3_600;
    assert.ok(Math.abs(result.series.load[14]! - meanOf14) < 0.001, `${result.series.load[14]} vs ${meanOf14}`);
  });
});
