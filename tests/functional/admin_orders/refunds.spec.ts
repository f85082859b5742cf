import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import type { Amount } from '@comptoir/contracts/commerce'
import type { RefundResult } from '@comptoir/contracts/payment_provider'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import Invoice from '#models/invoice'
import type Order from '#models/order'
import OrderLine from '#models/order_line'
import Payment from '#models/payment'
import PaymentTransition from '#models/payment_transition'
import Refund from '#models/refund'
import OrderPayments from '#services/orders/order_payments'
import OrderRefunds from '#services/orders/order_refunds'
import ShipmentService from '#services/orders/shipment_service'
import { checkoutShop, placeOrder, productOnSale, statusOf, stockOf } from '#tests/helpers/checkout'
import { countRows } from '#tests/helpers/database'
import { cardProvider, shortRefundTimeout } from '#tests/helpers/payments'

const STAFF = { label: 'Claire (owner)', adminUserId: null }

async function paymentOf(order: Order) {
  return Payment.query().where('order_id', order.id).orderBy('id', 'desc').firstOrFail()
}

async function refundedOf(order: Order) {
  const payment = await paymentOf(order)
  return payment.refundedAmount
}

async function markPaid(order: Order) {
  const payments = await app.container.make(OrderPayments)
  await payments.markPaid(order.id, STAFF)
}

async function creditNotesOf(order: Order) {
  return Invoice.query().where('order_id', order.id).where('kind', 'credit_note').orderBy('id')
}

/** An order of 2 × A (20 €) and 1 × B (30 €) paid by card through `cardProvider`. */
async function cardOrder(
  catalog: Awaited<ReturnType<typeof checkoutShop>>['catalog'],
  skuPrefix = ''
) {
  const a = await productOnSale(catalog, `${skuPrefix}A-1`, { priceAmount: 2000, quantity: 5 })
  const b = await productOnSale(catalog, `${skuPrefix}B-1`, { priceAmount: 3000, quantity: 5 })
  const order = await placeOrder([
    { variantId: a, quantity: 2 },
    { variantId: b, quantity: 1 },
  ])
  const payments = await app.container.make(OrderPayments)
  await payments.start(order, 'fr')
  await order.refresh()
  const lines = await OrderLine.query().where('order_id', order.id).orderBy('position')
  return { order, lines, a, b }
}

