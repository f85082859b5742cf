import cache from '@adonisjs/cache/services/main'
import type { TestContext } from '@japa/runner/core'
import PageCache from '#services/page_cache/page_cache'

/**
 * Turns the page cache on for one test (.env.test leaves it off: other tests
 * write the catalog straight to the database, which no purge hears of), and
 * empties it before and after.
 */
export async function usePageCache(cleanup: TestContext['cleanup']) {
  await cache.namespace('pages').clear()
  PageCache.enabled = true
  cleanup(async () => {
    PageCache.enabled = false
    await cache.namespace('pages').clear()
  })
}

/** The CSRF tokens of a page's forms. */
export function csrfTokensIn(html: string): string[] {
  return [...html.matchAll(/name='_csrf' value='([^']+)'/g)].map((match) => match[1])
}
