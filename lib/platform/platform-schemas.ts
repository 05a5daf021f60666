import * as z from '../zod.js';

export const HealthSchema = /* @__PURE__ */ (() =>
  z
    .object({ status: z.literal('ok') })
    .clone()
    .register(z.globalRegistry, { id: 'Health' }))();
export const OpenApiDocumentSchema = /* @__PURE__ */ (() =>
  z
    .record(z.string(), z.unknown())
    .clone()
    .register(z.globalRegistry, { id: 'OpenApiDocument', description: 'This OpenAPI 3.1 document.' }))();
