import { test } from '@japa/runner'
import { DEMO_ADMIN } from '#database/seeders/demo_seeder'
import { assertAccessible } from '#tests/helpers/accessibility'
import { resetToDemoShop } from '#tests/helpers/database'
import { totpCode } from '#tests/helpers/admin_two_factor'
import { TOTP_PERIOD_SECONDS } from '#domain/two_factor'

test.group('Merchant journey: two-step verification', (group) => {
  group.each.setup(() => resetToDemoShop())

  test('the owner enrols with the QR page, then signs in with a code', async ({
    visit,
    assert,
  }) => {
    const page = await visit('/admin/login')
    await page.getByLabel('Adresse e-mail').fill(DEMO_ADMIN.email)
    await page.getByLabel('Mot de passe').fill(DEMO_ADMIN.password)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.assertPath('/admin')

    await page.getByRole('link', { name: 'Sécurité du compte', exact: true }).click()
    await page.assertPath('/admin/account/security')
    await page.getByRole('button', { name: 'Activer la vérification en deux étapes' }).click()
    await page.assertExists(page.getByRole('img', { name: 'QR code à scanner' }))
    await assertAccessible(page)

    const secret = (await page.locator('[data-secret]').textContent())!.replace(/\s+/g, '')
    await page.getByLabel('Code à 6 chiffres').fill(totpCode(secret))
    await page.getByRole('button', { name: 'Confirmer et activer' }).click()
    await page.assertTextContains('h1', 'Vos codes de secours')
    assert.equal(await page.locator('.recovery-codes li').count(), 10)
    await assertAccessible(page)
    await page.getByRole('link', { name: "J'ai conservé mes codes" }).click()
    await page.assertTextContains('main', 'Codes de secours restants : 10.')

    await page.getByRole('button', { name: 'Se déconnecter' }).click()
    await page.getByLabel('Adresse e-mail').fill(DEMO_ADMIN.email)
    await page.getByLabel('Mot de passe').fill(DEMO_ADMIN.password)
    await page.getByRole('button', { name: 'Se connecter' }).click()

    await page.assertPath('/admin/login/two-factor')
    await assertAccessible(page)
    // The enrolment used this step's code: the app shows the next one.
    const next = totpCode(secret, Date.now() + TOTP_PERIOD_SECONDS * 1000)
    await page.getByLabel('Code de vérification').fill(next)
    await page.getByRole('button', { name: 'Vérifier' }).click()
    await page.assertPath('/admin')
    await page.assertTextContains('h1', 'Tableau de bord de Comptoir démo')
  })
})
