/** The reports API and its neighbours over fetch, with the signed-in user's bearer token. */
import type {
  Page,
  Replenishment,
  SalesGroupBy,
  SalesReport,
  StockReport,
  Store,
  TakingsReport,
} from './report-types.js';

/** A refused or failed call, with the API's problem+json title and detail when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | undefined>;

export const urlOf = (base: string, path: string, query: Query = {}): string => {
  const url = new URL(path.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`);
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
  return url.toString();
};

const problemMessage = async (response: Response): Promise<string> => {
  try {
    const problem = (await response.json()) as { title?: unknown; detail?: unknown };
    const parts = [problem.title, problem.detail].filter((part) => typeof part === 'string' && part);
    if (parts.length > 0) return parts.join(': ');
  } catch {
    // Not JSON (a proxy's error page): fall back to the status line.
  }
  return `${response.status} ${response.statusText}`.trim();
};

export interface SalesQuery {
  from: string;
  to: string;
  groupBy: SalesGroupBy;
  storeId?: string;
  region?: string;
}

export const createApi = (baseUrl: string, token: string, fetchImpl: typeof fetch = fetch) => {
  const get = async <T>(path: string, query?: Query): Promise<T> => {
    const response = await fetchImpl(urlOf(baseUrl, path, query), {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
    if (!response.ok) throw new ApiError(response.status, await problemMessage(response));
    return (await response.json()) as T;
  };

  /** Every page of a cursor-paged listing (bounded: a dashboard never needs more than `maxPages`). */
  const all = async <T>(path: string, query: Query = {}, maxPages = 20): Promise<T[]> => {
    const items: T[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const answer = await get<Page<T>>(path, { ...query, limit: 100, cursor });
      items.push(...answer.items);
      if (!answer.nextCursor) break;
      cursor = answer.nextCursor;
    }
    return items;
  };

  return {
    sales: (query: SalesQuery) => get<SalesReport>('/reports/sales', { ...query }),
    takings: (date: string, storeId?: string) => get<TakingsReport>('/reports/takings', { date, storeId }),
    stock: (storeId: string) => get<StockReport>('/reports/stock', { storeId }),
    stores: () => all<Store>('/stores'),
    replenishments: (storeId: string) =>
      all<Replenishment>(`/stores/${encodeURIComponent(storeId)}/replenishments`),
  };
};

export type Api = ReturnType<typeof createApi>;
