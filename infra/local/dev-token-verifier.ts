/**
 * Verifies bearer tokens the way API Gateway's JWT authorizer does: signing key found by
 * `kid` in the issuer's JWKS, RS256 only, `iss` equal to the issuer, `aud` one of the
 * audiences, `exp` present and in the future, `nbf`/`iat` not in the future.
 *
 * aws-jwt-verify's `verifyJwtSync` with the local JWKS rather than `JwtVerifier.create` +
 * `cacheJwks`: on an unknown `kid` (a token signed by some other key) JwtVerifier falls back
 * to fetching `jwksUri` over HTTP, and there is no such URI locally; verifyJwtSync never does
 * I/O and rejects the token outright, as the authorizer would.
 */
import {
  JwtExpiredError,
  JwtInvalidAudienceError,
  JwtInvalidIssuerError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  KidNotFoundInJwksError,
} from 'aws-jwt-verify/error';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { verifyJwtSync } from 'aws-jwt-verify/jwt-verifier';
import { DEV_AUDIENCE, DEV_ISSUER, type DevKeys } from './dev-keys.js';

export type VerifiedClaims = JwtPayload;

/** Why a token was refused; the gateway answers 401 with this as the problem `detail`. */
export class TokenRejectedError extends Error {}

export type TokenVerifier = (token: string) => VerifiedClaims;

const reasonFor = (error: unknown): string => {
  if (error instanceof TokenRejectedError) return error.message;
  if (error instanceof JwtExpiredError) return 'The bearer token has expired.';
  if (error instanceof JwtNotBeforeError) return 'The bearer token is not valid yet.';
  if (error instanceof JwtInvalidAudienceError) return 'The bearer token was issued for another audience.';
  if (error instanceof JwtInvalidIssuerError) return 'The bearer token was issued by another issuer.';
  if (
    error instanceof KidNotFoundInJwksError ||
    error instanceof JwtInvalidSignatureError ||
    error instanceof JwtInvalidSignatureAlgorithmError
  ) {
    return 'The bearer token signature is not valid.';
  }
  return 'The bearer token is not a valid JWT.';
};

export const createTokenVerifier = (
  keys: Pick<DevKeys, 'jwks'>,
  expected: { issuer: string; audience: string[] } = { issuer: DEV_ISSUER, audience: [DEV_AUDIENCE] },
): TokenVerifier => {
  return (token) => {
    try {
      return verifyJwtSync(token, keys.jwks, {
        issuer: expected.issuer,
        audience: expected.audience,
        customJwtCheck: ({ header, payload }) => {
          // API Gateway's JWT authorizer only accepts RSA signatures; aws-jwt-verify also allows EC/EdDSA.
          if (header.alg !== 'RS256')
            throw new TokenRejectedError('The bearer token signature is not valid.');
          // aws-jwt-verify treats exp as optional; the authorizer requires it.
          if (typeof payload.exp !== 'number')
            throw new TokenRejectedError('The bearer token has no expiry.');
          if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000) {
            throw new TokenRejectedError('The bearer token was issued in the future.');
          }
        },
      });
    } catch (error) {
      throw new TokenRejectedError(reasonFor(error));
    }
  };
};
