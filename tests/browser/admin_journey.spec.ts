import { test } from '@japa/runner'
import { DEMO_ADMIN } from '#database/seeders/demo_seeder'
import { assertAccessible } from '#tests/helpers/accessibility'
import { resetToDemoShop } from '#tests/helpers/database'

/**
 * The browser talks to the server over real connections, so these tests get a
 * truncated database and the demo seed instead of a wrapping transaction.
 */
test.group('Merchant journey: back office', (group) => {
  group.each.setup(() => resetToDemoShop())

  test('the demo admin signs in and sees the dashboard', async ({ visit }) => {
    const page = await visit('/admin')
    await page.assertPath('/admin/login')
    await assertAccessible(page)

    await page.getByLabel('Adresse e-mail').fill(DEMO_ADMIN.email)
    await page.getByLabel('Mot de passe').fill(DEMO_ADMIN.password)
    await page.getByRole('button', { name: 'Se connecter' }).click()

    await page.assertPath('/admin')
    await page.assertTextContains('h1', 'Tableau de bord de Comptoir démo')
    await page.assertExists(page.getByRole('navigation', { name: 'Administration' }))
    await assertAccessible(page)

    await page.getByRole('link', { name: 'Paramètres' }).click()
    await page.assertPath('/admin/settings')
    await assertAccessible(page)

    await page.getByRole('button', { name: 'Se déconnecter' }).click()
    await page.assertPath('/admin/login')
    await assertAccessible(page)
  })

  test('a wrong password shows the generic error next to the form', async ({ visit }) => {
    const page = await visit('/admin/login')
    await page.getByLabel('Adresse e-mail').fill(DEMO_ADMIN.email)
    await page.getByLabel('Mot de passe').fill('not-the-password')
    await page.getByRole('button', { name: 'Se connecter' }).click()

    await page.assertPath('/admin/login')
    await page.assertTextContains('[role="alert"]', 'Adresse e-mail ou mot de passe incorrect.')
    await page.assertInputValue('#email', DEMO_ADMIN.email)
    await assertAccessible(page)
  })
})
