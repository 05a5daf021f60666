import type { Principal } from '../auth/principal.js';
import { tableName } from '../db/client.js';
import { newItemMeta, type SystemActor, stripStorageAttributes } from '../db/item-meta.js';
import { customerKeys, ENTITY, guardKeys, type UniqueKind } from '../db/keys.js';
import { getItem } from '../db/query-page.js';
import { type GuardedWrite, transactWrite } from '../db/transact.js';
import { claimUnique, releaseUnique } from '../db/unique-guards.js';
import { createItem, updateAtVersion } from '../db/versioned-write.js';
import { ConflictError, InternalError, NotFoundError } from '../errors.js';
import { CustomerErasedError } from './customer-erased-error.js';
import type { CreateCustomerInput, Customer } from './customer-schemas.js';
import type { ErasedCustomer } from './privacy-schemas.js';

/** A customer item as stored: a live profile, or what erasure left of one (`erasedAt` set). */
export type StoredCustomer = Customer | ErasedCustomer;

export const isErased = (customer: StoredCustomer): customer is ErasedCustomer =>
  typeof (customer as Partial<ErasedCustomer>).erasedAt === 'string';

/** Moved only by lib/loyalty/points.ts with ADD; profile edits never write it. */
export const COUNTERS = ['pointsBalance'] as const;

export const toItem = (customer: StoredCustomer) => ({
  ...customerKeys.item(customer.customerId),
  entityType: ENTITY.customer,
  ...customer,
});

const fromItem = (item: Record<string, unknown>): StoredCustomer =>
  stripStorageAttributes<StoredCustomer>(item);

type ContactField = 'email' | 'phone';
export const CONTACTS: [ContactField, UniqueKind, (value: string) => string][] = [
  ['email', 'EMAIL', customerKeys.emailValue],
  ['phone', 'PHONE', customerKeys.phoneValue],
];

/** Claims the email/phone a customer gains and releases the ones it drops, in the same transaction. */
export const contactGuardWrites = (
  customerId: string,
  before: Partial<Record<ContactField, string>>,
  after: Partial<Record<ContactField, string>>,
): GuardedWrite[] =>
  CONTACTS.flatMap(([field, kind, normalise]) => {
    const old = before[field] === undefined ? undefined : normalise(before[field]);
    const next = after[field] === undefined ? undefined : normalise(after[field]);
    if (old === next) return [];
    return [
      ...(next
        ? [
            claimUnique(
              kind,
              next,
              customerId,
              () =>
                new ConflictError({
                  detail: `Another customer already has ${field} ${next}.`,
                  errors: [{ path: `body.${field}`, message: 'Already in use.' }],
                }),
            ),
          ]
        : []),
      ...(old ? [releaseUnique(kind, old, customerId)] : []),
    ];
  });

export const insertCustomer = async (
  customerId: string,
  input: CreateCustomerInput,
  actor: Principal | SystemActor,
  now: Date,
): Promise<Customer> => {
  const customer: Customer = { customerId, ...input, pointsBalance: 0, ...newItemMeta(actor, now) };
  await transactWrite([
    createItem(toItem(customer), () => new InternalError({ detail: `Customer id ${customerId} collided.` })),
    ...contactGuardWrites(customerId, {}, customer),
  ]);
  return customer;
};

/** The customer item, live or erased (strongly consistent). */
export const findCustomer = async (customerId: string): Promise<StoredCustomer | undefined> => {
  const item = await getItem(customerKeys.item(customerId));
  return item ? fromItem(item) : undefined;
};

/**
 * GetItem on the EMAIL/PHONE guard, then GetItem on the customer it names. Erasure releases the
 * guards in its own transaction, so an erased customer is never found this way.
 */
export const findCustomerByContact = async (
  field: ContactField,
  value: string,
): Promise<Customer | undefined> => {
  const [, kind, normalise] = CONTACTS.find(([name]) => name === field) ?? [];
  if (!kind || !normalise) return undefined;
  const guard = await getItem(guardKeys.item(kind, normalise(value)));
  const customer = typeof guard?.ownerId === 'string' ? await findCustomer(guard.ownerId) : undefined;
  return customer && !isErased(customer) ? customer : undefined;
};

/** Changes the profile if still at `current.version`, moving the email/phone guards; never the balance. */
export const replaceCustomer = async (current: Customer, next: Customer): Promise<void> => {
  await transactWrite([
    updateAtVersion({
      key: customerKeys.item(current.customerId),
      previous: toItem(current),
      next: toItem(next),
      expectedVersion: current.version,
      what: `Customer ${current.customerId}`,
      counters: COUNTERS,
    }),
    ...contactGuardWrites(current.customerId, current, next),
  ]);
};

/**
 * A ConditionCheck that the customer exists and is not erased, for writes that add personal data
 * under a customer (feedback, its resolution): erasure commits its mark first and then clears
 * what is under it, so nothing written after the mark can slip past the clearing.
 */
export const liveCustomerCheck = (customerId: string): GuardedWrite => ({
  write: {
    ConditionCheck: {
      TableName: tableName(),
      Key: customerKeys.item(customerId),
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(erasedAt)',
    },
  },
  onConditionFailed: (current) =>
    typeof current?.erasedAt === 'string'
      ? new CustomerErasedError(customerId, current.erasedAt)
      : new NotFoundError({ detail: `Customer ${customerId} was not found.` }),
});
