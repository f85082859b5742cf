import type { HttpContext } from '@adonisjs/core/http'
import TrackerCatalog from '#services/privacy/tracker_catalog'

/**
 * What the storefront layout needs for cookie consent (LEGAL.md R-02): the
 * trackers of the enabled plugins, their purposes and their inert markup.
 * Whether this visitor has chosen (the banner is then hidden) is theirs: it
 * is filled in when the page is sent (#services/page_cache/visitor_bits).
 * With no tracker declared, there is no banner and no script at all.
 */
export async function shareCookieConsent(ctx: HttpContext) {
  const catalog = await ctx.containerResolver.make(TrackerCatalog)
  const trackers = await catalog.declared()
  const purposes = catalog.purposes(trackers)
  ctx.pageRender.consentPurposes = purposes
  ctx.view.share({
    cookieConsent: {
      active: trackers.length > 0,
      purposes,
      // The page being shown, to come back to after choosing.
      returnTo: ctx.request.url(),
      templates: () => catalog.templates(trackers, (template) => ctx.view.render(template)),
    },
  })
}
