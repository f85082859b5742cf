import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { assertAccessible } from '#tests/helpers/accessibility'
import { fixturePlugin, runAce, usePluginSandbox } from '#tests/helpers/plugins'

/**
 * The consent banner in a real browser (LEGAL.md R-02): a tracker declared by
 * a plugin stays off until the shopper accepts it, and the choice holds from
 * one page to the next; the footer opens the choice again.
 */
test.group('Shopper journey: cookie consent', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  group.each.setup(async ({ context }) => {
    await usePluginSandbox(context!.cleanup)
    await runAce('plugin:install', [fixturePlugin('fixture-tracker')])
    await runAce('plugin:enable', ['fixture-tracker'])
  })

  test('accepting switches the tracker on; the footer lets the shopper refuse again', async ({
    visit,
  }) => {
    const page = await visit('/')
    const banner = page.getByRole('region', { name: 'Vos choix en matière de cookies' })
    await page.assertVisible(banner)
    await page.assertElementsCount('#fixture-tracker-pixel', 0)
    await assertAccessible(page)

    await banner.getByRole('button', { name: 'Tout accepter' }).click()
    await page.assertPath('/')
    await page.assertNotVisible(banner)
    await page.assertElementsCount('#fixture-tracker-pixel', 1)

    await page.getByRole('link', { name: 'Gérer les cookies' }).click()
    await page.assertPath('/cookies')
    await assertAccessible(page)
    await page.getByRole('button', { name: 'Tout refuser' }).click()
    await page.assertTextContains(
      '[role="status"]',
      'Vos choix en matière de cookies sont enregistrés.'
    )
    await page.assertElementsCount('#fixture-tracker-pixel', 0)
  })

  test('refusing keeps the tracker off and the banner closed', async ({ visit }) => {
    const page = await visit('/')
    const banner = page.getByRole('region', { name: 'Vos choix en matière de cookies' })

    await banner.getByRole('button', { name: 'Tout refuser' }).click()

    await page.assertNotVisible(banner)
    await page.assertElementsCount('#fixture-tracker-pixel', 0)
    await page.reload()
    await page.assertNotVisible(banner)
    await page.assertElementsCount('#fixture-tracker-pixel', 0)
  })
})
