import { createHash } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import type { TrackerPurpose } from '@comptoir/contracts/trackers'
import { hasDecided } from '#domain/cookie_consent'
import CartService from '#services/cart/cart_service'
import StorefrontCatalog from '#services/catalog/storefront_catalog'
import { keepMembersPricesPrivate } from '#support/members_prices'
import { readConsent } from '#support/consent_cookie'
import { csrfSecretOf, csrfTokenFor } from '#support/csrf'
import { recentlyViewedIds, rememberViewed } from '#support/recently_viewed'
import { CART_COOKIE } from '#support/shopper'
import type { PriceViewer } from '#services/pricing/effective_prices'

/**
 * The parts of a storefront page that belong to one visitor. Templates never
 * render them: they leave a marker (the `visitorBit` view global), and every
 * page, cached or not, gets them filled here just before it is sent. So the
 * bytes a page cache keeps are the same for everybody, and a cached page
 * still carries the visitor's own CSRF token: forms work without JavaScript.
 */
export const VISITOR_BITS = [
  'csrf_token',
  'cart_count',
  'recently_viewed',
  'consent_hidden',
] as const
export type VisitorBit = (typeof VISITOR_BITS)[number]

const MARKER_START = '<!--visitor:'
const MARKER_END = '-->'

export function visitorBitMarker(bit: VisitorBit) {
  return `${MARKER_START}${bit}${MARKER_END}`
}

export function hasVisitorBits(body: string) {
  return body.includes(MARKER_START)
}

/** The facts about the page its visitor bits depend on (kept with a cached page). */
export interface PageFacts {
  productId: number | null
  consentPurposes: string[]
}

export interface FilledPage {
  body: string
  /** Identifies this visitor's bits, for the ETag (the CSRF token itself changes on every view). */
  fingerprint: string
}

export async function fillVisitorBits(
  ctx: HttpContext,
  body: string,
  facts: PageFacts,
  viewer: PriceViewer
): Promise<FilledPage> {
  const secret = csrfSecretOf(ctx)
  const recentIds = recentlyViewedIds(ctx.request).filter((id) => id !== facts.productId)
  if (facts.productId !== null) rememberViewed(ctx.response, recentIds, facts.productId)

  const units = await countUnits(ctx, body, viewer)
  const decided =
    facts.consentPurposes.length > 0 &&
    hasDecided(readConsent(ctx.request), facts.consentPurposes as TrackerPurpose[])
  const values: Record<VisitorBit, () => Promise<string> | string> = {
    // Each form's token is salted anew.
    csrf_token: () => csrfTokenFor(secret),
    cart_count: () => (units > 0 ? ctx.view.render('components/layout/cart_count', { units }) : ''),
    consent_hidden: () => (decided ? ' hidden' : ''),
    recently_viewed: () => recentlyViewed(ctx, recentIds, viewer),
  }

  // One pass over the page, copying it up to each marker and the marker's value.
  let filled = ''
  let from = 0
  for (let at = body.indexOf(MARKER_START); at !== -1; at = body.indexOf(MARKER_START, from)) {
    const end = body.indexOf(MARKER_END, at) + MARKER_END.length
    if (end < MARKER_END.length) break
    const name = body.slice(at + MARKER_START.length, end - MARKER_END.length)
    const value = Object.hasOwn(values, name) ? values[name as VisitorBit] : null
    // Anything else looking like a marker is page content: left as it is.
    filled += body.slice(from, at) + (value ? await value() : body.slice(at, end))
    from = end
  }
  filled += body.slice(from)
  const fingerprint = createHash('sha256')
    .update([secret, units, recentIds.join('.'), decided].join('|'))
    .digest('base64url')
    .slice(0, 16)
  return { body: filled, fingerprint }
}

async function countUnits(ctx: HttpContext, body: string, viewer: PriceViewer) {
  if (!body.includes(visitorBitMarker('cart_count'))) return 0
  const carts = await ctx.containerResolver.make(CartService)
  return carts.unitCount(ctx.request.cookie(CART_COOKIE) ?? null, viewer.customerId)
}

async function recentlyViewed(ctx: HttpContext, ids: number[], viewer: PriceViewer) {
  if (ids.length === 0) return ''
  const catalog = await ctx.containerResolver.make(StorefrontCatalog)
  const cards = await catalog.cards(ids.slice(0, 4), ctx.i18n.locale, viewer)
  if (cards.length === 0) return ''
  keepMembersPricesPrivate(ctx.response, cards)
  return ctx.view.render('components/catalog/recently_viewed', { cards })
}
