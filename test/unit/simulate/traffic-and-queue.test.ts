/**
 * The simulator's two building blocks that a run's figures rest on: the daily traffic curve (its
 * mean is the workload's average, its highest value the peak, at 14:00) and the event queue (earliest
 * first, ties in the order they were scheduled, which is what makes a run repeatable).
 */
import { strict as assert } from 'node:assert';
import { EventQueue } from '../../../src/evaluate/simulate/event-queue';
import { dailyCurve, minutesPerDay } from '../../../src/evaluate/simulate/traffic';

function mean(values: Float64Array): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The minute of the day of the highest and of the lowest value. */
function extremes(values: Float64Array): { highest: number; lowest: number } {
  let highest = 0;
  let lowest = 0;
  values.forEach((value, minute) => {
    if (value > values[highest]!) highest = minute;
    if (value < values[lowest]!) lowest = minute;
  });
  return { highest, lowest };
}

describe('simulate: the daily traffic curve', () => {
  const two = 2 * 60;
  const peak = 14 * 60;

  it('averages the workload, peaks at its peak at 14:00, and is lowest at 02:00', () => {
    // 300/s on average, 400/s at peak: a raised cosine, 200/s at its lowest.
    const curve = dailyCurve(300, 400);
    assert.equal(curve.length, minutesPerDay);
    assert.ok(Math.abs(mean(curve) - 300) < 1e-9);
    assert.deepEqual(extremes(curve), { highest: peak, lowest: two });
    assert.ok(Math.abs(curve[peak]! - 400) < 1e-9);
    assert.ok(Math.abs(curve[two]! - 200) < 1e-9);
    // Symmetric about the peak; midnight is 14 hours from it, 10 hours the other way round.
    for (const offset of [1, 100, 599]) assert.ok(Math.abs(curve[peak - offset]! - curve[peak + offset]!) < 1e-9, `${offset}`);
    assert.ok(Math.abs(curve[0]! - (200 + 200 * ((1 + Math.cos(Math.PI * (10 / 12))) / 2))) < 1e-9, `${curve[0]}`);
  });

  it('sharpens the peak for a higher peak-to-average ratio, never going below zero', () => {
    // 300/s on average, 1,000/s at peak: the plain raised cosine would need -100/s at night.
    const curve = dailyCurve(300, 1_000);
    assert.ok(Math.abs(mean(curve) - 300) < 1e-9);
    assert.ok(Math.abs(curve[peak]! - 1_000) < 1e-9);
    assert.ok(Math.min(...curve) >= 0);
    // The fourth power of the raised cosine: its mean (35/128) is the first at or under 0.3.
    const base = 1_000 - 700 / (1 - 35 / 128);
    assert.ok(Math.abs(curve[two]! - base) < 1e-6, `${curve[two]}`);
  });

  it('keeps the average when even the sharpest shape cannot reach the peak', () => {
    // 10/s on average, 1,000/s at peak: the 64th power is the sharpest, rescaled to the average.
    const curve = dailyCurve(10, 1_000);
    assert.ok(Math.abs(mean(curve) - 10) < 1e-9);
    assert.equal(extremes(curve).highest, peak);
    assert.ok(curve[peak]! < 1_000 && curve[peak]! > 100, `${curve[peak]}`);
  });

  it('stops sharpening at the 64th power: the curve is then that shape, scaled to the average', () => {
    // 10/s on average, 1,000/s at peak: no power up to 64 brings the shape's mean down to 1%, so the
    // curve is the 64th power of the raised cosine, scaled so that its mean is 10/s (about 142/s at
    // 14:00), and zero nowhere but where the shape is.
    const w64 = Float64Array.from(
      { length: minutesPerDay },
      (_, minute) => ((1 + Math.cos((2 * Math.PI * (minute - peak)) / minutesPerDay)) / 2) ** 64,
    );
    const scale = 10 / mean(w64);
    const curve = dailyCurve(10, 1_000);
    for (const minute of [peak, peak - 30, peak + 90, peak - 240, two, 0]) {
      assert.ok(
        Math.abs(curve[minute]! - scale * w64[minute]!) <= 1e-9 * scale,
        `${minute}: ${curve[minute]} against ${scale * w64[minute]!}`,
      );
    }
    assert.ok(Math.abs(curve[peak]! - 142.07) < 0.01, `${curve[peak]}`);
  });

  it('is flat when the peak is no higher than the average, and zero without traffic', () => {
    assert.deepEqual([...new Set(dailyCurve(300, 300))], [300]);
    assert.deepEqual([...new Set(dailyCurve(300, 200))], [300]);
    assert.deepEqual([...new Set(dailyCurve(0, 100))], [0]);
    assert.deepEqual([...new Set(dailyCurve(-1, 5))], [0]);
    assert.deepEqual([...new Set(dailyCurve(Number.NaN, 5))], [0]);
  });
});

describe('simulate: the event queue', () => {
  it('gives the earliest event first, and equal times in the order they were scheduled', () => {
    const queue = new EventQueue<string>();
    assert.equal(queue.size, 0);
    assert.equal(queue.peekTime(), Infinity);
    assert.equal(queue.pop(), undefined);
    // A fixed shuffle of times with many ties.
    const times = [5, 3, 9, 3, 1, 5, 7, 0, 3, 9, 2, 5, 1, 8, 0, 6, 4, 4, 7, 2];
    times.forEach((time, i) => queue.push(time, `${time}#${i}`));
    assert.equal(queue.size, times.length);
    assert.equal(queue.peekTime(), 0);
    const popped: string[] = [];
    for (let event = queue.pop(); event !== undefined; event = queue.pop()) popped.push(event.payload);
    const expected = times.map((time, i) => ({ time, i })).sort((a, b) => a.time - b.time || a.i - b.i);
    assert.deepEqual(
      popped,
      expected.map(({ time, i }) => `${time}#${i}`),
    );
    assert.equal(queue.size, 0);
    assert.equal(queue.peekTime(), Infinity);
  });

  it('keeps the order while events are added between removals', () => {
    const queue = new EventQueue<number>();
    const out: number[] = [];
    let next = 0;
    // Push three, pop one, a hundred times, at times that repeat.
    for (let round = 0; round < 100; round++) {
      for (let k = 0; k < 3; k++) queue.push((round * 7 + k * 13) % 17, next++);
      out.push(queue.pop()!.time);
    }
    while (queue.size > 0) {
      const before = queue.peekTime();
      const event = queue.pop()!;
      assert.equal(event.time, before);
      out.push(event.time);
    }
    assert.equal(out.length, 300);
    // Everything popped after the last push is in order.
    const tail = out.slice(100);
    assert.deepEqual(
      tail,
      [...tail].sort((a, b) => a - b),
    );
  });
});
