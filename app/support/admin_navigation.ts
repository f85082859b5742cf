import type { Permission } from '#domain/admin_permissions'

export interface AdminNavigationItem {
  key: string
  path: string
  permission: Permission
  /**
   * A section whose capability has not landed yet: its page only introduces it.
   */
  placeholder?: true
}

/**
 * The back-office menu. Each entry shows only to roles holding its permission,
 * the same permission its routes require.
 */
export const ADMIN_NAVIGATION: AdminNavigationItem[] = [
  { key: 'dashboard', path: '/admin', permission: 'dashboard.view' },
  { key: 'catalog', path: '/admin/catalog', permission: 'catalog.manage' },
  { key: 'orders', path: '/admin/orders', permission: 'orders.view', placeholder: true },
  { key: 'customers', path: '/admin/customers', permission: 'customers.view', placeholder: true },
  { key: 'plugins', path: '/admin/plugins', permission: 'plugins.manage' },
  { key: 'settings', path: '/admin/settings', permission: 'settings.manage' },
  { key: 'maintenance', path: '/admin/maintenance', permission: 'maintenance.manage' },
]
