/**
 * The local runtime's `objectCreated` triggers: s3rver's object-created notifications, turned
 * into the "Object Created" event EventBridge delivers in AWS (lib/imports/object-created-event.ts),
 * invoke the functions whose trigger names that bucket and key prefix, with the trigger's
 * retries. Invocations run in the background, like Lambda's asynchronous ones; `idle()` waits.
 */

import { objectCreatedEvent } from '../../lib/imports/object-created-event.js';
import { functionsWithTrigger } from '../app-definition.js';
import { invokeFunction } from './function-invoker.js';
import { LOCAL_BUCKET_NAMES } from './local-environment.js';
import type { LocalObjectCreated } from './local-s3.js';

export const startLocalObjectTriggers = (
  s3: { onObjectCreated(listener: (created: LocalObjectCreated) => void): void },
  options: { quiet?: boolean } = {},
): { idle(): Promise<void> } => {
  const pending = new Set<Promise<void>>();
  const triggers = functionsWithTrigger('objectCreated').map((entry) => ({
    ...entry,
    bucketName: (LOCAL_BUCKET_NAMES as Record<string, string>)[entry.trigger.bucket],
  }));
  s3.onObjectCreated((created) => {
    for (const { functionName, trigger, bucketName } of triggers) {
      if (created.bucket !== bucketName || !created.key.startsWith(trigger.prefix)) continue;
      const event = objectCreatedEvent(created.bucket, created.key, created.size);
      const run = (async () => {
        for (let attempt = 0; attempt <= trigger.retryAttempts; attempt++) {
          try {
            await invokeFunction(functionName, event);
            return;
          } catch (error) {
            if (!options.quiet)
              console.error(`${functionName} failed on ${created.key} (attempt ${attempt + 1}):`, error);
          }
        }
      })();
      pending.add(run);
      void run.finally(() => pending.delete(run));
    }
  });
  return {
    idle: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
};
