/**
 * The demo data set for local development: five stores in two regions and twenty catalog
 * products. Ids are fixed and readable so that sample events (events/http/) and docs can
 * reference them. Every entry is typed as the API's create-body input and parsed with the
 * same zod schema at load, so a schema change breaks the seed at compile or test time.
 */
import type * as z from 'zod/mini';
import { CreateProductBody, type CreateProductInput } from '../../lib/catalog/product-schemas.js';
import { CreateStoreBody, type CreateStoreInput } from '../../lib/stores/store-schemas.js';

type StoreBody = z.input<typeof CreateStoreBody>;
type ProductBody = z.input<typeof CreateProductBody>;
type VariantBody = ProductBody['variants'][number];

export interface DemoStore {
  storeId: string;
  body: CreateStoreInput;
}

export interface DemoProduct {
  productId: string;
  body: CreateProductInput;
}

// ---------------------------------------------------------------------------------------
// Stores
// ---------------------------------------------------------------------------------------

const STORES = {
  st_syd_cbd: {
    code: 'SYD-01',
    name: 'Sydney CBD',
    address: {
      line1: 'Shop 12, Queen Victoria Building',
      line2: '455 George Street',
      city: 'Sydney',
      state: 'NSW',
      postcode: '2000',
      country: 'AU',
    },
    region: 'nsw',
    channels: ['in_store', 'online'],
    timezone: 'Australia/Sydney',
    status: 'active',
  },
  st_parramatta: {
    code: 'SYD-02',
    name: 'Parramatta',
    address: {
      line1: 'Shop 3045, Westfield Parramatta',
      line2: '159–175 Church Street',
      city: 'Parramatta',
      state: 'NSW',
      postcode: '2150',
      country: 'AU',
    },
    region: 'nsw',
    channels: ['in_store'],
    timezone: 'Australia/Sydney',
    status: 'active',
  },
  st_web: {
    code: 'WEB-01',
    name: 'Online web shop',
    address: {
      line1: 'Unit 4, 18 Huntingwood Drive',
      city: 'Huntingwood',
      state: 'NSW',
      postcode: '2148',
      country: 'AU',
    },
    region: 'nsw',
    channels: ['online', 'marketplace'],
    timezone: 'Australia/Sydney',
    status: 'active',
  },
  st_melb_cbd: {
    code: 'MEL-01',
    name: 'Melbourne CBD',
    address: {
      line1: 'Shop 210, Melbourne Central',
      line2: '211 La Trobe Street',
      city: 'Melbourne',
      state: 'VIC',
      postcode: '3000',
      country: 'AU',
    },
    region: 'vic',
    channels: ['in_store', 'online'],
    timezone: 'Australia/Melbourne',
    status: 'active',
  },
  st_geelong: {
    code: 'GEE-01',
    name: 'Geelong',
    address: {
      line1: 'Shop 118, Westfield Geelong',
      line2: '95 Malop Street',
      city: 'Geelong',
      state: 'VIC',
      postcode: '3220',
      country: 'AU',
    },
    region: 'vic',
    channels: ['in_store'],
    timezone: 'Australia/Melbourne',
    status: 'active',
  },
} satisfies Record<string, StoreBody>;

export type DemoStoreId = keyof typeof STORES;

/** Store ids in seeding order; the first one marks a completed seed (see seed.ts). */
export const DEMO_STORE_IDS = Object.keys(STORES) as DemoStoreId[];

export const DEMO_STORES: readonly DemoStore[] = DEMO_STORE_IDS.map((storeId) => ({
  storeId,
  body: CreateStoreBody.parse(STORES[storeId]),
}));

// ---------------------------------------------------------------------------------------
// Helpers for products
// ---------------------------------------------------------------------------------------

/** Appends the EAN-13 check digit to 12 digits. */
export const ean13 = (digits: string): string => {
  if (!/^\d{12}$/.test(digits)) throw new Error(`EAN-13 needs 12 digits, got ${digits}`);
  const sum = [...digits].reduce((total, digit, index) => total + Number(digit) * (index % 2 ? 3 : 1), 0);
  return `${digits}${(10 - (sum % 10)) % 10}`;
};

