import { test } from '@japa/runner'
import { clusterLane, nextTransId, transDate } from '#src/payment_form'
import { hasValidSignature } from '#src/signature'
import { SystempayPayment } from '#src/systempay_payment_provider'
import { SETTINGS, URLS, orderSnapshot } from '#tests/helpers/snapshots'

const NOW = new Date('2026-11-24T10:14:38.123Z')

async function start(settings = SETTINGS, customer: { id: number; email: string } | null = null) {
  const provider = new SystempayPayment(settings, () => NOW)
  const result = await provider.start(orderSnapshot(), 'en', URLS, {
    idempotencyKey: 'payment-1',
    customer,
  })
  if (result.kind !== 'form') throw new Error(`expected a form, got ${result.kind}`)
  return result
}

test.group('Systempay / payment form', () => {
  test('posts the documented vads_* fields of the whole order, signed', async ({ assert }) => {
    const form = await start()
    assert.equal(form.action, 'https://paiement.systempay.fr/vads-payment/')
    const { signature, vads_trans_id: transId, ...fields } = form.fields
    assert.deepEqual(fields, {
      vads_action_mode: 'INTERACTIVE',
      vads_amount: '5990',
      vads_ctx_mode: 'TEST',
      vads_currency: '978',
      vads_cust_email: 'claire@example.fr',
      vads_language: 'en',
      vads_order_id: 'CMD-2026-000042',
      vads_page_action: 'PAYMENT',
      vads_payment_config: 'SINGLE',
      vads_site_id: '12345678',
      vads_trans_date: '20261124101438',
      vads_url_cancel: URLS.cancel,
      vads_url_check: URLS.notify,
      vads_url_error: URLS.return,
      vads_url_refused: URLS.return,
      vads_url_return: URLS.return,
      vads_url_success: URLS.return,
      vads_version: 'V2',
    })
    assert.match(transId, /^\d{6}$/)
    // No vads_return_mode (NONE): the return URL carries no e-mail or card field.
    assert.notProperty(form.fields, 'vads_return_mode')
    assert.equal(form.reference, transId)
    assert.isTrue(hasValidSignature(form.fields, SETTINGS.testKey))
    assert.isFalse(hasValidSignature(form.fields, SETTINGS.productionKey!))
    assert.isString(signature)
  })

  test('signs with the production key in production and prefers the account’s e-mail', async ({
    assert,
  }) => {
    const form = await start(
      { ...SETTINGS, mode: 'PRODUCTION', paymentPageUrl: 'https://secure.payzen.eu/vads-payment/' },
      { id: 3, email: 'compte@example.fr' }
    )
    assert.equal(form.action, 'https://secure.payzen.eu/vads-payment/')
    assert.equal(form.fields.vads_ctx_mode, 'PRODUCTION')
    assert.equal(form.fields.vads_cust_email, 'compte@example.fr')
    assert.isTrue(hasValidSignature(form.fields, SETTINGS.productionKey!))
  })

  test('gives trans ids unique within the UTC day, from the time of day', ({ assert }) => {
    assert.equal(transDate(new Date('2026-01-02T03:04:05.678Z')), '20260102030405')
    const at = new Date('2026-03-01T00:00:01.250Z')
    const first = nextTransId(at)
    const second = nextTransId(at)
    const third = nextTransId(new Date('2026-03-01T00:00:01.299Z'))
    assert.equal(first, '000012')
    assert.deepEqual([second, third], ['000013', '000014'])
    // A new day starts again from its time of day.
    assert.equal(nextTransId(new Date('2026-03-02T00:00:00.000Z')), '000000')
    const evening = nextTransId(new Date('2026-03-02T23:59:59.999Z'))
    assert.equal(evening, '863999')
  })

  test('gives each worker of a cluster ids the others never give', ({ assert }) => {
    assert.deepEqual(clusterLane({ CLUSTER_WORKER: '2', CLUSTER_WORKERS: '3' }), {
      index: 1,
      count: 3,
    })
    assert.deepEqual(clusterLane({}), { index: 0, count: 1 })
    // Two workers starting a payment in the same tenth of a second.
    const at = new Date('2026-03-03T00:00:01.250Z')
    const first = nextTransId(at, { index: 0, count: 2 })
    const second = nextTransId(at, { index: 1, count: 2 })
    assert.deepEqual([first, second], ['000012', '000013'])
    // Worker 2 again within the same tenth: the next id of its own lane.
    assert.equal(nextTransId(at, { index: 1, count: 2 }), '000015')
  })

  test('is offered for the currencies the gateway takes, once its key is set', async ({
    assert,
  }) => {
    const context = (currency: string) => ({
      cart: orderSnapshot().cart,
      total: { amount: 100, currency },
      billingCountryCode: 'FR',
      shippingMethodCode: null,
    })
    const provider = new SystempayPayment(SETTINGS)
    assert.isTrue(await provider.isAvailable(context('EUR')))
    assert.isFalse(await provider.isAvailable(context('BRL')))
    const noProductionKey = new SystempayPayment({
      ...SETTINGS,
      mode: 'PRODUCTION',
      productionKey: undefined,
    })
    assert.isFalse(await noProductionKey.isAvailable(context('EUR')))
  })

  test('names its form target, window and brands', ({ assert }) => {
    const provider = new SystempayPayment({ ...SETTINGS, paymentWindowMinutes: 90 })
    assert.deepEqual(provider.formTargets(), ['https://paiement.systempay.fr'])
    assert.equal(provider.paymentWindowHours(), 1.5)
    assert.equal(new SystempayPayment(SETTINGS).paymentWindowHours(), 1)
    assert.deepEqual(
      provider.logos('fr').map((logo) => [logo.name, logo.file]),
      [
        ['CB', 'resources/logos/cb.svg'],
        ['Visa', 'resources/logos/visa.svg'],
        ['Mastercard', 'resources/logos/mastercard.svg'],
      ]
    )
    const payzen = new SystempayPayment({
      ...SETTINGS,
      paymentPageUrl: 'https://secure.payzen.eu/vads-payment/',
    })
    assert.deepEqual(payzen.formTargets(), ['https://secure.payzen.eu'])
    assert.equal(provider.label('fr'), 'Carte bancaire')
    assert.equal(provider.label('en'), 'Card payment')
  })
})
