import { test } from '@japa/runner'
import { PERMISSIONS, roleHasPermission } from '#domain/admin_permissions'

test.group('Back-office permissions', () => {
  test('owners may do everything', ({ assert }) => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      assert.isTrue(roleHasPermission('owner', permission), permission)
    }
  })

  test('only owners manage plugins, settings and maintenance mode', ({ assert }) => {
    assert.isFalse(roleHasPermission('manager', 'settings.manage'))
    assert.isFalse(roleHasPermission('manager', 'plugins.manage'))
    assert.isFalse(roleHasPermission('manager', 'maintenance.manage'))
    assert.isFalse(roleHasPermission('support', 'settings.manage'))
    assert.isFalse(roleHasPermission('support', 'plugins.manage'))
    assert.isFalse(roleHasPermission('support', 'maintenance.manage'))
  })

  test('support answers customers but does not touch the catalog', ({ assert }) => {
    assert.isTrue(roleHasPermission('support', 'orders.view'))
    assert.isTrue(roleHasPermission('support', 'customers.view'))
    assert.isFalse(roleHasPermission('support', 'catalog.manage'))
    assert.isTrue(roleHasPermission('manager', 'catalog.manage'))
  })

  test('support reads orders but moves none: marking paid, shipping, cancelling is orders.manage', ({
    assert,
  }) => {
    assert.isFalse(roleHasPermission('support', 'orders.manage'))
    assert.isTrue(roleHasPermission('manager', 'orders.manage'))
    assert.isTrue(roleHasPermission('owner', 'orders.manage'))
  })
})
