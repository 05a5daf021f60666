import { CreateCustomerBody, type CreateCustomerInput } from '../customers/customer-schemas.js';
import { createCustomer } from '../customers/customer-service.js';
import { customerKeys, guardKeys } from '../db/keys.js';
import { mapPool, stableJson, zodIssues } from './cells.js';
import type { CsvRow } from './csv-table.js';
import { type CustomerRow, customerColumnOf, customerRowOf } from './customer-rows.js';
import {
  batchGetParallel,
  CHECK_CHUNK,
  chunksOf,
  DEFAULT_CONCURRENCY,
  type ImportContext,
  writeIssues,
} from './import-context.js';
import type { LineIssue, LineOutcome } from './import-report.js';
import { stableId } from './stable-id.js';
import { type Unit, unitOutcomes } from './unit-outcomes.js';

interface CustomerUnit extends Unit {
  row: CustomerRow;
  customerId?: string;
  input?: CreateCustomerInput;
}

const add = (unit: CustomerUnit, issue: LineIssue) =>
  unit.issues.set(unit.row.line, [...(unit.issues.get(unit.row.line) ?? []), issue]);

const validate = (unit: CustomerUnit): void => {
  const result = CreateCustomerBody.safeParse(unit.row.body);
  if (!result.success) {
    for (const { issue } of zodIssues(result.error, (path) => customerColumnOf(path.map(String))))
      add(unit, issue);
    return;
  }
  unit.input = result.data;
  unit.customerId = unit.row.customerId ?? stableId('cu', (result.data.email ?? result.data.phone) as string);
};

const CONTACTS = [
  ['email', 'EMAIL', customerKeys.emailValue],
  ['phone', 'PHONE', customerKeys.phoneValue],
] as const;

/** An email or phone on an earlier line: the later customer is refused. */
const markFileDuplicates = (units: CustomerUnit[]): void => {
  const seen = new Map<string, number>();
  for (const unit of units) {
    if (!unit.input) continue;
    for (const [field, , normalise] of CONTACTS) {
      const value = unit.input[field];
      if (value === undefined) continue;
      const key = `${field}:${normalise(value)}`;
      const line = seen.get(key);
      if (line !== undefined) add(unit, { column: field, reason: `The same ${field} is on line ${line}.` });
      else seen.set(key, unit.row.line);
    }
  }
};

/** Whether the stored customer is what this row would create (an earlier run of the same row). */
const sameProfile = (input: CreateCustomerInput, stored: Record<string, unknown>): boolean =>
  Object.entries(input).every(([field, value]) => stableJson(value) === stableJson(stored[field]));

/** The email and phone guards (and explicit ids): owned by the same id = imported before. */
const checkAgainstTable = async (units: CustomerUnit[]): Promise<void> => {
  const keys = units.flatMap((unit) => [
    ...(unit.customerId ? [customerKeys.item(unit.customerId)] : []),
    ...CONTACTS.flatMap(([field, kind, normalise]) => {
      const value = unit.input?.[field];
      return value === undefined ? [] : [guardKeys.item(kind, normalise(value))];
    }),
  ]);
  const found = new Map((await batchGetParallel(keys)).map((item) => [`${item.pk}`, item]));
  for (const unit of units) {
    if (!unit.input || !unit.customerId) continue;
    const owners = CONTACTS.flatMap(([field, kind, normalise]) => {
      const value = unit.input?.[field];
      if (value === undefined) return [];
      return [{ field, owner: found.get(guardKeys.item(kind, normalise(value)).pk)?.ownerId }];
    });
    const stored = found.get(customerKeys.item(unit.customerId).pk);
    if (owners.every(({ owner }) => owner === unit.customerId)) {
      if (stored && sameProfile(unit.input, stored)) {
        unit.skipped = `Already imported as ${unit.customerId}.`;
        continue;
      }
      // The same email or phone, other details: another person, or an edit the API should make.
      const [first] = owners;
      add(unit, {
        column: first?.field ?? 'customerId',
        reason: `Customer ${unit.customerId} already has this ${first?.field ?? 'id'}, with other details; change it through the API.`,
      });
      continue;
    }
    for (const { field, owner } of owners)
      if (owner !== undefined && owner !== unit.customerId)
        add(unit, { column: field, reason: `Customer ${String(owner)} already has this ${field}.` });
    if (unit.issues.size === 0 && found.has(customerKeys.item(unit.customerId).pk))
      add(unit, { column: 'customerId', reason: `Customer ${unit.customerId} already exists.` });
  }
};

/**
 * Imports customers through the customer service the API uses (customer item and email/phone
 * guards in one transaction), each whole or not at all.
 */
export const importCustomers = async (rows: CsvRow[], context: ImportContext): Promise<LineOutcome[]> => {
  const units: CustomerUnit[] = rows.map((row) => {
    const parsed = customerRowOf(row, context.country ?? 'AU');
    return { row: parsed, issues: new Map(parsed.issues.length ? [[parsed.line, parsed.issues]] : []) };
  });
  for (const unit of units) if (unit.issues.size === 0) validate(unit);
  markFileDuplicates(units);
  const outcomes: LineOutcome[] = [];
  let done = 0;
  for (const chunk of chunksOf(units, CHECK_CHUNK)) {
    await checkAgainstTable(chunk.filter((unit) => unit.issues.size === 0));
    await mapPool(chunk, context.concurrency ?? DEFAULT_CONCURRENCY, async (unit) => {
      if (unit.issues.size === 0 && !unit.skipped && unit.input && unit.customerId && !context.dryRun) {
        try {
          await createCustomer(context.actor, unit.input, { customerId: unit.customerId });
          unit.written = true;
        } catch (error) {
          for (const { issue } of writeIssues(error, (path) => customerColumnOf(path.split('.'))))
            add(unit, issue);
        }
      }
      outcomes.push(...unitOutcomes(unit, [unit.row.line], unit.customerId));
      context.onProgress?.(++done, rows.length);
    });
  }
  return outcomes;
};
