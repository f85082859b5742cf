import type { Amount } from '@comptoir/contracts/commerce'

/** A Lyra REST V4 answer: `SUCCESS` with the object, or `ERROR` with a code and message. */
export type LyraAnswer =
  | { status: 'SUCCESS'; answer: Record<string, any> }
  | { status: 'ERROR'; answer: { errorCode?: string; errorMessage?: string } }

/** A Lyra transaction as REST V4 describes it (amount in minor units, alphabetic currency). */
export interface LyraTransaction {
  uuid: string
  amount: number
  currency: string
  operationType?: 'DEBIT' | 'CREDIT' | 'VERIFICATION'
  status?: string
  detailedStatus?: string
  metadata?: Record<string, string> | null
}

/** Where our refund key travels in Lyra's data (no idempotency header exists there). */
export const REFUND_KEY_FIELD = 'comptoirRefundKey'

/**
 * A minimal client of Lyra's REST API V4 (`/api-payment/V4/...`), Basic auth
 * `shopId:password`, JSON both ways.
 */
export class LyraRestClient {
  constructor(
    protected options: { baseUrl: string; siteId: string; password: string; timeoutMs?: number }
  ) {}

  async call(service: string, body: Record<string, unknown>): Promise<LyraAnswer> {
    const url = `${this.options.baseUrl.replace(/\/+$/, '')}/api-payment/V4/${service}`
    const credentials = Buffer.from(`${this.options.siteId}:${this.options.password}`).toString(
      'base64'
    )
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'authorization': `Basic ${credentials}`,
        'content-type': 'application/json',
        'accept': 'application/json',
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
    })
    if (!response.ok) {
      return { status: 'ERROR', answer: { errorCode: `HTTP_${response.status}` } }
    }
    return (await response.json()) as LyraAnswer
  }

  /** The transactions Lyra holds for one of our orders (debits, refunds), or an error. */
  async orderTransactions(orderId: string): Promise<LyraTransaction[] | { error: string }> {
    const result = await this.call('Order/Get', { orderId })
    if (result.status !== 'SUCCESS') return { error: describe(result) }
    return (result.answer.transactions ?? []) as LyraTransaction[]
  }

  /**
   * Refunds part of a captured transaction as a CREDIT transaction of its own,
   * tagged with our key.
   */
  async refund(
    uuid: string,
    amount: Amount,
    key: string
  ): Promise<LyraTransaction | { error: string }> {
    const result = await this.call('Transaction/CancelOrRefund', {
      uuid,
      amount: amount.amount,
      currency: amount.currency,
      resolutionMode: 'REFUND_ONLY',
      comment: `Comptoir refund ${key}`,
      metadata: { [REFUND_KEY_FIELD]: key },
    })
    if (result.status !== 'SUCCESS') return { error: describe(result) }
    return result.answer as LyraTransaction
  }
}

function describe(result: LyraAnswer) {
  const { errorCode, errorMessage } = result.answer as { errorCode?: string; errorMessage?: string }
  return [errorCode, errorMessage].filter(Boolean).join(': ') || 'unknown error'
}
