import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { assertAccessible } from '#tests/helpers/accessibility'
import { createCatalogFixture } from '#tests/helpers/catalog'

test.group('Merchant journey: ordering the catalog by hand', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('a merchant puts a product first in its category with the labelled move form', async ({
    visit,
    browserContext,
  }) => {
    const catalog = await createCatalogFixture()
    for (const [fr, sku] of [
      ['Sabot Anna', 'ANNA-1'],
      ['Sabot Basile', 'BASILE-1'],
    ]) {
      await catalog.createProduct({ fr, en: fr }, [{ sku }])
    }
    const manager = await AdminUserFactory.apply('manager').create()
    await browserContext.loginAs(manager)

    const tree = await visit('/admin/catalog/categories')
    await assertAccessible(tree)
    await tree.getByRole('link', { name: 'Produits de la catégorie Sabots' }).click()
    await tree.assertPath(`/admin/catalog/categories/${catalog.clogs.id}/products`)
    await assertAccessible(tree)

    await tree.getByRole('spinbutton', { name: 'Position de Sabot Basile' }).fill('1')
    await tree.getByRole('button', { name: 'Déplacer Sabot Basile' }).click()
    await tree.assertTextContains('[role="status"]', 'Produit déplacé.')
    await tree.assertInputValue(
      tree.getByRole('spinbutton', { name: 'Position de Sabot Basile' }),
      '1'
    )
    await assertAccessible(tree)

    const shop = await visit('/c/sabots')
    await shop.assertTextContains('.card__title >> nth=0', 'Sabot Basile')
  }).timeout(60_000)
})
