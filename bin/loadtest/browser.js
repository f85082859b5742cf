/*
| A few shoppers in real Chromium (Playwright), walking home → category (a
| facet ticked) → product → add to cart → cart, recording Core Web Vitals
| per page: LCP and CLS from buffered PerformanceObservers, INP from the
| event-timing entries of real clicks (the facet checkbox, add to cart).
*/

import { percentile } from './stats.js'
import { stepOfPath } from './http_session.js'

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** Runs in every document; reports its vitals to Node whenever they change. */
function observeVitals() {
  const state = { id: `${Date.now()}-${Math.random()}`, path: location.pathname, lcp: null, cls: 0, inp: null }
  const send = () => globalThis.__cwvReport?.({ ...state })
  new PerformanceObserver((list) => {
    const entry = list.getEntries().at(-1)
    state.lcp = entry.renderTime || entry.loadTime || entry.startTime
    send()
  }).observe({ type: 'largest-contentful-paint', buffered: true })
  let windowValue = 0
  let first = 0
  let last = 0
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue
      // Session windows: shifts less than 1 s apart, at most 5 s long; CLS is the largest.
      if (windowValue && entry.startTime - last < 1000 && entry.startTime - first < 5000) windowValue += entry.value
      else {
        windowValue = entry.value
        first = entry.startTime
      }
      last = entry.startTime
      state.cls = Math.max(state.cls, windowValue)
    }
    send()
  }).observe({ type: 'layout-shift', buffered: true })
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.interactionId) state.inp = Math.max(state.inp ?? 0, entry.duration)
    }
    send()
  }).observe({ type: 'event', buffered: true, durationThreshold: 16 })
}

/** p75 of LCP, CLS and INP per page type from the pages' records. */
export function vitalsP75(records) {
  const byType = {}
  for (const record of records) (byType[record.type] ??= []).push(record)
  const p75 = (values) => {
    const sorted = values.filter((value) => value !== null).sort((a, b) => a - b)
    return percentile(sorted, 75)
  }
  return Object.fromEntries(
    Object.entries(byType).map(([type, list]) => {
      const cls = p75(list.map((record) => record.cls))
      const lcp = p75(list.map((record) => record.lcp))
      const inp = p75(list.map((record) => record.inp))
      return [type, {
        samples: list.length,
        lcpMs: lcp === null ? null : Math.round(lcp),
        cls: cls === null ? null : Math.round(cls * 1000) / 1000,
        inpMs: inp === null ? null : Math.round(inp),
      }]
    })
  )
}

export function browserShoppers(options) {
  const documents = new Map()
  const errors = []

  async function journey(context) {
    const page = await context.newPage()
    try {
      await page.goto(new URL('/', options.url).href)
      await page.waitForTimeout(500)
      await page.locator('.site-nav__categories a').first().click()
      await page.waitForLoadState('load')
      const facet = page.locator('.filters fieldset.facet input[type=checkbox]').first()
      if (await facet.count()) {
        await facet.click()
        await page.waitForTimeout(500)
        await page.locator('.filters button[type=submit]').click()
        await page.waitForLoadState('load')
      }
      const card = page.locator('article.card:has(.stock--in) a.card__link').first()
      if (!(await card.count())) return
      await card.click()
      await page.waitForLoadState('load')
      await page.waitForTimeout(500)
      const add = page.locator('form.add-to-cart button[type=submit]:not([disabled])')
      if (!(await add.count())) return
      await add.click()
      await page.waitForURL(/\/cart$/)
      await page.waitForTimeout(500)
    } finally {
      await page.close()
    }
  }

  async function start(control) {
    let chromium
    try {
      ;({ chromium } = await import('playwright'))
    } catch (error) {
      errors.push(`playwright unavailable: ${error.message}`)
      return
    }
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    }).catch((error) => {
      errors.push(`Chromium did not start: ${error.message}`)
      return null
    })
    if (!browser) return
    const sessions = Array.from({ length: options.browsers }, async () => {
      while (!control.draining) {
        const context = await browser.newContext({ locale: 'fr-FR' })
        await context.exposeBinding('__cwvReport', (_source, state) => documents.set(state.id, state))
        await context.addInitScript(observeVitals)
        await journey(context).catch((error) => {
          if (errors.length < 20) errors.push(error.message.split('\n')[0])
        })
        await context.close()
        await control.sleep(options.think.min)
      }
    })
    await Promise.all(sessions)
    await browser.close()
  }

  function results() {
    const records = [...documents.values()]
      .map((state) => ({ ...state, type: stepOfPath(state.path) }))
      .filter((record) => ['home', 'category', 'product', 'cart'].includes(record.type))
    return { views: records.length, p75: vitalsP75(records), errors }
  }

  return { start, results }
}
