import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { extractText } from 'unpdf'
import Order from '#models/order'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { assertAccessible } from '#tests/helpers/accessibility'
import { checkoutShop } from '#tests/helpers/checkout'
import { fillDeliveryAddress } from '#tests/helpers/checkout_browser'
import { createCoupon } from '#tests/helpers/coupons'
import { fakeMail, runQueuedJobsNow } from '#tests/helpers/mail'
import { pickupCodeFrom } from '#tests/helpers/pickups'

test.group('Shopper journey: a guest buys', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('search, two products (one a variant), a coupon, table-rate delivery, bank transfer, then paid, shipped and tracked', async ({
    visit,
    browserContext,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    await catalog.createProduct({ fr: 'Sabot Marius', en: 'Marius clog' }, [
      { sku: 'MAR-38', priceAmount: 8900, options: [catalog.option('size', '38')] },
      { sku: 'MAR-39', priceAmount: 8900, options: [catalog.option('size', '39')] },
    ])
    await catalog.createProduct({ fr: 'Cire Lafont', en: 'Lafont wax' }, [
      { sku: 'CIRE-1', priceAmount: 1290 },
    ])
    await createCoupon({ code: 'BIENVENUE10', kind: 'percentage', value: 1000 })

    const page = await visit('/')
    await page.getByRole('searchbox').fill('sabot marius')
    await page.getByRole('searchbox').press('Enter')
    await page.getByRole('link', { name: 'Sabot Marius' }).first().click()
    await page.getByLabel('Pointure').selectOption('39')
    await page.getByRole('button', { name: 'Voir ce modèle' }).click()
    await page.getByRole('button', { name: 'Ajouter au panier' }).click()
    await page.assertPath('/cart')
    await page.assertTextContains('[role="status"]', 'ajouté')

    await page.getByRole('searchbox').fill('cire')
    await page.getByRole('searchbox').press('Enter')
    await page.getByRole('link', { name: 'Cire Lafont' }).first().click()
    await page.getByRole('button', { name: 'Ajouter au panier' }).click()
    await page.assertPath('/cart')
    await assertAccessible(page)

    await page.getByLabel('Code promo').fill('bienvenue10')
    await page.getByRole('button', { name: 'Appliquer' }).click()
    await page.assertTextContains('[role="status"]', 'BIENVENUE10')

    await page.getByRole('link', { name: 'Passer commande' }).click()
    await page.assertPath('/checkout/identification')
    await assertAccessible(page)
    await page.getByLabel('Adresse e-mail').fill('claire@example.fr')
    await page.getByRole('button', { name: 'Continuer' }).click()

    await page.assertPath('/checkout/addresses')
    await fillDeliveryAddress(page)
    await assertAccessible(page)
    await page.getByRole('button', { name: 'Continuer vers la livraison' }).click()

    await page.assertPath('/checkout/delivery')
    await assertAccessible(page)
    await page.getByLabel(/Livraison à domicile/).check()
    await page.getByRole('button', { name: 'Continuer vers le paiement' }).click()

    await page.assertPath('/checkout/payment')
    await page.getByLabel('Virement bancaire').check()
    await page.getByRole('button', { name: 'Continuer vers le récapitulatif' }).click()

    await page.assertPath('/checkout/review')
    await assertAccessible(page)
    const orderButton = page.getByRole('button', { name: 'Commander avec obligation de paiement' })
    await page.assertExists(orderButton)
    await page.assertTextContains('.recap', 'Remise (BIENVENUE10)')
    await page.getByLabel(/J'ai lu et j'accepte les conditions générales de vente/).check()
    await orderButton.click()

    const order = await Order.query().firstOrFail()
    await page.assertPath(`/checkout/confirmation/${order.number}`)
    await page.assertTextContains('.order-number', order.number)
    await page.assertTextContains('.instructions', 'FR76')
    await assertAccessible(page)
    assert.equal(order.discountTotal, Math.round((8900 + 1290) / 10))
    const trackingUrl = await page
      .getByRole('link', { name: 'Ouvrir la page de suivi' })
      .getAttribute('href')

    // The merchant finds the order, records the transfer, and ships it.
    await browserContext.loginAs(await AdminUserFactory.create())
    const admin = await visit('/admin/orders')
    await admin.getByRole('link', { name: order.number }).click()
    await admin.getByRole('button', { name: 'Marquer comme payée' }).click()
    await admin.assertTextContains('[role="status"]', 'marquée comme payée')
    const invoiceLink = admin.getByRole('link', { name: /FA-\d{4}-000001/ })
    const invoice = await admin.request.get((await invoiceLink.getAttribute('href'))!)
    assert.equal(invoice.headers()['content-type'], 'application/pdf')
    const { text } = await extractText(new Uint8Array(await invoice.body()), { mergePages: true })
    assert.include(text, 'FA-')
    assert.match(text, /TVA/)
    assert.include(text, '20')
    await admin.getByLabel('Transporteur', { exact: true }).fill('Colissimo')
    await admin.getByLabel('N° de suivi', { exact: true }).fill('6A12345678901')
    await admin.getByRole('button', { name: "Enregistrer l'expédition" }).click()
    await admin.assertTextContains('[role="status"]', 'enregistrée')

    // The guest follows the signed link from the confirmation page.
    const tracking = await visit(trackingUrl!)
    await tracking.assertTextContains('.order-status', 'Expédiée')
    await tracking.assertTextContains('main', '6A12345678901')
    await assertAccessible(tracking)
  }).timeout(90_000)

  test('click & collect and pay in store: the order waits at the chosen shop', async ({
    visit,
    browserContext,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup, [
      'shipping-click-collect',
      'shipping-table-rates',
      'payment-pay-in-store',
      'payment-bank-transfer',
    ])
    const product = await catalog.createProduct({ fr: 'Sabot Lyonnais', en: 'Lyon clog' }, [
      {
        sku: 'LYON-1',
        priceAmount: 6500,
        stock: [{ stockLocationId: catalog.store.id, quantity: 3, safetyThreshold: 0 }],
      },
    ])

    const page = await visit('/p/sabot-lyonnais')
    await page.getByRole('button', { name: 'Ajouter au panier' }).click()
    await page.getByRole('link', { name: 'Passer commande' }).click()
    await page.getByLabel('Adresse e-mail').fill('paul@example.fr')
    await page.getByRole('button', { name: 'Continuer' }).click()
    await fillDeliveryAddress(page, {
      firstName: 'Paul',
      lastName: 'Girard',
      line: '3 quai Saint-Vincent',
      postalCode: '69001',
      city: 'Lyon',
    })
    await page.getByRole('button', { name: 'Continuer vers la livraison' }).click()

    // The warehouse holds none: only the shop can serve this cart.
    await page.assertNotExists(page.getByLabel(/Livraison à domicile/))
    await page.getByLabel(/Retrait gratuit en boutique/).check()
    await page
      .getByRole('group', { name: /Choisissez le point de retrait/ })
      .getByLabel(/Lyon/)
      .check()
    await page.getByRole('button', { name: 'Continuer vers le paiement' }).click()
    await page.getByLabel('Paiement au retrait en magasin').check()
    await page.getByRole('button', { name: 'Continuer vers le récapitulatif' }).click()
    await page.getByLabel(/J'ai lu et j'accepte/).check()
    await page.getByRole('button', { name: 'Commander avec obligation de paiement' }).click()

    const order = await Order.query().firstOrFail()
    await page.assertPath(`/checkout/confirmation/${order.number}`)
    await page.assertTextContains('main', 'Retrait à')
    await assertAccessible(page)
    assert.equal(order.paymentMethodCode, 'pay-in-store')
    assert.equal(order.pickupPoint?.code, 'lyon')
    await product.load('variants')
    const level = await db
      .from('stock_levels')
      .where({ variant_id: product.variants[0].id, stock_location_id: catalog.store.id })
      .firstOrFail()
    assert.equal(Number(level.quantity), 2)

    // The shop makes it ready; the shopper's e-mail gives the pickup code.
    const trackingUrl = await page
      .getByRole('link', { name: 'Ouvrir la page de suivi' })
      .getAttribute('href')
    const mails = fakeMail(cleanup)
    await browserContext.loginAs(await AdminUserFactory.create())
    const admin = await visit(`/admin/orders/${order.id}`)
    await admin.getByRole('button', { name: 'Marquer prête à être retirée' }).click()
    await admin.assertTextContains('[role="status"]', 'prête à être retirée')
    await runQueuedJobsNow()
    const code = pickupCodeFrom(mails.ofKind('ready_for_pickup')[0])
    const tracking = await visit(trackingUrl!)
    await tracking.assertTextContains('main', `Prête à être retirée à ${order.pickupPoint!.name}`)

    // At the counter: the code the shopper shows, the payment taken, the order handed over.
    await admin.getByLabel('Code de retrait présenté par le client').fill(code)
    await admin.getByLabel(/J'ai encaissé 65,00/).check()
    await assertAccessible(admin)
    await admin.getByRole('button', { name: 'Remettre la commande' }).click()
    await admin.assertTextContains('[role="status"]', `Commande ${order.number} remise au client`)
    await admin.assertTextContains('main', 'code de retrait vérifié')
    await order.refresh()
    assert.equal(order.status, 'delivered')
    assert.isNotNull(order.paidAt)
  }).timeout(90_000)
})
