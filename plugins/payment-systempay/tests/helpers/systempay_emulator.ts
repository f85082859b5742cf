import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { hasValidSignature, signed } from '#src/signature'

/**
 * A stand-in for a Lyra gateway (Systempay, PayZen) on 127.0.0.1, for tests
 * only: the subset of the public protocol the plugin uses.
 * - `POST /vads-payment/`: the signed payment form. A form whose signature or
 *   required fields are wrong gets the gateway's error page; a good one, an
 *   accessible card form (number, expiry, CVC) with a "cancel and return to
 *   the shop" button.
 * - Paying or cancelling POSTs the signed IPN to `vads_url_check` first (the
 *   field set of tests/fixtures/ipn_*.json), THEN redirects the browser to
 *   `vads_url_success` / `vads_url_refused` / `vads_url_cancel` with the
 *   signed return fields in the query (`vads_return_mode=GET`). Tests may
 *   hold IPNs back (`ipnMode = 'hold'`, then `deliverHeld()`) or drop them.
 * - `POST /api-payment/V4/Order/Get` and `/Transaction/CancelOrRefund`,
 *   behind Basic auth `siteId:password`, recording every request.
 */

/** Test cards: the first is authorised, the second refused (any other is refused too). */
export const CARDS = { success: '4970100000000000', refused: '4970100000000014' } as const

export interface EmulatorShop {
  siteId: string
  testKey: string
  productionKey?: string
  restPassword?: string
}

export interface EmulatedTransaction {
  uuid: string
  orderId: string
  amount: number
  /** Alphabetic, as REST V4 answers. */
  currency: string
  operationType: 'DEBIT' | 'CREDIT'
  status: 'PAID' | 'UNPAID' | 'RUNNING'
  detailedStatus: string
  /** Remitted to the bank (the night after the payment, on the real gateway). */
  captured: boolean
  parentUuid?: string
  metadata?: Record<string, string>
  comment?: string
}

type Outcome = 'AUTHORISED' | 'REFUSED' | 'ABANDONED'

const FIXTURES: Record<Outcome, Record<string, string>> = {
  AUTHORISED: fixture('ipn_authorised'),
  REFUSED: fixture('ipn_refused'),
  ABANDONED: fixture('ipn_abandoned'),
}

/** A recorded IPN fixture (tests/fixtures/<name>.json): the fields, unsigned. */
export function fixture(name: string): Record<string, string> {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'))
}

const ALPHA: Record<string, string> = { '978': 'EUR', '840': 'USD', '826': 'GBP', '756': 'CHF' }
/** What the gateway sends in the IPN but not on the return URL. */
const ONLY_IN_IPN = new Set(['signature', 'vads_url_check_src', 'vads_hash'])
const REQUIRED = [
  'vads_action_mode',
  'vads_amount',
  'vads_ctx_mode',
  'vads_currency',
  'vads_page_action',
  'vads_payment_config',
  'vads_site_id',
  'vads_trans_date',
  'vads_trans_id',
  'vads_version',
]

export class SystempayEmulator {
  origin = ''
  /** `immediate`: IPN sent before the redirect; `hold`: kept for `deliverHeld()`; `skip`: never sent. */
  ipnMode: 'immediate' | 'hold' | 'skip' = 'immediate'
  /** IPNs kept back while `ipnMode` is `hold`. */
  held: { url: string; body: string }[] = []
  /** Every IPN delivered, with the shop's answer. */
  deliveries: { url: string; body: string; status: number }[] = []
  /** Every REST call, authorised or not. */
  restRequests: { service: string; body: Record<string, any>; authorized: boolean }[] = []
  transactions: EmulatedTransaction[] = []
  /** Payment forms the gateway accepted, as posted. */
  forms: Record<string, string>[] = []
  /**
   * The next refund call is cut: `answer` — made, but its answer lost (a
   * timeout as the shop sees it); `request` — lost before it reached the gateway.
   */
  cutNextRefund: 'answer' | 'request' | null = null

  protected sessions = new Map<string, Record<string, string>>()
  protected usedTransIds = new Set<string>()
  protected server = createServer((request, response) => {
    this.route(request, response).catch((error) => {
      response.statusCode = 500
      response.end(String(error))
    })
  })

  constructor(protected shop: EmulatorShop) {}

  get paymentPageUrl() {
    return `${this.origin}/vads-payment/`
  }

  get restApiUrl() {
    return this.origin
  }

