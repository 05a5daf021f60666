import type { Principal } from '../auth/principal.js';
import { newItemMeta, type SystemActor, stripStorageAttributes } from '../db/item-meta.js';
import { customerKeys, ENTITY, guardKeys, type UniqueKind } from '../db/keys.js';
import { getItem } from '../db/query-page.js';
import { type GuardedWrite, transactWrite } from '../db/transact.js';
import { claimUnique, releaseUnique } from '../db/unique-guards.js';
import { createItem, updateAtVersion } from '../db/versioned-write.js';
import { ConflictError, InternalError } from '../errors.js';
import type { CreateCustomerInput, Customer } from './customer-schemas.js';

/** Moved only by lib/loyalty/points.ts with ADD; profile edits never write it. */
const COUNTERS = ['pointsBalance'] as const;

const toItem = (customer: Customer) => ({
  ...customerKeys.item(customer.customerId),
  entityType: ENTITY.customer,
  ...customer,
});

const fromItem = (item: Record<string, unknown>): Customer => stripStorageAttributes<Customer>(item);

type ContactField = 'email' | 'phone';
const CONTACTS: [ContactField, UniqueKind, (value: string) => string][] = [
  ['email', 'EMAIL', customerKeys.emailValue],
  ['phone', 'PHONE', customerKeys.phoneValue],
];

/** Claims the email/phone a customer gains and releases the ones it drops, in the same transaction. */
const contactGuardWrites = (
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

export const findCustomer = async (customerId: string): Promise<Customer | undefined> => {
  const item = await getItem(customerKeys.item(customerId));
  return item ? fromItem(item) : undefined;
};

/** GetItem on the EMAIL/PHONE guard, then GetItem on the customer it names. */
export const findCustomerByContact = async (
  field: ContactField,
  value: string,
): Promise<Customer | undefined> => {
  const [, kind, normalise] = CONTACTS.find(([name]) => name === field) ?? [];
  if (!kind || !normalise) return undefined;
  const guard = await getItem(guardKeys.item(kind, normalise(value)));
  return typeof guard?.ownerId === 'string' ? findCustomer(guard.ownerId) : undefined;
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
