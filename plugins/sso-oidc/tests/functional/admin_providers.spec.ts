import { test } from '@japa/runner'
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
      providers.map(({ provider }) => [provider.code, provider.label('fr'), provider.audiences()]),
      [['keycloak', 'Keycloak', ['shoppers', 'admins']]]
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
    await kit.installedPlugin(cleanup, PLUGIN)
    const owner = await kit.adminUser(cleanup)
    await client.post(BASE).loginAs(owner).form(FORM).withCsrfToken()
    const row = await IdentityProvider.findByOrFail('code', 'keycloak')

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

  test('refuses a plain-HTTP issuer, a scope without openid and a code already used', async ({
    client,
    assert,
    cleanup,
  }) => {
    await kit.installedPlugin(cleanup, PLUGIN)
    const owner = await kit.adminUser(cleanup)
    await client.post(BASE).loginAs(owner).form(FORM).withCsrfToken()

    const response = await client
      .post(BASE)
      .loginAs(owner)
      .form({ ...FORM, issuer: 'http://sso.example.com', scopes: 'email' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const errors = response.flashMessages().inputErrorsBag as Record<string, unknown>
    assert.containsSubset(Object.keys(errors), ['issuer', 'scopes'])

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
