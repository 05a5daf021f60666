/**
 * The part of an SDK client that lib/db adds its own middleware to (the capacity meter, the
 * recent-reads invalidation): the base DynamoDB client of lib/db/client.ts, whose stack the
 * document client shares. Narrow on purpose, so unit tests can hand in a stand-in.
 */
export interface MiddlewareTarget {
  middlewareStack: {
    add(
      middleware: (
        next: (args: { input: object }) => Promise<{ output: object }>,
        context: { commandName?: string },
      ) => (args: { input: object }) => Promise<{ output: object }>,
      options: { step: 'initialize'; name: string },
    ): void;
  };
}