/**
 * Demo barcode of variant `index` of catalog item `item` (100–999). The GS1 prefix 29 is
 * for restricted circulation, so demo codes never clash with real GTINs.
 */
const barcode = (item: number, index: number): string =>
  ean13(`29${String(item).padStart(3, '0')}${String(index + 1).padStart(7, '0')}`);

/** Lens powers (dioptres) from `from` to `to` inclusive, formatted as `-2.50` / `+1.25`. */
const powerRange = (from: number, to: number, step = 0.25): string[] => {
  const [start, end, size] = [Math.round(from * 100), Math.round(to * 100), Math.round(step * 100)];
  const direction = start <= end ? 1 : -1;
  const powers: string[] = [];
  for (let hundredths = start; direction * (end - hundredths) >= 0; hundredths += direction * size) {
    powers.push(`${hundredths < 0 ? '-' : '+'}${(Math.abs(hundredths) / 100).toFixed(2)}`);
  }
  return powers;
};

/** `-2.50` → `M250`, `+1.25` → `P125` (SKU-safe). */
const powerCode = (power: string): string =>
  `${power.startsWith('-') ? 'M' : 'P'}${power.slice(1).replace('.', '')}`;

const aud = (price: number, cost: number) => ({ price, cost, currency: 'AUD' });

/** Contact-lens variants: one per power, times each base curve when the lens comes in several. */
const lensVariants = (spec: {
  skuPrefix: string;
  powers: string[];
  baseCurves?: string[];
  price: number;
  cost: number;
}): VariantBody[] =>
  (spec.baseCurves ?? [undefined]).flatMap((baseCurve) =>
    spec.powers.map((power): VariantBody => {
      const options: Record<string, string> = baseCurve ? { baseCurve, power } : { power };
      const curveCode = baseCurve ? `-BC${baseCurve.replace('.', '')}` : '';
      return {
        sku: `${spec.skuPrefix}${curveCode}-${powerCode(power)}`,
        options,
        ...aud(spec.price, spec.cost),
      };
    }),
  );

/** Gives every variant a barcode from the item's series, in order. */
const withBarcodes = (item: number, variants: VariantBody[]): VariantBody[] =>
  variants.map((variant, index) => ({ ...variant, barcode: barcode(item, index) }));

// ---------------------------------------------------------------------------------------
// Products
// ---------------------------------------------------------------------------------------

