/**
 * Picks which of the media types a route can answer with the caller prefers, by its `Accept`
 * header (RFC 9110 §12.5.1: q-values, `type/*`, `*\/*`). Without an Accept, or with one that
 * matches none of them, the first offered wins: answering in the default format is allowed and
 * kinder to simple clients than 406. Hand-written because the rule is this small and Middy's
 * content negotiation middleware pulls in a charset/encoding/language negotiator we do not need.
 */
export const preferredMediaType = <T extends string>(
  accept: string | undefined,
  offered: readonly [T, ...T[]],
): T => {
  if (!accept) return offered[0];
  const ranges = accept.split(',').flatMap((part) => {
    const [range = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    const quality = q ? Number(q.slice(2)) : 1;
    return range && Number.isFinite(quality) ? [{ range, quality }] : [];
  });
  const qualityOf = (type: string): number => {
    const [major] = type.split('/');
    const specific = (range: string) =>
      range === type ? 3 : range === `${major}/*` ? 2 : range === '*/*' ? 1 : 0;
    const best = ranges
      .filter(({ range }) => specific(range) > 0)
      .sort((a, b) => specific(b.range) - specific(a.range))[0];
    return best?.quality ?? 0;
  };
  let chosen = offered[0];
  let chosenQuality = qualityOf(chosen);
  for (const type of offered.slice(1)) {
    const quality = qualityOf(type);
    if (quality > chosenQuality) {
      chosen = type;
      chosenQuality = quality;
    }
  }
  return chosen;
};
