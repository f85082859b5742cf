import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { appUrl } from '#config/app'
import { checkoutShop, productOnSale } from '#tests/helpers/checkout'
import { usePageCache } from '#tests/helpers/page_cache'

test.group('Shopper journey through cached pages', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('without JavaScript, two shoppers add to their own carts from the same cached product page', async ({
    browser,
    assert,
    cleanup,
  }) => {
    await usePageCache(cleanup)
    const { catalog } = await checkoutShop(cleanup)
    await productOnSale(catalog, 'CACHE-1', { priceAmount: 4990 })

    const shopper = async () => {
      const context = await browser.newContext({
        baseURL: appUrl,
        locale: 'fr-FR',
        javaScriptEnabled: false,
      })
      cleanup(() => context.close())
      return context.newPage()
    }
    const claire = await shopper()
    const first = await claire.goto('/p/sabot-cache-1')
    assert.equal(first?.headers()['x-page-cache'], 'miss')
    const paul = await shopper()
    const second = await paul.goto('/p/sabot-cache-1')
    assert.equal(second?.headers()['x-page-cache'], 'hit')

    for (const page of [claire, paul]) {
      await page.getByRole('button', { name: 'Ajouter au panier' }).click()
      await page.waitForURL('**/cart')
      assert.include(await page.getByRole('status').first().innerText(), 'ajouté')
    }
    await paul.getByLabel('Quantité de Sabot CACHE-1').fill('3')
    await paul.getByRole('button', { name: 'Mettre à jour' }).last().click()

    // Back on the product page, still from the cache, each header counts their own cart.
    const back = await claire.goto('/p/sabot-cache-1')
    assert.equal(back?.headers()['x-page-cache'], 'hit')
    assert.include(await claire.getByRole('link', { name: /Panier/ }).innerText(), '(1')
    await paul.goto('/p/sabot-cache-1')
    assert.include(await paul.getByRole('link', { name: /Panier/ }).innerText(), '(3')
  })
})
