import IdentityProvider from '#src/identity_provider'
import { OidcSsoProvider } from '#src/oidc_sso_provider'

/** What the merchant enters for a provider (see `provider_validator.ts`). */
export interface ProviderInput {
  code: string
  label: string
  issuer: string
  clientId: string
  /** Empty when editing: the stored secret is kept. */
  clientSecret: string | null
  scopes: string
  audience: IdentityProvider['audience']
  logoUrl: string | null
  enabled: boolean
}

/** The providers of this plugin's table, and the `SsoProvider` each becomes. */
export default class ProviderDirectory {
  all() {
    return IdentityProvider.query().orderBy('label').orderBy('id')
  }

  find(id: number) {
    return IdentityProvider.find(id)
  }

  /** The enabled providers, as the kernel offers them to the core. */
  async ssoProviders(): Promise<OidcSsoProvider[]> {
    const rows = await IdentityProvider.query().where('enabled', true).orderBy('label')
    return rows.map(
      (row) =>
        new OidcSsoProvider({
          code: row.code,
          label: row.label,
          issuer: row.issuer,
          clientId: row.clientId,
          clientSecret: row.secret(),
          scopes: row.scopes,
          audiences: row.audiences(),
          logoUrl: row.logoUrl,
          version: String(row.updatedAt.toMillis()),
        })
    )
  }

  async save(row: IdentityProvider | null, input: ProviderInput) {
    const provider = row ?? new IdentityProvider()
    const { clientSecret, ...fields } = input
    provider.merge(fields)
    if (clientSecret) provider.setSecret(clientSecret)
    await provider.save()
    return provider
  }

  async remove(row: IdentityProvider) {
    await row.delete()
  }
}
