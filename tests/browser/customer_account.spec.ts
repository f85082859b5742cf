import { test } from '@japa/runner'
import { assertAccessible } from '#tests/helpers/accessibility'
import { resetToDemoShop } from '#tests/helpers/database'

const PASSWORD = 'des-sabots-pour-l-hiver'

test.group('Shopper journey: customer account', (group) => {
  group.each.setup(() => resetToDemoShop())

  test('register, sign out, sign in again and add an address', async ({ visit }) => {
    const page = await visit('/')
    const header = page.getByRole('navigation', { name: 'Navigation principale' })

    await header.getByRole('link', { name: 'Se connecter' }).click()
    await page.assertPath('/account/login')
    await assertAccessible(page)
    await page.getByRole('link', { name: 'Créer un compte' }).click()
    await page.assertPath('/account/register')

    await page.getByLabel('Prénom').fill('Claire')
    await page.getByLabel('Nom', { exact: true }).fill('Vuillet')
    await page.getByLabel('Adresse e-mail').fill('claire@example.com')
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD)
    await page.getByLabel('Confirmez le mot de passe').fill('pas-le-meme-mot-de-passe')
    await page.getByRole('button', { name: 'Créer mon compte' }).click()
    await page.assertPath('/account/register')
    await page.assertTextContains(
      '[role="alert"]',
      'Les deux mots de passe saisis ne sont pas identiques.'
    )
    await assertAccessible(page)

    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD)
    await page.getByLabel('Confirmez le mot de passe').fill(PASSWORD)
    await page.getByRole('button', { name: 'Créer mon compte' }).click()
    await page.assertPath('/account')
    await page.assertTextContains('h1', 'Bonjour Claire')
    await page.assertExists(header.getByRole('link', { name: 'Mon compte' }))
    await assertAccessible(page)

    await page.getByRole('button', { name: 'Se déconnecter' }).click()
    await page.assertPath('/')
    await page.assertTextContains('[role="status"]', 'Vous êtes déconnecté.')

    await header.getByRole('link', { name: 'Se connecter' }).click()
    await page.getByLabel('Adresse e-mail').fill('Claire@Example.com')
    await page.getByLabel('Mot de passe').fill(PASSWORD)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.assertPath('/account')

    await page
      .getByRole('navigation', { name: 'Mon compte' })
      .getByRole('link', { name: 'Mes adresses' })
      .click()
    await page.assertTextContains('main', 'Vous n’avez pas encore d’adresse enregistrée.')
    await page.getByRole('link', { name: 'Ajouter une adresse' }).click()
    await page.getByLabel('Prénom').fill('Claire')
    await page.getByLabel('Nom', { exact: true }).fill('Vuillet')
    await page.getByLabel('Pays').selectOption('FR')
    await page.getByLabel('Adresse', { exact: true }).fill('12 rue des Sabotiers')
    await page.getByLabel('Code postal').fill('3940')
    await page.getByLabel('Ville').fill('Morez')
    await page.getByRole('button', { name: 'Enregistrer l’adresse' }).click()
    await page.assertTextContains(
      '#postalCode-error',
      'Code postal invalide pour la France (exemple : 75001).'
    )
    await page.assertExists('#postalCode[aria-invalid="true"][aria-describedby="postalCode-error"]')
    await page.assertInputValue('#addressLine1', '12 rue des Sabotiers')
    await assertAccessible(page)

    await page.getByLabel('Code postal').fill('39400')
    await page.getByRole('button', { name: 'Enregistrer l’adresse' }).click()
    await page.assertPath('/account/addresses')
    await page.assertTextContains('address', '39400 Morez')
    await page.assertTextContains('main', 'Adresse de livraison par défaut')
    await assertAccessible(page)
  })
})
