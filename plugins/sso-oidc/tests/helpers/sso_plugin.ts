import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import IdentityProvider, { type ProviderAudience } from '#src/identity_provider'
import { CLIENT_ID, CLIENT_SECRET, startTestIdp, type TestAccount } from '#tests/helpers/test_idp'

/**
 * This plugin's tests run in the shop's test runner; the core's test helpers
 * come from the container, as a plugin cannot import core files.
 */
export const kit = await app.container.make('comptoir.plugin_test_kit')

export const PLUGIN = 'sso-oidc'
export const CODE = 'test-idp'

type Cleanup = (handler: () => Promise<void>) => void
type Kernel = Awaited<ReturnType<typeof kit.usePluginSandbox>>['kernel']

/** The shop's address, as the provider's client knows it (APP_URL). */
export const appUrl = () => process.env.APP_URL!.replace(/\/$/, '')

let sequence = 0

/** A person at the provider with an address no other test uses. */
export function idpAccount(name: string, emailVerified = true): TestAccount {
  sequence += 1
  return {
    sub: `${name}-${process.pid}-${sequence}`,
    email: `${name}.${process.pid}.${sequence}@idp.example`,
    emailVerified,
    givenName: 'Claire',
    familyName: 'Martin',
  }
}

/** The test provider configured in this plugin's table and offered by the kernel. */
export async function configureProvider(
  kernel: Kernel,
  issuer: string,
  audience: ProviderAudience = 'both'
) {
  const provider = new IdentityProvider()
  provider.merge({
    code: CODE,
    label: 'Test IdP',
    issuer,
    clientId: CLIENT_ID,
    scopes: 'openid email profile',
    audience,
    logoUrl: null,
    enabled: true,
  })
  provider.setSecret(CLIENT_SECRET)
  await provider.save()
  kernel.registry.invalidate()
  return provider
}

async function runningIdp(cleanup: Cleanup, kernel: Kernel, audience: ProviderAudience) {
  const idp = await startTestIdp(appUrl())
  cleanup(() => idp.close())
  await configureProvider(kernel, idp.issuer, audience)
  return idp
}

/** A running provider and this plugin alone, installed in a sandbox and enabled. */
export async function ssoOnTestIdp(cleanup: Cleanup, audience: ProviderAudience = 'both') {
  const { kernel } = await kit.installedPlugin(cleanup, PLUGIN)
  return { kernel, idp: await runningIdp(cleanup, kernel, audience) }
}

/**
 * A shop that takes orders (catalog, CGV, table-rate delivery, bank
 * transfer) with this plugin enabled on the test provider.
 */
export async function ssoShop(cleanup: Cleanup) {
  const { catalog, kernel } = await kit.checkoutShop(cleanup)
  for (const command of ['plugin:install', 'plugin:enable']) {
    const target = command === 'plugin:install' ? app.makePath('plugins', PLUGIN) : PLUGIN
    const result = await kit.runAce(command, [target])
    if (result.exitCode) throw new Error(`${command} failed: ${result.output}`)
  }
  return { catalog, kernel, idp: await runningIdp(cleanup, kernel, 'both') }
}

/** What the core keeps of linked identities, for assertions. */
export function identities(where: Record<string, unknown> = {}) {
  return db.from('sso_identities').where(where).orderBy('id')
}
