import { test } from '@japa/runner'
import type { TestContext } from '@japa/runner/core'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import IdentityProvider from '#src/identity_provider'
import { ADMIN_PROVIDERS_PATH as BASE } from '#src/paths'
import { PLUGIN, kit } from '#tests/helpers/sso_plugin'

const FORM = {
  label: 'Keycloak',
  code: 'keycloak',
  issuer: 'https://sso.example.com/realms/shop',
  clientId: 'comptoir',
  clientSecret: 's3cr3t-value',
  scopes: 'openid email profile',
  audience: 'both',
  logoUrl: '/images/sso/keycloak.svg',
  enabled: '1',
}

test.group('Identity providers in the back office', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('an owner adds a provider: secret encrypted at rest, offered to the core at once', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { kernel } = await kit.installedPlugin(cleanup, PLUGIN)
    const owner = await kit.adminUser(cleanup)

    const response = await client.post(BASE).loginAs(owner).form(FORM).withCsrfToken().redirects(0)

    response.assertHeader('location', BASE)
    const row = await db.from('sso_oidc_providers').where('code', 'keycloak').firstOrFail()
    assert.notInclude(row.client_secret, 's3cr3t-value')
    const saved = await IdentityProvider.findOrFail(row.id)
    assert.equal(saved.secret(), 's3cr3t-value')
    kernel.registry.invalidate()
    const providers = await kernel.registry.providers('sso')
    assert.deepEqual(
      providers.map(({ provider }) => [
        provider.code,
        provider.label('fr'),
        provider.audiences(),
        provider.logoUrl(),
      ]),
      [['keycloak', 'Keycloak', ['shoppers', 'admins'], '/images/sso/keycloak.svg']]
    )

    const list = await client.get(BASE).loginAs(owner)
    list.assertTextIncludes('/auth/sso/keycloak/callback')
    list.assertTextIncludes('/admin/sso/keycloak/callback')
    assert.notInclude(list.text(), 's3cr3t-value')
  })

  test('editing keeps the stored secret when the field is left empty', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { owner, row } = await savedProvider({ client, cleanup })

    const edit = await client.get(`${BASE}/${row.id}/edit`).loginAs(owner)
    assert.notInclude(edit.text(), 's3cr3t-value')
    await client
      .put(`${BASE}/${row.id}`)
      .loginAs(owner)
      .form({ ...FORM, label: 'Keycloak SSO', clientSecret: '', audience: 'admins' })
      .withCsrfToken()

    await row.refresh()
    assert.equal(row.label, 'Keycloak SSO')
    assert.equal(row.audience, 'admins')
    assert.equal(row.secret(), 's3cr3t-value')
  })

  test('refuses to move a saved provider to another issuer or code', async ({
    client,
    assert,
    cleanup,
  }) => {
    // Identities are linked by code and `sub`, which only the issuer makes unique.
    const { owner, row } = await savedProvider({ client, cleanup })

    const response = await client
      .put(`${BASE}/${row.id}`)
      .loginAs(owner)
      .form({ ...FORM, code: 'other', issuer: 'https://evil.example.com/realms/shop' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const errors = response.flashMessages().inputErrorsBag as Record<string, unknown>
    assert.containsSubset(Object.keys(errors), ['code', 'issuer'])
    await row.refresh()
    assert.equal(row.code, 'keycloak')
    assert.equal(row.issuer, FORM.issuer)
  })

  test('refuses a plain-HTTP issuer, a scope without openid and a code already used', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { owner } = await savedProvider({ client, cleanup })

    const response = await client
      .post(BASE)
      .loginAs(owner)
      .form({
        ...FORM,
        issuer: 'http://sso.example.com',
        scopes: 'email',
        // Another host's image would be blocked by the CSP (img-src 'self').
        logoUrl: 'https://cdn.example.com/logo.svg',
      })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const errors = response.flashMessages().inputErrorsBag as Record<string, unknown>
    assert.containsSubset(Object.keys(errors), ['issuer', 'scopes', 'logoUrl'])

    const duplicate = await client.post(BASE).loginAs(owner).form(FORM).withCsrfToken().redirects(0)
    const duplicateErrors = duplicate.flashMessages().inputErrorsBag as Record<string, unknown>
    assert.property(duplicateErrors, 'code')
    assert.lengthOf(await db.from('sso_oidc_providers'), 1)
  })

  test('a manager cannot manage providers', async ({ client, cleanup }) => {
    await kit.installedPlugin(cleanup, PLUGIN)
    const manager = await kit.adminUser(cleanup, 'manager')
    const response = await client.get(BASE).loginAs(manager).redirects(0)
    response.assertStatus(403)
  })
})

/** The plugin installed, an owner, and the provider of FORM saved by them. */
async function savedProvider({ client, cleanup }: Pick<TestContext, 'client' | 'cleanup'>) {
  await kit.installedPlugin(cleanup, PLUGIN)
  const owner = await kit.adminUser(cleanup)
  await client.post(BASE).loginAs(owner).form(FORM).withCsrfToken()
  return { owner, row: await IdentityProvider.findByOrFail('code', 'keycloak') }
}
