/**
 * Demo tax rates, written through the tax-rate service as the API would. Australian GST (10%,
 * since 1 July 2000) for the demo regions, with contact lenses GST-free (a medical aid when
 * prescribed), so a sale of lenses and solution shows two rates; and, for a future Shanghai
 * store, China's VAT on goods, which fell from 16% to 13% on 1 April 2019, to show effective
 * dates. Fixed ids; a rate already there is left alone. Seed before orders.
 */
import type { SystemActor } from '../../lib/db/item-meta.js';
import { ConflictError } from '../../lib/errors.js';
import { CreateTaxRateBody } from '../../lib/tax/tax-rate-schemas.js';
import { createTaxRate } from '../../lib/tax/tax-rate-service.js';

const GST_START = '2000-07-01T00:00:00+10:00';

export const DEMO_TAX_RATES: { taxRateId: string; body: Record<string, unknown> }[] = [
  ...['nsw', 'vic'].flatMap((region) => [
    {
      taxRateId: `tx_demo_${region}_gst`,
      body: { region, category: 'default', name: 'GST', rate: 1000, effectiveFrom: GST_START },
    },
    {
      taxRateId: `tx_demo_${region}_lenses`,
      body: { region, category: 'contact-lenses', name: 'GST-free', rate: 0, effectiveFrom: GST_START },
    },
  ]),
  {
    taxRateId: 'tx_demo_cn_sh_vat16',
    body: {
      region: 'cn-sh',
      category: 'default',
      name: 'VAT',
      rate: 1600,
      effectiveFrom: '2018-05-01T00:00:00+08:00',
    },
  },
  {
    taxRateId: 'tx_demo_cn_sh_vat13',
    body: {
      region: 'cn-sh',
      category: 'default',
      name: 'VAT',
      rate: 1300,
      effectiveFrom: '2019-04-01T00:00:00+08:00',
    },
  },
];

export const seedTaxRates = async (actor: SystemActor): Promise<void> => {
  for (const { taxRateId, body } of DEMO_TAX_RATES) {
    try {
      await createTaxRate(actor, CreateTaxRateBody.parse(body), { taxRateId });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
};
