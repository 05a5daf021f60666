import { describe, expect, it } from 'vitest';
import { CustomerSchema } from '../../../lib/customers/customer-schemas.js';
import { FeedbackSchema } from '../../../lib/customers/feedback-schemas.js';
import {
  isPersonalField,
  PERSONAL_DATA_FIELDS,
  personalFieldsOf,
  REDACTED,
  redactPersonalData,
} from '../../../lib/customers/personal-data.js';
import { PointsEntrySchema } from '../../../lib/loyalty/points-schemas.js';
import { UserSchema } from '../../../lib/users/user-schemas.js';

describe('personal data, declared once', () => {
  it('names only attributes the entities have', () => {
    const shapes: Record<string, readonly string[]> = {
      Customer: Object.keys(CustomerSchema.shape),
      Feedback: Object.keys(FeedbackSchema.shape),
      PointsEntry: Object.keys(PointsEntrySchema.shape),
      User: Object.keys(UserSchema.shape),
    };
    for (const [entityType, fields] of Object.entries(PERSONAL_DATA_FIELDS))
      for (const field of fields) expect(shapes[entityType], `${entityType}.${field}`).toContain(field);
  });

  it('answers per entity type, and nothing for the others', () => {
    expect(personalFieldsOf('Customer')).toContain('email');
    expect(isPersonalField('Feedback', 'message')).toBe(true);
    expect(isPersonalField('PointsEntry', 'note')).toBe(true);
    expect(isPersonalField('Feedback', 'kind')).toBe(false);
    expect(personalFieldsOf('Order')).toEqual([]);
    expect(personalFieldsOf(undefined)).toEqual([]);
  });

  it('redacts values into a copy, leaving the input and other fields alone', () => {
    const image = { customerId: 'cu_1', firstName: 'Mia', email: 'mia@example.com', tags: ['vip'] };
    const redacted = redactPersonalData('Customer', image);
    expect(redacted).toEqual({ customerId: 'cu_1', firstName: REDACTED, email: REDACTED, tags: ['vip'] });
    expect(image.firstName).toBe('Mia');
    const order = { orderId: 'or_1', note: 'kept' };
    expect(redactPersonalData('Order', order)).toBe(order);
  });
});
