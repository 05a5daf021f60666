import type { FunctionDefinition } from '../app-definition-types.js';

export const promotionFunctions = {} as const satisfies Record<string, FunctionDefinition>;
