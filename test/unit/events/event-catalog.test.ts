import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { EVENT_CATALOG } from '../../../lib/events/event-catalog.js';
import {
  detailJsonSchema,
  EVENTS_DOC_PATH,
  renderEventsDoc,
  SAMPLES_DIR,
  sampleEvent,
  sampleFileName,
} from '../../../lib/events/event-docs.js';

const REQUIRED = [
  'Product.Created',
  'Product.Updated',
  'Product.Archived',
  'Inventory.LevelChanged',
  'Inventory.LowStock',
  'Inventory.OutOfStock',
  'Inventory.BackInStock',
  'Order.Placed',
  'Order.Paid',
  'Order.Fulfilled',
  'Order.Completed',
  'Order.Cancelled',
  'Order.Expired',
  'Order.Refunded',
  'Customer.Created',
  'Stocktake.Submitted',
];

describe('event catalog', () => {
  it('declares every required event once, each from storefleet.<domain>', () => {
    const types = EVENT_CATALOG.map((d) => d.detailType);
    expect(new Set(types).size).toBe(types.length);
    expect(types).toEqual(expect.arrayContaining(REQUIRED));
    expect(types.filter((t) => t.startsWith('Transfer.'))).toHaveLength(5);
    expect(types.filter((t) => t.startsWith('PurchaseOrder.'))).toHaveLength(6);
    for (const d of EVENT_CATALOG) expect(d.source).toMatch(/^storefleet\.[a-z]+$/);
  });

  it('has examples that parse with their zod schema and validate against the published JSON Schema', () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    for (const definition of EVENT_CATALOG) {
      expect(definition.schema.safeParse(definition.example).success, definition.detailType).toBe(true);
      const validate = ajv.compile(detailJsonSchema(definition));
      expect(
        validate(definition.example),
        `${definition.detailType}: ${ajv.errorsText(validate.errors)}`,
      ).toBe(true);
    }
  });
});

describe('generated event docs and samples (npm run events:docs)', () => {
  it('docs/events.md is what the catalog generates', () => {
    expect(readFileSync(EVENTS_DOC_PATH, 'utf8'), 'run `npm run events:docs`').toBe(renderEventsDoc());
  });

  it('events/domain holds exactly one sample per event, each parsing with its schema', () => {
    expect(readdirSync(SAMPLES_DIR).sort()).toEqual(EVENT_CATALOG.map(sampleFileName).sort());
    for (const definition of EVENT_CATALOG) {
      const sample = JSON.parse(readFileSync(join(SAMPLES_DIR, sampleFileName(definition)), 'utf8'));
      expect(sample, 'run `npm run events:docs`').toEqual(sampleEvent(definition));
      expect(sample['detail-type']).toBe(definition.detailType);
      expect(sample.source).toBe(definition.source);
      expect(definition.schema.safeParse(sample.detail).success).toBe(true);
    }
  });
});
