import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditLog from '#models/audit_log'
import AdminTwoFactor from '#models/admin_two_factor'
import AdminRecoveryCode from '#models/admin_recovery_code'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { ADMIN_IP, ADMIN_PASSWORD, enrolTwoFactor, totpCode } from '#tests/helpers/admin_two_factor'
import { countRows } from '#tests/helpers/database'
import { readable } from '#tests/helpers/withdrawals'

/** The recovery codes a page lists. */
function listedCodes(html: string): string[] {
  return [...html.matchAll(/<li><code>([2-9a-z]{5}-[2-9a-z]{5})<\/code><\/li>/g)].map(
    (match) => match[1]
  )
}

/** The key the page shows for typing by hand, without its spaces. */
function manualKey(html: string): string {
  const match = html.match(/<code class="two-factor-secret" data-secret>([A-Z2-7 ]+)<\/code>/)
  if (!match) throw new Error('No manual key on the page')
  return match[1].replace(/ /g, '')
}

/** A six-digit code that is not the right one now, nor one step either side. */
function wrongCode(secret: string): string {
  const near = [-30_000, 0, 30_000].map((offset) => totpCode(secret, Date.now() + offset))
  return ['000000', '111111', '222222', '333333'].find((code) => !near.includes(code))!
}

test.group('Back-office 2FA: enrolment', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an owner scans a QR code, confirms with a code and gets ten recovery codes once', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()

    const off = await client.get('/admin/account/security').loginAs(owner)
    off.assertStatus(200)
    assert.include(readable(off.text()), "La vérification en deux étapes n'est pas activée.")

    const started = await client
      .post('/admin/account/security/two-factor')
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    started.assertHeader('location', '/admin/account/security')

    const page = await client.get('/admin/account/security').loginAs(owner)
    const html = page.text()
    assert.match(html, /<figure class="qr-code" role="img" aria-label="[^"]+">\s*<svg/)
    assert.match(html, /<label for="code">Code à 6 chiffres<\/label>/)
    assert.match(html, /<input[^>]*autocomplete="one-time-code"[^>]*inputmode="numeric"/)
    const secret = manualKey(html)
    assert.lengthOf(secret, 32)

    // Stored encrypted: the key never sits in the database as typed.
    const pending = await AdminTwoFactor.findOrFail(owner.id)
    assert.isNull(pending.secret)
    assert.notInclude(pending.pendingSecret!, secret)

    const refused = await client
      .post('/admin/account/security/two-factor/confirm')
      .header('x-forwarded-for', ADMIN_IP)
      .form({ code: wrongCode(secret) })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    refused.assertHeader('location', '/admin/account/security')
    refused.assertFlashMessage('error', "Ce code n'est pas valide.")
    await pending.refresh()
    assert.isNull(pending.secret, 'still off after a wrong code')

    const confirmed = await client
      .post('/admin/account/security/two-factor/confirm')
      .header('x-forwarded-for', ADMIN_IP)
      .form({ code: totpCode(secret) })
      .withCsrfToken()
      .loginAs(owner)
    confirmed.assertStatus(200)
    // Shown once: neither the codes nor the secret stay in a cache the back button reads.
    confirmed.assertHeader('cache-control', 'private, no-store')
    page.assertHeader('cache-control', 'private, no-store')
    const codes = listedCodes(confirmed.text())
    assert.lengthOf(new Set(codes), 10)
    assert.include(readable(confirmed.text()), 'ils ne seront plus affichés')

    const enabled = await AdminTwoFactor.findOrFail(owner.id)
    assert.isNotNull(enabled.secret)
    assert.notInclude(enabled.secret!, secret)
    assert.isNull(enabled.pendingSecret)
    const stored = await AdminRecoveryCode.query().where('admin_user_id', owner.id)
    assert.lengthOf(stored, 10)
    for (const row of stored) {
      assert.notInclude(codes, row.codeHash)
      assert.notInclude(row.codeHash, codes[0].replace('-', ''))
    }

    const entry = await AuditLog.findByOrFail('action', 'admin_user.two_factor_enable')
    assert.equal(entry.adminUserId, owner.id)
    assert.equal(entry.ip, ADMIN_IP)

    const after = await client.get('/admin/account/security').loginAs(owner)
    assert.include(readable(after.text()), 'La vérification en deux étapes est activée depuis le')
    assert.include(readable(after.text()), 'Codes de secours restants : 10.')
    assert.isEmpty(listedCodes(after.text()), 'the codes are shown once')
  })

  test('the page and its errors are in English for an English-speaking admin', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    await client.post('/admin/account/security/two-factor').withCsrfToken().loginAs(owner)
    const page = await client
      .get('/admin/account/security')
      .header('accept-language', 'en')
      .loginAs(owner)
    assert.include(readable(page.text()), 'Scan this QR code with your authenticator app')

    const refused = await client
      .post('/admin/account/security/two-factor/confirm')
      .header('accept-language', 'en')
      .form({ code: 'not-a-code' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    refused.assertFlashMessage('error', 'This code is not valid.')
  })

  test('new recovery codes need a current code and replace the old ones', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const { secret, recoveryCodes } = await enrolTwoFactor(owner)

    const page = await client.get('/admin/account/security').loginAs(owner)
    assert.notMatch(
      page.text(),
      /<input[^>]*id="regenerate-code"[^>]*inputmode="numeric"/,
      'a recovery code has letters: no digits-only keypad'
    )

    const refused = await client
      .post('/admin/account/security/two-factor/recovery-codes')
      .form({ code: 'abcde-23456' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    refused.assertFlashMessage('error', "Ce code n'est pas valide.")

    const renewed = await client
      .post('/admin/account/security/two-factor/recovery-codes')
      .header('x-forwarded-for', ADMIN_IP)
      .form({ code: totpCode(secret) })
      .withCsrfToken()
      .loginAs(owner)
    renewed.assertStatus(200)
    renewed.assertHeader('cache-control', 'private, no-store')
    const fresh = listedCodes(renewed.text())
    assert.lengthOf(new Set(fresh), 10)
    assert.notInclude(fresh, recoveryCodes[0])
    assert.equal(await countRows('admin_recovery_codes', { admin_user_id: owner.id }), 10)
    const entry = await AuditLog.findByOrFail('action', 'admin_user.recovery_codes_regenerate')
    assert.equal(entry.ip, ADMIN_IP)

    const oldCode = await client
      .post('/admin/account/security/two-factor/recovery-codes')
      .form({ code: recoveryCodes[0] })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    oldCode.assertFlashMessage('error', "Ce code n'est pas valide.")
  })

  test('switching 2FA off needs the password and a current code', async ({ client, assert }) => {
    const owner = await AdminUserFactory.create()
    const { secret, recoveryCodes } = await enrolTwoFactor(owner)
    const disable = (form: Record<string, string>) =>
      client
        .delete('/admin/account/security/two-factor')
        .header('x-forwarded-for', ADMIN_IP)
        .form(form)
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)

    const wrongPassword = await disable({ password: 'not-mine', code: totpCode(secret) })
    wrongPassword.assertFlashMessage('error', 'Mot de passe incorrect.')
    const noCode = await disable({ password: ADMIN_PASSWORD, code: wrongCode(secret) })
    noCode.assertFlashMessage('error', "Ce code n'est pas valide.")
    const stillOn = await AdminTwoFactor.findOrFail(owner.id)
    assert.isTrue(stillOn.isEnabled)

    const disabled = await disable({ password: ADMIN_PASSWORD, code: recoveryCodes[3] })
    disabled.assertHeader('location', '/admin/account/security')
    disabled.assertFlashMessage('success', 'La vérification en deux étapes est désactivée.')
    await stillOn.refresh()
    assert.isFalse(stillOn.isEnabled)
    assert.equal(await countRows('admin_recovery_codes', { admin_user_id: owner.id }), 0)
    const entry = await AuditLog.findByOrFail('action', 'admin_user.two_factor_disable')
    assert.equal(entry.adminUserId, owner.id)
    assert.equal(entry.ip, ADMIN_IP)
  })
})