const PRODUCTS = {
  // Contact lenses -----------------------------------------------------------------------
  pr_acuvue_oasys_2w: {
    name: 'Acuvue Oasys 2-Week with Hydraclear Plus (6 pack)',
    description:
      'Two-weekly silicone hydrogel lenses for all-day comfort in dry, air-conditioned environments. Class 1 UV blocking.',
    category: 'contact-lenses',
    brand: 'Acuvue',
    status: 'active',
    attributes: {
      baseCurve: 8.4,
      diameter: 14,
      replacementSchedule: 'two_weekly',
      material: 'senofilcon A',
      waterContent: 38,
      packSize: 6,
      uvBlocking: true,
    },
    variants: withBarcodes(
      101,
      lensVariants({
        skuPrefix: 'ACU-OAS-2W',
        powers: powerRange(-1, -4),
        baseCurves: ['8.4', '8.8'],
        price: 5495,
        cost: 3150,
      }),
    ),
  },
  pr_acuvue_moist_1d: {
    name: '1-Day Acuvue Moist (30 pack)',
    description: 'Daily disposable lenses with Lacreon technology: a fresh, clean pair every day.',
    category: 'contact-lenses',
    brand: 'Acuvue',
    status: 'active',
    attributes: {
      baseCurve: 8.5,
      diameter: 14.2,
      replacementSchedule: 'daily',
      material: 'etafilcon A',
      waterContent: 58,
      packSize: 30,
      uvBlocking: true,
    },
    variants: withBarcodes(
      102,
      lensVariants({ skuPrefix: 'ACU-MST-1D', powers: powerRange(-0.5, -6), price: 4595, cost: 2480 }),
    ),
  },
  pr_dailies_total1_1d: {
    name: 'Dailies Total1 (30 pack)',
    description:
      'Water-gradient daily lenses with nearly 100% water at the surface, for the most demanding eyes.',
    category: 'contact-lenses',
    brand: 'Alcon',
    status: 'active',
    attributes: {
      baseCurve: 8.5,
      diameter: 14.1,
      replacementSchedule: 'daily',
      material: 'delefilcon A',
      waterContent: 33,
      packSize: 30,
    },
    variants: withBarcodes(
      103,
      lensVariants({
        skuPrefix: 'ALC-DT1-1D',
        powers: [...powerRange(-1, -4), ...powerRange(1, 3)],
        price: 6495,
        cost: 3890,
      }),
    ),
  },
  pr_air_optix_hg_1m: {
    name: 'Air Optix plus HydraGlyde (6 pack)',
    description:
      'Monthly silicone hydrogel lenses with SmartShield deposit protection and HydraGlyde moisture.',
    category: 'contact-lenses',
    brand: 'Alcon',
    status: 'active',
    attributes: {
      baseCurve: 8.6,
      diameter: 14.2,
      replacementSchedule: 'monthly',
      material: 'lotrafilcon B',
      waterContent: 33,
      packSize: 6,
    },
    variants: withBarcodes(
      104,
      lensVariants({ skuPrefix: 'ALC-AOHG-1M', powers: powerRange(-1, -4), price: 6995, cost: 3820 }),
    ),
  },
  pr_biofinity_1m: {
    name: 'Biofinity (6 pack)',
    description: 'Monthly lenses with Aquaform technology: naturally wettable and highly breathable.',
    category: 'contact-lenses',
    brand: 'CooperVision',
    status: 'active',
    attributes: {
      baseCurve: 8.6,
      diameter: 14,
      replacementSchedule: 'monthly',
      material: 'comfilcon A',
      waterContent: 48,
      packSize: 6,
    },
    variants: withBarcodes(
      105,
      lensVariants({ skuPrefix: 'CV-BIOF-1M', powers: powerRange(-0.5, -5), price: 6495, cost: 3540 }),
    ),
  },
  /** Not launched yet: a draft waiting for pricing sign-off. */
  pr_precision1_1d: {
    name: 'Precision1 (30 pack)',
    description: 'Daily lenses with SmartSurface technology, designed for first-time wearers.',
    category: 'contact-lenses',
    brand: 'Alcon',
    status: 'draft',
    attributes: {
      baseCurve: 8.3,
      diameter: 14.2,
      replacementSchedule: 'daily',
      material: 'verofilcon A',
      waterContent: 51,
      packSize: 30,
    },
    variants: withBarcodes(
      106,
      lensVariants({ skuPrefix: 'ALC-PRE1-1D', powers: powerRange(-1, -3), price: 4995, cost: 2790 }),
    ),
  },
  /** Discontinued by the manufacturer: kept for order history, no longer sold. */
  pr_acuvue_2_2w: {
    name: 'Acuvue 2 (6 pack)',
    description: 'Classic two-weekly hydrogel lenses. Discontinued; superseded by Acuvue Oasys.',
    category: 'contact-lenses',
    brand: 'Acuvue',
    status: 'archived',
    attributes: {
      baseCurve: 8.3,
      diameter: 14,
      replacementSchedule: 'two_weekly',
      material: 'etafilcon A',
      waterContent: 58,
      packSize: 6,
    },
    variants: withBarcodes(
      107,
      lensVariants({
        skuPrefix: 'ACU-2-2W',
        powers: powerRange(-1, -3, 0.5),
        baseCurves: ['8.3', '8.7'],
        price: 3995,
        cost: 2150,
      }),
    ),
  },

  // Lens care ----------------------------------------------------------------------------
  pr_opti_free_puremoist: {
    name: 'Opti-Free PureMoist Multi-Purpose Disinfecting Solution',
    description:
      'Cleans, rinses, disinfects and stores soft and silicone hydrogel lenses. Lens case included.',
    category: 'lens-care',
    brand: 'Alcon',
    status: 'active',
    attributes: {
      solutionType: 'multi-purpose',
      compatibleLenses: ['soft', 'silicone hydrogel'],
      caseIncluded: true,
    },
    variants: withBarcodes(201, [
      { sku: 'ALC-OFPM-300', options: { size: '300 mL' }, ...aud(2195, 1080) },
      { sku: 'ALC-OFPM-2X300', options: { size: '2 × 300 mL' }, ...aud(3995, 2030) },
      { sku: 'ALC-OFPM-90', options: { size: '90 mL travel' }, ...aud(995, 460) },
    ]),
  },
  pr_biotrue_solution: {
    name: 'Biotrue Multi-Purpose Solution',
    description: 'pH-balanced to match healthy tears, with hyaluronan for moisture.',
    category: 'lens-care',
    brand: 'Bausch + Lomb',
    status: 'active',
    attributes: {
      solutionType: 'multi-purpose',
      compatibleLenses: ['soft', 'silicone hydrogel'],
      caseIncluded: true,
    },
    variants: withBarcodes(202, [
      { sku: 'BL-BIOT-SOL-300', options: { size: '300 mL' }, ...aud(1995, 940) },
      { sku: 'BL-BIOT-SOL-60', options: { size: '60 mL travel' }, ...aud(795, 350) },
    ]),
  },
  pr_aosept_plus_hg: {
    name: 'AOSEPT Plus with HydraGlyde (360 mL)',
    description:
      'Hydrogen peroxide cleaning and disinfecting system. Use only with the supplied neutralising case.',
    category: 'lens-care',
    brand: 'Alcon',
    status: 'active',
    attributes: {
      solutionType: 'hydrogen-peroxide',
      compatibleLenses: ['soft', 'silicone hydrogel', 'rigid gas permeable'],
      caseIncluded: true,
      preservativeFree: true,
    },
    variants: withBarcodes(203, [{ sku: 'ALC-AOS-HG-360', options: { size: '360 mL' }, ...aud(2495, 1260) }]),
  },
  pr_blink_contacts_drops: {
    name: 'Blink Contacts Lubricant Eye Drops (10 mL)',
    description: 'Rewetting drops for use with soft and rigid lenses, to relieve dryness during wear.',
    category: 'lens-care',
    brand: 'Blink',
    status: 'active',
    attributes: { solutionType: 'rewetting-drops', compatibleLenses: ['soft', 'rigid gas permeable'] },
    variants: withBarcodes(204, [{ sku: 'BLK-CONT-10', options: { size: '10 mL' }, ...aud(1495, 640) }]),
  },

  // Eyeglass frames ----------------------------------------------------------------------
  pr_rayban_rx5154_clubmaster: {
    name: 'Ray-Ban RX5154 Clubmaster Optics',
    description: 'The retro browline frame in acetate with a metal lower rim. Fits prescription lenses.',
    category: 'eyeglass-frames',
    brand: 'Ray-Ban',
    status: 'active',
    attributes: {
      frameShape: 'browline',
      frameMaterial: 'acetate and metal',
      rim: 'full',
      bridgeMm: 21,
      templeMm: 145,
    },
    variants: withBarcodes(301, [
      { sku: 'RB-RX5154-2000-49', options: { colour: 'Black', size: '49' }, ...aud(26900, 11800) },
      { sku: 'RB-RX5154-2000-51', options: { colour: 'Black', size: '51' }, ...aud(26900, 11800) },
      { sku: 'RB-RX5154-2372-49', options: { colour: 'Havana', size: '49' }, ...aud(26900, 11800) },
      { sku: 'RB-RX5154-2372-51', options: { colour: 'Havana', size: '51' }, ...aud(26900, 11800) },
    ]),
  },
  pr_oakley_ox8046_airdrop: {
    name: 'Oakley Airdrop OX8046',
    description:
      'Lightweight O Matter frame with Unobtainium nose pads and temple tips that grip when you sweat.',
    category: 'eyeglass-frames',
    brand: 'Oakley',
    status: 'active',
    attributes: {
      frameShape: 'rectangle',
      frameMaterial: 'O Matter',
      rim: 'full',
      bridgeMm: 18,
      templeMm: 143,
    },
    variants: withBarcodes(302, [
      { sku: 'OAK-OX8046-0155', options: { colour: 'Satin Black', size: '55' }, ...aud(25900, 11200) },
      { sku: 'OAK-OX8046-0157', options: { colour: 'Satin Black', size: '57' }, ...aud(25900, 11200) },
      { sku: 'OAK-OX8046-0355', options: { colour: 'Matte Grey Smoke', size: '55' }, ...aud(25900, 11200) },
    ]),
  },
  pr_fleet_harbour_frame: {
    name: 'Harbour Acetate Frame',
    description: 'Our own round acetate frame with five-barrel hinges. Includes single-vision lenses.',
    category: 'eyeglass-frames',
    brand: 'Fleet Eyewear',
    status: 'active',
    attributes: {
      frameShape: 'round',
      frameMaterial: 'acetate',
      rim: 'full',
      bridgeMm: 20,
      templeMm: 145,
      lensesIncluded: true,
    },
    variants: withBarcodes(303, [
      { sku: 'FLT-HARB-BLK-50', options: { colour: 'Black', size: '50' }, ...aud(14900, 3450) },
      { sku: 'FLT-HARB-BLK-52', options: { colour: 'Black', size: '52' }, ...aud(14900, 3450) },
      { sku: 'FLT-HARB-HAV-50', options: { colour: 'Havana', size: '50' }, ...aud(14900, 3450) },
      { sku: 'FLT-HARB-HAV-52', options: { colour: 'Havana', size: '52' }, ...aud(14900, 3450) },
      { sku: 'FLT-HARB-CRY-50', options: { colour: 'Crystal', size: '50' }, ...aud(14900, 3450) },
    ]),
  },

  // Sunglasses ---------------------------------------------------------------------------
  pr_rayban_rb2140_wayfarer: {
    name: 'Ray-Ban RB2140 Original Wayfarer Classic',
    description: 'The original 1952 Wayfarer in acetate with crystal glass lenses.',
    category: 'sunglasses',
    brand: 'Ray-Ban',
    status: 'active',
    attributes: {
      frameShape: 'square',
      frameMaterial: 'acetate',
      lensMaterial: 'glass',
      lensCategory: 3,
      uv400: true,
    },
    variants: withBarcodes(401, [
      {
        sku: 'RB-2140-901-50',
        options: { colour: 'Black', lens: 'G-15 Green', size: '50' },
        ...aud(24900, 10900),
      },
      {
        sku: 'RB-2140-901-54',
        options: { colour: 'Black', lens: 'G-15 Green', size: '54' },
        ...aud(24900, 10900),
      },
      {
        sku: 'RB-2140-902-50',
        options: { colour: 'Tortoise', lens: 'G-15 Green', size: '50' },
        ...aud(24900, 10900),
      },
      {
        sku: 'RB-2140-901-58-50',
        options: { colour: 'Black', lens: 'G-15 Green Polarised', size: '50' },
        ...aud(31900, 13900),
      },
    ]),
  },
  pr_oakley_oo9102_holbrook: {
    name: 'Oakley Holbrook OO9102',
    description: 'Timeless square frame with Prizm lenses that enhance colour and contrast.',
    category: 'sunglasses',
    brand: 'Oakley',
    status: 'active',
    attributes: {
      frameShape: 'square',
      frameMaterial: 'O Matter',
      lensMaterial: 'Plutonite',
      lensCategory: 3,
      uv400: true,
    },
    variants: withBarcodes(402, [
      {
        sku: 'OAK-OO9102-E155',
        options: { colour: 'Matte Black', lens: 'Prizm Black' },
        ...aud(26900, 11700),
      },
      {
        sku: 'OAK-OO9102-D655',
        options: { colour: 'Matte Black', lens: 'Prizm Black Polarised' },
        ...aud(31900, 13800),
      },
      {
        sku: 'OAK-OO9102-F555',
        options: { colour: 'Matte Clear', lens: 'Prizm Sapphire' },
        ...aud(28900, 12500),
      },
    ]),
  },

  // Accessories (house-brand items carry no barcode) --------------------------------------
  pr_lens_case_travel: {
    name: 'Contact Lens Travel Kit',
    description: 'Flat-pack lens case, mirror and tweezers in a zip pouch.',
    category: 'accessories',
    brand: 'Fleet Eyewear',
    status: 'active',
    attributes: { contents: ['lens case', 'mirror', 'tweezers', 'pouch'] },
    variants: [
      { sku: 'FLT-LCKIT-BLU', options: { colour: 'Blue' }, ...aud(695, 110) },
      { sku: 'FLT-LCKIT-PNK', options: { colour: 'Pink' }, ...aud(695, 110) },
      { sku: 'FLT-LCKIT-GRN', options: { colour: 'Green' }, ...aud(695, 110) },
    ],
  },
  pr_microfibre_cloth: {
    name: 'Microfibre Lens Cloth',
    description: 'Lint-free cloth for spectacle, sunglass and screen lenses. Machine washable.',
    category: 'accessories',
    brand: 'Fleet Eyewear',
    status: 'active',
    attributes: { material: 'microfibre', machineWashable: true },
    variants: [
      { sku: 'FLT-CLOTH-15', options: { size: '15 × 15 cm' }, ...aud(395, 40) },
      { sku: 'FLT-CLOTH-30', options: { size: '30 × 30 cm' }, ...aud(695, 85) },
    ],
  },
  pr_hard_case_glasses: {
    name: 'Hard-Shell Glasses Case',
    description: 'Crush-resistant clamshell case with a soft lining; fits most frames up to 150 mm wide.',
    category: 'accessories',
    brand: 'Fleet Eyewear',
    status: 'active',
    attributes: { material: 'aluminium and faux leather', maxFrameWidthMm: 150 },
    variants: withBarcodes(503, [
      { sku: 'FLT-HCASE-BLK', options: { colour: 'Black' }, ...aud(1495, 320) },
      { sku: 'FLT-HCASE-NVY', options: { colour: 'Navy' }, ...aud(1495, 320) },
      { sku: 'FLT-HCASE-TAN', options: { colour: 'Tan' }, ...aud(1495, 320) },
    ]),
  },
  pr_zeiss_lens_wipes: {
    name: 'ZEISS Lens Cleaning Wipes',
    description: 'Individually wrapped, alcohol-based wipes safe for anti-reflective coatings.',
    category: 'accessories',
    brand: 'ZEISS',
    status: 'active',
    attributes: { alcoholFree: false, safeForCoatings: true },
    variants: withBarcodes(504, [
      { sku: 'ZEI-WIPES-60', options: { packSize: '60' }, ...aud(1295, 560) },
      { sku: 'ZEI-WIPES-200', options: { packSize: '200' }, ...aud(2995, 1310) },
    ]),
  },
} satisfies Record<string, ProductBody>;

export type DemoProductId = keyof typeof PRODUCTS;

export const DEMO_PRODUCT_IDS = Object.keys(PRODUCTS) as DemoProductId[];

export const DEMO_PRODUCTS: readonly DemoProduct[] = DEMO_PRODUCT_IDS.map((productId) => ({
  productId,
  body: CreateProductBody.parse(PRODUCTS[productId]),
}));
