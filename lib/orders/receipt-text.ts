import type { Receipt } from './receipt-schemas.js';

/** Characters per line of an 80 mm receipt printer in its standard font. */
export const RECEIPT_WIDTH = 42;

const PAYMENT_LABELS: Record<Receipt['payments'][number]['method'], string> = {
  cash: 'Cash',
  card: 'Card',
  alipay: 'Alipay',
  wechat_pay: 'WeChat Pay',
  other: 'Other',
};

/** Minor units as a decimal in the currency's own number of digits (AUD 2, JPY 0). */
export const formatMoney = (minor: number, currency: string): string => {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}`;
  const scale = 10 ** digits;
  return `${sign}${Math.floor(abs / scale)}.${String(abs % scale).padStart(digits, '0')}`;
};

/** Basis points as a percentage: 1000 → "10%", 1250 → "12.5%". */
export const formatRate = (basisPoints: number): string => `${basisPoints / 100}%`;

const clip = (text: string, width: number): string =>
  text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}~`;

/** Left text and right-aligned amount on one line; the left is shortened to make room. */
const pair = (left: string, right: string): string => {
  const room = RECEIPT_WIDTH - right.length - 1;
  return `${clip(left, room).padEnd(room)} ${right}`;
};

const centre = (text: string): string => {
  const line = clip(text, RECEIPT_WIDTH);
  return `${' '.repeat(Math.floor((RECEIPT_WIDTH - line.length) / 2))}${line}`.trimEnd();
};

const rule = '-'.repeat(RECEIPT_WIDTH);

/**
 * The receipt as plain text for a receipt printer: every line at most RECEIPT_WIDTH characters,
 * CRLF-free, ending with a newline. Items print at their shelf price; promotions follow the
 * subtotal by name (a line's share is in the JSON). Names are cut, never wrapped. Free
 * text was checked for control characters when it was stored.
 */
export const receiptText = (receipt: Receipt): string => {
  const money = (minor: number) => formatMoney(minor, receipt.currency);
  const { address } = receipt.store;
  const out: string[] = [
    centre(receipt.store.name),
    centre(address.line1),
    ...(address.line2 ? [centre(address.line2)] : []),
    centre([address.city, address.state, address.postcode].filter(Boolean).join(' ')),
    '',
    centre('TAX INVOICE'),
    pair('Receipt', receipt.receiptNumber),
    pair('Date', receipt.issuedAtLocal),
    pair('Order', receipt.orderId),
    rule,
  ];
  for (const line of receipt.lines) {
    const options = Object.values(line.options).join(' ');
    out.push(clip(options ? `${line.name} ${options}` : line.name, RECEIPT_WIDTH));
    out.push(pair(`  ${line.quantity} x ${money(line.unitPrice)}  ${line.sku}`, money(line.lineSubtotal)));
  }
  out.push(rule, pair('Subtotal', money(receipt.subtotal)));
  for (const promotion of receipt.promotions)
    out.push(
      pair(
        promotion.couponCode ? `${promotion.name} (${promotion.couponCode})` : promotion.name,
        money(-promotion.amount),
      ),
    );
  if (receipt.pointsRedeemed > 0)
    out.push(pair(`Points redeemed (${receipt.pointsRedeemed})`, money(-receipt.pointsDiscount)));
  if (!receipt.pricesIncludeTax)
    for (const tax of receipt.taxBreakdown)
      if (tax.taxAmount > 0)
        out.push(pair(`${tax.taxName} ${formatRate(tax.taxRate)}`, money(tax.taxAmount)));
  out.push(pair(`TOTAL ${receipt.currency}`, money(receipt.total)));
  if (receipt.pricesIncludeTax)
    for (const tax of receipt.taxBreakdown)
      if (tax.taxAmount > 0)
        out.push(pair(`  Includes ${tax.taxName} ${formatRate(tax.taxRate)}`, money(tax.taxAmount)));
  out.push(rule);
  for (const payment of receipt.payments)
    out.push(
      pair(
        payment.reference
          ? `${PAYMENT_LABELS[payment.method]} ${payment.reference}`
          : PAYMENT_LABELS[payment.method],
        money(payment.amount),
      ),
    );
  out.push(rule, 'Tax summary');
  for (const tax of receipt.taxBreakdown)
    out.push(
      pair(`${tax.taxName} ${formatRate(tax.taxRate)} on ${money(tax.netAmount)}`, money(tax.taxAmount)),
    );
  if (receipt.customerId) {
    out.push(rule, pair('Member', receipt.customerId));
    if (receipt.pointsEarned > 0) out.push(pair('Points earned', String(receipt.pointsEarned)));
  }
  for (const note of receipt.creditNotes)
    out.push(rule, pair('Credit note', note.creditNoteNumber), pair('  Refunded', money(-note.amount)));
  out.push('', centre('Thank you'));
  return `${out.join('\n')}\n`;
};
