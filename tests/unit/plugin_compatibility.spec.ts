import { test } from '@japa/runner'
import { incompatibilities } from '#plugin_kernel/compatibility'
import { isPluginName, tablePrefix } from '#plugin_kernel/plugin_package'

const installed = new Map([
  ['shipping-click-collect', '1.4.2'],
  ['payment-bank-transfer', '0.3.0'],
])

test.group('Plugin compatibility', () => {
  test('a core range is checked against the core version', ({ assert }) => {
    assert.deepEqual(
      incompatibilities({ coreRange: '^0.1.0', requires: {} }, '0.1.7', installed),
      []
    )
    assert.deepEqual(
      incompatibilities({ coreRange: '~0.1.0 || ^1.0.0', requires: {} }, '1.2.0', installed),
      []
    )
    assert.deepEqual(incompatibilities({ coreRange: '^0.1.0', requires: {} }, '0.2.0', installed), [
      'needs core ^0.1.0, this shop runs 0.2.0',
    ])
    assert.lengthOf(
      incompatibilities({ coreRange: '>=1.0.0', requires: {} }, '0.9.9', installed),
      1
    )
  })

  test('a pre-release core counts as its release', ({ assert }) => {
    assert.deepEqual(
      incompatibilities({ coreRange: '^0.2.0', requires: {} }, '0.2.0-beta.1', installed),
      []
    )
  })

  test('required plugins must be installed in a matching version', ({ assert }) => {
    const requires = { 'shipping-click-collect': '^1.2.0', 'payment-bank-transfer': '^0.4.0' }
    assert.deepEqual(incompatibilities({ coreRange: '*', requires }, '0.1.0', installed), [
      'needs plugin payment-bank-transfer ^0.4.0, 0.3.0 is installed',
    ])
    assert.deepEqual(
      incompatibilities({ coreRange: '*', requires: { 'sso-oidc': '^1.0.0' } }, '0.1.0', installed),
      ['needs plugin sso-oidc ^1.0.0, which is not installed']
    )
  })

  test('plugin names become folders and table prefixes', ({ assert }) => {
    assert.isTrue(isPluginName('shipping-table-rates'))
    assert.isTrue(isPluginName('sso2'))
    for (const name of [
      'core',
      'Shipping',
      'shipping_rates',
      '-rates',
      'rates-',
      'a--b',
      '../etc',
      '@scope/x',
      '',
    ]) {
      assert.isFalse(isPluginName(name), name)
    }
    assert.equal(tablePrefix('shipping-table-rates'), 'shipping_table_rates_')
  })
})
