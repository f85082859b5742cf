import type { HttpContext } from '@adonisjs/core/http'
import { errors as lucidErrors } from '@adonisjs/lucid'
import { errors } from '@vinejs/vine'
import IdentityProvider from '#src/identity_provider'
import ProviderDirectory from '#src/provider_directory'
import { providerValidator } from '#src/provider_validator'
import { ADMIN_PROVIDERS_PATH as BASE } from '#src/paths'

const FIELDS = [
  'code',
  'label',
  'issuer',
  'clientId',
  'clientSecret',
  'scopes',
  'audience',
  'logoUrl',
  'enabled',
]

/**
 * The identity providers: any number, each with its issuer, client, scopes,
 * button label, logo and audience. The client secret is never shown back.
 */
export default class ProvidersController {
  constructor(protected directory = new ProviderDirectory()) {}

  async index({ view }: HttpContext) {
    return view.render('sso-oidc::admin/providers', {
      base: BASE,
      providers: await this.directory.all(),
    })
  }

  async create({ view }: HttpContext) {
    return view.render('sso-oidc::admin/provider_form', this.form(null))
  }

  async store(ctx: HttpContext) {
    return this.save(ctx, null)
  }

  async edit({ params, view }: HttpContext) {
    return view.render('sso-oidc::admin/provider_form', this.form(await this.find(params.id)))
  }

  async update(ctx: HttpContext) {
    return this.save(ctx, await this.find(ctx.params.id))
  }

  async destroy({ params, session, i18n, response }: HttpContext) {
    const provider = await this.find(params.id)
    await this.directory.remove(provider)
    session.flash('success', i18n.t('sso-oidc.admin.removed', { label: provider.label }))
    return response.redirect().toPath(BASE)
  }

  private async save(
    { request, session, i18n, response }: HttpContext,
    row: IdentityProvider | null
  ) {
    const input = await request.validateUsing(providerValidator({ creating: !row }), {
      data: blanksAsMissing(request.only(FIELDS)),
    })
    const taken = await IdentityProvider.query()
      .where('code', input.code)
      .if(row, (query) => query.whereNot('id', row!.id))
      .first()
    if (taken) {
      throw new errors.E_VALIDATION_ERROR([
        { field: 'code', message: i18n.t('sso-oidc.admin.code_taken'), rule: 'unique' },
      ])
    }
    // Linked identities are keyed by code and `sub`, and a `sub` is unique only
    // within its issuer: another issuer under the same code would sign its
    // users into the accounts linked at the first one. A new provider instead.
    const moved = row ? (['code', 'issuer'] as const).filter((f) => input[f] !== row[f]) : []
    if (moved.length) {
      throw new errors.E_VALIDATION_ERROR(
        moved.map((field) => ({
          field,
          message: i18n.t('sso-oidc.admin.fixed_once_saved'),
          rule: 'immutable',
        }))
      )
    }
    const saved = await this.directory.save(row, {
      ...input,
      clientSecret: input.clientSecret ?? null,
      logoUrl: input.logoUrl ?? null,
      enabled: input.enabled ?? false,
    })
    session.flash('success', i18n.t('sso-oidc.admin.saved', { label: saved.label }))
    return response.redirect().toPath(BASE)
  }

  private form(provider: IdentityProvider | null) {
    return {
      base: BASE,
      provider,
      action: provider ? `${BASE}/${provider.id}?_method=PUT` : BASE,
      audiences: ['shoppers', 'admins', 'both'],
    }
  }

  private async find(id: unknown) {
    const provider = await this.directory.find(Number(id))
    if (!provider) throw new lucidErrors.E_ROW_NOT_FOUND()
    return provider
  }
}

/** An empty optional field is no value, not an empty string. */
function blanksAsMissing(input: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== '' && value !== null)
  )
}
