import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import logger from '@adonisjs/core/services/logger'
import { appUrl } from '#config/app'
import AdminUser from '#models/admin_user'
import AdminSsoService from '#services/sso/admin_sso_service'
import SsoProviders from '#services/sso/sso_providers'
import {
  ADMIN_SSO_SESSION_KEY,
  type AdminSsoSession,
  keepFlow,
  returnedUrl,
  takeFlow,
} from '#support/sso_flow'
import { adminSsoPolicyValidator } from '#validators/admin_sso'

/**
 * Back-office sign-in with an SSO provider (existing staff only) and the
 * owner's switch making SSO mandatory.
 */
@inject()
export default class SsoController {
  constructor(
    protected providers: SsoProviders,
    protected adminSso: AdminSsoService
  ) {}

  async start(ctx: HttpContext) {
    const { params, response, session, i18n } = ctx
    const provider = await this.providers.find(params.code, 'admins')
    if (!provider) return response.notFound()
    try {
      const start = await provider.start({
        audience: 'admins',
        callbackUrl: callbackUrl(params.code),
      })
      keepFlow(ctx, 'admins', {
        code: params.code,
        state: start.state,
        returnTo: null,
        startedAt: Date.now(),
      })
      return response.redirect(start.url)
    } catch (error) {
      logger.error({ err: error, provider: params.code }, 'SSO start failed')
      session.flash('error', i18n.t('sso.errors.unavailable'))
      return response.redirect().toRoute('admin.login')
    }
  }

  async callback(ctx: HttpContext) {
    const { params, request, response, session, auth } = ctx
    const flow = takeFlow(ctx, 'admins', params.code)
    const provider = await this.providers.find(params.code, 'admins')
    if (!flow || !provider) {
      await this.adminSso.rejected(params.code, 'no pending sign-in (state)', request.ip())
      return this.refuse(ctx, 'sso.errors.rejected')
    }
    const url = callbackUrl(params.code)
    const answer = await provider
      .callback({ callbackUrl: url, currentUrl: returnedUrl(ctx, url), state: flow.state })
      .catch((error: Error) => ({ kind: 'rejected' as const, reason: error.message }))
    if (answer.kind === 'rejected') {
      await this.adminSso.rejected(params.code, answer.reason, request.ip())
      return this.refuse(ctx, 'sso.errors.rejected')
    }
    const result = await this.adminSso.complete(params.code, answer.identity, request.ip())
    if (result.status === 'refused') return this.refuse(ctx, 'sso.errors.no_admin_user')

    session.regenerate()
    await auth.use('admin').login(result.user)
    const opened: AdminSsoSession = { code: params.code, idToken: answer.identity.idToken ?? null }
    session.put(ADMIN_SSO_SESSION_KEY, opened)
    return response.redirect().toRoute('admin.dashboard')
  }

  async edit({ view }: HttpContext) {
    const owners = await AdminUser.query().where('role', 'owner').orderBy('email')
    const policy = await this.adminSso.policy()
    return view.render('pages/admin/sso', {
      policy,
      breakGlassId: policy.breakGlass ? String(policy.breakGlass.id) : '',
      owners: owners.map((owner) => ({ value: String(owner.id), label: owner.email })),
    })
  }

  async update({ request, response, session, i18n, auth }: HttpContext) {
    const input = await request.validateUsing(adminSsoPolicyValidator)
    const result = await this.adminSso.setPolicy(
      {
        required: input.required ?? false,
        breakGlassAdminUserId: input.breakGlassAdminUserId ?? null,
      },
      auth.use('admin').user!,
      request.ip()
    )
    session.flash(
      result.status === 'saved' ? 'success' : 'error',
      i18n.t(result.status === 'saved' ? 'sso.admin.saved' : `sso.admin.${result.reason}`)
    )
    return response.redirect().toRoute('admin.sso.edit')
  }

  private refuse({ session, i18n, response }: HttpContext, key: string) {
    session.flash('error', i18n.t(key))
    return response.redirect().toRoute('admin.login')
  }
}

/** The redirect URI registered at the provider for the back office. */
function callbackUrl(code: string) {
  return `${appUrl.replace(/\/$/, '')}/admin/sso/${code}/callback`
}
