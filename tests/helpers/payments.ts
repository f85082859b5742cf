import app from '@adonisjs/core/services/app'
import type { Amount, OrderSnapshot } from '@comptoir/contracts/commerce'
import type { PaymentProvider, RefundResult } from '@comptoir/contracts/payment_provider'
import PaymentOptions from '#services/checkout/payment_options'
import OrderRefunds from '#services/orders/order_refunds'

/**
 * A card-like provider standing in for a PSP, in place of the bank transfer:
 * it takes the money at once (no instructions, so the payment is refunded
 * through it) and answers refunds as the test tells it, keeping every
 * request it received.
 */
export async function cardProvider(
  cleanup: (handler: () => void) => void,
  answer: (amount: Amount, key: string) => Promise<RefundResult>
) {
  const options = await app.container.make(PaymentOptions)
  const bankTransfer = (await options.provider('bank-transfer'))!
  const requests: { reference: string; amount: Amount; key: string }[] = []
  const card: PaymentProvider = Object.assign(Object.create(bankTransfer), {
    start: async () => ({ kind: 'captured', transactionId: 'ch_1' }),
    refund: async (order: OrderSnapshot, amount: Amount, key: string) => {
      requests.push({ reference: order.reference, amount, key })
      return answer(amount, key)
    },
  })
  app.container.swap(PaymentOptions, () => {
    const swapped = new PaymentOptions(options['kernel'])
    swapped.provider = async () => card
    return swapped
  })
  cleanup(() => app.container.restore(PaymentOptions))
  return requests
}

/** Providers get 50 ms to answer a refund for the rest of the test. */
export function shortRefundTimeout(cleanup: (handler: () => void) => void) {
  const timeout = OrderRefunds.providerTimeoutMs
  OrderRefunds.providerTimeoutMs = 50
  cleanup(() => {
    OrderRefunds.providerTimeoutMs = timeout
  })
}
