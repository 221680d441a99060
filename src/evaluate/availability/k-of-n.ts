/**
 * The probability that at least k of n independent units are up, each with probability a.
 *
 * A dynamic program over the units rather than a closed binomial formula: binomial coefficients
 * overflow a double beyond a few hundred units and `1 - sum` loses the small failure
 * probabilities that matter at four and five nines, whereas the program only ever adds and
 * multiplies probabilities.
 */
export function atLeastKofN(k: number, n: number, a: number): number {
  if (k <= 0) return 1;
  if (n < k) return 0;
  if (a >= 1) return 1;
  if (a <= 0) return 0;
  if (k === 1) return 1 - Math.pow(1 - a, n);
  if (k === n) return Math.pow(a, n);
  // below[j] = P(exactly j units up so far), for j < k; reaching k is success and leaves the table.
  const below = new Float64Array(k);
  below[0] = 1;
  let success = 0;
  for (let unit = 0; unit < n; unit++) {
    success += below[k - 1]! * a;
    for (let j = k - 1; j >= 1; j--) below[j] = below[j]! * (1 - a) + below[j - 1]! * a;
    below[0] = below[0]! * (1 - a);
  }
  return Math.min(1, Math.max(0, success));
}
