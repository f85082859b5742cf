/**
 * Back-office roles and what each may do. Least privilege: a role gets a
 * permission only when its daily work needs it.
 *   - owner: everything, including plugins, settings, maintenance mode and the
 *     audit log;
 *   - manager: runs the shop (catalog, orders, customers);
 *   - support: answers customers (orders and customers).
 */
export const ADMIN_ROLES = ['owner', 'manager', 'support'] as const
export type AdminRole = (typeof ADMIN_ROLES)[number]

export const PERMISSIONS = {
  'dashboard.view': ['owner', 'manager', 'support'],
  'catalog.manage': ['owner', 'manager'],
  'orders.view': ['owner', 'manager', 'support'],
  'customers.view': ['owner', 'manager', 'support'],
  'plugins.manage': ['owner'],
  'settings.manage': ['owner'],
  'maintenance.manage': ['owner'],
  'audit_log.view': ['owner'],
} as const satisfies Record<string, readonly AdminRole[]>

export type Permission = keyof typeof PERMISSIONS

export function isAdminRole(value: unknown): value is AdminRole {
  return ADMIN_ROLES.includes(value as AdminRole)
}

export function roleHasPermission(role: AdminRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly AdminRole[]).includes(role)
}
