import type { HttpContext } from '@adonisjs/core/http'
import { hasDecided } from '#domain/cookie_consent'
import TrackerCatalog from '#services/privacy/tracker_catalog'
import { readConsent } from '#support/consent_cookie'

/**
 * What the storefront layout needs for cookie consent (LEGAL.md R-02): the
 * trackers of the enabled plugins, their purposes, whether this visitor has
 * chosen (the banner is then rendered hidden), and their inert markup. With
 * no tracker declared, there is no banner and no script at all.
 */
export async function shareCookieConsent(ctx: HttpContext) {
  const catalog = await ctx.containerResolver.make(TrackerCatalog)
  const trackers = await catalog.declared()
  const purposes = catalog.purposes(trackers)
  const choices = readConsent(ctx.request)
  ctx.view.share({
    cookieConsent: {
      active: trackers.length > 0,
      purposes,
      decided: hasDecided(choices, purposes),
      // The page being shown, to come back to after choosing.
      returnTo: ctx.request.url(),
      templates: () => catalog.templates(trackers, (template) => ctx.view.render(template)),
    },
  })
}
