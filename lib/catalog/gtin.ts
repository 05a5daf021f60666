/**
 * GS1 GTINs (GTIN-8, -12, -13, -14): the last digit is a mod-10 check digit over the others,
 * weighted 3, 1, 3, … from the right. Hand-written because it is five lines of arithmetic and
 * no maintained dependency for it is installed.
 */
export const GTIN_LENGTHS = [8, 12, 13, 14] as const;

/** The check digit for the digits before it (any length). */
export const gtinCheckDigit = (body: string): number => {
  let sum = 0;
  for (let fromRight = 0; fromRight < body.length; fromRight++) {
    const digit = Number(body[body.length - 1 - fromRight]);
    sum += digit * (fromRight % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
};

export const isGtinShape = (code: string): boolean =>
  /^\d+$/.test(code) && (GTIN_LENGTHS as readonly number[]).includes(code.length);

export const hasValidCheckDigit = (code: string): boolean =>
  gtinCheckDigit(code.slice(0, -1)) === Number(code.at(-1));

/**
 * The ways the same GTIN-12/13/14 is commonly written: a UPC-A (12) on the shelf label is the
 * EAN-13 `0…` and the GTIN-14 `00…` a scanner may report. A lookup tries them all in one
 * BatchGet. A GTIN-8 is its own number space and is only ever itself.
 */
export const equivalentGtins = (code: string): string[] => {
  if (code.length === 8) return [code];
  const significant = code.replace(/^0+/, '');
  const forms = [12, 13, 14].filter((length) => length >= significant.length);
  return [...new Set([code, ...forms.map((length) => significant.padStart(length, '0'))])];
};
