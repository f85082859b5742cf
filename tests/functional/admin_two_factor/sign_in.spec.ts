import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditLog from '#models/audit_log'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { pendingSignIn } from '#domain/two_factor'
import { PENDING_SIGN_IN_KEY, REMEMBERED_DEVICE_COOKIE } from '#support/admin_two_factor_http'
import {
  ADMIN_IP,
  ADMIN_PASSWORD,
  enrolTwoFactor,
  postCode,
  postPassword,
  totpCode,
} from '#tests/helpers/admin_two_factor'

const INVALID_CODE = "Ce code n'est pas valide ou a déjà servi."

/** The actions the audit log recorded, oldest first, with their address and details. */
async function auditTrail() {
  const entries = await AuditLog.query().orderBy('id')
  return entries.map((entry) => ({
    action: entry.action,
    ip: entry.ip,
    changes: entry.changes ? JSON.parse(entry.changes) : null,
  }))
}

test.group('Back-office 2FA: signing in', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the right password only opens the code step: the back office stays closed', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    await enrolTwoFactor(owner)

    const password = await postPassword(client, owner)
    password.assertHeader('location', '/admin/login/two-factor')
    password.assertSessionMissing('auth_admin')
    const pending = password.session(PENDING_SIGN_IN_KEY)
    assert.equal(pending.adminUserId, owner.id)

    for (const path of ['/admin', '/admin/orders', '/admin/account/security']) {
      const closed = await client
        .get(path)
        .withSession({ [PENDING_SIGN_IN_KEY]: pending })
        .redirects(0)
      closed.assertHeader('location', '/admin/login')
    }

    const step = await client
      .get('/admin/login/two-factor')
      .withSession({ [PENDING_SIGN_IN_KEY]: pending })
    step.assertStatus(200)
    assert.match(
      step.text(),
      /<label for="code">Code de vérification<\/label>[\s\S]*<input[^>]*autocomplete="one-time-code"/
    )
    // The field takes recovery codes too: a phone's digits-only keypad could not type them.
    assert.notMatch(step.text(), /<input[^>]*name="code"[^>]*inputmode="numeric"/)
    assert.include(step.text(), 'Se souvenir de cet appareil 30 jours')

    const entry = await AuditLog.findByOrFail('action', 'admin_user.password_verify')
    assert.equal(entry.entityId, String(owner.id))
    assert.equal(entry.ip, ADMIN_IP)
  })

  test('a code signs in once; replaying it within its 30 seconds is refused', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const { secret } = await enrolTwoFactor(owner)
    const code = totpCode(secret)

    const first = await postCode(client, pendingSignIn(owner.id, Date.now()), code)
    first.assertHeader('location', '/admin')
    first.assertSessionMissing(PENDING_SIGN_IN_KEY)
    assert.equal(first.session('auth_admin'), owner.id)

    const replay = await postCode(client, pendingSignIn(owner.id, Date.now()), code)
    replay.assertHeader('location', '/admin/login/two-factor')
    replay.assertFlashMessage('error', INVALID_CODE)
    replay.assertSessionMissing('auth_admin')

    const trail = await auditTrail()
    assert.deepEqual(trail, [
      { action: 'admin_user.two_factor_enable', ip: '127.0.0.1', changes: null },
      { action: 'admin_user.sign_in', ip: ADMIN_IP, changes: { secondFactor: 'totp' } },
      { action: 'admin_user.two_factor_fail', ip: ADMIN_IP, changes: { reason: 'replayed_code' } },
    ])
  })

  test('a recovery code signs in once, then is refused', async ({ client, assert }) => {
    const owner = await AdminUserFactory.create()
    const { recoveryCodes } = await enrolTwoFactor(owner)

    const first = await postCode(client, pendingSignIn(owner.id, Date.now()), recoveryCodes[0])
    first.assertHeader('location', '/admin')
    assert.equal(first.session('auth_admin'), owner.id)
    first.assertFlashMessage(
      'success',
      "Vous vous êtes connecté avec un code de secours, qui ne servira plus. Pensez à générer de nouveaux codes si vous n'en avez plus beaucoup."
    )

    const again = await postCode(
      client,
      pendingSignIn(owner.id, Date.now()),
      recoveryCodes[0].toUpperCase()
    )
    again.assertFlashMessage('error', INVALID_CODE)
    again.assertSessionMissing('auth_admin')

    const used = await AuditLog.findByOrFail('action', 'admin_user.recovery_code_use')
    assert.equal(used.ip, ADMIN_IP)
    assert.deepEqual(JSON.parse(used.changes!), { recoveryCodesLeft: 9 })
    const signIn = await AuditLog.findByOrFail('action', 'admin_user.sign_in')
    assert.deepEqual(JSON.parse(signIn.changes!), { secondFactor: 'recovery_code' })
  })

  test('five wrong codes lock the step for 15 minutes, even for the right code', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const { secret } = await enrolTwoFactor(owner)
    const pending = pendingSignIn(owner.id, Date.now())
    for (let attempt = 1; attempt <= 5; attempt++) {
      const wrong = await postCode(client, pending, 'zzzzz-zzzzz')
      wrong.assertFlashMessage('error', INVALID_CODE)
    }

    const locked = await postCode(client, pending, totpCode(secret))
    locked.assertHeader('location', '/admin/login/two-factor')
    locked.assertFlashMessage('error', 'Trop de codes erronés. Réessayez dans 15 minutes.')
    locked.assertSessionMissing('auth_admin')

    const english = await postCode(client, pending, totpCode(secret)).header(
      'accept-language',
      'en'
    )
    english.assertFlashMessage('error', 'Too many wrong codes. Try again in 15 minutes.')

    const failures = await AuditLog.query().where('action', 'admin_user.two_factor_fail')
    assert.lengthOf(failures, 7)
    assert.deepEqual(JSON.parse(failures[6].changes!), { reason: 'throttled' })
  })

  test('the code step expires a few minutes after the password', async ({ client }) => {
    const owner = await AdminUserFactory.create()
    await enrolTwoFactor(owner)
    const stale = { adminUserId: owner.id, expiresAt: Date.now() - 1000 }

    const page = await client
      .get('/admin/login/two-factor')
      .withSession({ [PENDING_SIGN_IN_KEY]: stale })
      .redirects(0)
    page.assertHeader('location', '/admin/login')
    page.assertFlashMessage(
      'error',
      'La vérification a expiré. Saisissez de nouveau votre mot de passe.'
    )

    const post = await postCode(client, stale, '123456')
    post.assertHeader('location', '/admin/login')
    post.assertSessionMissing('auth_admin')

    const nothing = await client.get('/admin/login/two-factor').redirects(0)
    nothing.assertHeader('location', '/admin/login')
  })

  test('a remembered device skips the code until 2FA is switched off and on again', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const { secret, recoveryCodes } = await enrolTwoFactor(owner)

    const remembered = await postCode(
      client,
      pendingSignIn(owner.id, Date.now()),
      totpCode(secret),
      { remember: true }
    )
    remembered.assertHeader('location', '/admin')
    const cookie = remembered.cookie(REMEMBERED_DEVICE_COOKIE)
    assert.isTrue(cookie?.httpOnly)
    assert.equal(cookie?.path, '/admin')
    const claim = cookie!.value

    const skipped = await postPassword(client, owner).encryptedCookie(
      REMEMBERED_DEVICE_COOKIE,
      claim
    )
    skipped.assertHeader('location', '/admin')
    assert.equal(skipped.session('auth_admin'), owner.id)
    const signIn = await AuditLog.query()
      .where('action', 'admin_user.sign_in')
      .orderBy('id', 'desc')
      .firstOrFail()
    assert.deepEqual(JSON.parse(signIn.changes!), { secondFactor: 'remembered_device' })

    // Another browser, without the cookie, still gets the code step.
    const elsewhere = await postPassword(client, owner)
    elsewhere.assertHeader('location', '/admin/login/two-factor')

    const disabled = await client
      .delete('/admin/account/security/two-factor')
      .form({ password: ADMIN_PASSWORD, code: recoveryCodes[0] })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    disabled.assertFlashMessage('success', 'La vérification en deux étapes est désactivée.')
    await enrolTwoFactor(owner)

    const stale = await postPassword(client, owner).encryptedCookie(REMEMBERED_DEVICE_COOKIE, claim)
    stale.assertHeader('location', '/admin/login/two-factor')
    stale.assertSessionMissing('auth_admin')
  })

  test('a remembered device of another account does not skip this one', async ({ client }) => {
    const owner = await AdminUserFactory.create()
    const manager = await AdminUserFactory.apply('manager').create()
    const { secret } = await enrolTwoFactor(owner)
    await enrolTwoFactor(manager)
    const remembered = await postCode(
      client,
      pendingSignIn(owner.id, Date.now()),
      totpCode(secret),
      { remember: true }
    )

    const other = await postPassword(client, manager).encryptedCookie(
      REMEMBERED_DEVICE_COOKIE,
      remembered.cookie(REMEMBERED_DEVICE_COOKIE)!.value
    )
    other.assertHeader('location', '/admin/login/two-factor')
  })

  test('a password change ends every remembered device', async ({ client }) => {
    const owner = await AdminUserFactory.create()
    const { secret } = await enrolTwoFactor(owner)
    const remembered = await postCode(
      client,
      pendingSignIn(owner.id, Date.now()),
      totpCode(secret),
      { remember: true }
    )
    owner.password = 'another-horse-battery'
    await owner.save()

    const changed = await client
      .post('/admin/login')
      .form({ email: owner.email, password: 'another-horse-battery' })
      .withCsrfToken()
      .encryptedCookie(REMEMBERED_DEVICE_COOKIE, remembered.cookie(REMEMBERED_DEVICE_COOKIE)!.value)
      .redirects(0)
    changed.assertHeader('location', '/admin/login/two-factor')
  })

  test('failed passwords are recorded with the address, known account or not', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    await client
      .post('/admin/login')
      .header('x-forwarded-for', ADMIN_IP)
      .form({ email: owner.email, password: 'wrong-password' })
      .withCsrfToken()
      .redirects(0)
    await client
      .post('/admin/login')
      .header('x-forwarded-for', '198.51.100.7')
      .form({ email: 'Nobody@Comptoir.test', password: 'wrong-password' })
      .withCsrfToken()
      .redirects(0)

    const failures = await AuditLog.query().where('action', 'admin_user.sign_in_fail').orderBy('id')
    assert.deepEqual(
      failures.map((entry) => [entry.entityId, entry.ip, JSON.parse(entry.changes!)]),
      [
        [String(owner.id), ADMIN_IP, { email: owner.email, reason: 'invalid_credentials' }],
        [null, '198.51.100.7', { email: 'nobody@comptoir.test', reason: 'invalid_credentials' }],
      ]
    )
  })
})
