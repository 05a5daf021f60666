import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3Client } from '../lake/s3-client.js';
import { fileTooLargeError, MAX_IMPORT_BYTES } from './csv-table.js';

/** The imports bucket: uploads under `uploads/` (their arrival starts an import), reports under `reports/`. */
export const IMPORT_UPLOAD_PREFIX = 'uploads/';
export const IMPORT_REPORT_PREFIX = 'reports/';
/** Presigned links (upload and report) are valid this long. */
export const PRESIGNED_SECONDS = 15 * 60;

export const importsBucketName = (): string => {
  const name = process.env.IMPORTS_BUCKET;
  if (!name) throw new Error('IMPORTS_BUCKET is not set');
  return name;
};

export const uploadKeyOf = (importId: string): string => `${IMPORT_UPLOAD_PREFIX}${importId}.csv`;
export const reportKeyOf = (importId: string): string => `${IMPORT_REPORT_PREFIX}${importId}.csv`;

/** `uploads/<importId>.csv` → the import id; anything else is not an upload of ours. */
export const importIdOfUploadKey = (key: string): string | undefined =>
  /^uploads\/([A-Za-z0-9_-]{1,64})\.csv$/.exec(decodeURIComponent(key.replace(/\+/g, ' ')))?.[1];

export const presignedUpload = (importId: string): Promise<string> =>
  getSignedUrl(
    s3Client(),
    new PutObjectCommand({
      Bucket: importsBucketName(),
      Key: uploadKeyOf(importId),
      ContentType: 'text/csv',
    }),
    { expiresIn: PRESIGNED_SECONDS },
  );

export const presignedReport = (importId: string): Promise<string> =>
  getSignedUrl(
    s3Client(),
    new GetObjectCommand({
      Bucket: importsBucketName(),
      Key: reportKeyOf(importId),
      ResponseContentDisposition: `attachment; filename="${importId}-report.csv"`,
    }),
    { expiresIn: PRESIGNED_SECONDS },
  );

/**
 * The uploaded file's bytes. One over MAX_IMPORT_BYTES is refused by the size S3 reports, before
 * its body is read: the presigned upload cannot cap its size (a presigned PUT signs no length
 * range), and reading a file of gigabytes whole would run the function out of memory on every
 * retry. Its body is dropped unread; the bucket's lifecycle expires the object.
 */
export const readUpload = async (key: string): Promise<Uint8Array> => {
  const object = await s3Client().send(new GetObjectCommand({ Bucket: importsBucketName(), Key: key }));
  if (!object.Body) throw new Error(`Upload ${key} has no body`);
  if ((object.ContentLength ?? 0) > MAX_IMPORT_BYTES) {
    (object.Body as { destroy?: () => void }).destroy?.();
    throw fileTooLargeError();
  }
  return object.Body.transformToByteArray();
};

export const writeReport = async (importId: string, report: string): Promise<void> => {
  await s3Client().send(
    new PutObjectCommand({
      Bucket: importsBucketName(),
      Key: reportKeyOf(importId),
      Body: report,
      ContentType: 'text/csv; charset=utf-8',
    }),
  );
};
