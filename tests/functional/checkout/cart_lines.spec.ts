import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import CartLine from '#models/cart_line'
import CartService from '#services/cart/cart_service'
import { createCatalogFixture } from '#tests/helpers/catalog'
import { productOnSale } from '#tests/helpers/checkout'

test.group('Cart lines', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('shoppers adding the same product at the same moment each get their line', async ({
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const variantId = await productOnSale(catalog, 'RUSH-1', { quantity: 50 })
    const carts = await app.container.make(CartService)
    const shoppers = await Promise.all(Array.from({ length: 12 }, () => carts.create()))

    // A look-up-then-insert under a row lock deadlocked here on MariaDB (found by the load test).
    const changes = await Promise.all(shoppers.map((cart) => carts.add(cart, variantId, 1)))

    assert.deepEqual(
      changes.map((change) => change.kind),
      shoppers.map(() => 'updated')
    )
    const lines = await CartLine.query().where('variant_id', variantId)
    assert.lengthOf(lines, 12)
  })

  test('adding again to the same line adds to its quantity, within the stock', async ({
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const variantId = await productOnSale(catalog, 'RUSH-2', { quantity: 3 })
    const carts = await app.container.make(CartService)
    const cart = await carts.create()

    assert.deepEqual(await carts.add(cart, variantId, 2), { kind: 'updated', quantity: 2 })
    assert.deepEqual(await carts.add(cart, variantId, 2), {
      kind: 'limited',
      quantity: 3,
      available: 3,
    })
    const lines = await CartLine.query().where('cart_id', cart.id)
    assert.deepEqual(
      lines.map((line) => line.quantity),
      [3]
    )
  })
})
