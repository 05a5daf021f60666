/**
 * The `event` triggers locally: one rule per trigger for the in-process bus
 * (infra/local/local-event-bus.ts), plus the topics' notification rules, whose message is
 * rendered as EventBridge's input transformer would and handed to `publish` (the local topic).
 * The bus is passed in, so this module depends only on its interface.
 */
import type { EventBridgeEvent } from 'aws-lambda';
import { appDefinition, type FunctionName, functionsWithTrigger } from '../app-definition.js';
import type { AppDefinition, EventPattern, TopicNotification } from '../app-definition-types.js';
import type { FunctionInvoker } from './function-invoker.js';

type BusEvent = EventBridgeEvent<string, unknown>;

/** What the local bus needs of one rule (issue 7's plan). */
export interface LocalRule {
  name: string;
  eventPattern: EventPattern;
  maximumRetryAttempts: number;
  deliver(event: BusEvent): Promise<void>;
  onFailure(event: BusEvent, error: unknown): Promise<void>;
}

export interface LocalEventRuleOptions {
  invoke: FunctionInvoker;
  /** The local topic: where a notification's rendered message goes (by default stdout). */
  publish?: (topicName: string, message: string) => Promise<void>;
  /** Where given-up events go locally; by default they are reported on stderr. */
  onFailure?: (ruleName: string, event: BusEvent, error: unknown) => Promise<void>;
  /** THE app definition unless a test passes another. */
  definition?: AppDefinition;
}

/** `$.a.b` (and `$.detail-type`) as EventBridge's input paths read it; a missing path renders empty. */
const valueAt = (event: unknown, path: string): unknown =>
  path
    .replace(/^\$\.?/, '')
    .split('.')
    .filter(Boolean)
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      event,
    );

/** The notification's text for one event, like EventBridge's input transformer with a text template. */
export const renderNotification = (message: TopicNotification['message'], event: unknown): string =>
  message.template.replace(/<(\w+)>/g, (placeholder, name: string) => {
    const path = message.paths[name];
    if (!path) return placeholder;
    const value = valueAt(event, path);
    return value === undefined || value === null
      ? ''
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  });

const reportFailure = async (ruleName: string, event: BusEvent, error: unknown) => {
  console.error(`[events] ${ruleName} gave up on ${event['detail-type']} ${event.id}:`, error);
};
const printMessage = async (topicName: string, message: string) => {
  process.stdout.write(`topic ${topicName}: ${message}\n`);
};

/** One rule per `event` trigger and per topic notification of the app definition. */
export const localEventRules = (options: LocalEventRuleOptions): LocalRule[] => {
  const definition = options.definition ?? appDefinition;
  const onFailure = options.onFailure ?? reportFailure;
  const functionRules = functionsWithTrigger('event', definition).map(
    ({ functionName, trigger }, index): LocalRule => {
      const name = `${functionName}-${index}`;
      return {
        name,
        eventPattern: trigger.eventPattern,
        maximumRetryAttempts: trigger.retryAttempts,
        deliver: async (event) => {
          await options.invoke(functionName as FunctionName, event);
        },
        onFailure: (event, error) => onFailure(name, event, error),
      };
    },
  );
  const notificationRules = Object.entries(definition.topics).flatMap(([topicName, topic]) =>
    topic.notifications.map(
      (notification): LocalRule => ({
        name: notification.name,
        eventPattern: notification.eventPattern,
        maximumRetryAttempts: notification.retryAttempts,
        deliver: (event) =>
          (options.publish ?? printMessage)(topicName, renderNotification(notification.message, event)),
        onFailure: (event, error) => onFailure(notification.name, event, error),
      }),
    ),
  );
  return [...functionRules, ...notificationRules];
};