test.group('Refunds', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('I-04: a manual refund of some units issues a credit note for exactly what goes back', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'A-1', { priceAmount: 2000, quantity: 5 })
    const order = await placeOrder([{ variantId, quantity: 3 }])
    await markPaid(order)
    const [line] = await OrderLine.query().where('order_id', order.id)
    const refunds = await app.container.make(OrderRefunds)

    // A bank transfer has no provider to send money back: the merchant did it.
    const throughProvider = await refunds.refund(
      order.id,
      {
        credit: { lines: [{ orderLineId: line.id, quantity: 1 }] },
        reason: 'Abîmé',
        mode: 'provider',
      },
      STAFF
    )
    assert.deepEqual(throughProvider, { kind: 'refused', reason: 'provider_cannot_refund' })

    const outcome = await refunds.refund(
      order.id,
      {
        credit: { lines: [{ orderLineId: line.id, quantity: 1 }] },
        reason: 'Abîmé',
        mode: 'manual',
      },
      STAFF
    )
    assert.equal(outcome.kind, 'refunded')
    const [note] = await creditNotesOf(order)
    assert.equal(note.totalGross, 2000)
    assert.equal(note.snapshot.creditNote!.reason, 'Abîmé')

    const payment = await paymentOf(order)
    assert.equal(payment.status, 'partially_refunded')
    assert.equal(payment.refundedAmount, 2000)
    const transition = await PaymentTransition.query()
      .where('payment_id', payment.id)
      .orderBy('id', 'desc')
      .firstOrFail()
    assert.deepEqual(
      [transition.fromStatus, transition.toStatus, transition.amount, transition.actor],
      ['captured', 'partially_refunded', 2000, 'Claire (owner)']
    )
    const refund = await Refund.findByOrFail('order_id', order.id)
    assert.deepEqual(
      [refund.status, refund.mode, refund.amount, refund.creditNoteId],
      ['completed', 'manual', 2000, note.id]
    )
    // A partial refund does not stop fulfilment, and takes no stock back by itself.
    assert.equal(await statusOf(order.id), 'paid')
    assert.equal(await stockOf(variantId), 2)
  })

  test('refunding everything left ends the order refunded; nothing more can go back', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'A-1', { priceAmount: 2000, quantity: 5 })
    const order = await placeOrder([{ variantId, quantity: 2 }])
    await markPaid(order)
    const [line] = await OrderLine.query().where('order_id', order.id)
    const refunds = await app.container.make(OrderRefunds)
    const manual = (credit: Parameters<OrderRefunds['refund']>[1]['credit']) =>
      refunds.refund(order.id, { credit, reason: 'Retour', mode: 'manual' }, STAFF)

    const gesture = await manual({ amount: 500 })
    assert.equal(gesture.kind, 'refunded')
    const tooMuch = await manual({ lines: [{ orderLineId: line.id, quantity: 3 }] })
    assert.deepEqual(tooMuch, { kind: 'refused', reason: 'credit_quantity_exceeded' })
    assert.deepEqual(await manual({}), { kind: 'refused', reason: 'credit_empty' })

    // The goods and the delivery are more than what is left after the 5 € gesture.
    const whole = await manual({ lines: [{ orderLineId: line.id, quantity: 2 }], shipping: true })
    assert.deepEqual(whole, { kind: 'refused', reason: 'credit_amount_exceeded' })
    const rest = await manual({ amount: order.total - 500 })
    assert.equal(rest.kind, 'refunded')

    const payment = await paymentOf(order)
    assert.equal(payment.status, 'refunded')
    assert.equal(payment.refundedAmount, order.total)
    assert.equal(await statusOf(order.id), 'refunded')
    const notes = await creditNotesOf(order)
    assert.deepEqual(
      notes.map((note) => note.totalGross),
      [500, order.total - 500]
    )
    assert.deepEqual(await manual({ amount: 100 }), {
      kind: 'refused',
      reason: 'nothing_to_refund',
    })
  })

  test('a card refund goes through the provider with an idempotency key, then is credited', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const requests = await cardProvider(cleanup, async (amount) => ({
      kind: 'refunded',
      refundId: 're_42',
      amount,
    }))
    const { order, lines } = await cardOrder(catalog)
    assert.equal(order.status, 'paid')

    const refunds = await app.container.make(OrderRefunds)
    const outcome = await refunds.refund(
      order.id,
      {
        credit: { lines: [{ orderLineId: lines[1].id, quantity: 1 }] },
        reason: 'Taille',
        mode: 'provider',
      },
      STAFF
    )
    assert.equal(outcome.kind, 'refunded')
    assert.lengthOf(requests, 1)
    assert.equal(requests[0].reference, order.number)
    assert.deepEqual(requests[0].amount, { amount: 3000, currency: 'EUR' })
    const refund = await Refund.findByOrFail('order_id', order.id)
    assert.equal(requests[0].key, refund.idempotencyKey)
    assert.deepEqual(
      [refund.status, refund.providerRefundId, refund.amount],
      ['completed', 're_42', 3000]
    )
    assert.equal(await refundedOf(order), 3000)
    assert.lengthOf(await creditNotesOf(order), 1)
  })

  test('a provider that cannot or does not refund changes nothing and says why', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    let answer: () => Promise<RefundResult> = async () => ({ kind: 'unsupported' })
    await cardProvider(cleanup, () => answer())
    const { order, lines } = await cardOrder(catalog)
    const refunds = await app.container.make(OrderRefunds)
    const oneUnit = {
      credit: { lines: [{ orderLineId: lines[0].id, quantity: 1 }] },
      reason: 'Retour',
      mode: 'provider' as const,
    }

    assert.deepEqual(await refunds.refund(order.id, oneUnit, STAFF), {
      kind: 'refused',
      reason: 'provider_cannot_refund',
    })
    answer = async () => ({ kind: 'failed', reason: 'card expired' })
    assert.deepEqual(await refunds.refund(order.id, oneUnit, STAFF), {
      kind: 'refused',
      reason: 'provider_failed',
      detail: 'card expired',
    })
    answer = async () => {
      throw new Error('PSP unreachable')
    }
    assert.deepEqual(await refunds.refund(order.id, oneUnit, STAFF), {
      kind: 'refused',
      reason: 'provider_failed',
      detail: 'PSP unreachable',
    })

    const payment = await paymentOf(order)
    assert.deepEqual([payment.status, payment.refundedAmount], ['captured', 0])
    assert.lengthOf(await creditNotesOf(order), 0)
    const failed = await Refund.query().where('order_id', order.id).orderBy('id')
    assert.deepEqual(
      failed.map((refund) => refund.status),
      ['failed', 'failed', 'failed']
    )

    // The merchant refunds by hand instead: recorded with its credit note.
    const manual = await refunds.refund(order.id, { ...oneUnit, mode: 'manual' }, STAFF)
    assert.equal(manual.kind, 'refunded')
    assert.equal(await refundedOf(order), 2000)
  })

  test('while the provider answers, no other refund starts; a retry reuses the key and pays once', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    let release!: () => void
    const answered = new Promise<void>((resolve) => (release = resolve))
    const requests = await cardProvider(cleanup, async (amount) => {
      await answered
      return { kind: 'refunded', refundId: 're_1', amount }
    })
    const { order, lines } = await cardOrder(catalog)
    const refunds = await app.container.make(OrderRefunds)
    const request = {
      credit: { lines: [{ orderLineId: lines[0].id, quantity: 2 }] },
      reason: 'Retour',
      mode: 'provider' as const,
    }

    const first = refunds.refund(order.id, request, STAFF)
    // Wait for the reservation, as a second click in the admin would.
    let pending: Refund | null = null
    while (!pending) {
      pending = await Refund.query().where('order_id', order.id).where('status', 'pending').first()
    }
    assert.deepEqual(await refunds.refund(order.id, request, STAFF), {
      kind: 'refused',
      reason: 'refund_in_progress',
    })
    const retry = refunds.settle(pending.id)
    release()
    const outcomes = await Promise.all([first, retry])

    assert.deepEqual(
      outcomes.map((outcome) => outcome.kind),
      ['refunded', 'refunded']
    )
    assert.deepEqual(
      requests.map((sent) => sent.key),
      [pending.idempotencyKey, pending.idempotencyKey]
    )
    assert.lengthOf(await creditNotesOf(order), 1)
    assert.equal(await refundedOf(order), 4000)
  })

  test('a provider that does not answer in time leaves the refund pending, asked again later', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    let answer: (amount: Amount) => Promise<RefundResult> = () => new Promise(() => {})
    await cardProvider(cleanup, (amount) => answer(amount))
    const { order, lines } = await cardOrder(catalog)
    shortRefundTimeout(cleanup)
    const refunds = await app.container.make(OrderRefunds)

    const outcome = await refunds.refund(
      order.id,
      {
        credit: { lines: [{ orderLineId: lines[1].id, quantity: 1 }] },
        reason: 'Taille',
        mode: 'provider',
      },
      STAFF
    )
    // The provider may have paid: nothing failed, nothing credited, the refund waits.
    assert.deepEqual(outcome, { kind: 'refused', reason: 'provider_no_answer' })
    const pending = await Refund.findByOrFail('order_id', order.id)
    assert.equal(pending.status, 'pending')
    assert.lengthOf(await creditNotesOf(order), 0)

    answer = async (amount) => ({ kind: 'refunded', refundId: 're_7', amount })
    const settled = await refunds.settle(pending.id)
    assert.equal(settled.kind, 'refunded')
    assert.lengthOf(await creditNotesOf(order), 1)
    assert.equal(await refundedOf(order), 3000)
  })

  test('cancelling a paid order before it ships refunds it in full, with stock and a credit note', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    await cardProvider(cleanup, async (amount) => ({ kind: 'refunded', refundId: 're_9', amount }))
    const { order, a, b } = await cardOrder(catalog)
    assert.deepEqual([await stockOf(a), await stockOf(b)], [3, 4])
    const refunds = await app.container.make(OrderRefunds)

    const outcome = await refunds.cancelPaid(
      order.id,
      { reason: 'Rupture chez le fournisseur', mode: 'provider' },
      STAFF
    )
    assert.equal(outcome.kind, 'refunded')
    assert.equal(await statusOf(order.id), 'cancelled')
    assert.deepEqual([await stockOf(a), await stockOf(b)], [5, 5])
    const [note] = await creditNotesOf(order)
    assert.equal(note.totalGross, order.total)
    const payment = await paymentOf(order)
    assert.deepEqual([payment.status, payment.refundedAmount], ['refunded', order.total])

    // Once a parcel left, cancelling is refused: the goods are refunded when they come back.
    const shipped = await cardOrder(catalog, 'S-')
    const shipments = await app.container.make(ShipmentService)
    await shipments.ship(
      shipped.order.id,
      { lines: [{ orderLineId: shipped.lines[0].id, quantity: 1 }] },
      STAFF
    )
    assert.deepEqual(
      await refunds.cancelPaid(shipped.order.id, { reason: 'Trop tard', mode: 'manual' }, STAFF),
      { kind: 'refused', reason: 'already_shipped' }
    )
  })

  test('the order page refunds through its form, with translated errors; support cannot', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'A-1', { priceAmount: 2000, quantity: 5 })
    const order = await placeOrder([{ variantId, quantity: 2 }])
    await markPaid(order)
    const [line] = await OrderLine.query().where('order_id', order.id)
    const owner = await AdminUserFactory.create()

    const page = await client.get(`/admin/orders/${order.id}`).loginAs(owner)
    page.assertStatus(200)
    assert.include(page.text(), `action="/admin/orders/${order.id}/refunds"`)
    assert.include(page.text(), `action="/admin/orders/${order.id}/paid-cancellation"`)
    // A bank transfer is refunded by hand only.
    assert.include(page.text(), 'Enregistrer un remboursement déjà fait')
    assert.notInclude(page.text(), 'value="provider"')

    const invalid = await client
      .post(`/admin/orders/${order.id}/refunds`)
      .form({ reason: 'Geste', mode: 'manual', amount: 'beaucoup' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    invalid.assertFlashMessage(
      'error',
      'Le formulaire contient des erreurs : corrigez les champs signalés.'
    )
    invalid.assertFlashMessage('inputErrorsBag', {
      amount: ['Saisissez un montant en euros supérieur à zéro, par exemple 5 ou 5,90.'],
    })

    const refundForm = {
      'lines[0][order_line_id]': String(line.id),
      'lines[0][quantity]': '1',
      'amount': '2,50',
      'reason': 'Article abîmé',
      'mode': 'manual',
      'request_key': randomUUID(),
    }
    const refunded = await client
      .post(`/admin/orders/${order.id}/refunds`)
      .form(refundForm)
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    refunded.assertFlashMessage(
      'success',
      `Remboursement de la commande ${order.number} enregistré, avoir émis.`
    )
    // The same form sent again (a double click) is the same refund.
    await client
      .post(`/admin/orders/${order.id}/refunds`)
      .form(refundForm)
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    const [note, ...others] = await creditNotesOf(order)
    assert.equal(note.totalGross, 2250)
    assert.lengthOf(others, 0)

    const support = await AdminUserFactory.apply('support').create()
    const forbidden = await client
      .post(`/admin/orders/${order.id}/refunds`)
      .form({ amount: '1', reason: 'x', mode: 'manual' })
      .withCsrfToken()
      .loginAs(support)
    forbidden.assertStatus(403)
    assert.equal(await countRows('refunds'), 1)
  })
})
