/**
 * The finance dashboard: signs the user in, reads the reports API with their token and draws
 * sales, takings and stock. Each section loads on its own, so one refused or failed call shows
 * its message where that section would be and the rest still renders.
 */
import { type Api, ApiError, createApi } from './api-client.js';
import { probe } from './chart-view.js';
import { signInWithPassword } from './cognito-sign-in.js';
import { type DashboardConfig, parseConfig } from './config.js';
import { byId, el } from './dom.js';
import type { Store } from './report-types.js';
import { renderSales } from './sales-section.js';
import { currentSession, type Session, signOut, storeToken } from './session.js';
import { renderStock } from './stock-section.js';
import { renderTakings } from './takings-section.js';
import { canReadReports } from './token-claims.js';
import { readViewState, type ViewState, writeViewState } from './view-state.js';

const status = (text: string) => {
  byId('status').textContent = text;
};

const showSignIn = (message: string) => {
  probe().status = 'signed-out';
  byId('dashboard').hidden = true;
  byId('sign-out').hidden = true;
  byId('who').textContent = '';
  byId('sign-in').hidden = false;
  status(message);
};

type Section = 'sales' | 'takings' | 'stock';

/** A section's failure, shown at the top of that section. */
const sectionError = (section: Section, error: unknown) => {
  const message =
    error instanceof ApiError
      ? error.status === 403
        ? `Not allowed: ${error.message}`
        : error.message
      : 'Could not load this part of the dashboard.';
  byId(`${section}-error`).replaceChildren(el('p', { class: 'error', role: 'alert' }, message));
};

const setOptions = (select: HTMLSelectElement, options: readonly [string, string][], selected?: string) => {
  select.replaceChildren(...options.map(([value, label]) => el('option', { value }, label)));
  if (selected) select.value = selected;
};

/** The user's stores (all for finance and admin), by name: the order of lines and pickers. */
const visibleStores = (stores: readonly Store[], session: Session): Store[] =>
  stores
    .filter((store) => session.claims.stores.length === 0 || session.claims.stores.includes(store.storeId))
    .sort((a, b) => a.name.localeCompare(b.name) || a.storeId.localeCompare(b.storeId));

const fillControls = (state: ViewState) => {
  byId<HTMLInputElement>('from').value = state.from;
  byId<HTMLInputElement>('to').value = state.to;
  byId<HTMLInputElement>('date').value = state.date ?? '';
};

const load = async (api: Api, session: Session, state: ViewState): Promise<void> => {
  probe().status = 'loading';
  status('Loading…');
  fillControls(state);
  for (const section of ['sales', 'takings', 'stock'] as const) byId(`${section}-error`).replaceChildren();
  const stores = visibleStores(await api.stores(), session);
  const results = await Promise.allSettled([renderSales(api, state, stores)]);
  const sales = results[0].status === 'fulfilled' ? results[0].value : undefined;
  if (results[0].status === 'rejected') sectionError('sales', results[0].reason);

  setOptions(
    byId<HTMLSelectElement>('currency'),
    (sales?.currencies ?? []).map((code) => [code, code]),
    sales?.currency,
  );
  const takingsDate = state.date ?? sales?.latestDay ?? state.to;
  byId<HTMLInputElement>('date').value = takingsDate;
  const stockStore =
    (state.store && stores.some((store) => store.storeId === state.store) ? state.store : undefined) ??
    sales?.storesBySales[0] ??
    stores[0]?.storeId;
  setOptions(
    byId<HTMLSelectElement>('store'),
    stores.map((store) => [store.storeId, `${store.name} (${store.code})`]),
    stockStore,
  );

  const rest = await Promise.allSettled([
    renderTakings(api, takingsDate, sales?.currency, stores),
    stockStore ? renderStock(api, stockStore, stores) : Promise.resolve(),
  ]);
  if (rest[0].status === 'rejected') sectionError('takings', rest[0].reason);
  if (rest[1].status === 'rejected') sectionError('stock', rest[1].reason);

  const failed = [...results, ...rest].find((result) => result.status === 'rejected');
  if (failed?.status === 'rejected' && failed.reason instanceof ApiError && failed.reason.status === 401) {
    signOut();
    showSignIn('Your sign-in has expired or was refused: sign in again.');
    return;
  }
  probe().status = failed ? 'error' : 'ready';
  status(failed ? 'Some parts could not be loaded.' : `Showing ${state.from} to ${state.to}.`);
};

/** The controls' values, read like an address so the same defaults and checks apply. */
const stateFromControls = (): ViewState => {
  const params = new URLSearchParams();
  for (const id of ['from', 'to', 'currency', 'date', 'store']) {
    const value = byId<HTMLInputElement | HTMLSelectElement>(id).value;
    if (value) params.set(id, value);
  }
  return readViewState(`?${params}`, new Date());
};

const start = async (config: DashboardConfig, session: Session) => {
  byId('sign-in').hidden = true;
  byId('dashboard').hidden = false;
  byId('sign-out').hidden = false;
  byId('who').textContent =
    `Signed in as ${session.claims.username ?? 'unknown'} (${session.claims.role ?? 'no role'})`;
  if (!canReadReports(session.claims)) {
    byId('dashboard').hidden = true;
    probe().status = 'ready';
    status('Your role cannot read reports: ask a manager, finance or an administrator.');
    return;
  }
  const api = createApi(config.apiUrl, session.token);
  const reload = (state: ViewState) =>
    load(api, session, state).catch((error: unknown) => {
      probe().status = 'error';
      if (error instanceof ApiError && error.status === 401) {
        signOut();
        showSignIn('Your sign-in has expired or was refused: sign in again.');
      } else status(error instanceof ApiError ? error.message : 'The dashboard could not load.');
    });
  byId<HTMLFormElement>('controls').onsubmit = (event) => {
    event.preventDefault();
    const state = stateFromControls();
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${writeViewState(state, window.location.search)}`,
    );
    void reload(state);
  };
  await reload(readViewState(window.location.search, new Date()));
};

const main = async () => {
  probe();
  const response = await fetch('config.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`config.json: ${response.status}`);
  const config = parseConfig(await response.json(), window.location.href);

  byId('sign-out').onclick = () => {
    signOut();
    showSignIn('Signed out.');
  };
  byId<HTMLFormElement>('sign-in-form').onsubmit = (event) => {
    event.preventDefault();
    const session = storeToken(byId<HTMLTextAreaElement>('token').value);
    if (!session) {
      status('That is not a valid, unexpired ID token.');
      return;
    }
    byId<HTMLTextAreaElement>('token').value = '';
    void start(config, session);
  };

  const { region, userPoolClientId } = config;
  if (region && userPoolClientId) {
    const form = byId<HTMLFormElement>('password-form');
    form.hidden = false;
    form.onsubmit = (event) => {
      event.preventDefault();
      const password = byId<HTMLInputElement>('password');
      status('Signing in…');
      signInWithPassword(
        { region, userPoolClientId },
        byId<HTMLInputElement>('username').value,
        password.value,
      )
        .then((token) => {
          password.value = '';
          const session = storeToken(token);
          if (!session) throw new Error('Cognito gave a token this page cannot read.');
          return start(config, session);
        })
        .catch((error: unknown) => status((error as Error).message));
    };
  }

  let session: Session | undefined;
  try {
    session = await currentSession(config);
  } catch (error) {
    showSignIn((error as Error).message);
    return;
  }
  if (!session) showSignIn('Sign in with an ID token to see the reports.');
  else await start(config, session);
};

main().catch((error: unknown) => {
  probe().status = 'error';
  status(`The dashboard could not start: ${(error as Error).message}`);
});
