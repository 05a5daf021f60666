import type { FunctionDefinition } from '../app-definition-types.js';

export const orderFunctions = {} as const satisfies Record<string, FunctionDefinition>;
