import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import LegalDocumentService from '#services/legal/legal_document_service'
import LegalDraftService from '#services/legal/legal_draft_service'
import CartLine from '#models/cart_line'
import Order from '#models/order'
import Payment from '#models/payment'
import CheckoutException from '#exceptions/checkout_exception'
import {
  cartReadyToOrder,
  checkoutShop,
  placeCart,
  productOnSale,
  stockOf,
} from '#tests/helpers/checkout'
import { countRows } from '#tests/helpers/database'

const system = { admin: null, ip: null }

test.group('Placing an order', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('one transaction: order, lines, stock taken, pending payment, cart emptied', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'MAR-39', { priceAmount: 4990 })
    const cart = await cartReadyToOrder([{ variantId, quantity: 2 }])

    const order = await placeCart(cart)

    assert.match(order.number, /^CMD-\d{4}-000001$/)
    assert.equal(order.status, 'pending_payment')
    assert.equal(order.itemsTotal, 9980)
    assert.equal(order.total, 9980 + order.shippingTotal)
    assert.equal(order.snapshot.terms.version, 1)
    assert.equal(order.placedIp, '203.0.113.9')
    assert.equal(await stockOf(variantId), 3)
    const payment = await Payment.findByOrFail('order_id', order.id)
    assert.equal(payment.status, 'pending')
    assert.equal(payment.amount, order.total)
    assert.lengthOf(await CartLine.query().where('cart_id', cart.id), 0)
  })

  test('W-11: the cheapest standard delivery offered is kept on the order', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'S-1')
    const cart = await cartReadyToOrder([{ variantId, quantity: 1 }])
    const order = await placeCart(cart)
    const standard = order.snapshot.shippingOffers.filter((offer) => offer.service === 'standard')
    assert.isAbove(standard.length, 0)
    assert.equal(order.cheapestStandardShipping, Math.min(...standard.map((offer) => offer.price)))
  })

  test('P-03: no order without the CGV accepted, and the cart stays as it was', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'S-1')
    const cart = await cartReadyToOrder([{ variantId, quantity: 1 }])

    await assert.rejects(() => placeCart(cart, { termsAccepted: false }), CheckoutException)
    assert.equal(await countRows('orders'), 0)
    assert.lengthOf(await CartLine.query().where('cart_id', cart.id), 1)
    assert.equal(await stockOf(variantId), 5)
  })

  test('50 parallel checkouts for the last 10 units give 10 orders and 40 clear refusals', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'LAST-1', { quantity: 10 })
    const carts = []
    for (let index = 0; index < 50; index++) {
      carts.push(
        await cartReadyToOrder([{ variantId, quantity: 1 }], { email: `buyer${index}@example.fr` })
      )
    }

    const results = await Promise.allSettled(carts.map((cart) => placeCart(cart)))

    const placed = results.filter((result) => result.status === 'fulfilled')
    const refused = results.flatMap((result) =>
      result.status === 'rejected' ? [result.reason] : []
    )
    assert.lengthOf(placed, 10)
    assert.lengthOf(refused, 40)
    for (const reason of refused) {
      assert.instanceOf(reason, CheckoutException)
      assert.equal(reason.code, 'E_CHECKOUT_STOCK_UNAVAILABLE')
    }
    assert.equal(await stockOf(variantId), 0)
    assert.equal(await countRows('orders'), 10)
    const orders = await Order.query().orderBy('number')
    const numbers = orders.map((order) => order.number.slice(-6))
    assert.deepEqual(
      numbers,
      Array.from({ length: 10 }, (_, index) => String(index + 1).padStart(6, '0'))
    )
  }).timeout(60_000)

  test('P-01: no order while the seller has not given their legal identity', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'ID-1')
    await db.from('settings').where('key', 'seller.identity').delete()
    const cart = await cartReadyToOrder([{ variantId, quantity: 1 }])

    const error = await placeCart(cart).catch((caught) => caught)

    assert.instanceOf(error, CheckoutException)
    assert.equal(error.code, 'E_CHECKOUT_SHOP_NOT_READY')
    assert.equal(await countRows('orders'), 0)
    assert.equal(await stockOf(variantId), 5)
  })

  test('P-01: no order while no CGV are in force, a scheduled version included', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'CGV-1')
    // Versions cannot be deleted through the model: the raw rows go, as in a shop that never published.
    await db.from('legal_document_versions').where('kind', 'terms').delete()
    const drafts = await app.container.make(LegalDraftService)
    await drafts.saveDraft('terms', { bodyFr: 'Conditions.\n', bodyEn: 'Terms.\n' }, system)
    const tomorrow = new Date(Date.now() + 86_400_000)
    const scheduled = await drafts.publish('terms', { effectiveAt: tomorrow }, system)
    assert.equal(scheduled.status, 'published')
    const cart = await cartReadyToOrder([{ variantId, quantity: 1 }])

    const error = await placeCart(cart).catch((caught) => caught)

    assert.instanceOf(error, CheckoutException)
    assert.equal(error.code, 'E_CHECKOUT_SHOP_NOT_READY')
    assert.include(error.message, 'terms_not_published')
    assert.equal(await countRows('orders'), 0)
    assert.equal(await stockOf(variantId), 5)
    assert.lengthOf(await CartLine.query().where('cart_id', cart.id), 1)
  })

  test('P-09: each order keeps the CGV version it accepted and its checksum; a new version changes no placed order', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'CGV-2')
    const documents = await app.container.make(LegalDocumentService)
    const v1 = (await documents.current('terms'))!

    const first = await placeCart(await cartReadyToOrder([{ variantId, quantity: 1 }]))
    assert.equal(first.termsVersionId, v1.id)
    assert.equal(first.termsChecksum, v1.checksum)
    assert.deepEqual(first.snapshot.terms, { versionId: v1.id, version: 1, checksum: v1.checksum })

    const drafts = await app.container.make(LegalDraftService)
    await drafts.saveDraft(
      'terms',
      { bodyFr: `${v1.bodyFr}\nArticle ajouté.\n`, bodyEn: `${v1.bodyEn}\nNew article.\n` },
      system
    )
    await drafts.publish('terms', {}, system)
    const v2 = (await documents.current('terms'))!
    assert.equal(v2.version, 2)
    assert.notEqual(v2.checksum, v1.checksum)

    const second = await placeCart(await cartReadyToOrder([{ variantId, quantity: 1 }]))
    assert.equal(second.termsVersionId, v2.id)
    assert.equal(second.termsChecksum, v2.checksum)
    assert.equal(second.snapshot.terms.version, 2)
    const reread = await Order.findOrFail(first.id)
    assert.equal(reread.termsVersionId, v1.id)
    assert.equal(reread.termsChecksum, v1.checksum)
  })
})
