import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { OrderSnapshot } from '@comptoir/contracts/commerce'
import type { PaymentProvider, PaymentUrls } from '@comptoir/contracts/payment_provider'
import { CARDS } from '#tests/helpers/stripe_emulator'
import { StripePayment } from '#src/stripe_payment_provider'
import { PLUGIN, kit, stripeOnEmulator } from '#tests/helpers/stripe_plugin'

/**
 * The provider through the official SDK against the emulator: what it asks
 * Stripe, with which idempotency keys, and how it reads the answers. The
 * shop's own completion path is covered in stripe_checkout.spec.ts.
 */

const order: OrderSnapshot = {
  id: 1,
  reference: 'CMD-2026-000042',
  total: { amount: 5980, currency: 'EUR' },
  cart: {
    currency: 'EUR',
    locale: 'fr',
    subtotal: { amount: 5000, currency: 'EUR' },
    lines: [],
    customerEmail: 'claire@example.fr',
  },
  shippingAddress: null,
  billingAddress: { countryCode: 'FR', postalCode: '75011', city: 'Paris', lines: ['1 rue'] },
  shippingMethodCode: 'table-rates',
  placedAt: new Date(),
}

const urls: PaymentUrls = {
  return: 'http://shop.test/checkout/payments/CMD-2026-000042/return',
  cancel: 'http://shop.test/checkout/payments/CMD-2026-000042/cancel',
  notify: 'http://shop.test/payments/stripe/notifications',
}

/** Starts paying an order and returns where Stripe sends the shopper, and the session id. */
async function checkoutSession(provider: PaymentProvider, snapshot = order) {
  const start = await provider.start(snapshot, 'fr', urls, {
    idempotencyKey: `payment-${snapshot.reference}`,
    customer: null,
  })
  if (start.kind !== 'redirect' || !start.reference) throw new Error(`no session: ${start.kind}`)
  return { url: start.url, reference: start.reference }
}

