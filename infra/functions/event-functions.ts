import { streamFilterPatterns } from '../../lib/events/published-entities.js';
import type { FunctionDefinition } from '../app-definition-types.js';

/**
 * Domain events: the first of the table stream's two readers (the second is the change
 * exporter of the finance lake). Everything else that reacts to change subscribes to the bus.
 */
export const eventFunctions = {
  publishDomainEvents: {
    entry: 'functions/events/publish-domain-events.ts',
    description: 'Publish the table’s item changes as domain events on the event bus',
    // No table binding: the stream mapping grants the stream read; the handler reads nothing else.
    bindings: [{ eventBus: 'put' }, { deadLetterQueue: 'send' }],
    triggers: [
      {
        kind: 'stream',
        batchSize: 100,
        maximumBatchingWindowSeconds: 1,
        localBatchingWindowSeconds: 0,
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAgeSeconds: 3600,
        // Bookkeeping items (guards, idempotency records, counters, movements) never reach it.
        filterPatterns: streamFilterPatterns(),
      },
    ],
    timeoutSeconds: 60,
  },
} as const satisfies Record<string, FunctionDefinition>;
