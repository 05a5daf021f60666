import { hideFields } from '../auth/field-rules.js';
import type { Principal } from '../auth/principal.js';
import type { Page } from '../db/query-page.js';
import type { ProductView } from './product-schemas.js';
import type { ProductMatch } from './product-service.js';

/**
 * A product as `principal` may see it: every response of a product goes through here, so the
 * field rules (lib/auth/field-rules.ts) hold on every route. Variants stored before archiving
 * existed have no `status`; they are active.
 */
export const productView = (principal: Principal, product: ProductMatch): ProductView =>
  hideFields('product', principal.role, {
    ...product,
    variants: product.variants.map((variant) => ({ ...variant, status: variant.status ?? 'active' })),
  });

export const productPageView = (principal: Principal, page: Page<ProductMatch>): Page<ProductView> => ({
  items: page.items.map((product) => productView(principal, product)),
  nextCursor: page.nextCursor,
});
