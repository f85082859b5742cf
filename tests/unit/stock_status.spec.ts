import { test } from '@japa/runner'
import {
  type LocationStock,
  shopperStock,
  shopperStockDiffers,
  stockStatus,
} from '#domain/stock_status'

const warehouse = (quantity: number, safetyThreshold = 2): LocationStock => ({
  quantity,
  safetyThreshold,
  fulfilsOnline: true,
  clickAndCollect: false,
})
const shop = (quantity: number): LocationStock => ({
  quantity,
  safetyThreshold: 0,
  fulfilsOnline: false,
  clickAndCollect: true,
})

test.group('Stock status', () => {
  test('derives in stock, low stock and out of stock from the safety threshold', ({ assert }) => {
    assert.equal(stockStatus(10, 3), 'in_stock')
    assert.equal(stockStatus(3, 3), 'low_stock')
    assert.equal(stockStatus(1, 3), 'low_stock')
    assert.equal(stockStatus(0, 3), 'out_of_stock')
    assert.equal(stockStatus(1, 0), 'in_stock')
  })

  test('a shopper is told the stock that ships online; shop stock only makes it orderable', ({
    assert,
  }) => {
    assert.deepEqual(shopperStock([warehouse(4), warehouse(3), shop(9)]), {
      quantity: 7,
      status: 'in_stock',
      orderable: true,
    })
    assert.deepEqual(shopperStock([warehouse(0), shop(2)]), {
      quantity: 0,
      status: 'out_of_stock',
      orderable: true,
    })
    assert.deepEqual(shopperStock([warehouse(0), shop(0)]), {
      quantity: 0,
      status: 'out_of_stock',
      orderable: false,
    })
  })

  test('only a change a shopper would read purges a cached page', ({ assert }) => {
    // 9 → 8 of a well-stocked product: the page says the same.
    assert.isFalse(shopperStockDiffers([warehouse(9)], [warehouse(8)]))
    // Into "only a few left", and within it (the count is shown).
    assert.isTrue(shopperStockDiffers([warehouse(3)], [warehouse(2)]))
    assert.isTrue(shopperStockDiffers([warehouse(2)], [warehouse(1)]))
    // Sold out online, still in a shop: no longer shipped, still orderable.
    assert.isTrue(shopperStockDiffers([warehouse(1), shop(3)], [warehouse(0), shop(3)]))
    // The last unit in a shop goes, none online: no longer orderable at all.
    assert.isTrue(shopperStockDiffers([warehouse(0), shop(1)], [warehouse(0), shop(0)]))
    // One shop of two sells its last unit, online stock unchanged: "available in 1 store", not 2.
    assert.isTrue(
      shopperStockDiffers([warehouse(9), shop(1), shop(4)], [warehouse(9), shop(0), shop(4)])
    )
    // A shop sells one of several: it still holds some, the page says the same.
    assert.isFalse(
      shopperStockDiffers([warehouse(9), shop(3), shop(4)], [warehouse(9), shop(2), shop(4)])
    )
    // Two warehouses: each still above its own threshold, their sum crosses the total.
    assert.isTrue(
      shopperStockDiffers([warehouse(10, 2), warehouse(0, 7)], [warehouse(9, 2), warehouse(0, 7)])
    )
  })
})
