/**
 * What a request may store: the rules behind the root check over every parsed body
 * (json-body-safety.ts) and the shared schemas (common-schemas.ts), kept in one place so
 * that the two cannot disagree.
 */

/**
 * A number is stored only if it survives the round trip JSON → JS → DynamoDB → JS unchanged.
 * The DynamoDB marshaller refuses anything beyond ±(2^53 − 1) (precision would be lost) and
 * NaN/Infinity; `String()` writes numbers below 1e-6 in exponent form (`1e-7`), which
 * DynamoDB's 38-digit decimal may store but no field of ours has a use for. So: finite,
 * |x| ≤ Number.MAX_SAFE_INTEGER, and a non-zero fraction at least 0.000001 in magnitude.
 */
export const MIN_FRACTION_MAGNITUDE = 1e-6;

export const unsafeNumberReason = (value: number): string | undefined => {
  if (!Number.isFinite(value)) return 'Must be a finite number.';
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER)
    return `Must be between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}.`;
  if (value !== 0 && Math.abs(value) < MIN_FRACTION_MAGNITUDE)
    return `Must be zero or at least ${MIN_FRACTION_MAGNITUDE} in magnitude.`;
  return undefined;
};

/**
 * Characters no text field stores, whatever it is: they corrupt receipts, logs and CSV, or
 * reorder what a reader sees (Trojan Source, CVE-2021-42574).
 * - C0 controls except TAB, LF and CR (CR only reaches multi-line fields, which turn CRLF
 *   into LF), DEL and the C1 controls U+0080–U+009F;
 * - bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069;
 * - the line and paragraph separators U+2028/U+2029 (invisible line breaks in logs and JS);
 * - lone UTF-16 surrogates (JSON `"\ud800"`), which have no UTF-8 form.
 * The implicit marks LRM/RLM/ALM (U+200E, U+200F, U+061C) and ZWJ/ZWNJ stay allowed: they
 * cannot reorder text beyond their own field and Hebrew, Arabic, Persian and emoji need them.
 */
const FORBIDDEN_ANYWHERE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;
/** Single-line fields (names, codes, references) also refuse TAB, LF and CR. */
const LINE_BREAKS_AND_TABS = /[\t\n\r]/;

const codePointLabel = (char: string): string =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `value` may not be stored in any text field, or undefined when it may. */
export const unsafeTextReason = (value: string, options: { multiLine: boolean }): string | undefined => {
  // In a `u` regex a surrogate range matches only unpaired halves (ES2023 lacks isWellFormed).
  if (/[\ud800-\udfff]/u.test(value)) return 'Must be valid Unicode (no lone surrogates).';
  const forbidden = FORBIDDEN_ANYWHERE.exec(value);
  if (forbidden)
    return `Must not contain control or bidirectional-override characters (${codePointLabel(forbidden[0])}).`;
  if (!options.multiLine && LINE_BREAKS_AND_TABS.test(value))
    return 'Must be a single line (no tabs or line breaks).';
  if (options.multiLine && /\r/.test(value.replaceAll('\r\n', '\n')))
    return 'Must use line feeds (a lone CR is not a line break).';
  return undefined;
};
