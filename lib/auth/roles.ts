/**
 * Roles and permissions. A route declares the one permission it needs (lib/<domain>/*-routes.ts);
 * this table says which roles hold it. Object-level checks (which stores) live in store-scope.ts,
 * and finer domain rules (e.g. which adjustment reasons staff may use) live with the domain.
 */
export const ROLES = ['admin', 'manager', 'staff', 'finance'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'stores:create',
  'stores:read',
  'stores:update',
  'catalog:read',
  'catalog:write',
  'inventory:read',
  'inventory:adjust',
  'inventory:count',
  'inventory:configure',
  'transfers:read',
  'transfers:write',
  'customers:read',
  'customers:write',
  'loyalty:adjust',
  'promotions:read',
  'promotions:write',
  'orders:read',
  'orders:write',
  'orders:refund',
  'suppliers:read',
  'suppliers:write',
  'purchasing:read',
  'purchasing:write',
  'tax:read',
  'tax:write',
  'reports:read',
  /** Issue 9: the audit history (admin and finance everywhere, managers for their stores). */
  'audit:read',
  /** Issue 9: user administration (admin for everyone, managers for staff of their stores). */
  'users:manage',
  /** Issue 9: bulk imports (the kind's own permission, e.g. catalog:write, is checked as well). */
  'imports:write',
  'imports:read',
  /** Issue 9: a customer's privacy requests: erasing their personal data, exporting all of it. */
  'customers:erase',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Every `*:read` permission: finance reads everything and changes nothing. */
const READ_ONLY = PERMISSIONS.filter((permission) => permission.endsWith(':read'));

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  /** Opening stores and setting tax rates are the business's, not a store's. */
  manager: PERMISSIONS.filter((permission) => permission !== 'stores:create' && permission !== 'tax:write'),
  staff: [
    'stores:read',
    'catalog:read',
    'inventory:read',
    'inventory:adjust',
    'inventory:count',
    'transfers:read',
    'customers:read',
    'customers:write',
    'promotions:read',
    'orders:read',
    'orders:write',
    'suppliers:read',
    'tax:read',
  ],
  finance: READ_ONLY,
};

export const roleHasPermission = (role: Role, permission: Permission): boolean =>
  GRANTS[role].includes(permission);

/** When a user is in several groups, the most powerful role wins. */
export const ROLE_PRECEDENCE: readonly Role[] = ['admin', 'manager', 'finance', 'staff'];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
