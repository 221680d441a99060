/**
 * The daily traffic curve: one value per minute of the day, peaking at 14:00 of simulated time,
 * whose mean over the day is exactly `workload.requestsPerSecond` and whose highest value is
 * `peakRequestsPerSecond`. The shape is `base + amplitude * w(t)` with
 * `w = ((1 + cos(2π(t - 14h)/24h)) / 2)^p`, the smallest whole power p that keeps `base` at or above
 * zero (a sharper daily peak for a higher peak-to-average ratio). Surges multiply the curve.
 */

export const minutesPerDay = 1_440;
const peakMinute = 14 * 60;

function shape(power: number): Float64Array {
  const w = new Float64Array(minutesPerDay);
  for (let minute = 0; minute < minutesPerDay; minute++) {
    const phase = (2 * Math.PI * (minute - peakMinute)) / minutesPerDay;
    w[minute] = ((1 + Math.cos(phase)) / 2) ** power;
  }
  return w;
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Requests per second for each minute of the day. */
export function dailyCurve(average: number, peak: number): Float64Array {
  const curve = new Float64Array(minutesPerDay);
  if (!(average > 0)) return curve;
  if (!(peak > average)) return curve.fill(average);
  const ratio = average / peak;
  let power = 1;
  let w = shape(power);
  while (mean(w) > ratio && power < 64) {
    power++;
    w = shape(power);
  }
  const mu = mean(w);
  // Mean = base + amplitude·μ = average and max = base + amplitude = peak.
  const amplitude = (peak - average) / (1 - mu);
  const base = Math.max(0, peak - amplitude);
  for (let minute = 0; minute < minutesPerDay; minute++) curve[minute] = base + amplitude * w[minute]!;
  // When the power cap was hit the mean is a little off; rescale so the day's mean is the average.
  const actual = mean(curve);
  if (actual > 0 && Math.abs(actual - average) > 1e-9 * average)
    for (let minute = 0; minute < minutesPerDay; minute++) curve[minute] = (curve[minute]! * average) / actual;
  return curve;
}
