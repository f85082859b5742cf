import { test } from '@japa/runner'
import type { PaymentAttempt } from '@comptoir/contracts/payment_provider'
import { SystempayPayment } from '#src/systempay_payment_provider'
import { SETTINGS, orderSnapshot } from '#tests/helpers/snapshots'
import { type SystempayEmulator, startSystempayEmulator } from '#tests/helpers/systempay_emulator'

const PASSWORD = 'testpassword_REST'

/** A captured payment of 59.90 EUR on the emulator, and the attempt the core would hand over. */
async function paidOnEmulator(cleanup: (handler: () => Promise<void>) => void) {
  const emulator = await startSystempayEmulator({ ...SETTINGS, restPassword: PASSWORD })
  cleanup(() => emulator.close())
  emulator.transactions.push({
    uuid: 'debit-uuid',
    orderId: 'CMD-2026-000042',
    amount: 5990,
    currency: 'EUR',
    operationType: 'DEBIT',
    status: 'RUNNING',
    detailedStatus: 'AUTHORISED',
    captured: false,
  })
  const attempt: PaymentAttempt = {
    order: orderSnapshot(),
    reference: '368782',
    transactionId: 'debit-uuid',
  }
  return { emulator, attempt }
}

function providerFor(emulator: SystempayEmulator, password = PASSWORD) {
  return new SystempayPayment({
    ...SETTINGS,
    restApiUrl: emulator.restApiUrl,
    restTestPassword: password,
  })
}

const EUR = (amount: number) => ({ amount, currency: 'EUR' })

test.group('Systempay / refunds through the REST API', () => {
  test('without a REST password the merchant refunds by hand', async ({ assert }) => {
    const provider = new SystempayPayment(SETTINGS)
    const attempt = { order: orderSnapshot(), reference: null, transactionId: 'x' }
    assert.deepEqual(await provider.refund(attempt, EUR(100), 'key-1'), { kind: 'unsupported' })
    const production = new SystempayPayment({
      ...SETTINGS,
      mode: 'PRODUCTION',
      restTestPassword: PASSWORD,
    })
    assert.deepEqual(await production.refund(attempt, EUR(100), 'key-1'), {
      kind: 'unsupported',
    })
  })

  test('refunds once captured, with Basic auth, the amount and our key', async ({
    assert,
    cleanup,
  }) => {
    const { emulator, attempt } = await paidOnEmulator(cleanup)
    const provider = providerFor(emulator)

    const early = await provider.refund(attempt, EUR(1500), 'refund-1')
    assert.deepEqual(early, {
      kind: 'failed',
      reason: 'PSP_539: the transaction is not captured yet',
    })
    emulator.remitToBank()

    const result = await provider.refund(attempt, EUR(1500), 'refund-1')
    const credit = emulator.transactions.find((t) => t.operationType === 'CREDIT')!
    assert.deepEqual(result, { kind: 'refunded', refundId: credit.uuid, amount: EUR(1500) })
    const call = emulator.restRequests.findLast((r) => r.service === 'Transaction/CancelOrRefund')!
    assert.isTrue(call.authorized)
    assert.deepEqual(call.body, {
      uuid: 'debit-uuid',
      amount: 1500,
      currency: 'EUR',
      resolutionMode: 'REFUND_ONLY',
      comment: 'Comptoir refund refund-1',
      metadata: { comptoirRefundKey: 'refund-1' },
    })

    const over = await provider.refund(attempt, EUR(5000), 'refund-2')
    assert.equal(over.kind, 'failed')
    const rest = await provider.refund(attempt, EUR(4490), 'refund-3')
    assert.equal(rest.kind, 'refunded')
    assert.lengthOf(
      emulator.transactions.filter((t) => t.operationType === 'CREDIT'),
      2
    )
  })

  test('a lost answer or a retry finds the refund instead of making another', async ({
    assert,
    cleanup,
  }) => {
    const { emulator, attempt } = await paidOnEmulator(cleanup)
    emulator.remitToBank()
    const provider = providerFor(emulator)

    emulator.cutNextRefund = 'answer'
    const first = await provider.refund(attempt, EUR(2000), 'refund-7')
    const retry = await provider.refund(attempt, EUR(2000), 'refund-7')

    const credits = emulator.transactions.filter((t) => t.operationType === 'CREDIT')
    assert.lengthOf(credits, 1)
    const refunded = { kind: 'refunded', refundId: credits[0].uuid, amount: EUR(2000) }
    assert.deepEqual(first, refunded)
    assert.deepEqual(retry, refunded)
    assert.deepEqual(
      emulator.restRequests.map((r) => r.service),
      ['Order/Get', 'Transaction/CancelOrRefund', 'Order/Get', 'Order/Get']
    )
  })

  test('a refund call without an answer and without a trace is a provider fault', async ({
    assert,
    cleanup,
  }) => {
    const { emulator, attempt } = await paidOnEmulator(cleanup)
    emulator.remitToBank()
    const provider = providerFor(emulator)
    emulator.cutNextRefund = 'request'
    await assert.rejects(() => provider.refund(attempt, EUR(2000), 'refund-8'))
    assert.isFalse(emulator.transactions.some((t) => t.operationType === 'CREDIT'))
    // The core asks again with the same key: now it goes through, once.
    const retry = await provider.refund(attempt, EUR(2000), 'refund-8')
    assert.equal(retry.kind, 'refunded')
    assert.lengthOf(
      emulator.transactions.filter((t) => t.operationType === 'CREDIT'),
      1
    )
  })

  test('a wrong password is a failed refund, not a refund', async ({ assert, cleanup }) => {
    const { emulator, attempt } = await paidOnEmulator(cleanup)
    emulator.remitToBank()
    const result = await providerFor(emulator, 'wrong').refund(attempt, EUR(100), 'refund-9')
    assert.deepEqual(result, { kind: 'failed', reason: 'HTTP_401' })
    assert.isFalse(emulator.transactions.some((t) => t.operationType === 'CREDIT'))
  })
})
