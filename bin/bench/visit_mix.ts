/**
 * Page views per shopper visit: taken from the load test's report
 * (tmp/loadtest/latest.json) when there is one, else a documented default.
 * Pure: the parsed report in, views per page type out.
 */
export const PAGE_TYPES = ['home', 'category', 'product', 'search', 'cart', 'checkout'] as const
export type PageType = (typeof PAGE_TYPES)[number]
export type VisitMix = Record<PageType, number>

/**
 * A shopper lands on the home page, browses two categories, searches once,
 * opens three products, looks at the cart once and, in one visit out of
 * five, goes through the five checkout pages (identification to review).
 */
export const DEFAULT_MIX: VisitMix = {
  home: 1,
  category: 2,
  product: 3,
  search: 1,
  cart: 1,
  checkout: 1,
}

/**
 * The page type a load-test step loads. Adding to cart answers with the
 * cart page (a redirect then the page), so it counts as a cart view.
 */
export function pageTypeOfStep(step: string): PageType | null {
  const name = step.toLowerCase()
  if (name.includes('checkout') || name.includes('order') || name.includes('payment'))
    return 'checkout'
  if (name.includes('cart')) return 'cart'
  if (name.includes('search')) return 'search'
  if (name.includes('categor') || name.includes('facet') || name.includes('browse'))
    return 'category'
  if (name.includes('product')) return 'product'
  if (name.includes('home') || name.includes('land')) return 'home'
  return null
}

type StepEntry = { name?: string; step?: string; count?: number; requests?: number; total?: number }

function stepCounts(report: any): [string, number][] {
  const steps = report?.steps
  const countOf = (entry: StepEntry | number) =>
    typeof entry === 'number' ? entry : Number(entry?.count ?? entry?.requests ?? entry?.total ?? 0)
  if (Array.isArray(steps)) {
    return steps.map((entry: StepEntry) => [String(entry.name ?? entry.step ?? ''), countOf(entry)])
  }
  if (steps && typeof steps === 'object') {
    return Object.entries(steps).map(([name, entry]) => [name, countOf(entry as StepEntry)])
  }
  return []
}

/**
 * Views per visit from the load test's per-step request counts, divided by the
 * number of visits (the report's `visits`/`shoppers` count, else the home
 * page's count: every simulated shopper lands there). Null when the report
 * does not say enough.
 */
export function mixFromLoadTest(report: unknown): VisitMix | null {
  const counts = { home: 0, category: 0, product: 0, search: 0, cart: 0, checkout: 0 }
  for (const [name, count] of stepCounts(report)) {
    const type = pageTypeOfStep(name)
    if (type && Number.isFinite(count) && count > 0) counts[type] += count
  }
  const declared = Number((report as any)?.visits ?? (report as any)?.shoppersCompleted ?? 0)
  const visits = declared > 0 ? declared : counts.home
  if (!(visits > 0)) return null
  const mix = { ...counts }
  for (const type of PAGE_TYPES) mix[type] = Math.round((counts[type] / visits) * 100) / 100
  return mix
}

export interface PageCost {
  /** bytes of a first view: HTML plus every asset it loads */
  firstView: number
  /** bytes of the same page again, browser cache warm */
  repeatView: number
  /** bytes of another page of this type once the shop's CSS/JS are cached: HTML and its images */
  warmView: number
  cpuMs: number
}

/**
 * One visit weighted by the mix: the landing page (the first home view, or the
 * first page in the mix) costs a first view, every other view a warm one.
 */
export function visitCost(costs: Record<PageType, PageCost>, mix: VisitMix) {
  let pages = 0
  let bytes = 0
  let cpuMs = 0
  for (const type of PAGE_TYPES) {
    const views = mix[type]
    if (!(views > 0)) continue
    pages += views
    bytes += views * costs[type].warmView
    cpuMs += views * costs[type].cpuMs
  }
  const landing = PAGE_TYPES.find((type) => mix[type] > 0)
  if (landing) bytes += costs[landing].firstView - costs[landing].warmView
  return { pages, bytes, cpuMs }
}
