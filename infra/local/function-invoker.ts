import { appDefinition, type FunctionName } from '../app-definition.js';
import { loadHandler } from './function-loader.js';
import { lambdaContext } from './lambda-context.js';

/** Invokes a function of the app definition in-process, as Lambda would: the one invoker every local runner shares. */
export type FunctionInvoker = (functionName: FunctionName, event: unknown) => Promise<unknown>;

/** The handler (loaded once, like a warm Lambda) with a fresh Lambda context per invocation. */
export const invokeFunction: FunctionInvoker = async (functionName, event) => {
  const handler = await loadHandler(functionName);
  return handler(event, lambdaContext(functionName, appDefinition.functions[functionName]));
};
