import { listStoreReplenishmentsRoute } from '../../lib/replenishment/replenishment-routes.js';
import type { FunctionDefinition } from '../app-definition-types.js';

/**
 * Automatic replenishment. The planner (functions/replenishment/plan-on-low-stock.ts) and the
 * release (functions/replenishment/release-on-completion.ts) join this list once `event`
 * triggers exist (see the trigger model).
 */
export const replenishmentFunctions = {
  listStoreReplenishments: {
    entry: 'functions/replenishment/list-replenishments.ts',
    description: 'List a store’s automatic replenishments',
    tableAccess: 'read',
    routes: [listStoreReplenishmentsRoute],
  },
  sweepReplenishments: {
    entry: 'functions/replenishment/sweep-replenishments.ts',
    description: 'Daily: plan replenishments events missed and summarise each store’s stock health',
    tableAccess: 'read-write',
    schedule: {
      expression: 'cron(0 19 * * ? *)',
      description: 'Sweep the reorder watch daily (05:00 in Sydney)',
      localEveryMinutes: 60,
      // A level the sweep could not plan stays short: someone should look.
      alarmWhenNonZero: ['failed'],
    },
    timeoutSeconds: 600,
  },
} as const satisfies Record<string, FunctionDefinition>;
