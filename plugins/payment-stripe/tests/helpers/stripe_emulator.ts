import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import Stripe from 'stripe'

/**
 * A local stand-in for the part of the Stripe API the plugin uses, written
 * from Stripe's public API reference, for tests only. The plugin reaches it
 * through the official SDK with `STRIPE_API_URL` pointing here: requests
 * are form-encoded as the SDK sends them, answers are Stripe-shaped JSON
 * built from the fixtures, the Bearer key is checked, an Idempotency-Key
 * replays the first answer and `expand[]` expands what the plugin expands.
 *
 * It also serves the hosted payment page (`GET /pay/:session`) with Stripe's
 * test cards: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined,
 * 4000 0000 0000 3220 asks for a 3-D Secure challenge first. A payment sends
 * the signed `checkout.session.completed` webhook, then sends the browser to
 * the session's success URL.
 */

type StripeObject = Record<string, any>

export interface RecordedRequest {
  method: string
  path: string
  idempotencyKey: string | null
  params: StripeObject
}

export const CARDS = {
  success: '4242424242424242',
  declined: '4000000000000002',
  threeDSecure: '4000000000003220',
} as const

const FIXTURES = new URL('../fixtures/', import.meta.url)

export function fixture(name: string): StripeObject {
  return JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8'))
}

function stripeId(prefix: string) {
  return `${prefix}_${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`
}

function nowSeconds() {
  return Math.floor(Date.now() / 1000)
}

/**
 * Parses a form body or query string the way Stripe reads it: `a[b][0][c]=v`
 * becomes `{ a: { b: [{ c: 'v' }] } }`.
 */
export function parseStripeForm(input: string): StripeObject {
  const root: StripeObject = {}
  for (const [name, value] of new URLSearchParams(input)) {
    const keys = name.split(/\[|\]\[|\]/).filter((key, index) => index === 0 || key !== '')
    let node: any = root
    keys.forEach((key, index) => {
      const last = index === keys.length - 1
      const nextIsIndex = !last && /^\d*$/.test(keys[index + 1])
      const slot = key === '' && Array.isArray(node) ? node.length : key
      if (last) node[slot] = value
      else node = node[slot] ??= nextIsIndex ? [] : {}
    })
  }
  return root
}

class StripeApiError extends Error {
  constructor(
    public status: number,
    public body: { type: string; code?: string; message: string; param?: string }
  ) {
    super(body.message)
  }
}

function missing(kind: string, id: string) {
  return new StripeApiError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: `No such ${kind}: '${id}'`,
    param: 'id',
  })
}

function escapeHtml(value: unknown) {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!
  )
}

export class StripeEmulator {
  readonly secretKey = 'sk_test_emulator_4eC39HqLyjWDarjtT1zdp7dc'
  readonly webhookSecret = 'whsec_emulator_d1e2f3a4b5c6'
  /** Where webhooks go; the test sets it to the shop's notification URL. */
  webhookUrl: string | null = null
  /** False: payments record their event without sending it (`deliver` sends it). */
  autoWebhooks = true
  /** What a payment takes instead of the session's total (a misbehaving PSP). */
  chargeAmountOverride: number | null = null

  readonly requests: RecordedRequest[] = []
  readonly sessions = new Map<string, StripeObject>()
  readonly paymentIntents = new Map<string, StripeObject>()
  readonly refunds = new Map<string, StripeObject>()
  readonly customers = new Map<string, StripeObject>()
  readonly paymentMethods = new Map<string, StripeObject>()
  readonly events: StripeObject[] = []
  readonly deliveries: { eventId: string; status: number }[] = []
  private idempotent = new Map<string, { status: number; body: unknown }>()
  private server: Server | null = null
  private stripe = new Stripe('sk_test_unused')
  baseUrl = ''

