import type { FunctionDefinition } from '../app-definition-types.js';

export const customerFunctions = {} as const satisfies Record<string, FunctionDefinition>;
