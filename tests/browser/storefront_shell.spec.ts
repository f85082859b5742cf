import { test } from '@japa/runner'
import { assertAccessible } from '#tests/helpers/accessibility'
import db from '@adonisjs/lucid/services/db'
import DemoSeeder from '#database/seeders/demo_seeder'
import { resetToDemoShop } from '#tests/helpers/database'

test.group('Shopper journey: storefront shell', (group) => {
  group.each.setup(() => resetToDemoShop())

  test('the home page shows the search form and the footer legal links', async ({ visit }) => {
    await new DemoSeeder(db.connection()).seedLegal()
    const page = await visit('/')
    await page.assertExists(page.getByRole('search'))
    await page.assertExists(page.getByRole('searchbox', { name: 'Rechercher un produit' }))
    const legal = page.getByRole('navigation', { name: 'Informations légales' })
    for (const name of [
      'Mentions légales',
      'Conditions générales de vente',
      'Droit de rétractation',
      'Politique de confidentialité',
      'Accessibilité',
    ]) {
      await page.assertExists(legal.getByRole('link', { name }))
    }
    await assertAccessible(page)
  })

  test('the keyboard reaches the skip link first, then the search field', async ({
    visit,
    assert,
  }) => {
    const focusedId = () => page.evaluate<string>(`document.activeElement?.id ?? ''`)
    const page = await visit('/')

    await page.keyboard.press('Tab')
    await page.assertExists('a.skip-link:focus')

    let presses = 0
    while ((await focusedId()) !== 'search-q' && presses++ < 5) {
      await page.keyboard.press('Tab')
    }
    assert.equal(await focusedId(), 'search-q')
    await page.keyboard.type('tomme')
    await page.keyboard.press('Enter')
    await page.assertPath('/search')
    await assertAccessible(page)
  })

  test('the skip link moves keyboard focus to the main content', async ({ visit }) => {
    const page = await visit('/')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await page.assertExists('#main:focus')
    await assertAccessible(page)
  })

  test('a search keeps the query and the English switch keeps the page', async ({ visit }) => {
    const page = await visit('/')
    await page.getByRole('searchbox').fill('comté')
    await page.getByRole('searchbox').press('Enter')
    await page.assertPath('/search')
    await page.assertTextContains('[role="status"]', '« comté »')
    await assertAccessible(page)

    await page.getByRole('link', { name: 'English' }).click()
    await page.assertPath('/en/search')
    await page.assertTextContains('h1', 'Results for “comté”')
    await assertAccessible(page)
  })

  test('the 404 page is translated and accessible', async ({ visit }) => {
    const page = await visit('/en/nowhere')
    await page.assertTextContains('h1', 'Page not found')
    await assertAccessible(page)
  })
})
