import { guardKeys } from '../db/keys.js';
import { batchGetItems, getItem } from '../db/query-page.js';
import { NotFoundError, ValidationError } from '../errors.js';

/**
 * A SKU belongs to the catalog while its unique guard exists; the guard's `ownerId` is the
 * product. One GetItem (or one BatchGet for many) instead of reading whole products.
 */
export const findProductIdOfSku = async (sku: string): Promise<string | undefined> => {
  const guard = await getItem(guardKeys.item('SKU', sku));
  return typeof guard?.ownerId === 'string' ? guard.ownerId : undefined;
};

/** 404 when the SKU (from the path) is not in the catalog. */
export const requireProductIdOfSku = async (sku: string): Promise<string> => {
  const productId = await findProductIdOfSku(sku);
  if (!productId) throw new NotFoundError({ detail: `SKU ${sku} is not in the catalog.` });
  return productId;
};

/**
 * Resolves the SKUs of body lines; 400 naming every `<path>[i].sku` that is not in the catalog.
 * Returns sku → productId.
 */
export const requireProductIdsOfLines = async (
  lines: readonly { sku: string }[],
  path = 'body.lines',
): Promise<Map<string, string>> => {
  const skus = [...new Set(lines.map((line) => line.sku))];
  const guards = await batchGetItems(skus.map((sku) => guardKeys.item('SKU', sku)));
  const productIds = new Map<string, string>();
  for (const guard of guards) {
    if (typeof guard.value === 'string' && typeof guard.ownerId === 'string')
      productIds.set(guard.value, guard.ownerId);
  }
  const issues = lines.flatMap((line, index) =>
    productIds.has(line.sku) ? [] : [{ path: `${path}[${index}].sku`, message: 'Not in the catalog.' }],
  );
  if (issues.length > 0) throw new ValidationError(issues, 'Some SKUs are not in the catalog.');
  return productIds;
};
