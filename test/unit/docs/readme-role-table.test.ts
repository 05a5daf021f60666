import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { httpRoutes } from '../../../infra/app-definition.js';
import { ROLES, roleHasPermission } from '../../../lib/auth/roles.js';
import { routeKey } from '../../../lib/http/route.js';

/** The README's role × route table is documentation people act on: keep it equal to the code. */
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
// A row may group sibling actions: `POST /transfers/{transferId}/ready`, `/ship`, `/cancel`.
const ROW =
  /^\| `(GET|POST|PUT|PATCH|DELETE) ([^`]+)`((?:, `\/[^`]+`)*)(?: \([^)]*\))? \| (public|`[^`]+`) \| (.+) \|$/;

const rows = readme
  .split('\n')
  .map((line) => ROW.exec(line.trim()))
  .filter((match): match is RegExpExecArray => match !== null)
  .flatMap(([, method, path = '', siblings = '', access = '', cells = '']) => {
    const parent = path.slice(0, path.lastIndexOf('/'));
    const paths = [path, ...[...siblings.matchAll(/`(\/[^`]+)`/g)].map(([, suffix]) => `${parent}${suffix}`)];
    return paths.map((each) => ({
      key: `${method} ${each}`,
      access: access.replaceAll('`', ''),
      allowed: cells.split('|').map((cell) => cell.trim() !== '—'),
    }));
  });

describe('README role × route table', () => {
  const routes = httpRoutes().map(({ route }) => route);

  it('lists every route exactly once', () => {
    expect(rows.map((row) => row.key).sort()).toEqual(routes.map(routeKey).sort());
  });

  it('states each route’s permission and which roles hold it', () => {
    for (const route of routes) {
      const row = rows.find((candidate) => candidate.key === routeKey(route));
      expect(row?.access, routeKey(route)).toBe(route.access);
      const expected = ROLES.map(
        (role) => route.access === 'public' || roleHasPermission(role, route.access),
      );
      expect(row?.allowed, routeKey(route)).toEqual(expected);
    }
  });
});
