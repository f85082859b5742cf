import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { CARDS } from '#tests/helpers/stripe_emulator'
import { kit, stripeShop } from '#tests/helpers/stripe_plugin'

/**
 * A guest pays by card on Stripe's hosted page (the emulator's) and comes
 * back to the shop, in a real browser: the redirect to Stripe passes the
 * storefront's CSP (`form-action`), the webhook and the return meet in the
 * core's completion path.
 */
test.group('Stripe Checkout in a browser', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('a guest pays by card on the hosted page and lands on the confirmation', async ({
    visit,
    browserContext,
    assert,
    cleanup,
  }) => {
    const { emulator, catalog } = await stripeShop(cleanup)
    const variantId = await kit.productOnSale(catalog, 'STR-B1', { priceAmount: 3500 })
    const cart = await kit.cartReadyToOrder([{ variantId, quantity: 1 }], { payment: 'stripe' })
    await browserContext.setCookie('cart', cart.token)

    const page = await visit('/checkout/review')
    await page.getByLabel(/J'ai lu et j'accepte les conditions générales de vente/).check()
    await page.getByRole('button', { name: 'Commander avec obligation de paiement' }).click()

    await page.waitForURL(`${emulator.baseUrl}/pay/**`)
    await page.getByLabel('Card number').fill('4242 4242 4242 4242')
    await page.getByLabel('Expiry (MM / YY)').fill('12 / 34')
    await page.getByLabel('CVC').fill('123')
    await page.getByRole('button', { name: 'Pay' }).click()

    const order = await db.from('orders').orderBy('id', 'desc').firstOrFail()
    await page.waitForURL(`**/checkout/confirmation/${order.number}`)
    await page.assertTextContains('.order-number', order.number)
    assert.deepEqual(
      emulator.deliveries.map((delivery) => delivery.status),
      [200]
    )
    const record = await kit.paymentRecord(order.id)
    assert.deepEqual(record.order, ['paid', 'captured', true])
  }).timeout(60_000)

  test('a declined card, then Back: the cart is intact at the review step, paid by transfer', async ({
    visit,
    browserContext,
    assert,
    cleanup,
  }) => {
    const { emulator, catalog } = await stripeShop(cleanup)
    const variantId = await kit.productOnSale(catalog, 'STR-B2', { priceAmount: 3500, quantity: 3 })
    const cart = await kit.cartReadyToOrder([{ variantId, quantity: 2 }], { payment: 'stripe' })
    await browserContext.setCookie('cart', cart.token)

    const page = await visit('/checkout/review')
    await page.getByLabel(/J'ai lu et j'accepte les conditions générales de vente/).check()
    await page.getByRole('button', { name: 'Commander avec obligation de paiement' }).click()
    await page.waitForURL(`${emulator.baseUrl}/pay/**`)
    await page.getByLabel('Card number').fill(CARDS.declined)
    await page.getByLabel('Expiry (MM / YY)').fill('12 / 34')
    await page.getByLabel('CVC').fill('123')
    await page.getByRole('button', { name: 'Pay' }).click()
    await page.assertTextContains('[role="alert"]', 'Your card was declined')
    const first = await db.from('orders').orderBy('id', 'desc').firstOrFail()
    assert.equal(first.status, 'pending_payment')

    await page.getByRole('link', { name: 'Back' }).click()

    await page.waitForURL('**/checkout/review')
    await page.assertTextContains('[role="alert"]', 'Le paiement a été abandonné')
    await page.assertTextContains('main', 'Sabot STR-B2')
    const cancelled = await kit.paymentRecord(first.id)
    assert.deepEqual(cancelled.order, ['cancelled', 'cancelled', false])
    assert.equal(await kit.stockOf(variantId), 3, 'the stock of the cancelled order is back')
    const [session] = emulator.sessions.values()
    assert.equal(session.status, 'expired')

    await visit('/checkout/payment').then(async (payment) => {
      await payment.getByLabel('Virement bancaire').check()
      await payment.getByRole('button', { name: 'Continuer vers le récapitulatif' }).click()
      await payment.waitForURL('**/checkout/review')
      await payment.getByLabel(/J'ai lu et j'accepte les conditions générales de vente/).check()
      await payment.getByRole('button', { name: 'Commander avec obligation de paiement' }).click()
      const second = await db.from('orders').orderBy('id', 'desc').firstOrFail()
      assert.notEqual(second.id, first.id)
      await payment.waitForURL(`**/checkout/confirmation/${second.number}`)
      await payment.assertTextContains('.instructions', 'FR76')
    })
  }).timeout(60_000)
})
