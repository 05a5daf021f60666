/**
 * Integer money arithmetic for discounts. Amounts are minor units; nothing here ever yields a
 * fraction, so nothing stored is ever a float.
 */

/** `percent`% of `amount`, rounded half up (12.5 → 13). */
export const percentOf = (amount: number, percent: number): number =>
  Math.floor((amount * percent + 50) / 100);

/**
 * Splits `amount` over lines in proportion to `weights` (their current totals): each line gets
 * the floor of its exact share, and the cents left over go to the largest line (then the next
 * largest, should the largest already be fully discounted), so the shares sum exactly to
 * `amount` and no line gets more than its weight. BigInt keeps `amount × weight` exact.
 */
export const allocateProportionally = (amount: number, weights: readonly number[]): number[] => {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (amount < 0 || amount > total) throw new RangeError(`Cannot allocate ${amount} over ${total}`);
  if (amount === 0) return weights.map(() => 0);
  const shares = weights.map((weight) => Number((BigInt(amount) * BigInt(weight)) / BigInt(total)));
  let remainder = amount - shares.reduce((sum, share) => sum + share, 0);
  const largestFirst = weights
    .map((_, index) => index)
    .sort((a, b) => (weights[b] ?? 0) - (weights[a] ?? 0) || a - b);
  for (const index of largestFirst) {
    if (remainder === 0) break;
    const room = (weights[index] ?? 0) - (shares[index] ?? 0);
    const extra = Math.min(room, remainder);
    shares[index] = (shares[index] ?? 0) + extra;
    remainder -= extra;
  }
  return shares;
};
