/*
| One simulated shopper's visit, as a person with a browser without
| JavaScript makes it: home, search, a category and one of its facets, one to
| three products, add to cart, and for some a guest checkout (table-rate
| delivery, bank transfer) up to the confirmation. URLs come from the pages'
| own links and forms; POSTs carry the form's fields, `_csrf` included.
*/

import { HttpSession, JourneyError } from './http_session.js'
import { extractForms, extractLinks, extractProductCards, fillForm, findForm, formData, submitDisabled } from './html.js'

/** The address every checkout uses: metropolitan France, so table rates apply. */
export const DELIVERY_ADDRESS = {
  'delivery[firstName]': 'Camille',
  'delivery[lastName]': 'Charge',
  'delivery[addressLine1]': '12 rue des Lilas',
  'delivery[postalCode]': '75011',
  'delivery[city]': 'Paris',
  'delivery[countryCode]': 'FR',
}

/** Ends a journey without an error: the run is stopping. */
export class Stopped extends Error {}

function pick(list, random) {
  return list[Math.floor(random() * list.length)]
}

function pathOf(url) {
  return new URL(url).pathname
}

function hasErrorNotice(html) {
  return /class="notice notice--error"/.test(html)
}

/**
 * Runs one visit. `run` holds the shared state: options, recorder, control
 * ({ hardStop, sleep(ms) }), random, nextCheckoutEmail() and checkouts.
 */
export async function shopperJourney(run) {
  const { options, recorder, control, random } = run
  const session = new HttpSession(recorder, { timeoutMs: options.timeoutMs })
  const wantsCheckout = random() < options.checkoutShare
  const think = async () => {
    const { min, max } = options.think
    await control.sleep(min + random() * (max - min))
    if (control.hardStop) throw new Stopped()
  }
  const go = async (step, url, init) => {
    if (control.hardStop) throw new Stopped()
    return session.navigate(step, url, init)
  }
  const submit = (step, form, values = {}) => {
    const data = formData(fillForm(form, values))
    if (form.method === 'GET') {
      const url = new URL(form.action)
      url.search = data.toString()
      return go(step, url.href)
    }
    return go(step, form.action, { method: 'POST', body: data })
  }
  const expectStep = (page, step, expected, what) => {
    if (page.step !== expected) {
      session.fail(step, `${what}: landed on ${pathOf(page.url)} instead of the ${expected} page`)
    }
  }

  try {
    // Home, then the header's search form.
    let page = await go('home', new URL('/', options.url).href)
    const pool = { home: extractProductCards(page.html) }
    await think()
    const search = findForm(extractForms(page.html, page.url), '/search', 'GET')
    if (!search) session.fail('home', 'no search form in the header')
    page = await submit('search', search, { q: options.search })
    pool.search = extractProductCards(page.html)

    // A category from the navigation, then one facet of its filters.
    await think()
    const categoryLinks = extractLinks(page.html).filter((link) => /\/c\/[^/?]+$/.test(new URL(link.href, page.url).pathname))
    if (!categoryLinks.length) session.fail('search', 'no category link on the page')
    page = await go('category', pick(categoryLinks, random).href)
    pool.category = extractProductCards(page.html)
    const filters = extractForms(page.html, page.url).find((form) => form.classes.includes('filters'))
    const facets = (filters?.controls ?? []).filter(
      (control) => control.type === 'checkbox' && control.name !== 'in_stock' && !/\(0\)$/.test(control.label ?? '')
    )
    if (facets.length) {
      await think()
      const facet = pick(facets, random)
      page = await submit('category_filter', filters, { [`${facet.name}=${facet.value}`]: true })
      pool.filtered = extractProductCards(page.html)
    }

    // One to three products, preferring what the shopper just filtered and what is in stock.
    const candidates = [pool.filtered, pool.category, pool.search, pool.home]
      .map((cards) => (cards ?? []).filter((card) => card.inStock))
      .find((cards) => cards.length)
    if (!candidates) session.fail(page.step, 'no product in stock in any listing seen')
    const views = 1 + Math.floor(random() * 3)
    let addToCart = null
    let productPath = null
    for (let view = 0; view < views + 3 && !(view >= views && addToCart); view++) {
      await think()
      page = await go('product', new URL(pick(candidates, random).href, page.url).href)
      let form = findForm(extractForms(page.html, page.url), '/cart/lines', 'POST')
      if (!form) session.fail('product', 'no add-to-cart form on the product page')
      if (submitDisabled(form)) form = await chooseAvailableVariant(page, go, random)
      // A shopper heading for home delivery wants stock that ships, not stock in a shop only.
      if (form && wantsCheckout && /class="stock stock--out_of_stock"/.test(page.html)) form = null
      if (form) {
        addToCart = form
        productPath = pathOf(page.url)
      }
    }
    if (!addToCart) {
      recorder.outcome('no_orderable_product')
      return { status: 'browsed' }
    }

    // Add to cart: the cart page must list the product.
    await think()
    page = await submit('add_to_cart', addToCart)
    expectStep(page, 'add_to_cart', 'cart', 'add to cart')
    const lines = page.html.match(/<ul class="cart-lines">([\s\S]*?)<\/ul>/)?.[1] ?? ''
    const inCart = extractLinks(lines).some((link) => pathOf(new URL(link.href, page.url).href) === productPath)
    if (!inCart) {
      if (hasErrorNotice(page.html)) {
        recorder.outcome('sold_out_before_add_to_cart')
        return { status: 'sold_out' }
      }
      session.fail('cart', 'add to cart did not show the item')
    }
    if (!wantsCheckout) return { status: 'carted' }

    return await checkout(run, session, { go, submit, think, expectStep })
  } catch (error) {
    if (error instanceof Stopped) return { status: 'stopped' }
    if (error instanceof JourneyError) return { status: 'failed', reason: error.message }
    recorder.error(session.page?.step ?? 'home', 'assertion', `unexpected: ${error.message}`)
    return { status: 'failed', reason: error.message }
  }
}

