import type { Customer } from '../customers/customer-schemas.js';
import { booleanCell, type Cell, isIssue, jsonObjectCell, listCell, lowerCase, stableJson } from './cells.js';
import type { ColumnSpec, CsvRow } from './csv-table.js';
import type { LineIssue } from './import-report.js';
import { type PhoneCountry, phoneCell } from './phone-numbers.js';

/** The customer file: one row per customer; an email or a phone (or both) is required by the API schema. */
export const CUSTOMER_COLUMNS = [
  { name: 'customerId' },
  { name: 'firstName', required: true },
  { name: 'lastName', required: true },
  { name: 'email' },
  { name: 'phone' },
  { name: 'birthDate' },
  { name: 'marketingOptIn' },
  { name: 'preferredStoreId' },
  { name: 'contactChannel' },
  { name: 'tags' },
  { name: 'prescription' },
] as const satisfies readonly ColumnSpec[];

/** The column an API field path comes from. */
export const customerColumnOf = (path: readonly string[]): { column: string; within?: string } => {
  const [head, field, ...rest] = path;
  if (head === 'preferences' && field !== undefined) return { column: field };
  if (head === 'prescription' || head === 'tags')
    return field === undefined
      ? { column: head }
      : { column: head, within: [head, field, ...rest].join('.') };
  return { column: head ?? '' };
};

export interface CustomerRow {
  line: number;
  customerId?: string;
  body: Record<string, unknown>;
  issues: LineIssue[];
}

/** Normalises a row (emails lower-case, phones E.164, tags and channel lower-case) into an API body. */
export const customerRowOf = (row: CsvRow, country: PhoneCountry): CustomerRow => {
  const { cells } = row;
  const issues: LineIssue[] = [...row.issues];
  const take = <T>(cell: Cell<T> | undefined): T | undefined => {
    if (cell === undefined) return undefined;
    if (isIssue(cell)) {
      issues.push(cell.issue);
      return undefined;
    }
    return cell.value;
  };
  const preferences = Object.fromEntries(
    Object.entries({
      preferredStoreId: cells.preferredStoreId,
      contactChannel: lowerCase(cells.contactChannel),
    }).filter(([, value]) => value !== undefined),
  );
  const body = Object.fromEntries(
    Object.entries({
      firstName: cells.firstName,
      lastName: cells.lastName,
      email: lowerCase(cells.email),
      phone: take(cells.phone === undefined ? undefined : phoneCell(cells.phone, 'phone', country)),
      birthDate: cells.birthDate,
      marketingOptIn: take(
        cells.marketingOptIn === undefined ? undefined : booleanCell(cells.marketingOptIn, 'marketingOptIn'),
      ),
      preferences: Object.keys(preferences).length > 0 ? preferences : undefined,
      tags: cells.tags === undefined ? undefined : listCell(cells.tags).map((tag) => tag.toLowerCase()),
      prescription: take(
        cells.prescription === undefined ? undefined : jsonObjectCell(cells.prescription, 'prescription'),
      ),
    }).filter(([, value]) => value !== undefined),
  );
  return {
    line: row.line,
    ...(cells.customerId === undefined ? {} : { customerId: cells.customerId }),
    body,
    issues,
  };
};

/**
 * A customer as a file row (export). The points balance is not a column: it is the sum of the
 * points ledger and only sales, refunds and adjustments move it.
 */
export const customerToRow = (customer: Customer): Record<string, string> => ({
  customerId: customer.customerId,
  firstName: customer.firstName,
  lastName: customer.lastName,
  email: customer.email ?? '',
  phone: customer.phone ?? '',
  birthDate: customer.birthDate ?? '',
  marketingOptIn: String(customer.marketingOptIn),
  preferredStoreId: customer.preferences?.preferredStoreId ?? '',
  contactChannel: customer.preferences?.contactChannel ?? '',
  tags: customer.tags.join(';'),
  prescription: customer.prescription ? stableJson(customer.prescription) : '',
});