  async listen() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  async close() {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  /** Delivers the IPNs held back, in order, and returns the shop's answers. */
  async deliverHeld() {
    const held = this.held.splice(0)
    const statuses: number[] = []
    for (const { url, body } of held) statuses.push(await this.deliver(url, body))
    return statuses
  }

  /** Posts an IPN body to the shop as the gateway does, recording the answer. */
  async deliver(url: string, body: string) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      redirect: 'manual',
    })
    await response.arrayBuffer()
    this.deliveries.push({ url, body, status: response.status })
    return response.status
  }

  /** The bank remittance of every authorised payment (nightly on the real gateway). */
  remitToBank() {
    for (const transaction of this.transactions) {
      if (transaction.detailedStatus === 'AUTHORISED') {
        transaction.captured = true
        transaction.detailedStatus = 'CAPTURED'
      }
    }
  }

  /** The signed IPN fields of a payment form's outcome, from the recorded fixtures. */
  notificationFields(
    form: Record<string, string>,
    outcome: Outcome,
    details: { uuid: string; card?: string; expiry?: string } = { uuid: newUuid() }
  ): Record<string, string> {
    const now = gatewayDate(new Date())
    const fields: Record<string, string> = {
      ...FIXTURES[outcome],
      vads_action_mode: form.vads_action_mode,
      vads_amount: form.vads_amount,
      vads_ctx_mode: form.vads_ctx_mode,
      vads_currency: form.vads_currency,
      vads_cust_email: form.vads_cust_email ?? '',
      vads_language: form.vads_language ?? 'fr',
      vads_order_id: form.vads_order_id ?? '',
      vads_page_action: form.vads_page_action,
      vads_payment_config: form.vads_payment_config,
      vads_site_id: form.vads_site_id,
      vads_trans_date: form.vads_trans_date,
      vads_trans_id: form.vads_trans_id,
      vads_trans_uuid: details.uuid,
      vads_version: form.vads_version,
    }
    if (fields.vads_effective_amount) {
      fields.vads_effective_amount = form.vads_amount
      fields.vads_effective_currency = form.vads_currency
      fields.vads_effective_creation_date = now
      fields.vads_presentation_date = now
    }
    if (details.card) {
      fields.vads_card_number = `${details.card.slice(0, 6)}XXXXXX${details.card.slice(-4)}`
      const [month, year] = (details.expiry ?? '').split('/')
      if (month && year) {
        fields.vads_expiry_month = String(Number(month))
        fields.vads_expiry_year = `20${year}`
      }
    }
    return signed(fields, this.keyOf(form.vads_ctx_mode)!)
  }

  /** An IPN body (form-urlencoded) with these fields. */
  static body(fields: Record<string, string>) {
    return new URLSearchParams(fields).toString()
  }

  protected keyOf(mode: string) {
    return mode === 'PRODUCTION' ? this.shop.productionKey : this.shop.testKey
  }

  protected async route(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', this.origin)
    const body = await readBody(request)
    if (request.method !== 'POST') return send(response, 405, 'text/plain', 'POST only')
    if (url.pathname === '/vads-payment/') return this.paymentForm(body, response)
    const session = /^\/vads-payment\/sessions\/([a-f0-9]+)\/(pay|cancel)$/.exec(url.pathname)
    if (session) return this.finish(session[1], session[2] as 'pay' | 'cancel', body, response)
    const rest = /^\/api-payment\/V4\/(.+)$/.exec(url.pathname)
    if (rest) return this.rest(rest[1], request, body, response)
    send(response, 404, 'text/plain', 'not found')
  }

  protected paymentForm(body: string, response: ServerResponse) {
    const form = Object.fromEntries(new URLSearchParams(body))
    const key = this.keyOf(form.vads_ctx_mode)
    const missing = REQUIRED.filter((name) => !form[name])
    if (missing.length) return errorPage(response, `Missing parameters: ${missing.join(', ')}`)
    if (form.vads_site_id !== this.shop.siteId || !key) {
      return errorPage(response, `Unknown shop ${form.vads_site_id}`)
    }
    if (!hasValidSignature(form, key)) {
      return errorPage(response, 'Signature error: the form signature does not match')
    }
    if (!/^\d{6}$/.test(form.vads_trans_id) || !/^\d{14}$/.test(form.vads_trans_date)) {
      return errorPage(response, 'Invalid vads_trans_id or vads_trans_date')
    }
    const dayId = `${form.vads_trans_date.slice(0, 8)}:${form.vads_trans_id}`
    if (this.usedTransIds.has(dayId)) {
      return errorPage(response, `Transaction ${form.vads_trans_id} already exists today`)
    }
    this.usedTransIds.add(dayId)
    this.forms.push(form)
    const id = randomBytes(8).toString('hex')
    this.sessions.set(id, form)
    send(response, 200, 'text/html; charset=utf-8', cardPage(id, form))
  }

  protected async finish(
    id: string,
    action: 'pay' | 'cancel',
    body: string,
    response: ServerResponse
  ) {
    const form = this.sessions.get(id)
    if (!form) return errorPage(response, 'Payment session expired')
    this.sessions.delete(id)
    const entered = Object.fromEntries(new URLSearchParams(body))
    const card = (entered.card_number ?? '').replace(/\D/g, '')
    const outcome: Outcome =
      action === 'cancel' ? 'ABANDONED' : card === CARDS.success ? 'AUTHORISED' : 'REFUSED'
    const uuid = newUuid()
    if (outcome !== 'ABANDONED') {
      this.transactions.push({
        uuid,
        orderId: form.vads_order_id ?? '',
        amount: Number(form.vads_amount),
        currency: ALPHA[form.vads_currency] ?? form.vads_currency,
        operationType: 'DEBIT',
        status: outcome === 'AUTHORISED' ? 'RUNNING' : 'UNPAID',
        detailedStatus: outcome,
        captured: false,
      })
    }
    const ipn = this.notificationFields(form, outcome, { uuid, card, expiry: entered.expiry })
    const ipnBody = SystempayEmulator.body(ipn)
    if (form.vads_url_check && this.ipnMode === 'immediate') {
      await this.deliver(form.vads_url_check, ipnBody)
    }
    if (form.vads_url_check && this.ipnMode === 'hold') {
      this.held.push({ url: form.vads_url_check, body: ipnBody })
    }

    const target =
      outcome === 'ABANDONED'
        ? form.vads_url_cancel
        : outcome === 'AUTHORISED'
          ? form.vads_url_success
          : form.vads_url_refused
    const back = target || form.vads_url_return
    if (!back) return send(response, 200, 'text/html; charset=utf-8', '<p>Done</p>')
    // The return fields are the IPN's without what only the IPN carries, signed again.
    const returned = Object.fromEntries(
      Object.entries(ipn).filter(([name]) => !ONLY_IN_IPN.has(name))
    )
    const location = new URL(back)
    if (form.vads_return_mode === 'GET') {
      const query = signed(returned, this.keyOf(form.vads_ctx_mode)!)
      for (const [name, value] of Object.entries(query)) location.searchParams.set(name, value)
    }
    response.writeHead(302, { location: location.toString() })
    response.end()
  }

  protected rest(
    service: string,
    request: IncomingMessage,
    body: string,
    response: ServerResponse
  ) {
    const expected = `Basic ${Buffer.from(`${this.shop.siteId}:${this.shop.restPassword}`).toString('base64')}`
    const authorized = Boolean(this.shop.restPassword) && request.headers.authorization === expected
    const input = body ? JSON.parse(body) : {}
    this.restRequests.push({ service, body: input, authorized })
    if (!authorized) {
      return json(response, 401, {
        status: 'ERROR',
        answer: { errorCode: 'INT_905', errorMessage: 'invalid credentials' },
      })
    }
    if (service === 'Order/Get') {
      const transactions = this.transactions.filter((t) => t.orderId === input.orderId)
      if (!transactions.length) return restError(response, 'PSP_010', 'order not found')
      return json(response, 200, {
        status: 'SUCCESS',
        answer: { orderId: input.orderId, transactions: transactions.map(restTransaction) },
      })
    }
    if (service === 'Transaction/CancelOrRefund') return this.refund(input, response)
    restError(response, 'INT_999', `unknown web service ${service}`)
  }

  protected refund(input: Record<string, any>, response: ServerResponse) {
    if (this.cutNextRefund === 'request') {
      this.cutNextRefund = null
      response.socket?.destroy()
      return
    }
    const debit = this.transactions.find(
      (t) => t.uuid === input.uuid && t.operationType === 'DEBIT'
    )
    if (!debit) return restError(response, 'PSP_010', 'transaction not found')
    if (input.currency !== debit.currency) return restError(response, 'INT_010', 'wrong currency')
    if (input.resolutionMode === 'REFUND_ONLY' && !debit.captured) {
      return restError(response, 'PSP_539', 'the transaction is not captured yet')
    }
    const refunded = this.transactions
      .filter((t) => t.parentUuid === debit.uuid)
      .reduce((sum, t) => sum + t.amount, 0)
    const amount = Number(input.amount ?? debit.amount - refunded)
    if (!Number.isSafeInteger(amount) || amount <= 0 || refunded + amount > debit.amount) {
      return restError(response, 'PSP_538', 'amount higher than what can be refunded')
    }
    const credit: EmulatedTransaction = {
      uuid: newUuid(),
      orderId: debit.orderId,
      amount,
      currency: debit.currency,
      operationType: 'CREDIT',
      status: 'RUNNING',
      detailedStatus: 'AUTHORISED',
      captured: false,
      parentUuid: debit.uuid,
      metadata: input.metadata,
      comment: input.comment,
    }
    this.transactions.push(credit)
    if (this.cutNextRefund === 'answer') {
      this.cutNextRefund = null
      response.socket?.destroy()
      return
    }
    json(response, 200, { status: 'SUCCESS', answer: restTransaction(credit) })
  }
}

