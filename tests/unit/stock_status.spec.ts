import { test } from '@japa/runner'
import { stockStatus } from '#domain/stock_status'

test.group('Stock status', () => {
  test('derives in stock, low stock and out of stock from the safety threshold', ({ assert }) => {
    assert.equal(stockStatus(10, 3), 'in_stock')
    assert.equal(stockStatus(3, 3), 'low_stock')
    assert.equal(stockStatus(1, 3), 'low_stock')
    assert.equal(stockStatus(0, 3), 'out_of_stock')
    assert.equal(stockStatus(1, 0), 'in_stock')
  })
})
