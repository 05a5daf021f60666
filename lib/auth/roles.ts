/**
 * Roles and permissions. A route declares the one permission it needs (lib/<domain>/*-routes.ts);
 * this table says which roles hold it. Object-level checks (which stores) live in store-scope.ts.
 */
export const ROLES = ['admin', 'manager', 'staff', 'finance'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'stores:create',
  'stores:read',
  'stores:update',
  'catalog:read',
  'catalog:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  manager: ['stores:read', 'stores:update', 'catalog:read', 'catalog:write'],
  staff: ['stores:read', 'catalog:read'],
  finance: ['stores:read', 'catalog:read'],
};

export const roleHasPermission = (role: Role, permission: Permission): boolean =>
  GRANTS[role].includes(permission);

/** When a user is in several groups, the most powerful role wins. */
export const ROLE_PRECEDENCE: readonly Role[] = ['admin', 'manager', 'finance', 'staff'];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
