import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type { Page } from 'playwright'
import { CARDS } from '#tests/helpers/systempay_emulator'
import { kit, systempayShop } from '#tests/helpers/shop'

/** A guest fills the tunnel up to the review step with the given payment method, and orders. */
async function orderAs(page: Page, method: RegExp) {
  await page.getByRole('link', { name: 'Passer commande' }).click()
  await page.getByLabel('Adresse e-mail').fill('claire@example.fr')
  await page.getByRole('button', { name: 'Continuer' }).click()
  await kit.fillDeliveryAddress(page)
  await page.getByRole('button', { name: 'Continuer vers la livraison' }).click()
  await page.getByLabel(/Livraison à domicile/).check()
  await page.getByRole('button', { name: 'Continuer vers le paiement' }).click()
  await choosePaymentAndOrder(page, method)
}

async function choosePaymentAndOrder(page: Page, method: RegExp) {
  await page.getByLabel(method).check()
  await page.getByRole('button', { name: 'Continuer vers le récapitulatif' }).click()
  await page.getByLabel(/J'ai lu et j'accepte les conditions générales de vente/).check()
  await page.getByRole('button', { name: 'Commander avec obligation de paiement' }).click()
}

/**
 * On the gateway's page, where the shop's form took the shopper by itself
 * (the no-JS button is covered by the functional tests), pays with a card.
 */
async function payOnGateway(page: Page, origin: string, card: string) {
  const cardNumber = page.getByLabel('Numéro de carte')
  await cardNumber.waitFor({ timeout: 10_000 })
  if (!page.url().startsWith(origin)) throw new Error(`not on the gateway: ${page.url()}`)
  await cardNumber.fill(card)
  await page.getByLabel('Date d’expiration (MM/AA)').fill('12/30')
  await page.getByLabel('Cryptogramme visuel').fill('123')
  await page.getByRole('button', { name: 'Valider le paiement' }).click()
}

test.group('Systempay / a guest pays by card', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('pays on the gateway’s page and lands on the confirmation', async ({ visit, cleanup }) => {
    const { emulator } = await systempayShop(cleanup)
    const page = await visit('/')
    await addToCart(page, 'Sabot SABOT-CB')
    await orderAs(page, /Carte bancaire/)

    await payOnGateway(page, emulator.origin, CARDS.success)
    const order = await db.from('orders').firstOrFail()
    await page.assertPath(`/checkout/confirmation/${order.number}`)
    await page.assertTextContains('.order-number', order.number)
  })

  test('a refused card brings the guest back to review with the cart, who then pays by bank transfer', async ({
    visit,
    cleanup,
    assert,
  }) => {
    const { emulator } = await systempayShop(cleanup)
    const page = await visit('/')
    await addToCart(page, 'Sabot SABOT-CB')
    await orderAs(page, /Carte bancaire/)

    await payOnGateway(page, emulator.origin, CARDS.refused)
    await page.assertPath('/checkout/review')
    await page.assertTextContains('body', 'Le paiement a été refusé')
    await page.assertTextContains('.recap', 'Sabot SABOT-CB')
    const refused = await db.from('orders').firstOrFail()
    assert.equal(refused.status, 'cancelled')

    await page.goto('/checkout/payment')
    await choosePaymentAndOrder(page, /Virement bancaire/)
    const order = await db.from('orders').orderBy('id', 'desc').firstOrFail()
    assert.notEqual(order.id, refused.id)
    await page.assertPath(`/checkout/confirmation/${order.number}`)
    await page.assertTextContains('.instructions', 'FR76')
  })
})

async function addToCart(page: Page, name: string) {
  await page.getByRole('searchbox').fill('sabot')
  await page.getByRole('searchbox').press('Enter')
  await page.getByRole('link', { name }).first().click()
  await page.getByRole('button', { name: 'Ajouter au panier' }).click()
}