  async start() {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error) => {
        response.writeHead(500, { 'content-type': 'text/plain' })
        response.end(String(error?.stack ?? error))
      })
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this.baseUrl
  }

  async close() {
    this.server?.closeAllConnections()
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve()
    )
  }

  /** Requests made to one API path (`POST /v1/refunds`), in order. */
  requestsTo(method: string, path: string | RegExp) {
    return this.requests.filter(
      (request) =>
        request.method === method &&
        (typeof path === 'string' ? request.path === path : path.test(request.path))
    )
  }

  // ---------- Events and webhooks ----------

  /** A Stripe event about an object, as Stripe would send it. */
  event(type: string, object: StripeObject): StripeObject {
    const event = {
      ...fixture('event_checkout_session_completed'),
      id: stripeId('evt'),
      created: nowSeconds(),
      type,
      data: { object: structuredClone(object) },
    }
    this.events.push(event)
    return event
  }

  /** Signs a payload as Stripe does (`t=…,v1=…`), with this emulator's secret unless told. */
  signature(payload: string, secret = this.webhookSecret) {
    return this.stripe.webhooks.generateTestHeaderString({ payload, secret })
  }

  /** Posts an event to the webhook URL, signed; returns the shop's HTTP status. */
  async deliver(event: StripeObject, options: { secret?: string; signature?: string } = {}) {
    if (!this.webhookUrl) throw new Error('StripeEmulator.webhookUrl is not set')
    const payload = JSON.stringify(event, null, 2)
    const response = await fetch(this.webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'stripe-signature': options.signature ?? this.signature(payload, options.secret),
        'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      },
      body: payload,
    })
    await response.arrayBuffer()
    this.deliveries.push({ eventId: event.id, status: response.status })
    return response.status
  }

  /** The last event of a type, for tests that deliver it themselves. */
  lastEvent(type: string) {
    return this.events.findLast((event) => event.type === type)
  }

  // ---------- What happens at Stripe outside the API ----------

  /** Pays an open session with a card, as the hosted page does. */
  async pay(sessionId: string, card: { number?: string; paymentMethod?: string; save?: boolean }) {
    const session = this.sessions.get(sessionId)
    if (!session || session.status !== 'open') return { outcome: 'closed' as const }
    const number = (card.number ?? '').replace(/\s+/g, '')
    let method: StripeObject | undefined
    if (card.paymentMethod) {
      method = this.paymentMethods.get(card.paymentMethod)
      if (!method || method.customer !== session.customer) return { outcome: 'declined' as const }
    } else if (number === CARDS.declined) {
      return { outcome: 'declined' as const }
    } else if (number !== CARDS.success && number !== CARDS.threeDSecure) {
      return { outcome: 'declined' as const }
    }
    method ??= this.newCard(number)
    if (card.save && session.customer && session.saved_payment_method_options) {
      method.customer = session.customer
    }
    const amount = this.chargeAmountOverride ?? session.amount_total
    const manual = session.payment_intent_data?.capture_method === 'manual'
    const intent: StripeObject = {
      ...fixture('payment_intent'),
      id: stripeId('pi'),
      created: nowSeconds(),
      amount,
      amount_received: manual ? 0 : amount,
      amount_capturable: manual ? amount : 0,
      capture_method: manual ? 'manual' : 'automatic_async',
      currency: session.currency,
      customer: session.customer,
      latest_charge: stripeId('ch'),
      metadata: { ...(session.payment_intent_data?.metadata ?? {}) },
      payment_method: method.id,
      status: manual ? 'requires_capture' : 'succeeded',
    }
    this.paymentIntents.set(intent.id, intent)
    session.payment_intent = intent.id
    session.status = 'complete'
    session.payment_status = manual ? 'unpaid' : 'paid'
    const event = this.event('checkout.session.completed', session)
    if (this.autoWebhooks && this.webhookUrl) await this.deliver(event)
    return { outcome: 'paid' as const, event }
  }

  /** Lets a session run out, as Stripe does at `expires_at`; returns the event. */
  expire(sessionId: string) {
    const session = this.sessions.get(sessionId)!
    session.status = 'expired'
    return this.event('checkout.session.expired', session)
  }

  /** Stripe cancels an authorization left uncaptured for 7 days; returns the event it sends. */
  cancelAuthorization(intentId: string) {
    const intent = this.paymentIntents.get(intentId)!
    intent.status = 'canceled'
    intent.cancellation_reason = 'automatic'
    return this.event('payment_intent.canceled', intent)
  }

  /** A Stripe Customer made outside the API calls under test; returns its id. */
  createCustomerFor(email: string) {
    return this.createCustomer({ email }).id as string
  }

  /** A card saved on a customer, as if saved during an earlier payment. */
  saveCard(customerId: string, card: { brand?: string; last4?: string } = {}) {
    const method = this.newCard(CARDS.success)
    method.customer = customerId
    if (card.brand) method.card.brand = card.brand
    if (card.last4) method.card.last4 = card.last4
    return method
  }

  private newCard(number: string) {
    const method: StripeObject = {
      ...fixture('payment_method'),
      id: stripeId('pm'),
      created: nowSeconds(),
    }
    method.card = { ...method.card, last4: number.slice(-4) || '4242' }
    this.paymentMethods.set(method.id, method)
    return method
  }

  // ---------- HTTP ----------

  private async handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', this.baseUrl)
    const body = await new Promise<string>((resolve) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk) => chunks.push(chunk))
      request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    })
    if (url.pathname.startsWith('/pay/')) return this.hostedPage(request, response, url, body)
    if (!url.pathname.startsWith('/v1/')) return this.send(response, 404, { error: 'not found' })

    const params = parseStripeForm(request.method === 'GET' ? url.search.slice(1) : body)
    const idempotencyKey = (request.headers['idempotency-key'] as string | undefined) ?? null
    this.requests.push({ method: request.method!, path: url.pathname, idempotencyKey, params })

    if (request.headers.authorization !== `Bearer ${this.secretKey}`) {
      return this.send(response, 401, {
        error: {
          type: 'invalid_request_error',
          message: 'Invalid API Key provided: the emulator expects its own test key.',
        },
      })
    }
    // Stripe replays the first answer to a key for 24 hours, whatever the outcome.
    const replayKey = idempotencyKey && `${request.method} ${url.pathname} ${idempotencyKey}`
    const replay = replayKey ? this.idempotent.get(replayKey) : undefined
    if (replay)
      return this.send(response, replay.status, replay.body, { 'idempotent-replayed': 'true' })

    let status = 200
    let answer: unknown
    try {
      answer = this.route(request.method!, url.pathname, params)
    } catch (error) {
      if (!(error instanceof StripeApiError)) throw error
      status = error.status
      answer = { error: error.body }
    }
    if (replayKey && request.method === 'POST')
      this.idempotent.set(replayKey, { status, body: answer })
    return this.send(response, status, answer)
  }

  private route(method: string, path: string, params: StripeObject): unknown {
    const [, , resource, id, action] = path.split('/')
    const route = `${method} ${resource}${resource === 'checkout' ? '/' + id : ''}`
    if (resource === 'checkout') {
      const [, , , , sessionId, sessionAction] = path.split('/')
      if (method === 'POST' && !sessionId) return this.createSession(params)
      const session = this.sessions.get(sessionId)
      if (!session) throw missing('checkout.session', sessionId)
      if (method === 'GET' && !sessionAction) return this.expand(session, params.expand)
      if (method === 'POST' && sessionAction === 'expire') return this.expireSession(session)
    }
    switch (`${method} ${resource}${action ? '/' + action : id ? '/:id' : ''}`) {
      case 'GET payment_intents/:id':
        return this.find(this.paymentIntents, 'payment_intent', id)
      case 'POST payment_intents/capture':
        return this.capture(this.find(this.paymentIntents, 'payment_intent', id), params)
      case 'POST refunds':
        return this.createRefund(params)
      case 'GET refunds':
        return this.list(
          [...this.refunds.values()].filter(
            (refund) => refund.payment_intent === params.payment_intent
          ),
          '/v1/refunds'
        )
      case 'POST customers':
        return this.createCustomer(params)
      case 'GET customers/payment_methods':
        this.find(this.customers, 'customer', id)
        return this.list(
          [...this.paymentMethods.values()].filter(
            (pm) => pm.customer === id && (!params.type || pm.type === params.type)
          ),
          `/v1/customers/${id}/payment_methods`
        )
      case 'GET payment_methods/:id':
        return this.find(this.paymentMethods, 'PaymentMethod', id)
      case 'POST payment_methods/detach': {
        const pm = this.find(this.paymentMethods, 'PaymentMethod', id)
        if (!pm.customer) {
          throw new StripeApiError(400, {
            type: 'invalid_request_error',
            message:
              'The payment method you provided is not attached to a customer so detachment is impossible.',
          })
        }
        pm.customer = null
        return pm
      }
    }
    throw new StripeApiError(404, {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${route}).`,
    })
  }

  private createSession(params: StripeObject) {
    for (const field of ['mode', 'success_url', 'line_items']) {
      if (!params[field]) {
        throw new StripeApiError(400, {
          type: 'invalid_request_error',
          code: 'parameter_missing',
          message: `Missing required param: ${field}.`,
          param: field,
        })
      }
    }
    if (params.customer && params.customer_email) {
      throw new StripeApiError(400, {
        type: 'invalid_request_error',
        message: 'You may only specify one of these parameters: customer, customer_email.',
      })
    }
    const expiresAt = Number(params.expires_at ?? nowSeconds() + 86_400)
    const window = expiresAt - nowSeconds()
    if (window < 1800 || window > 86_400) {
      throw new StripeApiError(400, {
        type: 'invalid_request_error',
        code: 'parameter_invalid_integer',
        message: 'The `expires_at` timestamp must be between 30 minutes and 24 hours from now.',
        param: 'expires_at',
      })
    }
    const lines: StripeObject[] = params.line_items
    const total = lines.reduce(
      (sum, line) => sum + Number(line.price_data.unit_amount) * Number(line.quantity),
      0
    )
    const id = stripeId('cs_test')
    const session: StripeObject = {
      ...fixture('checkout_session'),
      id,
      created: nowSeconds(),
      amount_subtotal: total,
      amount_total: total,
      currency: lines[0].price_data.currency,
      cancel_url: params.cancel_url ?? null,
      success_url: params.success_url,
      client_reference_id: params.client_reference_id ?? null,
      customer: params.customer ?? null,
      customer_email: params.customer_email ?? null,
      expires_at: expiresAt,
      locale: params.locale ?? null,
      metadata: params.metadata ?? {},
      allowed_payment_method_types: params.allowed_payment_method_types ?? null,
      payment_method_types: params.allowed_payment_method_types ?? ['card'],
      saved_payment_method_options: params.saved_payment_method_options ?? null,
      url: `${this.baseUrl}/pay/${id}`,
    }
    // Kept for the payment it will make; not part of Stripe's session object.
    Object.defineProperty(session, 'payment_intent_data', {
      value: params.payment_intent_data ?? {},
      enumerable: false,
    })
    this.sessions.set(id, session)
    return session
  }

  private expireSession(session: StripeObject) {
    if (session.status !== 'open') {
      throw new StripeApiError(400, {
        type: 'invalid_request_error',
        code: 'checkout_session_not_open',
        message: `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
      })
    }
    session.status = 'expired'
    this.event('checkout.session.expired', session)
    return session
  }

  private capture(intent: StripeObject, params: StripeObject) {
    if (intent.status !== 'requires_capture') {
      throw new StripeApiError(400, {
        type: 'invalid_request_error',
        code: 'payment_intent_unexpected_state',
        message: `This PaymentIntent could not be captured because it has a status of ${intent.status}.`,
      })
    }
    const amount = Number(params.amount_to_capture ?? intent.amount_capturable)
    intent.amount_received = amount
    intent.amount_capturable = 0
    intent.status = 'succeeded'
    return intent
  }

  private createRefund(params: StripeObject) {
    const intent = this.find(this.paymentIntents, 'payment_intent', params.payment_intent)
    const refunded = [...this.refunds.values()]
      .filter((refund) => refund.payment_intent === intent.id)
      .reduce((sum, refund) => sum + refund.amount, 0)
    const amount = Number(params.amount ?? intent.amount_received - refunded)
    if (amount > intent.amount_received - refunded) {
      throw new StripeApiError(400, {
        type: 'invalid_request_error',
        code: 'charge_already_refunded',
        message: `Refund amount (${amount}) is greater than unrefunded amount on charge (${intent.amount_received - refunded}).`,
      })
    }
    const refund: StripeObject = {
      ...fixture('refund'),
      id: stripeId('re'),
      created: nowSeconds(),
      amount,
      currency: intent.currency,
      charge: intent.latest_charge,
      payment_intent: intent.id,
    }
    this.refunds.set(refund.id, refund)
    this.event('charge.refunded', {
      ...fixture('event_charge_refunded').data.object,
      id: intent.latest_charge,
      amount: intent.amount_received,
      amount_refunded: refunded + amount,
      currency: intent.currency,
      metadata: intent.metadata,
      payment_intent: intent.id,
      refunded: refunded + amount === intent.amount_received,
    })
    return refund
  }

  private createCustomer(params: StripeObject) {
    const customer: StripeObject = {
      ...fixture('customer'),
      id: stripeId('cus'),
      created: nowSeconds(),
      email: params.email ?? null,
      metadata: params.metadata ?? {},
    }
    this.customers.set(customer.id, customer)
    return customer
  }

  private find(store: Map<string, StripeObject>, kind: string, id: string) {
    const found = store.get(id)
    if (!found) throw missing(kind, id)
    return found
  }

  private expand(session: StripeObject, expand: string[] | undefined) {
    const copy = { ...session }
    if (expand?.includes('payment_intent') && session.payment_intent) {
      copy.payment_intent = this.paymentIntents.get(session.payment_intent) ?? null
    }
    return copy
  }

  private list(data: StripeObject[], url: string) {
    return { object: 'list', data, has_more: false, url }
  }

  private send(response: ServerResponse, status: number, body: unknown, headers = {}) {
    response.writeHead(status, {
      'content-type': 'application/json',
      'request-id': stripeId('req'),
      ...headers,
    })
    response.end(JSON.stringify(body))
  }

  // ---------- The hosted payment page ----------

  private async hostedPage(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    body: string
  ) {
    const [, , sessionId, step] = url.pathname.split('/')
    const session = this.sessions.get(sessionId)
    if (!session) return this.html(response, 404, '<h1>Page not found</h1>')
    if (session.status !== 'open') {
      return this.html(response, 410, '<h1>This checkout session is no longer available</h1>')
    }
    const form = Object.fromEntries(new URLSearchParams(body))
    if (step === '3ds') {
      if (request.method === 'POST') return this.paid(response, session, form)
      return this.html(response, 200, this.challengePage(session, form))
    }
    if (request.method !== 'POST') return this.html(response, 200, this.paymentPage(session))
    const number = (form.card_number ?? '').replace(/\s+/g, '')
    if (!form.saved_card && number === CARDS.threeDSecure) {
      return this.html(response, 200, this.challengePage(session, form))
    }
    return this.paid(response, session, form)
  }

  private async paid(
    response: ServerResponse,
    session: StripeObject,
    form: Record<string, string>
  ) {
    const result = await this.pay(session.id, {
      number: form.card_number,
      paymentMethod: form.saved_card || undefined,
      save: form.save_card === 'on',
    })
    if (result.outcome !== 'paid') {
      return this.html(response, 402, this.paymentPage(session, 'Your card was declined.'))
    }
    response.writeHead(303, {
      location: session.success_url.replace('{CHECKOUT_SESSION_ID}', session.id),
    })
    response.end()
  }

  private paymentPage(session: StripeObject, error?: string) {
    const saved = session.customer
      ? [...this.paymentMethods.values()].filter((pm) => pm.customer === session.customer)
      : []
    const amount = (session.amount_total / 100).toFixed(2)
    const savedCards = saved.length
      ? `<fieldset><legend>Saved cards</legend>${saved
          .map(
            (pm) =>
              `<div><input type="radio" name="saved_card" id="saved-${pm.id}" value="${pm.id}"><label for="saved-${pm.id}">${escapeHtml(pm.card.brand)} •••• ${escapeHtml(pm.card.last4)}</label></div>`
          )
          .join('')}</fieldset>`
      : ''
    const saveOption =
      session.customer && session.saved_payment_method_options
        ? '<div><input type="checkbox" name="save_card" id="save_card"><label for="save_card">Save this card for future payments</label></div>'
        : ''
    const back = session.cancel_url
      ? `<p><a href="${escapeHtml(session.cancel_url)}">Back</a></p>`
      : ''
    return `<h1>Pay ${amount} ${escapeHtml(session.currency.toUpperCase())}</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/pay/${session.id}">
  ${savedCards}
  <div><label for="card_number">Card number</label><input id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number"></div>
  <div><label for="card_expiry">Expiry (MM / YY)</label><input id="card_expiry" name="card_expiry" autocomplete="cc-exp"></div>
  <div><label for="card_cvc">CVC</label><input id="card_cvc" name="card_cvc" inputmode="numeric" autocomplete="cc-csc"></div>
  ${saveOption}
  <button type="submit">Pay</button>
</form>
${back}`
  }

  private challengePage(session: StripeObject, form: Record<string, string>) {
    const hidden = ['card_number', 'save_card']
      .filter((name) => form[name])
      .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(form[name])}">`)
      .join('')
    return `<h1>3D Secure authentication</h1>
<p>Your bank asks you to confirm this payment.</p>
<form method="post" action="/pay/${session.id}/3ds">${hidden}<button type="submit">Complete</button></form>`
  }

  private html(response: ServerResponse, status: number, body: string) {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' })
    response.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stripe Checkout (emulator)</title></head><body><main>${body}</main></body></html>`
    )
  }
}
