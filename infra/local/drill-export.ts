import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import {
  type AttributeValue,
  BatchWriteItemCommand,
  CreateTableCommand,
  type DynamoDBClient,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { scanTable } from '../../lib/backup/table-scan.js';
import { TABLE_DEFINITION } from '../../lib/db/table-definition.js';
import { createTableInput } from './table-setup.js';

/**
 * The drill's stand-in for DynamoDB's ExportTableToPointInTime, which DynamoDB Local lacks:
 * a parallel Scan written as JSON lines in the format of DynamoDB's own export to S3
 * (`{"Item":{…DynamoDB JSON…}}` per line), so the restore below reads what an export holds.
 * Unlike a real export it is not a single instant: nothing else writes during the drill.
 */
export const exportTable = async (
  client: DynamoDBClient,
  tableName: string,
  file: string,
): Promise<{ items: number; countsByType: Record<string, number> }> => {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const countsByType: Record<string, number> = {};
  // The stream buffers what the disk has not taken yet: fine for a drill-sized table.
  const items = await scanTable(client, tableName, (item) => {
    const type = item.entityType?.S ?? '(none)';
    countsByType[type] = (countsByType[type] ?? 0) + 1;
    out.write(`${JSON.stringify({ Item: item })}\n`);
  });
  out.end();
  await once(out, 'finish');
  return { items, countsByType };
};

const BATCH = 25;
const IN_FLIGHT = 4;

const writeBatch = async (
  client: DynamoDBClient,
  tableName: string,
  items: Record<string, AttributeValue>[],
) => {
  let requests = items.map((item) => ({ PutRequest: { Item: item } }));
  for (let attempt = 0; requests.length > 0; attempt++) {
    if (attempt > 10) throw new Error(`BatchWriteItem left ${requests.length} items unprocessed`);
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: requests } }));
    requests = (result.UnprocessedItems?.[tableName] ?? []).flatMap((request) =>
      request.PutRequest?.Item ? [{ PutRequest: { Item: request.PutRequest.Item } }] : [],
    );
  }
};

/**
 * Restores an export into a new table: the same definition as every table (table-setup.ts,
 * built from lib/db/table-definition.ts), with the stream on creation, then what the runbook
 * sets after a real restore (TTL on `ttl`, deletion protection; DynamoDB Local has no PITR),
 * then the export's items, BatchWrite 25 at a time, retrying what DynamoDB leaves unprocessed.
 */
export const restoreExport = async (
  client: DynamoDBClient,
  file: string,
  tableName: string,
): Promise<number> => {
  await client.send(new CreateTableCommand(createTableInput(tableName)));
  await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { Enabled: true, AttributeName: TABLE_DEFINITION.timeToLiveAttribute },
    }),
  );
  await client.send(new UpdateTableCommand({ TableName: tableName, DeletionProtectionEnabled: true }));

  let restored = 0;
  let batch: Record<string, AttributeValue>[] = [];
  const inFlight = new Set<Promise<void>>();
  const flush = async () => {
    const items = batch;
    batch = [];
    const write = writeBatch(client, tableName, items).then(() => {
      restored += items.length;
      inFlight.delete(write);
    });
    inFlight.add(write);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  };
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    batch.push((JSON.parse(line) as { Item: Record<string, AttributeValue> }).Item);
    if (batch.length === BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  await Promise.all(inFlight);
  return restored;
};
