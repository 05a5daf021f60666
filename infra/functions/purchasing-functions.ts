import type { FunctionDefinition } from '../app-definition-types.js';

export const purchasingFunctions = {} as const satisfies Record<string, FunctionDefinition>;
