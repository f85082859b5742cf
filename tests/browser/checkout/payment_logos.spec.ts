import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { Page } from 'playwright'
import { CART_COOKIE } from '#support/shopper'
import { assertAccessible } from '#tests/helpers/accessibility'
import { cartReadyToOrder, checkoutShop, productOnSale } from '#tests/helpers/checkout'

/**
 * Every plugin logo on the page, once scrolled into view (footer logos load
 * lazily): whether it decoded under the page's and the logo's CSP, and its size.
 */
async function loadedLogos(page: Page) {
  await page.locator('footer').scrollIntoViewIfNeeded()
  // Strings run in the page: this project compiles without the DOM types.
  await page.waitForFunction('[...document.images].every((image) => image.complete)')
  return page
    .locator('img[src^="/plugins/"]')
    .evaluateAll((images: { naturalWidth: number; width: number }[]) =>
      images.map((image) => ({ loaded: image.naturalWidth > 0, width: image.width }))
    )
}

test.group('Payment logos in a browser', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('the cart, the payment step and the footer show the logos, loaded and accessible', async ({
    visit,
    browserContext,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'LOGO-B')
    const cart = await cartReadyToOrder([{ variantId, quantity: 1 }])
    await browserContext.setCookie(CART_COOKIE, cart.token)

    const cartPage = await visit('/cart')
    await cartPage.assertTextContains('.accepted-payments', 'Paiement sécurisé')
    // The cart's list, then the footer's.
    assert.deepEqual(await loadedLogos(cartPage), [
      { loaded: true, width: 36 },
      { loaded: true, width: 36 },
    ])
    await assertAccessible(cartPage)

    const payment = await visit('/checkout/payment')
    await payment.assertExists(payment.getByRole('radio', { name: 'Virement bancaire' }))
    await payment.assertTextContains('.checkout__aside', 'Paiement sécurisé')
    await payment.assertTextContains('.site-footer', 'Paiement sécurisé')
    assert.deepEqual(await loadedLogos(payment), [
      { loaded: true, width: 36 },
      { loaded: true, width: 36 },
    ])
    await assertAccessible(payment)
  })
})
