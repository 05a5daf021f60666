/**
 * Pure money arithmetic of an order, in integer minor units. Nothing here reads or writes.
 */

/**
 * Splits `amount` over `weights` in proportion, exactly: parts are whole minor units that sum
 * to `amount` (largest remainder; ties to the earlier weight). BigInt keeps products exact.
 */
export const allocate = (amount: number, weights: readonly number[]): number[] => {
  const sum = weights.reduce((total, weight) => total + weight, 0);
  if (amount === 0 || sum === 0) return weights.map(() => 0);
  const big = BigInt(amount);
  const bigSum = BigInt(sum);
  const parts = weights.map((weight) => {
    const product = big * BigInt(weight);
    return { share: Number(product / bigSum), remainder: product % bigSum };
  });
  let left = amount - parts.reduce((total, part) => total + part.share, 0);
  const byRemainder = parts
    .map((part, index) => ({ index, remainder: part.remainder }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    const part = parts[index];
    if (part) part.share += 1;
    left -= 1;
  }
  return parts.map((part) => part.share);
};

/**
 * Points to redeem against `total`: what was asked, or fewer when their value would exceed
 * the total (the customer keeps the rest). Zero points when not even one fits.
 */
export const cappedRedemption = (
  requested: number,
  total: number,
  valueOfPoints: (points: number) => number,
): { points: number; value: number } => {
  const asked = valueOfPoints(requested);
  if (asked <= total) return { points: requested, value: asked };
  const unit = valueOfPoints(1);
  let points = unit > 0 ? Math.min(requested, Math.floor(total / unit)) : 0;
  while (points > 0 && valueOfPoints(points) > total) points -= 1;
  return { points, value: points > 0 ? valueOfPoints(points) : 0 };
};

export interface PricedLineTotals {
  lineTotal: number;
}

/**
 * Shares of order-level reductions (points redemption, and any promotion discount the
 * pricing did not put on a line) per line, in proportion to line totals, so that
 * `lineTotal − share` (what the customer pays for the line) sums exactly to the order total.
 */
export const orderLevelShares = (lines: readonly PricedLineTotals[], orderTotal: number): number[] => {
  const linesSum = lines.reduce((total, line) => total + line.lineTotal, 0);
  return allocate(
    Math.max(0, linesSum - orderTotal),
    lines.map((line) => line.lineTotal),
  );
};

/**
 * Value of refunding `quantity` more units of a line that already had `refunded` units
 * refunded. Cumulative (value of the first n units is floor(net × n / quantity)), so refunding
 * a line unit by unit sums to exactly its net total.
 */
export const unitsValue = (
  line: { quantity: number; netTotal: number },
  refunded: number,
  quantity: number,
): number => cumulativeShare(line.netTotal, line.quantity, refunded, quantity);

/**
 * The share of `total` (spread over `units`) that `taken` more units carry after `before`
 * were taken: floor(total × n / units) for the first n units, so taking every unit, in any
 * number of steps, sums to exactly `total`. Money and tax of refunded units both use it.
 */
export const cumulativeShare = (total: number, units: number, before: number, taken: number): number =>
  Math.floor((total * (before + taken)) / units) - Math.floor((total * before) / units);

/**
 * Points to take back after a refund of a completed order: the points credited beyond what
 * the still-kept value earns. Never negative.
 */
export const pointsToReverse = (
  order: { total: number; pointsEarned: number },
  amountRefundedAfter: number,
  earnedFor: (amount: number) => number,
): number => Math.max(0, order.pointsEarned - earnedFor(Math.max(0, order.total - amountRefundedAfter)));

export interface RefundableLine {
  quantity: number;
  lineTotal: number;
  refundedQuantity: number;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/**
 * Redeemed points that belong to the units refunded so far: floor(points × refunded share of
 * the lines' value). Redemption was spread over lines in proportion to `lineTotal` (see
 * orderLevelShares), so a unit carries lineTotal / quantity of it. Cumulative, like unitsValue:
 * returning everything, in any number of refunds, gives back exactly every point. Exact
 * rational arithmetic in BigInt (common denominator: the lcm of the quantities).
 */
export const redeemedPointsOfRefundedUnits = (
  pointsRedeemed: number,
  lines: readonly RefundableLine[],
): number => {
  const value = lines.reduce((total, line) => total + line.lineTotal, 0);
  if (pointsRedeemed === 0 || value === 0) return 0;
  const denominator = lines.reduce((lcm, line) => {
    const quantity = BigInt(line.quantity);
    return (lcm * quantity) / gcd(lcm, quantity);
  }, 1n);
  const refundedValue = lines.reduce(
    (total, line) =>
      total + BigInt(line.lineTotal) * BigInt(line.refundedQuantity) * (denominator / BigInt(line.quantity)),
    0n,
  );
  return Number((BigInt(pointsRedeemed) * refundedValue) / (denominator * BigInt(value)));
};

/**
 * Redeemed points to give back for a refund that takes the lines from `before` to `after`
 * (refunded quantities). A refund of money alone (no returned units) gives back none.
 */
export const redeemedPointsToReturn = (
  pointsRedeemed: number,
  before: readonly RefundableLine[],
  after: readonly RefundableLine[],
): number =>
  redeemedPointsOfRefundedUnits(pointsRedeemed, after) -
  redeemedPointsOfRefundedUnits(pointsRedeemed, before);
