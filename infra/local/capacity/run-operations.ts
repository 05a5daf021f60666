/**
 * Runs every capacity operation through its real handler (the whole Middy chain, in process)
 * inside a capacity meter, one after another, against the table the environment names, which
 * must hold the demo data and nothing else. Call only after the environment is applied (lib/
 * reads it at load). A request that does not answer its documented success status stops the
 * run: units of a rejected request measure nothing worth a budget.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { principalFromClaims } from '../../../lib/auth/principal.js';
import { type CapacityReading, meterCapacity } from '../../../lib/db/capacity-meter.js';
import { forgetRecentReads } from '../../../lib/db/recent-reads.js';
import type { HttpEvent } from '../../../lib/http/http-handler.js';
import { routeKey } from '../../../lib/http/route.js';
import { documentedContractOf } from '../../../lib/platform/api-routes.js';
import { forgetUser } from '../../../lib/users/user-revocation.js';
import { appDefinition, type FunctionName, httpRoutes } from '../../app-definition.js';
import { loadHandler } from '../function-loader.js';
import { lambdaContext } from '../lambda-context.js';
import { type CapacityOperation, capacityOperations, type OperationContext } from './operations.js';

export interface OperationReading {
  operation: string;
  functionName: FunctionName;
  /** The route key, e.g. `POST /orders` (`$default` for the catch-all). */
  route: string;
  status: number;
  reading: CapacityReading;
}

const invoke = async (
  functionName: FunctionName,
  event: HttpEvent,
): Promise<APIGatewayProxyStructuredResultV2> => {
  const handler = await loadHandler(functionName);
  const fn = appDefinition.functions[functionName];
  return (await handler(
    structuredClone(event),
    lambdaContext(functionName, fn),
  )) as APIGatewayProxyStructuredResultV2;
};

const parsed = (response: APIGatewayProxyStructuredResultV2): Record<string, unknown> => {
  try {
    return JSON.parse(response.body ?? '{}') as Record<string, unknown>;
  } catch {
    return {};
  }
};

/** The contract's success status (201 for creates, 200 otherwise); the catch-all answers 405 to its sample. */
const expectedStatus = (event: HttpEvent): number => {
  const route = httpRoutes().find((entry) => routeKey(entry.route) === event.routeKey)?.route;
  return route ? (documentedContractOf(route).responses[201] ? 201 : 200) : 405;
};

/**
 * Every request is measured as the first one of its user in its container: the revocation
 * check's cache is emptied first, so its GetItem (0.5 RCU) is part of every figure. That is
 * the most a request costs; a busy user's requests share one such read per cache period.
 */
const forgetCaller = (event: HttpEvent): void => {
  const claims = event.requestContext?.authorizer?.jwt?.claims;
  if (claims) forgetUser(principalFromClaims(claims).userId);
};

export const runOperations = async (
  operations: readonly CapacityOperation[] = capacityOperations(),
): Promise<OperationReading[]> => {
  const answers = new Map<string, Record<string, unknown>>();
  const context: OperationContext = {
    answer: (operation) => {
      const answer = answers.get(operation);
      if (!answer) throw new Error(`${operation} has not been measured yet`);
      return answer;
    },
    unmetered: async (functionName, event) => parsed(await invoke(functionName, event)),
  };
  const readings: OperationReading[] = [];
  for (const { operation, functionName, event: eventOf, keepsRecentReads } of operations) {
    const event = await eventOf(context);
    forgetCaller(event);
    if (!keepsRecentReads) forgetRecentReads();
    // Loaded before the meter starts: a first import's module-level work is not the request's.
    await loadHandler(functionName);
    const { result, reading } = await meterCapacity(() => invoke(functionName, event));
    const status = result.statusCode ?? 200;
    if (status !== expectedStatus(event))
      throw new Error(`${operation} answered ${status}, not ${expectedStatus(event)}: ${result.body ?? ''}`);
    answers.set(operation, parsed(result));
    readings.push({ operation, functionName, route: event.routeKey, status, reading });
  }
  return readings;
};
