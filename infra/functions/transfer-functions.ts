import type { FunctionDefinition } from '../app-definition-types.js';

export const transferFunctions = {} as const satisfies Record<string, FunctionDefinition>;
