import type { BrowserContext, Page, Request } from 'playwright'

/** The viewport a page's first screen is judged in. */
export const FIRST_VIEWPORT = { width: 1280, height: 800 }

/** One resource a page requested on first load, with its uncompressed size. */
export interface LoadedResource {
  url: string
  type: string
  bytes: number
  /** An image of an <img> lying wholly below the first viewport. */
  belowTheFold: boolean
}

/** What a page cost on its first load in a fresh context. */
export interface PageWeight {
  /** The page, still open, to check what it shows. */
  page: Page
  html: number
  js: number
  css: number
  /** Every request but the lazy images below the first viewport. */
  requests: number
  resources: LoadedResource[]
  /** <img> and <picture> <source> elements without width or height, as markup. */
  unsized: string[]
  /** <img> elements below the first viewport that load eagerly, as markup. */
  eagerBelowTheFold: string[]
}

/**
 * Runs in the page (as a string: this project compiles without the DOM types):
 * the images' positions at first paint and the elements missing a size.
 */
const INSPECT_IMAGES = `(() => {
  const markup = (element) => element.outerHTML.slice(0, 160)
  const images = [...document.images].map((image) => ({
    src: image.currentSrc,
    markup: markup(image),
    lazy: image.loading === 'lazy',
    below: image.getBoundingClientRect().top >= window.innerHeight,
  }))
  const unsized = [...document.querySelectorAll('img, picture > source')]
    .filter((element) => !element.hasAttribute('width') || !element.hasAttribute('height'))
    .map(markup)
  return { images, unsized }
})()`

interface InspectedImages {
  images: { src: string; markup: string; lazy: boolean; below: boolean }[]
  unsized: string[]
}

/**
 * Opens a page in a new tab of the given (fresh) context at the first
 * viewport, waits until the network is idle, and weighs every response by its
 * decoded body. An image request is left out of the count only when every
 * <img> showing it is lazy and below the first viewport: Chromium fetches
 * such images ahead of scrolling, a shopper's browser on a slower link does not.
 */
export async function weighFirstLoad(context: BrowserContext, url: string): Promise<PageWeight> {
  const page = await context.newPage()
  await page.setViewportSize(FIRST_VIEWPORT)
  const requests: Request[] = []
  page.on('request', (request) => requests.push(request))

  const document = await page.goto(url, { waitUntil: 'load' })
  if (!document?.ok()) throw new Error(`${url} answered ${document?.status()}`)
  await page.waitForLoadState('networkidle')
  const inspected = (await page.evaluate(INSPECT_IMAGES)) as InspectedImages

  const aboveTheFold = new Set(inspected.images.filter((i) => !i.below).map((i) => i.src))
  const lazyBelow = new Set(
    inspected.images.filter((i) => i.below && i.lazy && !aboveTheFold.has(i.src)).map((i) => i.src)
  )
  const resources = await Promise.all(
    requests.map(async (request): Promise<LoadedResource> => {
      const response = await request.response()
      // Redirects and failed requests have no body, and still count.
      const body = await response?.body().catch(() => null)
      return {
        url: request.url(),
        type: request === document.request() ? 'document' : request.resourceType(),
        bytes: body?.length ?? 0,
        belowTheFold: request.resourceType() === 'image' && lazyBelow.has(request.url()),
      }
    })
  )

  const total = (type: string) =>
    resources.filter((r) => r.type === type).reduce((sum, r) => sum + r.bytes, 0)
  return {
    page,
    html: total('document'),
    js: total('script'),
    css: total('stylesheet'),
    requests: resources.filter((r) => !r.belowTheFold).length,
    resources,
    unsized: inspected.unsized,
    eagerBelowTheFold: inspected.images.filter((i) => i.below && !i.lazy).map((i) => i.markup),
  }
}
