import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { PutChangeObject } from './change-export.js';

/**
 * Writes a change object to the lake bucket. A plain PUT: S3 replaces an object atomically, so a
 * retried batch's object is either the old bytes or the new (identical) ones, never a mix.
 */
export const putChangeObjectTo =
  (client: S3Client, bucket: string): PutChangeObject =>
  async (object) => {
    await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: object.key,
        Body: object.body,
        // The object IS a .gz file (Athena and DuckDB decompress by the extension), so no
        // Content-Encoding: an HTTP client would otherwise unzip it on download.
        ContentType: 'application/gzip',
        Metadata: {
          rows: String(object.rows),
          'first-sequence-number': object.firstSequenceNumber,
          'last-sequence-number': object.lastSequenceNumber,
        },
      }),
    );
  };
