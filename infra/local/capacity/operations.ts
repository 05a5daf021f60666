/**
 * The operations whose capacity units are measured: every HTTP operation of the app definition
 * through its sample event, in the sample files' order (the order that
 * test/integration/demo-seed.test.ts proves works on the demo data), then variants where an
 * item's size or a state change matters. Variants run last so that the samples see the demo
 * data exactly as the demo-seed test does.
 */

import type { HttpEvent } from '../../../lib/http/http-handler.js';
import type { FunctionName } from '../../app-definition.js';
import {
  functionNameOfSample,
  sampleEvent,
  sampleNames,
  withBody,
  withHeaders,
  withPathParameters,
} from './operation-events.js';

/** What an operation's event may depend on: earlier answers, and unmetered set-up calls. */
export interface OperationContext {
  /** The parsed body of the answer to an operation measured earlier in the run. */
  answer(operation: string): Record<string, unknown>;
  /** Runs a function outside the meter (set-up, e.g. reading what is due) and returns its parsed body. */
  unmetered(functionName: FunctionName, event: HttpEvent): Promise<Record<string, unknown>>;
}

export interface CapacityOperation {
  /** Unique; the function's name, qualified where it has variants. */
  operation: string;
  functionName: FunctionName;
  event(context: OperationContext): Promise<HttpEvent> | HttpEvent;
  /**
   * Measured with what the container read in the last few seconds (lib/db/recent-reads.ts),
   * as on a busy till; every other operation is measured as a container's first of its kind.
   */
  keepsRecentReads?: true;
}

/** The sample's import id in events/http/get-import.json (import ids are the server's). */
const SAMPLE_IMPORT_ID = 'im_01jdemo0import0products0000';

/** Samples measured under a qualified name, because variants of the same function follow. */
const SAMPLE_LABELS: Partial<Record<string, string>> = {
  createOrder: 'createOrder (2 lines, customer)',
  recordOrderPayment: 'recordOrderPayment (part)',
  adjustInventory: 'adjustInventory (level with a reorder rule)',
  refundOrder: 'refundOrder (1 line, restocked)',
};

const sampleOperations = (): CapacityOperation[] =>
  sampleNames().map((name) => {
    const functionName = functionNameOfSample(name) as FunctionName;
    const operation = SAMPLE_LABELS[functionName] ?? functionName;
    if (functionName === 'getImport')
      return {
        operation,
        functionName,
        event: ({ answer }) => {
          const importId = String(answer('createImport').importId);
          return JSON.parse(
            JSON.stringify(sampleEvent(name)).replaceAll(SAMPLE_IMPORT_ID, importId),
          ) as HttpEvent;
        },
      };
    return { operation, functionName, event: () => sampleEvent(name) };
  });

/** Fixed keys: each measurement runs on a fresh table, and a fixed length keeps item sizes fixed. */
const newOrder = (key: string, body: unknown): HttpEvent =>
  withHeaders(withBody(sampleEvent('create-order'), body), { 'idempotency-key': key });

const TEN_SKUS = [
  'ACU-OAS-2W-BC84-M100',
  'ACU-OAS-2W-BC84-M125',
  'ACU-MST-1D-M100',
  'ALC-DT1-1D-M100',
  'CV-BIOF-1M-M100',
  'ALC-OFPM-300',
  'BL-BIOT-SOL-300',
  'BLK-CONT-10',
  'FLT-CLOTH-15',
  'RB-2140-901-50',
];

const variantOperations = (): CapacityOperation[] => [
  {
    operation: 'createOrder (1 line)',
    functionName: 'createOrder',
    event: () =>
      newOrder('capacity-order-one-line', {
        storeId: 'st_syd_cbd',
        channel: 'in_store',
        lines: [{ sku: 'ACU-MST-1D-M100', quantity: 1 }],
      }),
  },
  {
    // The sample order again, right after another at the same store: the store and the pricing
    // cards are what this container read for that one (lib/db/recent-reads.ts).
    operation: 'createOrder (2 lines, customer; a busy till)',
    functionName: 'createOrder',
    keepsRecentReads: true,
    event: async ({ unmetered }) => {
      const sample = sampleEvent('create-order');
      await unmetered(
        'createOrder',
        withHeaders(sample, { 'idempotency-key': 'capacity-order-before-busy' }),
      );
      return withHeaders(sample, { 'idempotency-key': 'capacity-order-busy-till' });
    },
  },
  {
    operation: 'createOrder (10 lines, customer)',
    functionName: 'createOrder',
    event: () =>
      newOrder('capacity-order-ten-lines', {
        storeId: 'st_syd_cbd',
        channel: 'in_store',
        customerId: 'cu_mia_chen',
        lines: TEN_SKUS.map((sku) => ({ sku, quantity: 1 })),
      }),
  },
  {
    // The sample paid part of or_demo_syd_pending; this pays the rest, so the order becomes PAID.
    operation: 'recordOrderPayment (final → PAID)',
    functionName: 'recordOrderPayment',
    event: async ({ unmetered }) => {
      const order = await unmetered('getOrder', sampleEvent('get-order'));
      const sample = sampleEvent('record-order-payment');
      return withBody(sample, { method: 'card', amount: order.amountDue, reference: 'EFTPOS 004212' });
    },
  },
  {
    operation: 'adjustInventory (level without a reorder rule)',
    functionName: 'adjustInventory',
    event: () =>
      withBody(withPathParameters(sampleEvent('adjust-inventory'), { sku: 'FLT-CLOTH-15' }), {
        delta: 5,
        reason: 'received',
        note: 'Carton of cloths',
      }),
  },
];

export const capacityOperations = (): CapacityOperation[] => [...sampleOperations(), ...variantOperations()];