/** A gateway listening on 127.0.0.1 for this shop until `close()`. */
export async function startSystempayEmulator(shop: EmulatorShop) {
  return new SystempayEmulator(shop).listen()
}

function newUuid() {
  return randomBytes(16).toString('hex')
}

function gatewayDate(date: Date) {
  return date.toISOString().replace(/\D/g, '').slice(0, 14)
}

function restTransaction(transaction: EmulatedTransaction) {
  return {
    uuid: transaction.uuid,
    amount: transaction.amount,
    currency: transaction.currency,
    operationType: transaction.operationType,
    status: transaction.status,
    detailedStatus: transaction.detailedStatus,
    metadata: transaction.metadata ?? null,
    orderDetails: { orderId: transaction.orderId },
  }
}

async function readBody(request: IncomingMessage) {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function send(response: ServerResponse, status: number, type: string, body: string) {
  response.writeHead(status, { 'content-type': type })
  response.end(body)
}

function json(response: ServerResponse, status: number, body: unknown) {
  send(response, status, 'application/json', JSON.stringify(body))
}

function restError(response: ServerResponse, errorCode: string, errorMessage: string) {
  json(response, 200, { status: 'ERROR', answer: { errorCode, errorMessage } })
}

function escape(text: string) {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

function errorPage(response: ServerResponse, message: string) {
  send(
    response,
    200,
    'text/html; charset=utf-8',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Payment error</title></head>` +
      `<body><main><h1>Payment error</h1><p role="alert">${escape(message)}</p></main></body></html>`
  )
}

const PAGE_TEXTS = {
  fr: {
    title: 'Paiement sécurisé',
    amount: 'Montant',
    number: 'Numéro de carte',
    expiry: 'Date d’expiration (MM/AA)',
    cvc: 'Cryptogramme visuel',
    pay: 'Valider le paiement',
    cancel: 'Annuler et retourner à la boutique',
  },
  en: {
    title: 'Secure payment',
    amount: 'Amount',
    number: 'Card number',
    expiry: 'Expiry date (MM/YY)',
    cvc: 'Security code (CVC)',
    pay: 'Confirm payment',
    cancel: 'Cancel and return to shop',
  },
}

function cardPage(id: string, form: Record<string, string>) {
  const language = form.vads_language === 'en' ? 'en' : 'fr'
  const t = PAGE_TEXTS[language]
  const amount = `${(Number(form.vads_amount) / 100).toFixed(2)} ${ALPHA[form.vads_currency] ?? form.vads_currency}`
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><title>${t.title}</title></head>
<body>
<main>
  <h1>${t.title}</h1>
  <p>${t.amount} : ${escape(amount)} — ${escape(form.vads_order_id ?? '')}</p>
  <form method="POST" action="/vads-payment/sessions/${id}/pay">
    <label for="card_number">${t.number}</label>
    <input id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" required>
    <label for="expiry">${t.expiry}</label>
    <input id="expiry" name="expiry" autocomplete="cc-exp" required>
    <label for="cvc">${t.cvc}</label>
    <input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" required>
    <button type="submit">${t.pay}</button>
  </form>
  <form method="POST" action="/vads-payment/sessions/${id}/cancel">
    <button type="submit">${t.cancel}</button>
  </form>
</main>
</body>
</html>`
}
