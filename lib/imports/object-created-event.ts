import * as z from '../zod.js';

/**
 * S3's "Object Created" event as EventBridge delivers it (the bucket sends its events to
 * EventBridge; infra/constructs/object-created-trigger.ts), and as the local runtime builds it
 * from s3rver's notifications, so the handler reads one shape everywhere.
 */
export const ObjectCreatedEvent = z.object({
  'detail-type': z.literal('Object Created'),
  detail: z.object({
    bucket: z.object({ name: z.string() }),
    object: z.object({ key: z.string(), size: z.optional(z.number()) }),
  }),
});
export type ObjectCreatedEvent = z.output<typeof ObjectCreatedEvent>;

export const objectCreatedEvent = (bucket: string, key: string, size?: number): ObjectCreatedEvent => ({
  'detail-type': 'Object Created',
  detail: { bucket: { name: bucket }, object: { key, ...(size === undefined ? {} : { size }) } },
});
