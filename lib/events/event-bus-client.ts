import { EventBridgeClient } from '@aws-sdk/client-eventbridge';

let client: EventBridgeClient | undefined;

/**
 * The one EventBridge client of a Lambda module, created on first use (importing the event
 * contracts must not create SDK clients). Locally, EVENT_BUS_ENDPOINT points it at the
 * in-process bus, which speaks the PutEvents protocol.
 */
export const eventBridgeClient = (): EventBridgeClient => {
  if (!client) {
    const endpoint = process.env.EVENT_BUS_ENDPOINT;
    client = new EventBridgeClient({ ...(endpoint ? { endpoint } : {}) });
  }
  return client;
};

export const eventBusName = (): string => {
  const name = process.env.EVENT_BUS_NAME;
  if (!name) throw new Error('EVENT_BUS_NAME is not set');
  return name;
};