test.group('Stripe provider against the emulator', () => {
  test('is enabled only with both secrets and a window Stripe accepts', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { kernel } = await kit.usePluginSandbox(cleanup)
    await kit.runAce('plugin:install', [app.makePath('plugins', PLUGIN)])
    const refused = await kit.runAce('plugin:enable', [PLUGIN])
    assert.equal(refused.exitCode, 1)
    assert.include(refused.output, 'needs valid settings')

    const invalid = await kernel.lifecycle.saveSettings(
      PLUGIN,
      { secretKey: '', webhookSecret: 'whsec_1', capture: 'later', paymentWindowMinutes: '20' },
      'en',
      kit.cliActor()
    )
    assert.sameMembers(Object.keys(invalid.valid ? {} : invalid.errors), [
      'secretKey',
      'capture',
      'paymentWindowMinutes',
    ])

    const saved = await kernel.lifecycle.saveSettings(
      PLUGIN,
      {
        secretKey: 'sk_test_1',
        webhookSecret: 'whsec_1',
        capture: 'manual',
        paymentMethodTypes: '',
      },
      'en',
      kit.cliActor()
    )
    assert.isTrue(saved.valid)
    const row = await db.from('plugins').where('name', PLUGIN).first()
    // Secrets are stored encrypted, never in clear.
    assert.notInclude(JSON.stringify(row.settings), 'sk_test_1')
    const enabled = await kit.runAce('plugin:enable', [PLUGIN])
    assert.equal(enabled.exitCode, 0, enabled.output)
    const [{ provider }] = await kernel.registry.providers('payment')
    assert.equal(provider.label('fr'), 'Carte bancaire')
    assert.equal(provider.paymentWindowHours(), 1)
    assert.deepEqual(provider.formTargets(), ['https://checkout.stripe.com'])
    assert.isTrue(provider.canRefund())

    // LEGAL.md P-04: the brand logos pass the core's checks and are served.
    for (const logo of provider.logos('fr')) {
      const served = await client.get(
        `/plugins/${PLUGIN}/assets/${logo.file.replace('resources/', '')}`
      )
      served.assertStatus(200)
      assert.include(served.header('content-type'), 'image/svg+xml')
    }
  })

  test('starts a Checkout Session for the order total, once per attempt', async ({
    assert,
    cleanup,
  }) => {
    const { emulator, provider } = await stripeOnEmulator(cleanup, { paymentWindowMinutes: 45 })
    assert.equal(provider.paymentWindowHours(), 0.75)
    assert.deepEqual(provider.formTargets(), [emulator.baseUrl])
    // LEGAL.md P-04: the card brands taken are shown with the method.
    assert.deepEqual(
      provider.logos('fr').map((logo) => logo.name),
      ['CB', 'Visa', 'Mastercard']
    )

    const start = await provider.start(order, 'en', urls, {
      idempotencyKey: 'payment-2',
      customer: null,
    })
    const again = await provider.start(order, 'en', urls, {
      idempotencyKey: 'payment-2',
      customer: null,
    })

    assert.equal(start.kind, 'redirect')
    if (start.kind !== 'redirect') return
    assert.deepEqual(again, start)
    assert.match(start.reference!, /^cs_test_/)
    assert.equal(start.url, `${emulator.baseUrl}/pay/${start.reference}`)
    const [create, retry] = emulator.requestsTo('POST', '/v1/checkout/sessions')
    assert.equal(create.idempotencyKey, retry.idempotencyKey)
    assert.match(create.idempotencyKey!, /^comptoir-session-payment-2-\d+$/)
    assert.equal(emulator.sessions.size, 1)
    const params = create.params
    assert.deepInclude(params, {
      mode: 'payment',
      client_reference_id: 'CMD-2026-000042',
      customer_email: 'claire@example.fr',
      locale: 'en',
      success_url: `${urls.return}?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: urls.cancel,
      allowed_payment_method_types: ['card'],
    })
    assert.deepEqual(params.metadata, { order_reference: 'CMD-2026-000042' })
    assert.deepEqual(params.payment_intent_data, {
      capture_method: 'automatic',
      metadata: { order_reference: 'CMD-2026-000042' },
    })
    assert.deepEqual(params.line_items, [
      {
        quantity: '1',
        price_data: {
          currency: 'eur',
          unit_amount: '5980',
          product_data: { name: 'Order CMD-2026-000042' },
        },
      },
    ])
    const window = Number(params.expires_at) - Date.now() / 1000
    assert.isAtLeast(window, 45 * 60)
    assert.isBelow(window, 46 * 60 + 5)
  })

  test('a new attempt a minute later gets a new session; Stripe accepts the window ends', async ({
    assert,
    cleanup,
  }) => {
    const { emulator, provider } = await stripeOnEmulator(cleanup, { paymentWindowMinutes: 30 })
    const stripe = provider as StripePayment
    const now = Date.now()
    const first = await stripe.sessionParams(order, 'fr', urls, null, now)
    const later = await stripe.sessionParams(order, 'fr', urls, null, now + 61_000)
    assert.notEqual(first.expires_at, later.expires_at)
    assert.lengthOf(emulator.requests, 0)

    // Stripe keeps a session open 30 minutes to 24 hours from the moment it is created.
    const settings = { ...stripe['settings'] }
    const longest = new StripePayment({ ...settings, paymentWindowMinutes: 1440 })
    for (const at of [now - (now % 60_000), now - (now % 60_000) + 59_999]) {
      const seconds = at / 1000
      const shortest = await stripe.sessionParams(order, 'fr', urls, null, at)
      const longer = await longest.sessionParams(order, 'fr', urls, null, at)
      assert.isAtLeast(shortest.expires_at! - seconds, 30 * 60)
      assert.isAtMost(longer.expires_at! - seconds, 24 * 60 * 60)
    }
    await checkoutSession(stripe)
    assert.equal(emulator.sessions.size, 1)
    // A wrong key is a provider fault (thrown), which the core logs and shows the merchant.
    const wrongKey = new StripePayment({ ...settings, secretKey: 'sk_test_wrong' })
    await assert.rejects(
      () => wrongKey.start(order, 'fr', urls, { idempotencyKey: 'payment-3', customer: null }),
      /Invalid API Key/
    )
    assert.equal(emulator.sessions.size, 1)
  })

  test('a signed completed event is re-read from the API before it is reported', async ({
    assert,
    cleanup,
  }) => {
    const { emulator, provider } = await stripeOnEmulator(cleanup)
    const start = await checkoutSession(provider)
    const { event } = await emulator.pay(start.reference, { number: CARDS.success })
    // The event's copy claims another amount: only the API's is believed.
    event!.data.object.amount_total = 1
    const payload = JSON.stringify(event)
    const notification = {
      headers: { 'stripe-signature': emulator.signature(payload) },
      rawBody: payload,
    }

    const reported = await provider.handleNotification(notification)

    assert.deepEqual(reported, {
      kind: 'captured',
      orderReference: 'CMD-2026-000042',
      eventId: event!.id,
      transactionId: emulator.sessions.get(start.reference)!.payment_intent,
      amount: { amount: 5980, currency: 'EUR' },
    })
    const read = emulator.requestsTo('GET', `/v1/checkout/sessions/${start.reference}`)
    assert.deepEqual(read[0].params, { expand: ['payment_intent'] })
  })

  test('a bad signature, a changed body or no header is rejected; other or unknown events ignored', async ({
    assert,
    cleanup,
  }) => {
    const { emulator, provider } = await stripeOnEmulator(cleanup)
    const event = emulator.event('checkout.session.completed', { id: 'cs_test_x' })
    const payload = JSON.stringify(event)
    const forged = await provider.handleNotification({
      headers: { 'stripe-signature': emulator.signature(payload, 'whsec_someone_else') },
      rawBody: payload,
    })
    const changed = await provider.handleNotification({
      headers: { 'stripe-signature': emulator.signature(payload) },
      rawBody: payload.replace('cs_test_x', 'cs_test_y'),
    })
    const unsigned = await provider.handleNotification({ headers: {}, rawBody: payload })
    assert.equal(forged.kind, 'rejected')
    assert.equal(changed.kind, 'rejected')
    assert.equal(unsigned.kind, 'rejected')

    const unknown = JSON.stringify(emulator.event('checkout.session.completed', { id: 'cs_gone' }))
    assert.deepInclude(
      await provider.handleNotification({
        headers: { 'stripe-signature': emulator.signature(unknown) },
        rawBody: unknown,
      }),
      { kind: 'ignored' }
    )
    const other = JSON.stringify(emulator.event('customer.created', { id: 'cus_1' }))
    assert.deepEqual(
      await provider.handleNotification({
        headers: { 'stripe-signature': emulator.signature(other) },
        rawBody: other,
      }),
      { kind: 'ignored', reason: 'event type customer.created' }
    )
    // Only the unknown session was looked up: bad signatures and other types never reach the API.
    assert.deepEqual(
      emulator.requests.map((request) => request.path),
      ['/v1/checkout/sessions/cs_gone']
    )
  })

  test('cancel expires the open session, or reports the payment made meanwhile', async ({
    assert,
    cleanup,
  }) => {
    const { emulator, provider } = await stripeOnEmulator(cleanup)
    const first = await checkoutSession(provider)
    const attempt = { order, reference: first.reference, transactionId: null }

    assert.deepInclude(await provider.cancel(attempt), { kind: 'cancelled', eventId: null })
    assert.equal(emulator.sessions.get(first.reference)!.status, 'expired')

    const second = { ...order, reference: 'CMD-2026-000043' }
    const paid = await checkoutSession(provider, second)
    await emulator.pay(paid.reference, { number: CARDS.success })
    const late = await provider.cancel({
      order: second,
      reference: paid.reference,
      transactionId: null,
    })
    assert.deepInclude(late, { kind: 'captured', orderReference: 'CMD-2026-000043' })
  })

  test('captures and refunds with the core keys; a refusal is a failed result', async ({
    assert,
    cleanup,
  }) => {
    const { emulator, provider } = await stripeOnEmulator(cleanup, { capture: 'manual' })
    const start = await checkoutSession(provider)
    await emulator.pay(start.reference, { number: CARDS.success })
    const attempt = { order, reference: start.reference, transactionId: null }
    assert.deepInclude(await provider.handleReturn(attempt, {}), {
      kind: 'authorized',
      amount: { amount: 5980, currency: 'EUR' },
    })

    const captured = await provider.capture(attempt, order.total, 'capture-7')
    assert.deepInclude(captured, { kind: 'captured', amount: { amount: 5980, currency: 'EUR' } })
    const refund = await provider.refund(attempt, { amount: 1500, currency: 'EUR' }, 'refund-3')
    const replayed = await provider.refund(attempt, { amount: 1500, currency: 'EUR' }, 'refund-3')
    assert.deepInclude(refund, { kind: 'refunded', amount: { amount: 1500, currency: 'EUR' } })
    assert.deepEqual(replayed, refund)
    assert.equal(emulator.refunds.size, 1)
    const tooMuch = await provider.refund(attempt, { amount: 9999, currency: 'EUR' }, 'refund-4')
    assert.equal(tooMuch.kind, 'failed')
    assert.include(tooMuch.kind === 'failed' ? tooMuch.reason : '', 'charge_already_refunded')

    assert.deepEqual(
      emulator.requests
        .filter((request) => request.method === 'POST' && !request.path.includes('sessions'))
        .map((request) => [request.path.replace(/pi_\w+/, 'pi'), request.idempotencyKey]),
      [
        ['/v1/payment_intents/pi/capture', 'capture-7'],
        ['/v1/refunds', 'refund-3'],
        ['/v1/refunds', 'refund-3'],
        ['/v1/refunds', 'refund-4'],
      ]
    )
  })

  test('a signed-in customer gets one Stripe Customer and Checkout offers to save cards', async ({
    assert,
    cleanup,
  }) => {
    const { emulator, provider } = await stripeOnEmulator(cleanup)
    const customer = { id: 91, email: 'claire@example.fr' }
    const start = await provider.start(order, 'fr', urls, { idempotencyKey: 'payment-4', customer })
    await provider.start({ ...order, reference: 'CMD-2026-000050' }, 'fr', urls, {
      idempotencyKey: 'payment-5',
      customer,
    })
    if (start.kind !== 'redirect') throw new Error(start.kind)

    const rows = await db.from('payment_stripe_customers').where('customer_id', 91)
    assert.lengthOf(rows, 1)
    assert.equal(emulator.customers.size, 1)
    assert.deepEqual(
      emulator.requestsTo('POST', '/v1/customers')[0].idempotencyKey,
      'comptoir-customer-91'
    )
    const session = emulator.sessions.get(start.reference!)!
    assert.equal(session.customer, rows[0].stripe_customer_id)
    assert.isNull(session.customer_email)
    assert.deepEqual(session.saved_payment_method_options, { payment_method_save: 'enabled' })
  })

  test("the emulator's hosted page takes Stripe's test cards, 3-D Secure included", async ({
    assert,
    cleanup,
  }) => {
    const { emulator, provider } = await stripeOnEmulator(cleanup)
    const start = await checkoutSession(provider)
    const post = (path: string, card: string) =>
      fetch(`${emulator.baseUrl}${path}`, {
        method: 'POST',
        body: new URLSearchParams({ card_number: card, card_expiry: '12/34', card_cvc: '123' }),
        redirect: 'manual',
      })

    const hosted = await fetch(start.url)
    const form = await hosted.text()
    assert.include(form, '<label for="card_number">Card number</label>')
    const declined = await post(`/pay/${start.reference}`, CARDS.declined)
    assert.equal(declined.status, 402)
    const page = await declined.text()
    assert.include(page, 'Your card was declined.')
    assert.include(page, `<a href="${urls.cancel}">Back</a>`)
    assert.equal(emulator.sessions.get(start.reference)!.status, 'open')

    const challenge = await post(`/pay/${start.reference}`, CARDS.threeDSecure)
    assert.include(await challenge.text(), '<button type="submit">Complete</button>')
    assert.equal(emulator.sessions.get(start.reference)!.status, 'open')
    const completed = await post(`/pay/${start.reference}/3ds`, CARDS.threeDSecure)
    assert.equal(completed.status, 303)
    assert.equal(completed.headers.get('location'), `${urls.return}?session_id=${start.reference}`)
    assert.equal(emulator.sessions.get(start.reference)!.status, 'complete')
  })
})
