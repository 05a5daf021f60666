import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';

process.env.IMPORTS_BUCKET = 'unit-imports';
process.env.AWS_REGION = 'ap-southeast-2';
process.env.AWS_ACCESS_KEY_ID = 'unit';
process.env.AWS_SECRET_ACCESS_KEY = 'unit';
const s3 = mockClient(S3Client);

const { readUpload } = await import('../../../lib/imports/import-bucket.js');
const { ImportFileError, MAX_IMPORT_BYTES } = await import('../../../lib/imports/csv-table.js');

/** A GetObject body that records whether it was read or dropped. */
const trackedBody = (bytes: Uint8Array) => {
  const seen = { read: false, destroyed: false };
  const body = {
    transformToByteArray: async () => {
      seen.read = true;
      return bytes;
    },
    destroy: () => {
      seen.destroyed = true;
    },
  };
  return { seen, body: body as never };
};

describe('reading an uploaded import file', () => {
  afterEach(() => {
    s3.reset();
  });

  it('refuses a file over the limit by the size S3 reports, without reading its body', async () => {
    const { seen, body } = trackedBody(new Uint8Array());
    s3.on(GetObjectCommand).resolves({ Body: body, ContentLength: 5 * 1024 ** 3 });
    const refused = readUpload('uploads/big.csv');
    await expect(refused).rejects.toBeInstanceOf(ImportFileError);
    await expect(refused).rejects.toThrow('The file is larger than 50 MB; split it.');
    expect(seen).toEqual({ read: false, destroyed: true });
  });

  it('reads a file of exactly the limit', async () => {
    const bytes = new TextEncoder().encode('sku,onHand\nA,1\n');
    const { seen, body } = trackedBody(bytes);
    s3.on(GetObjectCommand).resolves({ Body: body, ContentLength: MAX_IMPORT_BYTES });
    expect(await readUpload('uploads/ok.csv')).toBe(bytes);
    expect(seen).toEqual({ read: true, destroyed: false });
    expect(s3.commandCalls(GetObjectCommand)[0]?.args[0].input).toEqual({
      Bucket: 'unit-imports',
      Key: 'uploads/ok.csv',
    });
  });
});
