import { isDeepStrictEqual } from 'node:util';
import { linesOf, num, pick, previousStatus, type Translator } from './item-change.js';

/** Audit fields change on every write; they are not what changed about the product. */
const META = new Set(['version', 'updatedAt', 'updatedBy', 'createdAt']);

const changedFields = (old: Record<string, unknown>, now: Record<string, unknown>): string[] =>
  [...new Set([...Object.keys(old), ...Object.keys(now)])]
    .filter(
      (field) =>
        !META.has(field) && !/^gsi\d+(pk|sk)$/.test(field) && !isDeepStrictEqual(old[field], now[field]),
    )
    .sort();

/** Products: created, archived (status → archived), otherwise updated. Variants lose their cost. */
export const translateProduct: Translator = (change) => {
  const product = change.new;
  const variants = linesOf({ lines: product.variants }, [
    'sku',
    'status',
    'price',
    'currency',
    'barcode',
  ]).map((variant) => ({ ...variant, status: variant.status ?? 'active' }));
  const body = {
    ...pick(product, ['productId', 'name', 'category', 'brand', 'status']),
    ...previousStatus(change),
    variants,
    changedFields: change.old ? changedFields(change.old, product) : [],
    productVersion: num(product.version),
  };
  if (!change.old) return [{ detailType: 'Product.Created', body }];
  if (body.changedFields.length === 0) return [];
  const archived = product.status === 'archived' && change.old.status !== 'archived';
  return [{ detailType: archived ? 'Product.Archived' : 'Product.Updated', body }];
};

/** Customers: only their registration, and no personal data (the bus is not the place for it). */
export const translateCustomer: Translator = (change) =>
  change.old
    ? []
    : [{ detailType: 'Customer.Created', body: pick(change.new, ['customerId', 'marketingOptIn', 'tags']) }];
