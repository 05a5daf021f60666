/**
 * What the page reads from the user's ID token to shape itself (role, stores, expiry). Read, not
 * verified: the API verifies every call; this only hides what the user could not open anyway.
 */
export interface TokenClaims {
  role: string | undefined;
  /** Store ids of a manager or staff token; empty for admin and finance (all stores). */
  stores: string[];
  username: string | undefined;
  /** Seconds since the epoch. */
  expiresAt: number | undefined;
}

const decodeSegment = (segment: string): unknown => {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '=');
  const bytes = Uint8Array.from(atob(padded), (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
};

/** The claims of a JWT, or undefined when the text is not one. */
export const readClaims = (token: string): TokenClaims | undefined => {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  let payload: Record<string, unknown>;
  try {
    const decoded = decodeSegment(parts[1]);
    if (!decoded || typeof decoded !== 'object') return undefined;
    payload = decoded as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const groups = Array.isArray(payload['cognito:groups']) ? payload['cognito:groups'] : [];
  const stores = typeof payload['custom:stores'] === 'string' ? payload['custom:stores'] : '';
  const username = payload['cognito:username'];
  return {
    role: typeof groups[0] === 'string' ? groups[0] : undefined,
    stores: stores
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
    username: typeof username === 'string' ? username : undefined,
    expiresAt: typeof payload.exp === 'number' ? payload.exp : undefined,
  };
};

export const isExpired = (claims: TokenClaims, nowSeconds: number): boolean =>
  claims.expiresAt !== undefined && claims.expiresAt <= nowSeconds;

/** Roles that may read reports (`reports:read`): staff may not. */
export const canReadReports = (claims: TokenClaims): boolean =>
  claims.role === 'admin' || claims.role === 'finance' || claims.role === 'manager';
