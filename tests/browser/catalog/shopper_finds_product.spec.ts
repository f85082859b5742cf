import { test } from '@japa/runner'
import { assertAccessible } from '#tests/helpers/accessibility'
import { resetToDemoShop } from '#tests/helpers/database'

/**
 * Journeys through the demo catalog. The catalog is seeded once for the group:
 * these tests only read it.
 */
test.group('Shopper journey: finding a product', (group) => {
  group.setup(() => resetToDemoShop({ catalog: true }))

  test('finds a product by searching without accents', async ({ visit }) => {
    const page = await visit('/')
    await page.getByRole('searchbox', { name: 'Rechercher un produit' }).fill('sabot etienne')
    await page.getByRole('button', { name: 'Rechercher' }).click()

    await page.assertPath('/search')
    await page.assertTextContains('h1', 'Résultats pour « sabot etienne »')
    await page.assertExists(page.getByRole('heading', { name: 'Sabot en cuir Étienne' }))
    await assertAccessible(page)
  })

  test('combines two facets, opens a product, chooses a variant and sees its price and stock', async ({
    visit,
    assert,
  }) => {
    const page = await visit('/c/sabots')
    await assertAccessible(page)

    const filters = page.getByRole('form', { name: 'Affiner' })
    await filters.getByRole('group', { name: 'Couleur' }).getByLabel(/Rouge/).check()
    await filters.getByRole('group', { name: 'Matière' }).getByLabel(/Bois/).check()
    await filters.getByRole('button', { name: 'Appliquer les filtres' }).click()

    await page.assertQueryString({ colour: 'red', material: 'wood' })
    const cards = page.locator('.card__title')
    const names = await cards.allInnerTexts()
    assert.isAbove(names.length, 0)
    for (const name of names) assert.match(name, /^Sabot en bois/)
    await assertAccessible(page)

    await cards.first().click()
    await page.assertPathContains('/p/sabot-en-bois-')
    await page.getByLabel('Pointure').selectOption('41')
    await page.getByLabel('Couleur').selectOption('red')
    await page.getByRole('button', { name: 'Voir ce modèle' }).click()

    await page.assertQueryString({ size: '41', colour: 'red' })
    await page.assertTextContains('.product__sku', '-RED-41')
    await page.assertTextContains('.product__price', '€')
    await page.assertVisible(page.locator('.product__summary [role="status"]'))
    await assertAccessible(page)
  })

  test('the engraved model warns that it cannot be returned', async ({ visit }) => {
    const page = await visit('/p/sabot-grave-a-vos-initiales')
    await page.getByLabel('Gravure').selectOption('initials')
    await page.getByRole('button', { name: 'Voir ce modèle' }).click()
    await page.assertTextContains('.notice', 'Produit personnalisé')
    await assertAccessible(page)
  })
})
