import type { FunctionDefinition } from '../app-definition-types.js';

export const inventoryFunctions = {} as const satisfies Record<string, FunctionDefinition>;
