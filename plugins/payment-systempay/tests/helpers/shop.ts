import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { CARDS, startSystempayEmulator } from '#tests/helpers/systempay_emulator'
import { Shopper } from '#tests/helpers/shopper'

type Cleanup = (handler: () => Promise<void> | void) => void

// The core's plugin test helpers, bound by the test bootstrap.
export const kit = await app.container.make('comptoir.plugin_test_kit')

export const PLUGIN = 'payment-systempay'
export const SHOP = {
  siteId: '12345678',
  testKey: '1122334455667788',
  restPassword: 'testpassword_X1',
}

/**
 * A shop that takes orders (the core's checkoutShop: catalog, CGV, table
 * rates, bank transfer), with this plugin installed from its folder and
 * enabled against a Lyra emulator, and a product of 49.90 EUR (5 in stock).
 */
export async function systempayShop(cleanup: Cleanup, options: { rest?: boolean } = {}) {
  const emulator = await startSystempayEmulator(SHOP)
  cleanup(() => emulator.close())
  const { catalog, kernel } = await kit.checkoutShop(cleanup)
  const install = await kit.runAce('plugin:install', [app.makePath('plugins', PLUGIN)])
  if (install.exitCode) throw new Error(`plugin:install: ${install.output}`)
  const settings = {
    siteId: SHOP.siteId,
    mode: 'TEST',
    testKey: SHOP.testKey,
    paymentPageUrl: emulator.paymentPageUrl,
    restApiUrl: emulator.restApiUrl,
    ...(options.rest === false ? {} : { restTestPassword: SHOP.restPassword }),
  }
  const saved = await kernel.lifecycle.saveSettings(PLUGIN, settings, 'fr', kit.cliActor())
  if (!saved.valid) throw new Error(`settings: ${JSON.stringify(saved.errors)}`)
  const enable = await kit.runAce('plugin:enable', [PLUGIN])
  if (enable.exitCode) throw new Error(`plugin:enable: ${enable.output}`)
  const variantId = await kit.productOnSale(catalog, 'SABOT-CB', { priceAmount: 4990 })
  return { emulator, kernel, variantId }
}

/**
 * A guest places an order paid by card: the shop's answer is the form to the
 * payment page, which the shopper posts to the gateway's card page.
 */
export async function orderAtPaymentPage(variantId: number) {
  const shopper = new Shopper()
  const placed = await shopper.placeOrder(variantId, 'systempay')
  if (placed.status !== 200) throw new Error(`place order: ${placed.status} ${placed.location}`)
  const form = Shopper.form(placed.text, 'vads_site_id')
  const page = await shopper.post(form.action, form.fields)
  const order = await db.from('orders').orderBy('id', 'desc').firstOrFail()
  return { shopper, placed, form, page, order }
}

/**
 * Pays on the gateway's card page with a test card; returns where the
 * gateway sends the browser back (the shop's return URL with its query).
 */
export async function payWithCard(
  shopper: Shopper,
  page: { text: string; url: URL },
  card: string = CARDS.success
) {
  const pay = Shopper.form(page.text, 'card_number')
  const answer = await shopper.post(new URL(pay.action, page.url).href, {
    card_number: card,
    expiry: '12/30',
    cvc: '123',
  })
  if (answer.status !== 302 || !answer.location)
    throw new Error(`gateway: ${answer.status} ${answer.text}`)
  return answer.location
}

/** The order, its last payment, and its documents as stored now. */
export async function stateOf(orderId: number) {
  const order = await db.from('orders').where('id', orderId).firstOrFail()
  const payment = await db
    .from('payments')
    .where('order_id', orderId)
    .orderBy('id', 'desc')
    .firstOrFail()
  const documents = await db.from('invoices').where('order_id', orderId).orderBy('id')
  return {
    status: order.status as string,
    paid: order.paid_at !== null,
    payment: payment.status as string,
    transactionId: payment.transaction_id as string | null,
    reference: payment.reference as string | null,
    invoices: documents.filter((d) => d.kind === 'invoice').length,
    creditNotes: documents.filter((d) => d.kind !== 'invoice').map((d) => Number(d.total_gross)),
  }
}
