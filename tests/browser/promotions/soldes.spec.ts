import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import { addDays } from '@comptoir/contracts/french_calendar'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { parisDate } from '#domain/paris_time'
import { assertAccessible } from '#tests/helpers/accessibility'
import { createCatalogFixture } from '#tests/helpers/catalog'
import { productOnSale } from '#tests/helpers/checkout'
import { setPriceHistory } from '#tests/helpers/promotions'

/**
 * The soldes periods move only by arrêté, and the application has no clock to
 * turn: to be inside a period whatever day the test runs, the owner records
 * this year's period as a one-off arrêté would, four weeks open since two
 * days ago (the summer one from April to October, the winter one otherwise),
 * through the soldes calendar, as a merchant would. The refused rule is dated
 * next August, outside any period the arrêté's rule can give.
 */
test.group('Merchant journey: soldes', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('PR-08/PR-01: soldes outside the official period are refused with the reason; inside it the product shows its prior price and the percentage from it', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const variantId = await productOnSale(catalog, 'IRE-38', { priceAmount: 10000 })
    // On sale for months at 100 €, at 80 € for a week three weeks ago (TC-24).
    await setPriceHistory(variantId, [
      [120, 10000],
      [20, 8000],
      [12, 10000],
    ])
    const owner = await AdminUserFactory.create()
    await browserContext.loginAs(owner)

    const today = parisDate(new Date())
    const firstDay = addDays(today, -2)
    const month = Number(firstDay.slice(5, 7))
    const calendar = await visit('/admin/soldes')
    const record = calendar.getByRole('region', { name: 'Enregistrer des dates' })
    await record.getByLabel('Année').fill(firstDay.slice(0, 4))
    await record.getByLabel('Période').selectOption(month >= 4 && month <= 10 ? 'summer' : 'winter')
    await record.getByLabel('Premier jour').fill(firstDay)
    await record.getByLabel('Dernier jour').fill(addDays(firstDay, 27))
    await record.getByLabel('Texte de référence').fill('Arrêté modificatif (test)')
    await record.getByRole('button', { name: 'Enregistrer les dates' }).click()
    await calendar.assertTextContains('[role="status"]', 'Dates de soldes enregistrées.')
    await assertAccessible(calendar)

    const page = await visit('/admin/promotions/new')
    await assertAccessible(page)
    const nextYear = Number(today.slice(0, 4)) + 1
    await page.getByLabel('Nom', { exact: true }).fill('Soldes d’août')
    await page.getByLabel('Type d’opération').selectOption('soldes')
    await page.getByLabel('Pourcentage', { exact: true }).fill('25')
    await page.getByLabel('Début').fill(`${nextYear}-08-01T08:00`)
    await page.getByLabel('Dernier jour').fill(`${nextYear}-08-20`)
    await page.getByLabel('Produits (références)').fill('IRE-38')
    await page.getByRole('button', { name: 'Enregistrer la règle' }).click()

    await page.assertPath('/admin/promotions/new')
    const start = page.getByLabel('Début')
    await page.assertExists(
      page.getByText(/Refusé : des soldes ne sont permis que pendant les périodes officielles/)
    )
    await page.assertTextContains('#starts_at-error', 'L310-3')
    await page.assertTextContains('#starts_at-error', `juin ${nextYear} à 08:00`)
    assert.equal(await start.getAttribute('aria-invalid'), 'true')
    await page.assertInputValue('#name', 'Soldes d’août')
    await assertAccessible(page)

    const now = DateTime.now().setZone('Europe/Paris').startOf('minute')
    await start.fill(now.toFormat("yyyy-MM-dd'T'HH:mm"))
    await page.getByLabel('Dernier jour').fill(addDays(firstDay, 27))
    await page.getByRole('button', { name: 'Enregistrer la règle' }).click()
    await page.assertPath('/admin/promotions')
    await page.assertTextContains('.notice--success', 'Règle « Soldes d’août » enregistrée.')
    await page.assertTextContains('table', 'En cours')

    const shop = await visit('/p/sabot-ire-38')
    const price = shop.locator('.product__price')
    await shop.assertTextContains('.product__price', 'Soldes')
    await shop.assertTextContains('.product__price', '75,00')
    await shop.assertTextContains('.product__price', 'Prix le plus bas des 30 derniers jours')
    // From the 80 € of three weeks ago: −6,2 % (rounded down), not −25 %.
    await shop.assertTextContains('.product__price', '6,2')
    await shop.assertNotExists(price.getByText(/25\s%/))
    await shop.assertTextContains('.product__price del', '80,00')
    await assertAccessible(shop)
  }).timeout(90_000)
})