/**
 * A sold-out default variant: picks options the picker does not mark
 * unavailable and reloads; the add-to-cart form when it is then orderable.
 */
async function chooseAvailableVariant(page, go, random) {
  const picker = extractForms(page.html, page.url).find((form) => form.classes.includes('variant-picker'))
  if (!picker) return null
  const data = new URLSearchParams()
  for (const select of picker.controls.filter((control) => control.tag === 'select')) {
    const available = select.options.filter((option) => !option.label.includes('—'))
    if (!available.length) return null
    data.append(select.name, pick(available, random).value)
  }
  const url = new URL(picker.action)
  url.search = data.toString()
  const chosen = await go('product', url.href)
  const form = findForm(extractForms(chosen.html, chosen.url), '/cart/lines', 'POST')
  return form && !submitDisabled(form) ? form : null
}

/** The guest checkout, from the cart's checkout button to the confirmation. */
async function checkout(run, session, { go, submit, think, expectStep }) {
  const { options, recorder } = run
  const formOn = (page, suffix) => {
    const form = findForm(extractForms(page.html, page.url), suffix, 'POST')
    if (!form) session.fail(page.step, `no form posting to ${suffix}`)
    return form
  }

  await think()
  const button = extractLinks(session.page.html).find((link) => pathOf(new URL(link.href, session.page.url).href).endsWith('/checkout'))
  if (!button) session.fail('cart', 'no checkout button on the cart page')
  let page = await go('checkout_start', new URL(button.href, session.page.url).href)
  expectStep(page, 'checkout_start', 'identification', 'checkout')

  await think()
  const email = run.nextCheckoutEmail()
  page = await submit('identification_submit', formOn(page, '/checkout/identification'), { email })
  expectStep(page, 'identification_submit', 'addresses', 'guest e-mail')

  await think()
  page = await submit('addresses_submit', formOn(page, '/checkout/addresses'), { ...DELIVERY_ADDRESS, billing_same: true })
  expectStep(page, 'addresses_submit', 'delivery', 'delivery address')

  // Table-rate delivery, then bank transfer: radios the form must offer.
  for (const [step, name, value, next] of [
    ['delivery', 'shipping_method', options.shipping, 'payment'],
    ['payment', 'payment_method', options.payment, 'review'],
  ]) {
    await think()
    const form = formOn(page, `/checkout/${step}`)
    if (!form.controls.some((control) => control.name === name && control.value === value)) {
      // Home delivery needs stock that ships: other shoppers may have bought the
      // warehouse's last units, leaving only the shops' (click & collect).
      if (step === 'delivery' && form.controls.some((control) => control.name === name)) {
        recorder.outcome('home_delivery_sold_out')
        return { status: 'sold_out' }
      }
      session.fail(step, `no "${value}" ${step} offered`)
    }
    page = await submit(`${step}_submit`, form, { [name]: value })
    // Stock sold out meanwhile: the checkout sends the shopper back with a message.
    if (page.step !== next && hasErrorNotice(page.html)) {
      recorder.outcome('sold_out_at_checkout')
      return { status: 'sold_out' }
    }
    expectStep(page, `${step}_submit`, next, `${step} choice`)
  }

  await think()
  const place = formOn(page, '/checkout/orders')
  try {
    page = await submit('place_order', place, { accept_terms: true })
  } finally {
    // An order placed whose confirmation then failed is still this run's order.
    const placed = session.page?.url && pathOf(session.page.url).match(/\/checkout\/confirmation\/([^/]+)$/)
    if (placed && session.page.step === 'confirmation' && session.page.status >= 400) {
      run.checkouts.push({ email, orderNumber: decodeURIComponent(placed[1]), confirmed: false })
    }
  }
  // Sold out meanwhile: back to the cart (no stock at all) or to delivery (none that ships).
  if (['cart', 'delivery'].includes(page.step) && hasErrorNotice(page.html)) {
    recorder.outcome('sold_out_at_checkout')
    return { status: 'sold_out' }
  }
  expectStep(page, 'place_order', 'confirmation', 'place order')
  const orderNumber = decodeURIComponent(pathOf(page.url).split('/').at(-1))
  if (!page.html.includes(orderNumber)) session.fail('confirmation', `the confirmation does not show order ${orderNumber}`)
  run.checkouts.push({ email, orderNumber, confirmed: true })
  return { status: 'ordered', orderNumber }
}
