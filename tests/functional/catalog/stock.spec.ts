import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import { CatalogStock } from '@comptoir/contracts/catalog_stock'
import type { CoreEvents } from '@comptoir/contracts/plugin_manifest'
import StockService from '#services/catalog/stock_service'
import { createCatalogFixture } from '#tests/helpers/catalog'
import { countRows } from '#tests/helpers/database'

/**
 * Concurrent sales run on separate connections: this group truncates instead
 * of wrapping tests in a transaction.
 */
test.group('Stock', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('concurrent sales never take stock below zero', async ({ assert }) => {
    const catalog = await createCatalogFixture()
    const product = await catalog.createProduct({ fr: 'Sabot Jeanne', en: 'Jeanne clog' }, [
      { sku: 'JEA-1', stock: [{ stockLocationId: catalog.warehouse.id, quantity: 3 }] },
    ])
    await product.load('variants')
    const stock = await app.container.make(StockService)

    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        stock.adjust({
          variantId: product.variants[0].id,
          stockLocationId: catalog.warehouse.id,
          delta: -1,
          reason: 'sale',
          reference: `order-${index}`,
        })
      )
    )

    assert.equal(results.filter((result) => result.status === 'adjusted').length, 3)
    assert.equal(results.filter((result) => result.status === 'insufficient').length, 5)
    assert.equal(await countRows('stock_movements', { reason: 'sale' }), 3)
    const level = await product.variants[0].related('stockLevels').query().firstOrFail()
    assert.equal(level.quantity, 0)
    await product.refresh()
    assert.isFalse(product.inStock)
  }).timeout(30_000)

  test('stock is per location, and only shipping locations make a product available online', async ({
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const product = await catalog.createProduct({ fr: 'Mule Rose', en: 'Rose mule' }, [
      {
        sku: 'MULE-1',
        stock: [
          { stockLocationId: catalog.warehouse.id, quantity: 0 },
          { stockLocationId: catalog.store.id, quantity: 4 },
        ],
      },
    ])
    await product.refresh()
    assert.isFalse(product.inStock)

    await product.load('variants')
    const stock = await app.container.make(StockService)
    const result = await stock.adjust({
      variantId: product.variants[0].id,
      stockLocationId: catalog.warehouse.id,
      delta: 2,
      reason: 'adjustment',
    })
    assert.deepEqual(result, { status: 'adjusted', quantity: 2 })
    await product.refresh()
    assert.isTrue(product.inStock)
  })
})

test.group('Stock seen by plugins', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('CatalogStock reads places and levels; stock:changed follows committed changes only', async ({
    assert,
    cleanup,
  }) => {
    const catalog = await createCatalogFixture()
    const product = await catalog.createProduct({ fr: 'Sabot Lou', en: 'Lou clog' }, [
      { sku: 'LOU-1', stock: [{ stockLocationId: catalog.store.id, quantity: 2 }] },
    ])
    await product.load('variants')
    const variantId = product.variants[0].id
    const events: CoreEvents['stock:changed'][] = []
    const listener = (event: CoreEvents['stock:changed']) => {
      events.push(event)
    }
    emitter.on('stock:changed', listener)
    cleanup(() => emitter.off('stock:changed', listener))

    const reader = await app.container.make(CatalogStock)
    const places = await reader.places()
    assert.deepEqual(
      places.map((place) => [place.code, place.type, place.clickAndCollect]),
      [
        ['warehouse', 'warehouse', false],
        ['lyon', 'store', true],
      ]
    )
    const levels = await reader.levels([variantId])
    assert.deepInclude(levels, {
      placeId: catalog.store.id,
      variantId,
      quantity: 2,
      safetyThreshold: 0,
    })

    const stock = await app.container.make(StockService)
    await stock.adjust({
      variantId,
      stockLocationId: catalog.store.id,
      delta: 3,
      reason: 'adjustment',
    })
    assert.deepEqual(events, [
      { variantId, placeId: catalog.store.id, quantityBefore: 2, quantityAfter: 5 },
    ])

    await db
      .transaction(async (trx) => {
        await stock.adjust(
          { variantId, stockLocationId: catalog.store.id, delta: -1, reason: 'sale' },
          trx
        )
        throw new Error('payment failed')
      })
      .catch(() => {})
    assert.lengthOf(events, 1)
  })
})
