import * as z from '../zod.js';

/** The schema version every detail carries; bump it (and keep the old shape readable) on a breaking change. */
export const DETAIL_VERSION = 1 as const;

/**
 * Fields every domain event's `detail` starts with. `eventId` is stable across redeliveries of
 * the same stream record (consumers de-duplicate on it); `occurredAt` is when the change was
 * written; `actor` who made it (a user id, or `system:<job>`).
 */
export const EnvelopeFields = {
  version: z.literal(DETAIL_VERSION),
  eventId: z.string().check(z.minLength(1)).clone().register(z.globalRegistry, {
    description: 'Stable id: the stream record’s eventID and the detail-type, so a redelivery repeats it.',
  }),
  occurredAt: z.iso
    .datetime()
    .clone()
    .register(z.globalRegistry, { description: 'When the change was written (the stream record’s time).' }),
  actor: z
    .string()
    .check(z.minLength(1))
    .clone()
    .register(z.globalRegistry, { description: 'Who made the change: a user id, or `system:<job>`.' }),
};

/** One business event as published: EventBridge's Source, DetailType and the validated detail. */
export interface DomainEvent {
  source: string;
  detailType: string;
  detail: Record<string, unknown> & { eventId: string; occurredAt: string };
}
