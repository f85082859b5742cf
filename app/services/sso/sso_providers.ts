import { inject } from '@adonisjs/core'
import type { Locale } from '@comptoir/contracts/commerce'
import type { SsoAudience, SsoProvider } from '@comptoir/contracts/sso_provider'
import PluginKernel from '#plugin_kernel/plugin_kernel'
import { localizedPath } from '#support/locale_paths'

/** A sign-in button as pages show it. */
export interface SsoButton {
  readonly code: string
  /** The provider's name, for "Continuer avec …". */
  readonly label: string
  readonly logoUrl: string | null
  /** Where the button leads: the core's start route for this audience. */
  readonly href: string
}

/** The SSO providers enabled plugins offer, for one audience. */
@inject()
export default class SsoProviders {
  constructor(protected kernel: PluginKernel) {}

  /** `returnTo` is where a shopper goes back once signed in (the page showing the button). */
  async buttons(
    audience: SsoAudience,
    locale: Locale,
    returnTo: string | null = null
  ): Promise<SsoButton[]> {
    const providers = await this.for(audience)
    const query = returnTo ? `?${new URLSearchParams({ return: returnTo })}` : ''
    return providers.map((provider) => ({
      code: provider.code,
      label: provider.label(locale),
      logoUrl: provider.logoUrl(),
      href:
        audience === 'admins'
          ? `/admin/sso/${provider.code}/start`
          : `${localizedPath(`/auth/sso/${provider.code}/start`, locale)}${query}`,
    }))
  }

  async find(code: string, audience: SsoAudience): Promise<SsoProvider | null> {
    const providers = await this.for(audience)
    return providers.find((provider) => provider.code === code) ?? null
  }

  private async for(audience: SsoAudience) {
    const providers = await this.kernel.registry.providers('sso')
    return providers
      .map(({ provider }) => provider)
      .filter((provider) => provider.audiences().includes(audience))
  }
}
