import { UnsupportedMediaTypeError } from '../errors.js';

/**
 * The headers that say how to read a request body. Checked by hand rather than with the
 * `content-type` package: the grammar we accept is one media type and one parameter, and a
 * dependency for twenty lines is not worth its weight in every Lambda bundle.
 */
const JSON_MEDIA_TYPE = /^application\/(?:[a-z0-9!#$&^_.+-]+\+)?json$/;
const PARAMETER = /^([a-z0-9!#$&^_.+-]+)=(?:"([^"]*)"|([^\s";]+))$/;

const refuse = (detail: string, headers?: Record<string, string>) =>
  new UnsupportedMediaTypeError({ detail, ...(headers ? { headers } : {}) });

/**
 * `application/json` or a `+json` type, with no charset or `charset=utf-8` (JSON is UTF-8,
 * RFC 8259 §8.1); anything else would be misread, so it is 415 rather than a guess.
 */
export const assertJsonContentType = (header: string | undefined): void => {
  const [mediaType = '', ...parameters] = (header ?? '').split(';').map((part) => part.trim().toLowerCase());
  if (!JSON_MEDIA_TYPE.test(mediaType))
    throw refuse('Send the body as application/json (Content-Type: application/json).');
  for (const parameter of parameters) {
    const match = PARAMETER.exec(parameter);
    if (!match) throw refuse('The Content-Type header is malformed.');
    const [, name, quoted, token] = match;
    if (name === 'charset' && (quoted ?? token) !== 'utf-8')
      throw refuse('Send the body in UTF-8 (charset=utf-8, or no charset).');
  }
};

/**
 * The API decodes no content coding (neither API Gateway nor the functions decompress
 * request bodies): only `identity` or none. RFC 7694 asks a 415 for this to say what is
 * accepted, hence `Accept-Encoding`.
 */
export const assertIdentityEncoding = (header: string | undefined): void => {
  const codings = (header ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '');
  const unsupported = codings.find((coding) => coding !== 'identity');
  if (unsupported)
    throw refuse(
      `The API does not decode Content-Encoding "${unsupported.slice(0, 40)}"; send the body uncompressed.`,
      {
        'accept-encoding': 'identity',
      },
    );
};
