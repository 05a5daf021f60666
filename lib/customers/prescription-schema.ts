import { SafeNumber, singleLineText } from '../http/common-schemas.js';
import * as z from '../zod.js';

/** True when `value` is a whole multiple of `step` (tolerating binary-float noise like 0.1 × 3). */
export const isMultipleOf = (value: number, step: number): boolean => {
  const ratio = value / step;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9;
};

const dioptres = (min: number, max: number) =>
  SafeNumber.check(
    z.gte(min),
    z.lte(max),
    z.refine((value) => isMultipleOf(value, 0.25), 'Use steps of 0.25 D.'),
  );

const millimetres = (min: number, max: number) =>
  SafeNumber.check(
    z.gte(min),
    z.lte(max),
    z.refine((value) => isMultipleOf(value, 0.1), 'Use steps of 0.1 mm.'),
  );

/** One eye. Axis (degrees) goes with cylinder: required when cylinder is given, refused otherwise. */
export const EyePrescriptionSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      sphere: dioptres(-20, 20)
        .clone()
        .register(z.globalRegistry, { description: 'Dioptres, −20 to +20 in 0.25 steps.' }),
      cylinder: z
        .optional(dioptres(-10, 0))
        .clone()
        .register(z.globalRegistry, { description: 'Dioptres (minus form), −10 to 0 in 0.25 steps.' }),
      axis: z
        .optional(
          z
            .number()
            .check(
              z.int('Use whole degrees.'),
              z.gte(1, 'Use 1–180 degrees.'),
              z.lte(180, 'Use 1–180 degrees.'),
            ),
        )
        .clone()
        .register(z.globalRegistry, { description: 'Degrees 1–180; only with cylinder.' }),
      add: z
        .optional(dioptres(0.25, 4))
        .clone()
        .register(z.globalRegistry, { description: 'Near addition, +0.25 to +4 in 0.25 steps.' }),
    })
    .check(
      z.superRefine((eye, ctx) => {
        if (eye.cylinder !== undefined && eye.axis === undefined)
          ctx.addIssue({ code: 'custom', path: ['axis'], message: 'Required when cylinder is given.' });
        if (eye.cylinder === undefined && eye.axis !== undefined)
          ctx.addIssue({ code: 'custom', path: ['axis'], message: 'Only allowed together with cylinder.' });
      }),
    )
    .clone()
    .register(z.globalRegistry, {
      id: 'EyePrescription',
      example: { sphere: -2.25, cylinder: -0.75, axis: 180 },
    }))();

export const PrescriptionSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      right: EyePrescriptionSchema,
      left: EyePrescriptionSchema,
      baseCurve: z
        .optional(millimetres(7, 10))
        .clone()
        .register(z.globalRegistry, { description: 'Contact lens base curve, mm (7.0–10.0).' }),
      diameter: z
        .optional(millimetres(12, 16))
        .clone()
        .register(z.globalRegistry, { description: 'Contact lens diameter, mm (12.0–16.0).' }),
      issuedOn: z.iso.date(),
      expiresOn: z.iso.date(),
      prescriber: z.optional(singleLineText({ max: 200 })),
    })
    .check(
      z.superRefine((rx, ctx) => {
        if (rx.expiresOn <= rx.issuedOn)
          ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'Must be after issuedOn.' });
      }),
    )
    .clone()
    .register(z.globalRegistry, {
      id: 'Prescription',
      example: {
        right: { sphere: -2.25 },
        left: { sphere: -2.5, cylinder: -0.75, axis: 170 },
        baseCurve: 8.4,
        diameter: 14.2,
        issuedOn: '2025-03-01',
        expiresOn: '2027-03-01',
        prescriber: 'Dr Priya Raman, optometrist',
      },
    }))();
export type Prescription = z.output<typeof PrescriptionSchema>;
