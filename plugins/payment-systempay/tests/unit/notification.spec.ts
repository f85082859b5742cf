import { test } from '@japa/runner'
import type { PaymentNotification } from '@comptoir/contracts/payment_provider'
import { signed } from '#src/signature'
import { SystempayPayment } from '#src/systempay_payment_provider'
import { fixture } from '#tests/helpers/systempay_emulator'
import { SETTINGS } from '#tests/helpers/snapshots'

/** An IPN as the core hands it over: the recorded fields, signed, form-urlencoded. */
function ipn(name: string, overrides: Record<string, string> = {}, key = SETTINGS.testKey) {
  const fields = signed({ ...fixture(name), ...overrides }, key)
  return notification(new URLSearchParams(fields).toString())
}

function notification(rawBody: string): PaymentNotification {
  return { headers: { 'content-type': 'application/x-www-form-urlencoded' }, rawBody }
}

const provider = new SystempayPayment(SETTINGS)

test.group('Systempay / IPN', () => {
  test('an authorised payment is captured, for the amount of the signed message', async ({
    assert,
  }) => {
    assert.deepEqual(await provider.handleNotification(ipn('ipn_authorised')), {
      kind: 'captured',
      orderReference: 'CMD-2026-000042',
      eventId: '8b2e3f6a1c4d4e7f9a0b2c3d4e5f6a7b:AUTHORISED',
      transactionId: '8b2e3f6a1c4d4e7f9a0b2c3d4e5f6a7b',
      amount: { amount: 5990, currency: 'EUR' },
    })
    const captured = await provider.handleNotification(
      ipn('ipn_authorised', { vads_trans_status: 'CAPTURED', vads_amount: '4990' })
    )
    assert.deepInclude(captured, {
      kind: 'captured',
      eventId: '8b2e3f6a1c4d4e7f9a0b2c3d4e5f6a7b:CAPTURED',
      amount: { amount: 4990, currency: 'EUR' },
    })
  })

  test('a payment to validate by hand is authorized', async ({ assert }) => {
    assert.deepInclude(await provider.handleNotification(ipn('ipn_authorised_to_validate')), {
      kind: 'authorized',
      transactionId: 'a7c9e1b3d5f74a2c8e0b4d6f1a3c5e7b',
      amount: { amount: 5990, currency: 'EUR' },
    })
  })

  test('a refused card fails, an abandoned, cancelled or expired payment is cancelled', async ({
    assert,
  }) => {
    assert.deepEqual(await provider.handleNotification(ipn('ipn_refused')), {
      kind: 'failed',
      orderReference: 'CMD-2026-000042',
      eventId: '3d5c7e9a2b4f4c6e8a1d3f5b7c9e2a4d:REFUSED',
      reason: 'refused (authorisation result 05)',
    })
    assert.deepEqual(await provider.handleNotification(ipn('ipn_abandoned')), {
      kind: 'cancelled',
      orderReference: 'CMD-2026-000042',
      eventId: '6f1a3c5e7b9d4f2a8c0e2b4d6f8a1c3e:ABANDONED',
      reason: 'abandoned',
    })
    const withoutUuid = await provider.handleNotification(
      ipn('ipn_abandoned', { vads_trans_uuid: '' })
    )
    assert.deepInclude(withoutUuid, { kind: 'cancelled', eventId: '20261124-368782:ABANDONED' })
    for (const status of ['CANCELLED', 'EXPIRED']) {
      const event = await provider.handleNotification(
        ipn('ipn_authorised', { vads_trans_status: status })
      )
      assert.equal(event.kind, 'cancelled')
    }
  })

  test('a refund made in the Lyra back office is reported as refunded', async ({ assert }) => {
    assert.deepEqual(await provider.handleNotification(ipn('ipn_refund_credit')), {
      kind: 'refunded',
      orderReference: 'CMD-2026-000042',
      eventId: 'e2b4d6f8a1c34e5a7c9e1b3d5f7a9c2e:CAPTURED',
      refunds: [
        { refundId: 'e2b4d6f8a1c34e5a7c9e1b3d5f7a9c2e', amount: { amount: 1500, currency: 'EUR' } },
      ],
    })
  })

  test('other statuses are ignored; an unknown currency is passed on as it is', async ({
    assert,
  }) => {
    for (const status of ['UNDER_VERIFICATION', 'WAITING_AUTHORISATION', 'ACCEPTED']) {
      const event = await provider.handleNotification(
        ipn('ipn_authorised', { vads_trans_status: status })
      )
      assert.equal(event.kind, 'ignored', status)
    }
    const noUuid = await provider.handleNotification(ipn('ipn_authorised', { vads_trans_uuid: '' }))
    assert.equal(noUuid.kind, 'ignored')
    const odd = await provider.handleNotification(ipn('ipn_authorised', { vads_currency: '999' }))
    assert.deepInclude(odd, { kind: 'captured', amount: { amount: 5990, currency: '999' } })
  })

  test('rejects a bad, missing or foreign signature and another shop', async ({ assert }) => {
    const good = new URLSearchParams(signed(fixture('ipn_authorised'), SETTINGS.testKey))
    const tampered = new URLSearchParams(good)
    tampered.set('vads_amount', '1')
    const unsigned = new URLSearchParams(good)
    unsigned.delete('signature')
    const cases = {
      tampered: notification(tampered.toString()),
      unsigned: notification(unsigned.toString()),
      wrongKey: ipn('ipn_authorised', {}, 'not the key'),
      productionKeyForTest: ipn('ipn_authorised', {}, SETTINGS.productionKey),
      anotherShop: ipn('ipn_authorised', { vads_site_id: '87654321' }),
      unknownMode: ipn('ipn_authorised', { vads_ctx_mode: 'DEMO' }),
      empty: notification(''),
    }
    for (const [name, input] of Object.entries(cases)) {
      const event = await provider.handleNotification(input)
      assert.equal(event.kind, 'rejected', name)
    }
  })

  test('checks each mode with its own key; a test payment never counts in production', async ({
    assert,
  }) => {
    const production = new SystempayPayment({ ...SETTINGS, mode: 'PRODUCTION' })
    const real = ipn('ipn_authorised', { vads_ctx_mode: 'PRODUCTION' }, SETTINGS.productionKey)
    const fake = ipn('ipn_authorised')
    assert.deepInclude(await production.handleNotification(real), { kind: 'captured' })
    assert.deepInclude(await production.handleNotification(fake), { kind: 'ignored' })
  })
})
