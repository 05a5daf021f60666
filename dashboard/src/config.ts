/**
 * `config.json` beside the page: written by the DashboardSite construct in AWS (the API's URL and
 * the Cognito pool), and served by the local runtime (same origin, plus its dev-token endpoint).
 */
export interface DashboardConfig {
  /** Base URL of the API; empty = the page's own origin (the local runtime). */
  apiUrl: string;
  region?: string;
  userPoolId?: string;
  userPoolClientId?: string;
  /** Only on the local runtime: where `?user=<role>` gets a dev token from. */
  devTokenUrl?: string;
}

export const parseConfig = (value: unknown, pageUrl: string): DashboardConfig => {
  if (!value || typeof value !== 'object') throw new Error('config.json is not a JSON object');
  const raw = value as Record<string, unknown>;
  const text = (name: string): string | undefined =>
    typeof raw[name] === 'string' && raw[name] !== '' ? (raw[name] as string) : undefined;
  const apiUrl = text('apiUrl') ?? new URL(pageUrl).origin;
  const devTokenUrl = text('devTokenUrl');
  return {
    apiUrl: new URL(apiUrl, pageUrl).toString(),
    ...(text('region') ? { region: text('region') } : {}),
    ...(text('userPoolId') ? { userPoolId: text('userPoolId') } : {}),
    ...(text('userPoolClientId') ? { userPoolClientId: text('userPoolClientId') } : {}),
    ...(devTokenUrl ? { devTokenUrl: new URL(devTokenUrl, pageUrl).toString() } : {}),
  };
};
