import type { EventBridgeEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { appDefinition } from '../../../infra/app-definition.js';
import { defineApp } from '../../../infra/define-app.js';
import { localEventRules, renderNotification } from '../../../infra/local/local-event-runner.js';
import { stockAlertsTopic } from '../../../infra/topics.js';

const lowStock = { source: ['storefleet.inventory'], 'detail-type': ['Inventory.LowStock'] };
const definition = defineApp({
  ...appDefinition,
  domains: {
    consumers: {
      planner: {
        entry: 'functions/platform/health.ts',
        description: 'An event consumer',
        triggers: [
          {
            kind: 'event',
            description: 'x',
            eventPattern: lowStock,
            retryAttempts: 4,
            maxEventAgeSeconds: 600,
          },
        ],
        bindings: [],
      },
    },
  },
});

const event: EventBridgeEvent<string, unknown> = {
  version: '0',
  id: 'e1',
  'detail-type': 'Inventory.LowStock',
  source: 'storefleet.inventory',
  account: '000000000000',
  time: '2026-01-01T00:00:00Z',
  region: 'eu-west-1',
  resources: [],
  detail: {
    storeId: 'st_a',
    sku: 'SKU-1',
    available: 2,
    reorderPoint: 5,
    reorderQuantity: 10,
    replenishment: 'transfer_then_purchase',
  },
};

const alert: EventBridgeEvent<string, unknown> = {
  ...event,
  id: 'e2',
  'detail-type': 'Inventory.StockAlert',
  source: 'storefleet.replenishment',
  detail: {
    alert: 'Inventory.LowStock',
    storeId: 'st_a',
    sku: 'SKU-1',
    available: 2,
    reorderPoint: 5,
    reorderQuantity: 10,
    plan: 'planned replenishment rp_1: transfer tr_1 of 8 from st_b (DRAFT)',
  },
};

describe('local event runner', () => {
  it('builds one rule per event trigger and per notification, delivering through the invoker and the topic', async () => {
    const invoke = vi.fn(async () => undefined);
    const publish = vi.fn(async () => {});
    const rules = localEventRules({ definition, invoke, publish });
    expect(
      rules.map(({ name, eventPattern, maximumRetryAttempts }) => [name, eventPattern, maximumRetryAttempts]),
    ).toEqual([
      ['planner-0', lowStock, 4],
      ['StockAlert', stockAlertsTopic.notifications[0].eventPattern, 8],
    ]);
    await rules[0]?.deliver(event);
    expect(invoke).toHaveBeenCalledWith('planner', event);
    await rules[1]?.deliver(alert);
    expect(publish).toHaveBeenCalledWith('stockAlerts', expect.stringContaining('at store st_a: SKU SKU-1'));
  });

  it('renders a notification as the input transformer would, a missing path as empty', () => {
    const text = renderNotification(stockAlertsTopic.notifications[0].message, alert);
    expect(text).toBe(
      'Inventory.LowStock at store st_a: SKU SKU-1 (product ) has 2 available, reorder point 5, reorder quantity 10. Replenishment: planned replenishment rp_1: transfer tr_1 of 8 from st_b (DRAFT).',
    );
  });
});
