import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../db/client.js';
import { retryOnContention } from '../db/contention.js';
import { stripStorageAttributes } from '../db/item-meta.js';
import { ENTITY, taxRateKeys } from '../db/keys.js';
import { getItem, type Page, queryPage } from '../db/query-page.js';
import { recentItem, rememberItem } from '../db/recent-reads.js';
import { readRollup, rollupWrite } from '../db/rollup-item.js';
import { transactWrite } from '../db/transact.js';
import { createItem } from '../db/versioned-write.js';
import { ConflictError } from '../errors.js';
import { cardFromItem, cardItem, cardWithRate, pruneCard, type TaxRateCard } from './tax-rate-card.js';
import type { TaxRate } from './tax-rate-schemas.js';

const toItem = (rate: TaxRate) => ({
  ...taxRateKeys.item(rate.region, rate.category, rate.effectiveFrom),
  ...taxRateKeys.listings(rate),
  entityType: ENTITY.taxRate,
  ...rate,
});

const fromItem = (item: Record<string, unknown>): TaxRate => stripStorageAttributes<TaxRate>(item);

/** Every rate of a region, from gsi2 (a Query by prefix, paged to the end). */
const regionRates = async (region: string): Promise<TaxRate[]> => {
  const rates: TaxRate[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryTaxRates({ region, limit: 100, cursor });
    rates.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rates;
};

/**
 * The region's card as stored, or, when it has none yet (its first rate, or a stage deployed
 * before cards: docs/runbooks/pricing-cards.md), built from the region's rates. Once a card
 * exists every rate is written with it, so only rates from before the first card are read.
 */
export const readTaxRateCard = async (
  region: string,
  now: Date,
): Promise<{ card: TaxRateCard; version: number | undefined }> => {
  const { current, version } = await readRollup<Record<string, unknown>>(taxRateKeys.card(region));
  const card = cardFromItem(current);
  if (card) return { card, version };
  return { card: pruneCard({ region, rates: await regionRates(region) }, now), version: undefined };
};

/**
 * The region's card for pricing: eventually consistent, as the Queries it replaces. A stale
 * card can miss only a rate created within a few seconds of the read (it is kept that long),
 * and rates are created ahead of their `effectiveFrom` in practice (docs/tax.md), as
 * findRateInForce says.
 */
export const findTaxRateCard = async (region: string): Promise<TaxRateCard | undefined> => {
  // Kept for a few seconds like the card placement's BatchGet reads (lib/db/recent-reads.ts),
  // so the order after a store's first is not the one that reads it again.
  const key = taxRateKeys.card(region);
  const item = recentItem(key) ?? (await getItem(key, false));
  if (item) rememberItem(item);
  return cardFromItem(item);
};

/**
 * Writes the region's card from its rates if it has none (the backfill), or, with `rebuild`,
 * rewrites it from them whatever it holds (after a deploy during which old code may have
 * created rates without it: docs/runbooks/pricing-cards.md). True when it wrote.
 */
export const ensureTaxRateCard = async (
  region: string,
  now: Date,
  options: { rebuild?: boolean } = {},
): Promise<boolean> =>
  retryOnContention(async () => {
    const { version } = await readRollup(taxRateKeys.card(region));
    if (version !== undefined && !options.rebuild) return false;
    const card = pruneCard({ region, rates: await regionRates(region) }, now);
    await transactWrite([rollupWrite(cardItem(card), version, `The ${region} rate card`)]);
    return true;
  });

/**
 * The natural key is the item key, so a second rate for the same region, category and instant
 * is 409. The region's rate card is rewritten in the same transaction, conditional on the
 * version read: a concurrent rate in the region makes this step read the card again.
 */
export const insertTaxRate = async (rate: TaxRate, now: Date): Promise<void> =>
  retryOnContention(async () => {
    const { card, version } = await readTaxRateCard(rate.region, now);
    await transactWrite([
      createItem(
        toItem(rate),
        () =>
          new ConflictError({
            detail: `Region ${rate.region} already has a ${rate.category} rate from ${rate.effectiveFrom}; choose another instant.`,
            errors: [{ path: 'body.effectiveFrom', message: 'Another rate takes effect at this instant.' }],
          }),
      ),
      rollupWrite(cardItem(cardWithRate(card, rate, now)), version, `The ${rate.region} rate card`),
    ]);
  });

/** By id: one Query of gsi1 (`TAXRATE#<id>`). */
export const findTaxRate = async (taxRateId: string): Promise<TaxRate | undefined> => {
  const page = await queryPage({
    indexName: 'gsi1',
    partitionValue: taxRateKeys.idPartition(taxRateId),
    limit: 1,
    cursor: undefined,
  });
  const [item] = page.items;
  return item ? fromItem(item) : undefined;
};

/** Every rate by region, category and effective instant (gsi2), optionally one region or region × category. */
export const queryTaxRates = async (query: {
  region?: string;
  category?: string;
  limit: number;
  cursor?: string | undefined;
}): Promise<Page<TaxRate>> => {
  const prefix = taxRateKeys.listingPrefix(query.region, query.category);
  const page = await queryPage({
    indexName: 'gsi2',
    partitionValue: taxRateKeys.listingPartition,
    ...(prefix ? { sortKeyPrefix: prefix } : {}),
    limit: query.limit,
    cursor: query.cursor,
  });
  return { items: page.items.map(fromItem), nextCursor: page.nextCursor };
};

/**
 * The rate of a region × category in force at `at`: one eventually consistent Query of its
 * partition, `sk <= FROM#<at>`, newest first, limit 1 (0.5 RCU, not 1). A stale read is harmless:
 * rates are never changed once written, only superseded from an instant, so the most a lagging
 * read can do is tax a sale placed within a second of a new rate's creation at the rate it
 * superseded — as if the sale had come a moment sooner. Rates are created ahead of their
 * `effectiveFrom` in practice (docs/tax.md).
 */
export const findRateInForce = async (
  region: string,
  category: string,
  at: Date,
): Promise<TaxRate | undefined> => {
  const result = await documentClient.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :at',
      ExpressionAttributeValues: {
        ':pk': taxRateKeys.partition(region, category),
        ':first': taxRateKeys.effectivePrefix,
        ':at': `${taxRateKeys.effectivePrefix}${at.toISOString()}`,
      },
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  const [item] = result.Items ?? [];
  return item ? fromItem(item) : undefined;
};
