import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import MaintenanceService from '#services/maintenance_service'
import { assertAccessible } from '#tests/helpers/accessibility'
import { resetToDemoShop } from '#tests/helpers/database'

const cli = { admin: null, source: 'cli' } as const

test.group('Shopper journey: maintenance mode', (group) => {
  group.each.setup(() => resetToDemoShop())
  group.each.setup(() => async () => {
    const maintenance = await app.container.make(MaintenanceService)
    await maintenance.turnOff(cli)
  })

  test('the maintenance page is accessible; the bypass link opens the shop', async ({ visit }) => {
    const maintenance = await app.container.make(MaintenanceService)
    await maintenance.turnOn({ secret: 'agency-preview-2026' }, cli)

    const page = await visit('/en')
    await page.assertExists(page.getByRole('heading', { name: 'We will be back shortly' }))
    await page.assertNotExists(page.getByRole('search'))
    await page.assertExists(page.getByRole('link', { name: 'Français' }))
    await assertAccessible(page)

    await page.goto('/maintenance/agency-preview-2026')
    await page.assertPath('/')
    await page.assertExists(page.getByRole('search'))
  })
})
