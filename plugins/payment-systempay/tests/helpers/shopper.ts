/** The shop under test, as its own links and the gateway's call-backs name it. */
export function appUrl() {
  return process.env.APP_URL ?? `http://localhost:${process.env.PORT}`
}

/**
 * A shopper's browser without JavaScript, over real HTTP: it keeps the
 * shop's cookies (session, cart), reads the CSRF token from each page's form,
 * follows nothing by itself (tests look at each redirect) and can post the
 * payment form the shop renders to wherever its `action` says.
 */
export class Shopper {
  protected cookies = new Map<string, string>()
  protected csrf = ''

  /** GET or POST a form on the shop (a path) or elsewhere (an absolute URL). */
  async request(method: 'GET' | 'POST', target: string, form?: Record<string, string>) {
    const url = new URL(target, appUrl())
    const ownShop = url.origin === new URL(appUrl()).origin
    const body = form && new URLSearchParams(ownShop ? { _csrf: this.csrf, ...form } : form)
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        ...(ownShop ? { cookie: this.cookieHeader() } : {}),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body,
    })
    if (ownShop) this.keepCookies(response)
    const text = await response.text()
    const token = /name=["']_csrf["'] value=["']([^"']+)["']/.exec(text)
    if (ownShop && token) this.csrf = token[1]
    return {
      status: response.status,
      location: response.headers.get('location'),
      headers: response.headers,
      text,
      url,
    }
  }

  get(target: string) {
    return this.request('GET', target)
  }

  post(target: string, form: Record<string, string> = {}) {
    return this.request('POST', target, form)
  }

  /**
   * Goes through the checkout tunnel as a guest with one product, table-rate
   * delivery and the given method, and places the order; returns the page the
   * shop answers with (for a card method, the form to the payment page).
   */
  async placeOrder(variantId: number, paymentMethod: string, email = 'claire@example.fr') {
    // A page with a form, for the session's CSRF token (an empty cart page has none).
    await this.get('/account/login')
    await this.post('/cart/lines', { variant_id: String(variantId), quantity: '1' })
    await this.get('/checkout/identification')
    await this.post('/checkout/identification', { email })
    await this.get('/checkout/addresses')
    await this.post('/checkout/addresses', {
      'billing_same': '1',
      'delivery[firstName]': 'Claire',
      'delivery[lastName]': 'Martin',
      'delivery[addressLine1]': '12 rue des Lilas',
      'delivery[postalCode]': '75011',
      'delivery[city]': 'Paris',
      'delivery[countryCode]': 'FR',
    })
    await this.get('/checkout/delivery')
    await this.post('/checkout/delivery', { shipping_method: 'table-rates' })
    await this.get('/checkout/payment')
    await this.post('/checkout/payment', { payment_method: paymentMethod })
    const review = await this.get('/checkout/review')
    const total = /name="expected_total" value="(\d+)"/.exec(review.text)
    if (!total) throw new Error(`no review page: ${review.status} ${review.text.slice(0, 500)}`)
    return this.post('/checkout/orders', { expected_total: total[1], accept_terms: 'true' })
  }

  /** The action and fields of the page's form holding a field named `field`, as a browser would post it. */
  static form(html: string, field: string): { action: string; fields: Record<string, string> } {
    for (const form of html.matchAll(/<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)) {
      if (!form[2].includes(`name="${field}"`)) continue
      const fields: Record<string, string> = {}
      for (const input of form[2].matchAll(/<input[^>]*name="([^"]*)"[^>]*value="([^"]*)"/g)) {
        fields[unescapeHtml(input[1])] = unescapeHtml(input[2])
      }
      return { action: unescapeHtml(form[1]), fields }
    }
    throw new Error(`no form with ${field} in: ${html.slice(0, 500)}`)
  }

  protected cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  protected keepCookies(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';')
      const index = pair.indexOf('=')
      this.cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim())
    }
  }
}

function unescapeHtml(text: string) {
  return text.replace(/&(#x?[0-9a-f]+|amp|lt|gt|quot|apos);/gi, (_match, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
    if (named[entity.toLowerCase()]) return named[entity.toLowerCase()]
    const code = entity.startsWith('#x')
      ? Number.parseInt(entity.slice(2), 16)
      : Number(entity.slice(1))
    return String.fromCodePoint(code)
  })
}
