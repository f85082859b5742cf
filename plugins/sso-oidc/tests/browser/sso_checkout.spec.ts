import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { appUrl, idpAccount, kit, ssoShop } from '#tests/helpers/sso_plugin'

/**
 * A guest fills a cart, signs in with the provider at the checkout's
 * identification step (a real OpenID provider on https://127.0.0.1) and
 * finishes the order with the cart intact, in a real browser.
 */
test.group('SSO during checkout, in a browser', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('a guest with a full cart continues with the provider and orders what was in the cart', async ({
    browser,
    assert,
    cleanup,
  }) => {
    const { catalog, idp } = await ssoShop(cleanup)
    await kit.productOnSale(catalog, 'SSO-B1', { priceAmount: 3500 })
    await kit.productOnSale(catalog, 'SSO-B2', { priceAmount: 1290 })
    const person = idpAccount('browser')
    idp.signInAs(person)
    // The provider's certificate is made for this run: this context alone accepts it.
    const context = await browser.newContext({
      baseURL: appUrl(),
      locale: 'fr-FR',
      ignoreHTTPSErrors: true,
    })
    cleanup(() => context.close())

    const page = await context.visit('/p/sabot-sso-b1')
    await page.getByRole('button', { name: 'Ajouter au panier' }).click()
    await page.assertPath('/cart')
    await page.goto('/p/sabot-sso-b2')
    await page.getByRole('button', { name: 'Ajouter au panier' }).click()
    await page.assertPath('/cart')
    await page.getByLabel('Quantité de Sabot SSO-B2').fill('2')
    await page.getByRole('button', { name: 'Mettre à jour' }).last().click()
    await page.getByRole('link', { name: 'Passer commande' }).click()
    await page.assertPath('/checkout/identification')

    await page.getByRole('link', { name: 'Continuer avec Test IdP' }).click()

    // Back from the provider, signed in, where the checkout was going.
    await page.waitForURL('**/checkout/addresses')
    await kit.fillDeliveryAddress(page)
    await page.getByRole('button', { name: 'Continuer vers la livraison' }).click()
    await page.assertPath('/checkout/delivery')
    await page.getByLabel(/Livraison à domicile/).check()
    await page.getByRole('button', { name: 'Continuer vers le paiement' }).click()
    await page.assertPath('/checkout/payment')
    await page.getByLabel('Virement bancaire').check()
    await page.getByRole('button', { name: 'Continuer vers le récapitulatif' }).click()
    await page.assertPath('/checkout/review')
    await page.getByLabel(/J'ai lu et j'accepte les conditions générales de vente/).check()
    await page.getByRole('button', { name: 'Commander avec obligation de paiement' }).click()

    await page.waitForURL('**/checkout/confirmation/**')
    const customer = await db.from('customers').where('email', person.email).firstOrFail()
    const order = await db.from('orders').orderBy('id', 'desc').firstOrFail()
    assert.equal(order.customer_id, customer.id)
    const lines = await db
      .from('order_lines')
      .where('order_id', order.id)
      .orderBy('sku')
      .select('sku', 'quantity')
    assert.deepEqual(
      lines.map((line) => [line.sku, line.quantity]),
      [
        ['SSO-B1', 1],
        ['SSO-B2', 2],
      ]
    )
  }).timeout(90_000)
})
