import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProductView } from '../../lib/catalog/product-schemas.js';
import type { InventoryLevel } from '../../lib/inventory/inventory-schemas.js';
import { api, asWrite, expectProblem, expectSuccess, tokenFor } from '../support/e2e-client.js';
import { createStore } from '../support/e2e-resources.js';
import { uniqueSuffix } from '../support/fixtures.js';

interface Job {
  importId: string;
  status: string;
  counts?: Record<string, number>;
  reportUrl?: string;
  uploadUrl?: string;
  error?: string;
}

let admin: string;
let store: string;
let otherStore: string;

beforeAll(async () => {
  admin = await tokenFor('admin');
  store = (await createStore(admin)).storeId;
  otherStore = (await createStore(admin)).storeId;
});

const startImport = async (token: string, body: Record<string, unknown>) =>
  expectSuccess(await api<Job>('POST', '/imports', { token, body }), 201);

/** The upload starts the import in the background (the S3 event): poll as a client would. */
const finished = async (token: string, importId: string): Promise<Job> => {
  for (let attempt = 0; attempt < 120; attempt++) {
    const job = expectSuccess(await api<Job>('GET', `/imports/${importId}`, { token }), 200);
    if (job.status === 'completed' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`import ${importId} did not finish`);
};

/** Uploads the file and waits for its import, as one write: no "wrote nothing" check runs meanwhile. */
const uploadAndFinish = (token: string, job: Job, csv: string): Promise<Job> =>
  asWrite(async () => {
    const response = await fetch(job.uploadUrl ?? '', {
      method: 'PUT',
      headers: { 'content-type': 'text/csv' },
      body: `\uFEFF${csv}`,
    });
    expect(response.status).toBe(200);
    return finished(token, job.importId);
  });

describe('POST /imports → upload → GET /imports/{importId} → report', () => {
  it('imports an uploaded product file, then a stock file for a store, with a report per line', async () => {
    const tag = uniqueSuffix();
    const products = [
      'name,brand,category,sku,options,price,cost,currency',
      `Saline ${tag},Clearwell,solutions,e2e-${tag}-1,size=100ml,900,300,AUD`,
      `Saline ${tag},Clearwell,solutions,E2E-${tag}-2,size=250ml,1300,400,AUD`,
      `Drops ${tag},Clearwell,eye-care,E2E-${tag}-3,,12.99,400,AUD`,
    ].join('\n');
    const job = await startImport(admin, { kind: 'products' });
    expect(job).toMatchObject({ status: 'awaiting_upload', uploadUrl: expect.stringMatching(/^http/) });
    const done = await uploadAndFinish(admin, job, products);
    expect(done).toMatchObject({ status: 'completed', counts: { rows: 3, imported: 2, rejected: 1 } });
    const report = parse(await (await fetch(done.reportUrl ?? '')).text(), { columns: true });
    expect(report).toEqual([
      expect.objectContaining({ line: '2', status: 'imported' }),
      expect.objectContaining({ line: '3', status: 'imported' }),
      expect.objectContaining({ line: '4', status: 'rejected', column: 'price' }),
    ]);
    const found = expectSuccess(
      await api<{ items: ProductView[] }>('GET', `/products?sku=E2E-${tag}-1`, { token: admin }),
      200,
    );
    expect(found.items[0]?.variants.map((variant) => variant.sku)).toEqual([`E2E-${tag}-1`, `E2E-${tag}-2`]);

    // A manager imports opening stock for their store; another store's is refused.
    const manager = await tokenFor('manager', [store]);
    const refused = await api('POST', '/imports', {
      token: manager,
      body: { kind: 'stock', storeId: otherStore },
    });
    expectProblem(refused, 404);
    const stock = await startImport(manager, { kind: 'stock', storeId: store });
    expect(await uploadAndFinish(manager, stock, `sku,onHand\nE2E-${tag}-1,12\n`)).toMatchObject({
      status: 'completed',
      counts: { imported: 1 },
    });
    const level = expectSuccess(
      await api<InventoryLevel>('GET', `/stores/${store}/inventory/E2E-${tag}-1`, { token: manager }),
      200,
    );
    expect(level).toMatchObject({ onHand: 12, available: 12 });
    // Another store's manager does not see this store's import.
    const stranger = await tokenFor('manager', [otherStore], {
      username: 'other-manager',
      sub: 'other-manager',
    });
    expectProblem(await api('GET', `/imports/${stock.importId}`, { token: stranger }), 404);
  });

  it('fails an import whose file cannot be read, writing nothing, and says why', async () => {
    const job = await startImport(admin, { kind: 'customers' });
    expect(await uploadAndFinish(admin, job, 'given name,surname\nMia,Chen\n')).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('Unknown column "given name"'),
    });
  });

  it('refuses roles without the permission of what the file changes', async () => {
    const finance = await tokenFor('finance');
    expectProblem(await api('POST', '/imports', { token: finance, body: { kind: 'products' } }), 403);
    const staff = await tokenFor('staff', [store]);
    expectProblem(
      await api('POST', '/imports', { token: staff, body: { kind: 'stock', storeId: store } }),
      403,
    );
  });
});
