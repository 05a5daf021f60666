import { describe, expect, it } from 'vitest';
import { isMultipleOf, PrescriptionSchema } from '../../../lib/customers/prescription-schema.js';
import { toFieldIssues } from '../../../lib/http/validation.js';

const valid = {
  right: { sphere: -2.25 },
  left: { sphere: -2.5, cylinder: -0.75, axis: 170, add: 1.5 },
  baseCurve: 8.4,
  diameter: 14.2,
  issuedOn: '2025-03-01',
  expiresOn: '2027-03-01',
  prescriber: 'Dr Priya Raman',
};

const issues = (rx: unknown) => {
  const result = PrescriptionSchema.safeParse(rx);
  return result.success ? [] : toFieldIssues('body.prescription', result.error);
};

describe('prescription validation', () => {
  it('accepts a realistic contact-lens prescription', () => {
    expect(issues(valid)).toEqual([]);
    expect(
      issues({ ...valid, right: { sphere: 20 }, left: { sphere: -20, cylinder: -10, axis: 1 } }),
    ).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['sphere above +20', { right: { sphere: 20.25 } }, 'body.prescription.right.sphere', /20/],
    ['sphere below −20', { right: { sphere: -20.25 } }, 'body.prescription.right.sphere', /-20/],
    ['sphere off the 0.25 grid', { right: { sphere: -2.1 } }, 'body.prescription.right.sphere', /0\.25/],
    [
      'positive cylinder',
      { left: { sphere: 1, cylinder: 0.5, axis: 90 } },
      'body.prescription.left.cylinder',
      /0/,
    ],
    [
      'cylinder below −10',
      { left: { sphere: 1, cylinder: -10.25, axis: 90 } },
      'body.prescription.left.cylinder',
      /-10/,
    ],
    [
      'cylinder off the grid',
      { left: { sphere: 1, cylinder: -0.3, axis: 90 } },
      'body.prescription.left.cylinder',
      /0\.25/,
    ],
    [
      'cylinder without axis',
      { left: { sphere: 1, cylinder: -0.5 } },
      'body.prescription.left.axis',
      /Required/,
    ],
    ['axis without cylinder', { left: { sphere: 1, axis: 90 } }, 'body.prescription.left.axis', /cylinder/],
    ['axis 0', { left: { sphere: 1, cylinder: -0.5, axis: 0 } }, 'body.prescription.left.axis', /1–180/],
    ['axis 181', { left: { sphere: 1, cylinder: -0.5, axis: 181 } }, 'body.prescription.left.axis', /1–180/],
    [
      'a fractional axis',
      { left: { sphere: 1, cylinder: -0.5, axis: 90.5 } },
      'body.prescription.left.axis',
      /whole degrees/,
    ],
    ['add above 4', { right: { sphere: 0, add: 4.25 } }, 'body.prescription.right.add', /4/],
    ['base curve off the grid', { baseCurve: 8.45 }, 'body.prescription.baseCurve', /0\.1/],
    ['diameter out of range', { diameter: 17 }, 'body.prescription.diameter', /16/],
    [
      'expiry on the issue date',
      { expiresOn: '2025-03-01' },
      'body.prescription.expiresOn',
      /after issuedOn/,
    ],
    ['expiry before issue', { expiresOn: '2024-03-01' }, 'body.prescription.expiresOn', /after issuedOn/],
    ['a bad date', { issuedOn: '2025-02-30' }, 'body.prescription.issuedOn', /./],
    ['an unknown field', { pupillaryDistance: 62 }, 'body.prescription.pupillaryDistance', /Unknown/],
  ])('rejects %s, naming the field', (_label, change, path, message) => {
    const found = issues({ ...valid, ...change });
    expect(found.map((issue) => issue.path)).toContain(path);
    expect(found.find((issue) => issue.path === path)?.message).toMatch(message);
  });

  it('tolerates binary floating-point noise on the grids', () => {
    expect(isMultipleOf(8.6, 0.1)).toBe(true);
    expect(isMultipleOf(0.1 * 3, 0.1)).toBe(true);
    expect(isMultipleOf(-1.75, 0.25)).toBe(true);
    expect(isMultipleOf(-1.8, 0.25)).toBe(false);
  });
});
