/**
 * Back-office roles and what each may do. Least privilege: a role gets a
 * permission only when its daily work needs it.
 *   - owner: everything, including plugins, settings, maintenance mode and the
 *     audit log;
 *   - manager: runs the shop (catalog, orders, customers, coupons);
 *   - support: answers customers: reads orders and customers and leaves staff
 *     notes on them, but never changes an order (orders.manage).
 */
export const ADMIN_ROLES = ['owner', 'manager', 'support'] as const
export type AdminRole = (typeof ADMIN_ROLES)[number]

export const PERMISSIONS = {
  'dashboard.view': ['owner', 'manager', 'support'],
  'catalog.manage': ['owner', 'manager'],
  'marketing.manage': ['owner', 'manager'],
  'orders.view': ['owner', 'manager', 'support'],
  // Money and parcels: marking paid, shipping, delivering, cancelling. Support
  // reads orders and writes staff notes (orders.view) but moves none of them.
  'orders.manage': ['owner', 'manager'],
  'customers.view': ['owner', 'manager', 'support'],
  // Personal data requests (GDPR): exporting a whole profile, erasing an account.
  'customers.privacy': ['owner', 'manager'],
  // The sales and VAT journal: the accountant's figures, not support's.
  'accounting.export': ['owner', 'manager'],
  // The e-mails the file transport caught, customers' addresses included.
  'outbox.view': ['owner', 'manager'],
  'plugins.manage': ['owner'],
  'settings.manage': ['owner'],
  'maintenance.manage': ['owner'],
  // Security advisories: what is vulnerable in the shop and how to patch it.
  'security.manage': ['owner'],
  'audit_log.view': ['owner'],
} as const satisfies Record<string, readonly AdminRole[]>

export type Permission = keyof typeof PERMISSIONS

export function isAdminRole(value: unknown): value is AdminRole {
  return ADMIN_ROLES.includes(value as AdminRole)
}

export function roleHasPermission(role: AdminRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly AdminRole[]).includes(role)
}
