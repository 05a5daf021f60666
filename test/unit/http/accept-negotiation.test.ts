import { describe, expect, it } from 'vitest';
import { preferredMediaType } from '../../../lib/http/accept-negotiation.js';

const offered = ['application/json', 'text/plain'] as const;
const pick = (accept?: string) =>
  preferredMediaType(accept, [...offered] as ['application/json', 'text/plain']);

describe('preferredMediaType', () => {
  it('defaults to the first offered type without an Accept, with */*, or with nothing that matches', () => {
    expect(pick(undefined)).toBe('application/json');
    expect(pick('')).toBe('application/json');
    expect(pick('*/*')).toBe('application/json');
    expect(pick('image/png')).toBe('application/json');
  });

  it('honours the caller’s choice, q-values and wildcards', () => {
    expect(pick('text/plain')).toBe('text/plain');
    expect(pick('TEXT/PLAIN; charset=utf-8')).toBe('text/plain');
    expect(pick('text/*')).toBe('text/plain');
    expect(pick('application/json;q=0.5, text/plain')).toBe('text/plain');
    expect(pick('text/plain;q=0.2, application/json')).toBe('application/json');
    expect(pick('text/plain;q=0, */*')).toBe('application/json');
    expect(pick('text/plain, application/json')).toBe('application/json'); // a tie: the default
  });

  it('lets a specific range override a wildcard', () => {
    expect(pick('*/*;q=0.1, text/plain;q=0.5')).toBe('text/plain');
    expect(pick('text/*;q=0.9, text/plain;q=0')).toBe('application/json');
  });
});
