/**
 * Who is signed in: an ID token kept for this browser tab only (sessionStorage, gone when the tab
 * closes). On the local runtime `?user=<role>` (and `&stores=a,b` for a manager or staff) asks its
 * dev-token endpoint for one; in AWS the user pastes an ID token from Cognito (see the README).
 */
import type { DashboardConfig } from './config.js';
import { isExpired, readClaims, type TokenClaims } from './token-claims.js';

const TOKEN_KEY = 'storefleet.dashboard.token';

export interface Session {
  token: string;
  claims: TokenClaims;
}

const sessionOf = (token: string | null): Session | undefined => {
  if (!token) return undefined;
  const claims = readClaims(token);
  if (!claims || isExpired(claims, Date.now() / 1000)) return undefined;
  return { token, claims };
};

export const storeToken = (token: string): Session | undefined => {
  const session = sessionOf(token.trim());
  if (session) sessionStorage.setItem(TOKEN_KEY, session.token);
  return session;
};

export const signOut = (): void => sessionStorage.removeItem(TOKEN_KEY);

/** Takes `user` and `stores` out of the address, so a reload or a shared link keeps no role in it. */
const dropDevParameters = (): void => {
  const url = new URL(window.location.href);
  url.searchParams.delete('user');
  url.searchParams.delete('stores');
  window.history.replaceState(null, '', url);
};

const devToken = async (config: DashboardConfig, user: string, stores: string | null): Promise<string> => {
  if (!config.devTokenUrl) throw new Error('Dev tokens exist only on the local runtime; paste a token.');
  const url = new URL(config.devTokenUrl);
  url.searchParams.set('user', user);
  if (stores) url.searchParams.set('stores', stores);
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  const body = (await response.json().catch(() => ({}))) as { token?: unknown; detail?: unknown };
  if (!response.ok || typeof body.token !== 'string')
    throw new Error(typeof body.detail === 'string' ? body.detail : `No dev token (${response.status}).`);
  return body.token;
};

/** The current session: a dev token asked for in the address, else the tab's stored token. */
export const currentSession = async (config: DashboardConfig): Promise<Session | undefined> => {
  const params = new URLSearchParams(window.location.search);
  const user = params.get('user');
  if (user) {
    try {
      return storeToken(await devToken(config, user, params.get('stores')));
    } finally {
      dropDevParameters();
    }
  }
  const session = sessionOf(sessionStorage.getItem(TOKEN_KEY));
  if (!session) signOut();
  return session;
};
