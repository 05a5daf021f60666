import { gunzipSync } from 'node:zlib';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';

/** The local tools' s3rver client, one definition (infra/local/lake-location.ts). */
export { localLakeS3Client as localS3Client } from '../../infra/local/lake-location.js';

export interface LakeObject {
  key: string;
  etag: string;
  rows: Record<string, unknown>[];
}

/** Every object under `prefix`, with its NDJSON rows (gunzipped), read through the S3 API. */
export const readChangeObjects = async (
  client: S3Client,
  bucket: string,
  prefix = 'changes/',
): Promise<LakeObject[]> => {
  const objects: LakeObject[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    for (const entry of page.Contents ?? []) {
      if (!entry.Key) continue;
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: entry.Key }));
      const body = Buffer.from((await object.Body?.transformToByteArray()) ?? []);
      const rows = gunzipSync(body)
        .toString('utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      objects.push({ key: entry.Key, etag: object.ETag ?? '', rows });
    }
    token = page.NextContinuationToken;
  } while (token);
  return objects.sort((a, b) => a.key.localeCompare(b.key));
};
