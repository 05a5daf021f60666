import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentedRoutes } from '../../../lib/platform/api-routes.js';
import { API_VERSION } from '../../../lib/platform/api-version.js';
import { buildOpenApiDocument } from '../../../lib/platform/openapi-document.js';

/** Every `default` in the document, with where it is. */
const defaultsIn = (value: unknown, at = '$'): string[] => {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    ...(key === 'default' && typeof inner === 'string' ? [`${at}: ${inner}`] : []),
    ...defaultsIn(inner, `${at}.${key}`),
  ]);
};

describe('the OpenAPI document (checked in by npm run contracts:generate)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is the same whatever day it is built on: no default computed at parse time shows', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-02T10:00:00Z'));
    const spring = buildOpenApiDocument(documentedRoutes(), API_VERSION);
    vi.setSystemTime(new Date('2027-09-30T23:59:00Z'));
    const autumn = buildOpenApiDocument(documentedRoutes(), API_VERSION);
    expect(autumn).toStrictEqual(spring);
    // The report days' defaults are relative to today: described, never given as a date.
    expect(defaultsIn(spring).filter((entry) => /\d{4}-\d\d-\d\d$/.test(entry))).toEqual([]);
  });
});
