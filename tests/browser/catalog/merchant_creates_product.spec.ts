import sharp from 'sharp'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { assertAccessible } from '#tests/helpers/accessibility'
import { createCatalogFixture } from '#tests/helpers/catalog'

test.group('Merchant journey: adding a product', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('a merchant creates a product with two variants and an image, and finds it in the shop', async ({
    visit,
    browserContext,
  }) => {
    await createCatalogFixture()
    const manager = await AdminUserFactory.apply('manager').create()
    await browserContext.loginAs(manager)

    const grid = await visit('/admin/catalog')
    await assertAccessible(grid)
    await grid.getByRole('link', { name: 'Nouveau produit' }).click()
    const page = grid
    await page.assertPath('/admin/catalog/products/new')
    await assertAccessible(page)
    await page.getByLabel('Type de produit').selectOption('configurable')
    await page.getByLabel('Nom').first().fill('Sabot Anatole')
    await page
      .getByRole('group', { name: 'Catégories' })
      .getByLabel(/Sabots/)
      .check()

    const generator = page.getByRole('group', { name: 'Générateur de déclinaisons' })
    await generator.getByLabel('Début des références').fill('ana')
    await generator.getByLabel('Prix TTC (€)').fill('96,50')
    await generator.getByRole('group', { name: 'Pointure' }).getByLabel('38').check()
    await generator.getByRole('group', { name: 'Pointure' }).getByLabel('39').check()
    await generator.getByRole('button', { name: 'Ajouter les déclinaisons' }).click()

    await page.assertExists(page.getByRole('group', { name: 'Déclinaison 2' }))
    await page.assertInputValue('#variants-0-sku', 'ANA-38')
    await page.assertInputValue('#variants-1-sku', 'ANA-39')
    await page.locator('#variants-0-stock-warehouse-quantity').fill('5')
    await page.locator('#variants-1-stock-warehouse-quantity').fill('2')
    await assertAccessible(page)
    await page.getByRole('button', { name: 'Enregistrer le produit' }).click()
    await page.waitForURL(/\/admin\/catalog\/products\/\d+$/)

    await page.assertTextContains('[role="status"]', 'Produit enregistré.')
    const photo = await sharp({
      create: { width: 900, height: 900, channels: 3, background: '#6b3a1e' },
    })
      .jpeg()
      .toBuffer()
    await page
      .getByLabel(/^Image \(JPEG/)
      .setInputFiles({ name: 'anatole.jpg', mimeType: 'image/jpeg', buffer: photo })
    await page.getByLabel('Texte alternatif (français)').fill('Sabot Anatole en cuir brun')
    await page.getByRole('button', { name: "Ajouter l'image" }).click()
    await page.assertTextContains('[role="status"]', 'Image ajoutée')
    await assertAccessible(page)

    const shop = await visit('/search?q=anatole')
    await shop
      .getByRole('link', { name: /Sabot Anatole/ })
      .first()
      .click()
    await shop.assertTextContains('h1', 'Sabot Anatole')
    await shop.assertTextContains('.product__price', '96,50')
    await shop.assertExists(shop.getByRole('img', { name: 'Sabot Anatole en cuir brun' }))
    await shop.getByLabel('Pointure').selectOption({ label: '39' })
    await shop.getByRole('button', { name: 'Voir ce modèle' }).click()
    await shop.assertTextContains('.product__sku', 'ANA-39')
    await shop.assertTextContains(
      '.product__summary [role="status"]',
      'Plus que 2 exemplaires en stock'
    )
    await assertAccessible(shop)
  }).timeout(60_000)

  test('the catalog reference editors are accessible', async ({ visit, browserContext }) => {
    const catalog = await createCatalogFixture()
    const manager = await AdminUserFactory.apply('manager').create()
    await browserContext.loginAs(manager)

    for (const path of [
      '/admin/catalog/categories',
      `/admin/catalog/categories/${catalog.clogs.id}/edit`,
      '/admin/catalog/attributes',
      `/admin/catalog/attributes/${catalog.colour.id}/edit`,
      '/admin/catalog/attribute-sets',
      '/admin/catalog/locations',
      `/admin/catalog/locations/${catalog.store.id}/edit`,
      '/admin/catalog/synonyms',
      '/admin/catalog/import',
    ]) {
      const page = await visit(path)
      await assertAccessible(page)
    }
  })
})
