import { S3Client } from '@aws-sdk/client-s3';

let client: S3Client | undefined;

/**
 * s3rver accepts only its one built-in key pair (not a secret: it is in s3rver's source). Used
 * only with S3_ENDPOINT, which nothing sets in AWS, where the function's role signs.
 */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/**
 * The one S3 client of a Lambda module, created on first use (importing lake contracts must not
 * create SDK clients). Locally, S3_ENDPOINT points it at the S3-compatible server; that server
 * (s3rver) needs path-style addressing and stores objects corrupted when the SDK adds its
 * default CRC checksums, so checksums are computed only when an operation requires them.
 */
export const s3Client = (): S3Client => {
  if (!client) {
    const endpoint = process.env.S3_ENDPOINT;
    client = new S3Client({
      ...(endpoint ? { endpoint, forcePathStyle: true, credentials: LOCAL_S3_CREDENTIALS } : {}),
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 4,
    });
  }
  return client;
};

/** The data lake's bucket, from the `{ bucket: 'dataLake' }` binding's variable. */
export const dataLakeBucketName = (): string => {
  const name = process.env.DATA_LAKE_BUCKET;
  if (!name) throw new Error('DATA_LAKE_BUCKET is not set');
  return name;
};
