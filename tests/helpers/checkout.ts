import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { Address, Locale } from '@comptoir/contracts/commerce'
import DemoSeeder from '#database/seeders/demo_seeder'
import { DEMO_PLUGINS } from '#database/demo/plugins'
import CartService from '#services/cart/cart_service'
import CheckoutService, { type Shopper } from '#services/checkout/checkout_service'
import OrderPayments from '#services/orders/order_payments'
import OrderPlacement from '#services/orders/order_placement'
import type Cart from '#models/cart'
import Order from '#models/order'
import { createCatalogFixture } from '#tests/helpers/catalog'
import { cliActor } from '#plugin_kernel/plugin_lifecycle'
import { runAce, usePluginSandbox } from '#tests/helpers/plugins'

export const PARIS_ADDRESS: Address = {
  firstName: 'Claire',
  lastName: 'Martin',
  lines: ['12 rue des Lilas'],
  postalCode: '75011',
  city: 'Paris',
  countryCode: 'FR',
}

/**
 * Installs some of the demo shop's plugins in one sandbox, with the demo
 * settings and demo data (shipping rates, stores), and enables them.
 */
export async function demoPlugins(
  cleanup: (handler: () => Promise<void>) => void,
  names: string[]
) {
  const { kernel } = await usePluginSandbox(cleanup)
  for (const name of names) {
    const plugin = DEMO_PLUGINS.find((candidate) => candidate.name === name)!
    const install = await runAce('plugin:install', [app.makePath('plugins', name)])
    if (install.exitCode) throw new Error(`plugin:install ${name}: ${install.output}`)
    const saved = await kernel.lifecycle.saveSettings(name, plugin.settings, 'fr', cliActor())
    if (!saved.valid) throw new Error(`settings of ${name}: ${JSON.stringify(saved.errors)}`)
    await kernel.lifecycle.seedDemo(name)
    const enable = await runAce('plugin:enable', [name])
    if (enable.exitCode) throw new Error(`plugin:enable ${name}: ${enable.output}`)
  }
  return kernel
}

/**
 * A shop that takes orders: the test catalog, the demo CGV published, and the
 * given plugins (table rates and bank transfer by default).
 */
export async function checkoutShop(
  cleanup: (handler: () => Promise<void>) => void,
  plugins = ['shipping-table-rates', 'payment-bank-transfer']
) {
  const catalog = await createCatalogFixture()
  await new DemoSeeder(db.connection()).seedLegal(['terms'])
  const kernel = await demoPlugins(cleanup, plugins)
  return { catalog, kernel }
}

/**
 * A cart holding the given variants, with the checkout filled in up to the
 * review step for table-rate delivery and bank transfer (or what is given).
 */
export async function cartReadyToOrder(
  lines: { variantId: number; quantity: number }[],
  checkout: { shipping?: string; pickupPoint?: string; payment?: string; email?: string } = {}
): Promise<Cart> {
  const carts = await app.container.make(CartService)
  const cart = await carts.create()
  for (const line of lines) await carts.add(cart, line.variantId, line.quantity)
  await carts.saveCheckout(cart, {
    email: checkout.email ?? 'claire@example.fr',
    shippingAddress: PARIS_ADDRESS,
    billingAddress: null,
    shipping: {
      methodCode: checkout.shipping ?? 'table-rates',
      ...(checkout.pickupPoint ? { pickupPointCode: checkout.pickupPoint } : {}),
    },
    paymentMethodCode: checkout.payment ?? 'bank-transfer',
  })
  return cart
}

/**
 * A simple product on sale (5 units at the warehouse unless told otherwise);
 * returns its variant's id.
 */
export async function productOnSale(
  catalog: Awaited<ReturnType<typeof createCatalogFixture>>,
  sku: string,
  variant: { priceAmount?: number; quantity?: number } = {}
): Promise<number> {
  const product = await catalog.createProduct({ fr: `Sabot ${sku}`, en: `Clog ${sku}` }, [
    {
      sku,
      priceAmount: variant.priceAmount ?? 4990,
      stock: [
        {
          stockLocationId: catalog.warehouse.id,
          quantity: variant.quantity ?? 5,
          safetyThreshold: 0,
        },
      ],
    },
  ])
  await product.load('variants')
  return product.variants[0].id
}

/** An order's status as stored now. */
/** Units of a variant in stock, all locations together. */
export async function stockOf(variantId: number) {
  const row = await db
    .from('stock_levels')
    .where('variant_id', variantId)
    .sum('quantity as total')
    .first()
  return Number(row.total)
}

export async function statusOf(orderId: number) {
  const order = await Order.findOrFail(orderId)
  return order.status
}

export interface PlacementOptions {
  locale?: Locale
  shopper?: Shopper
  termsAccepted?: boolean
  ip?: string | null
}

/**
 * Places a cart's order as the review page does: the total it showed, the
 * CGV accepted (unless told otherwise), a guest unless a shopper is given.
 */
export async function placeCart(cart: Cart, options: PlacementOptions = {}): Promise<Order> {
  const locale = options.locale ?? 'fr'
  const shopper = options.shopper ?? { customerId: null, email: null }
  const checkout = await app.container.make(CheckoutService)
  const summary = await checkout.summary(cart, locale, shopper)
  const placement = await app.container.make(OrderPlacement)
  return placement.place(cart, {
    locale,
    shopper,
    ip: options.ip === undefined ? '203.0.113.9' : options.ip,
    termsAccepted: options.termsAccepted ?? true,
    expectedTotal: summary.totals.total,
  })
}

/**
 * An order placed the way the storefront places it (checkoutShop first), its
 * payment started so an offline method carries its instructions.
 */
export async function placeOrder(
  lines: { variantId: number; quantity: number }[],
  options: PlacementOptions & { checkout?: Parameters<typeof cartReadyToOrder>[1] } = {}
): Promise<Order> {
  const cart = await cartReadyToOrder(lines, options.checkout)
  const order = await placeCart(cart, options)
  const payments = await app.container.make(OrderPayments)
  await payments.start(order, options.locale ?? 'fr')
  return order
}
