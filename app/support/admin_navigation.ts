import type { Permission } from '#domain/admin_permissions'

export interface AdminNavigationItem {
  key: string
  path: string
  permission: Permission
}

/**
 * The back-office menu. Each entry shows only to roles holding its permission,
 * the same permission its routes require.
 */
export const ADMIN_NAVIGATION: AdminNavigationItem[] = [
  { key: 'dashboard', path: '/admin', permission: 'dashboard.view' },
  { key: 'catalog', path: '/admin/catalog', permission: 'catalog.manage' },
  { key: 'coupons', path: '/admin/coupons', permission: 'marketing.manage' },
  { key: 'promotions', path: '/admin/promotions', permission: 'marketing.manage' },
  { key: 'orders', path: '/admin/orders', permission: 'orders.view' },
  { key: 'withdrawals', path: '/admin/withdrawals', permission: 'orders.view' },
  { key: 'after_sales', path: '/admin/after-sales', permission: 'orders.view' },
  { key: 'customers', path: '/admin/customers', permission: 'customers.view' },
  { key: 'privacy', path: '/admin/privacy', permission: 'customers.privacy' },
  { key: 'accounting', path: '/admin/accounting', permission: 'accounting.export' },
  { key: 'outbox', path: '/admin/outbox', permission: 'outbox.view' },
  { key: 'plugins', path: '/admin/plugins', permission: 'plugins.manage' },
  { key: 'settings', path: '/admin/settings', permission: 'settings.manage' },
  { key: 'legal', path: '/admin/legal', permission: 'settings.manage' },
  { key: 'maintenance', path: '/admin/maintenance', permission: 'maintenance.manage' },
  { key: 'security', path: '/admin/security', permission: 'security.manage' },
]
