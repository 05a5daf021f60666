import { describe, expect, it } from 'vitest';
import { eventDefinition } from '../../../lib/events/event-catalog.js';
import { STOCK_ALERT_EVENT } from '../../../lib/replenishment/stock-alert.js';
import { STOCK_HEALTH_EVENT } from '../../../lib/replenishment/stock-health-events.js';

// The planner and the sweep name their events' catalog entries rather than bundle the catalog.
describe("the replenishment events' definitions", () => {
  it.each([STOCK_ALERT_EVENT, STOCK_HEALTH_EVENT])('$detailType is the catalog’s entry', (event) => {
    const entry = eventDefinition(event.detailType);
    expect(event.source).toBe(entry.source);
    expect(event.schema).toBe(entry.schema);
  });
});
