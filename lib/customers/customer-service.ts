import { ulid } from 'ulid';
import type { Principal } from '../auth/principal.js';
import type { SystemActor } from '../db/item-meta.js';
import { assertVersion } from '../db/versioned-write.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { findStore } from '../stores/store-repository.js';
import { CustomerErasedError } from './customer-erased-error.js';
import {
  findCustomer,
  findCustomerByContact,
  insertCustomer,
  isErased,
  replaceCustomer,
  type StoredCustomer,
} from './customer-repository.js';
import {
  CLEARABLE_CUSTOMER_FIELDS,
  type CreateCustomerInput,
  type Customer,
  type FindCustomersQuery,
  type UpdateCustomerInput,
} from './customer-schemas.js';

/**
 * Customers belong to the business, not to a store: every role may read them, admin,
 * manager and staff may change them. Their points balance is read-only here. An erased
 * customer (lib/customers/customer-erasure.ts) answers 410 wherever a profile is needed.
 */
export const newCustomerId = (): string => `cu_${ulid().toLowerCase()}`;

export const customerNotFound = (customerId: string) =>
  new NotFoundError({ detail: `Customer ${customerId} was not found.` });

/** A referenced store must exist; 400 naming the field otherwise. */
export const assertStoreExists = async (storeId: string | undefined, path: string): Promise<void> => {
  if (storeId !== undefined && !(await findStore(storeId)))
    throw new ValidationError([{ path, message: `Unknown store ${storeId}.` }]);
};

export const createCustomer = async (
  actor: Principal | SystemActor,
  input: CreateCustomerInput,
  options: { customerId?: string; now?: Date } = {},
): Promise<Customer> => {
  await assertStoreExists(input.preferences?.preferredStoreId, 'body.preferences.preferredStoreId');
  return insertCustomer(options.customerId ?? newCustomerId(), input, actor, options.now ?? new Date());
};

/** The customer item, live or erased: for what outlives erasure (points ledger, feedback, export). */
export const getCustomerRecord = async (customerId: string): Promise<StoredCustomer> => {
  const customer = await findCustomer(customerId);
  if (!customer) throw customerNotFound(customerId);
  return customer;
};

/** A live customer: 404 if there is none, 410 if their personal data was erased. */
export const getCustomer = async (customerId: string): Promise<Customer> => {
  const customer = await getCustomerRecord(customerId);
  if (isErased(customer)) throw new CustomerErasedError(customerId, customer.erasedAt);
  return customer;
};

export const findCustomers = async (query: FindCustomersQuery): Promise<{ items: Customer[] }> => {
  const customer = query.email
    ? await findCustomerByContact('email', query.email)
    : query.phone
      ? await findCustomerByContact('phone', query.phone)
      : undefined;
  return { items: customer ? [customer] : [] };
};

const merge = (current: Customer, changes: UpdateCustomerInput): Customer => {
  const next: Record<string, unknown> = { ...current };
  for (const [field, value] of Object.entries(changes)) {
    if (value === null && (CLEARABLE_CUSTOMER_FIELDS as readonly string[]).includes(field))
      delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return next as unknown as Customer;
};

export const updateCustomer = async (
  principal: Principal,
  customerId: string,
  changes: UpdateCustomerInput,
  expectedVersion: number,
  now = new Date(),
): Promise<Customer> => {
  const current = await getCustomer(customerId);
  assertVersion(`Customer ${customerId}`, current, expectedVersion);
  const merged = merge(current, changes);
  if (merged.email === undefined && merged.phone === undefined) {
    const cleared = changes.email === null ? 'email' : 'phone';
    throw new ValidationError([
      { path: `body.${cleared}`, message: 'A customer needs an email address or a phone number.' },
    ]);
  }
  if (changes.preferences)
    await assertStoreExists(changes.preferences.preferredStoreId, 'body.preferences.preferredStoreId');
  const next: Customer = {
    ...merged,
    version: current.version + 1,
    updatedAt: now.toISOString(),
    updatedBy: principal.userId,
  };
  await replaceCustomer(current, next);
  return next;
};
