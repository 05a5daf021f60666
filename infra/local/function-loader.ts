import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { appDefinition, type FunctionName } from '../app-definition.js';
import { REPO_ROOT } from './repo-paths.js';

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

const loaded = new Map<FunctionName, Promise<LambdaHandler>>();

const importHandler = async (name: FunctionName): Promise<LambdaHandler> => {
  const { entry } = appDefinition.functions[name];
  // The .ts entry itself: the local tools run under tsx (or vitest), which compile on import.
  const module = (await import(pathToFileURL(join(REPO_ROOT, entry)).href)) as { handler?: unknown };
  if (typeof module.handler !== 'function') throw new Error(`${entry} does not export a handler function`);
  return module.handler as LambdaHandler;
};

/**
 * A function's `handler`, imported on first use and then reused, like a warm Lambda. Call
 * only after the local environment is applied: lib/ reads it at module load.
 */
export const loadHandler = (name: FunctionName): Promise<LambdaHandler> => {
  let handler = loaded.get(name);
  if (!handler) {
    handler = importHandler(name);
    loaded.set(name, handler);
    // A failed import (e.g. a syntax error being fixed) is retried on the next request.
    handler.catch(() => loaded.delete(name));
  }
  return handler;
};

export const isFunctionName = (name: string): name is FunctionName =>
  Object.hasOwn(appDefinition.functions, name);
