import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { CODE, identities, idpAccount, kit, ssoOnTestIdp } from '#tests/helpers/sso_plugin'
import type { TestIdp } from '#tests/helpers/test_idp'

async function adminSignIn(client: ApiClient, idp: TestIdp) {
  const start = await client.get(`/admin/sso/${CODE}/start`).redirects(0)
  start.assertStatus(302)
  const back = await idp.authorize(start.header('location')!)
  assertCallbackPath(back, `/admin/sso/${CODE}/callback`)
  return client.get(`${back.pathname}${back.search}`).withSession(start.session()).redirects(0)
}

function assertCallbackPath(url: URL, path: string) {
  if (url.pathname !== path) throw new Error(`came back to ${url.pathname}`)
}

async function auditEntries(action: string) {
  const rows = await db.from('audit_logs').where('action', action).orderBy('id')
  return rows.map((row) => ({ ...row, changes: row.changes ? JSON.parse(row.changes) : null }))
}

test.group('SSO for staff', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('the admin login page offers the provider', async ({ client, cleanup }) => {
    await ssoOnTestIdp(cleanup)
    const page = await client.get('/admin/login')
    page.assertTextIncludes('Continuer avec Test IdP')
    page.assertTextIncludes(`href="/admin/sso/${CODE}/start"`)
  })

  test('an existing member of staff lands on the dashboard with the role Comptoir gives', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { idp } = await ssoOnTestIdp(cleanup)
    const manager = await kit.adminUser(cleanup, 'manager')
    const person = { ...idpAccount('staff'), email: manager.email }
    idp.signInAs(person)

    const response = await adminSignIn(client, idp)

    response.assertHeader('location', '/admin')
    const [identity] = await identities({ audience: 'admins', subject: person.sub })
    assert.equal(identity.admin_user_id, manager.id)
    const [entry] = await auditEntries('admin_user.sso_sign_in')
    assert.equal(entry.admin_user_id, manager.id)
    assert.isNotNull(entry.ip)
    assert.deepEqual(entry.changes, { provider: CODE, linked: true })
    const dashboard = await client.get('/admin').withSession(response.session())
    dashboard.assertStatus(200)
    // A manager is not an owner: the owner's pages stay closed.
    const ownerPage = await client.get('/admin/sso').withSession(response.session()).redirects(0)
    assert.notEqual(ownerPage.status(), 200)
    assert.lengthOf(await db.from('admin_users'), 1, 'no account created')

    // The second time, the linked identity is enough.
    idp.signInAs({ ...person, email: 'other@idp.example' })
    const again = await adminSignIn(client, idp)
    again.assertHeader('location', '/admin')
    assert.lengthOf(await identities({ audience: 'admins' }), 1)
  })

  test('an identity with no staff account is refused, logged, and nothing is created', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { idp } = await ssoOnTestIdp(cleanup)
    const person = idpAccount('stranger')
    idp.signInAs(person)

    const response = await adminSignIn(client, idp)

    response.assertHeader('location', '/admin/login')
    response.assertFlashMessage(
      'error',
      "Aucun compte d'équipe ne correspond à cette identité. Demandez à un propriétaire de vous inviter."
    )
    assert.lengthOf(await db.from('admin_users'), 0)
    assert.lengthOf(await identities(), 0)
    const [entry] = await auditEntries('admin_user.sso_sign_in_fail')
    assert.deepEqual(entry.changes, {
      provider: CODE,
      reason: 'no_admin_user',
      email: person.email,
    })
    assert.isNotNull(entry.ip)
  })

  test('an unverified email of a member of staff is not enough', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { idp } = await ssoOnTestIdp(cleanup)
    const owner = await kit.adminUser(cleanup)
    idp.signInAs({ ...idpAccount('unverified', false), email: owner.email })

    const response = await adminSignIn(client, idp)

    response.assertHeader('location', '/admin/login')
    assert.lengthOf(await identities(), 0)
  })

  test('a forged ID token is refused and the failure logged with why', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { idp } = await ssoOnTestIdp(cleanup)
    const owner = await kit.adminUser(cleanup)
    idp.signInAs({ ...idpAccount('owner'), email: owner.email })
    idp.tamper({ otherKey: true })

    const response = await adminSignIn(client, idp)

    response.assertHeader('location', '/admin/login')
    assert.lengthOf(await identities(), 0)
    const [entry] = await auditEntries('admin_user.sso_sign_in_fail')
    assert.include(entry.changes.reason, 'JWT signature verification failed')
    assert.lengthOf(await auditEntries('admin_user.sso_sign_in'), 0)
  })

  test('signing out offers to end the session at the provider too (RP-initiated logout)', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { idp } = await ssoOnTestIdp(cleanup)
    const owner = await kit.adminUser(cleanup)
    idp.signInAs({ ...idpAccount('owner'), email: owner.email })
    const signedIn = await adminSignIn(client, idp)

    const response = await client
      .post('/admin/logout')
      .withSession(signedIn.session())
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', '/admin/login')
    const target = new URL(String(response.flashMessages().ssoProviderLogout))
    assert.equal(target.origin, idp.issuer)
    assert.isString(target.searchParams.get('id_token_hint'))
    assert.match(target.searchParams.get('post_logout_redirect_uri')!, /\/admin\/login$/)
    // The provider accepts it: its end-session page answers with its confirmation form.
    const endSession = await fetch(target)
    assert.equal(endSession.status, 200)
    const login = await client.get('/admin/login').withFlashMessages(response.flashMessages())
    login.assertTextIncludes('Se déconnecter aussi du fournisseur')

    // A password session has nothing to end elsewhere.
    const plain = await client.post('/admin/logout').loginAs(owner).withCsrfToken().redirects(0)
    assert.isUndefined(plain.flashMessages().ssoProviderLogout)
  })

  test('a provider for shoppers only is not offered to staff', async ({
    client,
    assert,
    cleanup,
  }) => {
    await ssoOnTestIdp(cleanup, 'shoppers')
    const start = await client.get(`/admin/sso/${CODE}/start`).redirects(0)
    start.assertStatus(404)
    const page = await client.get('/admin/login')
    assert.notInclude(page.text(), 'Continuer avec Test IdP')
  })
})
