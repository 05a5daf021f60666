import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * The OpenAPI document as the `openApi` function ships it: built from the full route contracts
 * at build time (`npm run contracts:generate`, infra/local/contract-artifacts.ts), then stored
 * as gzip in base64 in lib/platform/openapi-document.generated.ts. The served JSON is 430 KB;
 * compressed it adds 44 KB to the bundle instead, and neither zod-openapi nor the response
 * schemas are bundled or built at cold start (docs/performance.md, "Bundles and cold starts").
 * gzip rather than Brotli: a third more bytes, but it inflates in half the time (≈1.4 ms).
 */
export const encodeOpenApiDocument = (json: string): string =>
  gzipSync(Buffer.from(json, 'utf8'), { level: 9 }).toString('base64');

/** The document's JSON text, exactly as `JSON.stringify` of the built document gives it. */
export const decodeOpenApiDocument = (encoded: string): string =>
  gunzipSync(Buffer.from(encoded, 'base64')).toString('utf8');
