import { createHash } from 'node:crypto';

/**
 * The lake never holds a customer's id, only this pseudonym, so a table can be joined per
 * customer (orders × customers) without saying who the customer is. It is a stable, unkeyed
 * SHA-256 of the id under a fixed domain label: stable so every day's files agree and a re-run
 * gives the same bytes, unkeyed so that Athena, DuckDB and the job need no shared secret.
 * Pseudonymous, not anonymous: someone who already holds a customer id can compute its key —
 * which is why names, emails, phones, birth dates and prescriptions never reach the lake.
 */
const DOMAIN = 'storefleet/lake/customer/v1:';

export const customerKey = (customerId: string): string =>
  createHash('sha256')
    .update(DOMAIN + customerId)
    .digest('hex')
    .slice(0, 32);
