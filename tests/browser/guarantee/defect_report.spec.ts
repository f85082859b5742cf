import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { addDays, addMonths } from '@comptoir/contracts/french_calendar'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { CUSTOMER_PASSWORD } from '#database/factories/customer_factory'
import GuaranteeClaim from '#models/guarantee_claim'
import { formatCalendarDay } from '#support/calendar_days'
import { assertAccessible } from '#tests/helpers/accessibility'
import { checkoutShop } from '#tests/helpers/checkout'
import { fakeMail, runQueuedJobsNow } from '#tests/helpers/mail'
import { customerOrderInTwoParcels, parisToday } from '#tests/helpers/withdrawals'

const day = (date: string) => formatCalendarDay(date, 'fr')

test.group('Shopper journey: a defect under the legal guarantee', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('G-01 to G-03, M-02: the customer reports a defect from the order page, the merchant closes it unresolved, the mediator is offered', async ({
    visit,
    browserContext,
    assert,
    cleanup,
  }) => {
    const messages = fakeMail(cleanup)
    const { catalog } = await checkoutShop(cleanup)
    const { customer, order, parcels } = await customerOrderInTwoParcels(catalog)

    const page = await visit('/account/login')
    await page.getByLabel('Adresse e-mail').fill(customer.email)
    await page.getByLabel('Mot de passe').fill(CUSTOMER_PASSWORD)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.getByRole('link', { name: order.number }).click()
    await page.assertPath(`/orders/${order.number}`)
    await page.assertTextContains(
      '.guarantee-parcels',
      `Garantie légale jusqu'au ${day(addMonths(parcels[0], 24))} inclus.`
    )
    await assertAccessible(page)

    await page.getByRole('link', { name: 'Signaler un défaut' }).click()
    await page.assertPath(`/orders/${order.number}/guarantee`)
    await assertAccessible(page)
    await page.getByLabel(/Sabot MAR-39/).check()
    await page.getByLabel('Description du défaut').fill('La bride a cédé au premier port.')
    await page.getByLabel('Remplacement').check()
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click()
    await page.assertPath(`/orders/${order.number}`)
    const claim = await GuaranteeClaim.firstOrFail()
    await page.assertTextContains(
      '[role="status"]',
      `Nous avons jusqu'au ${day(addDays(parisToday(), 30))}`
    )
    await page.assertTextContains('.guarantee-claim', "Reçu, en cours d'examen")
    assert.equal(claim.preferredRemedy, 'replacement')

    await runQueuedJobsNow()
    const [acknowledgement] = messages.ofKind('guarantee_claim_received')
    const mailView = await browserContext.newPage()
    await mailView.setContent(String(acknowledgement.nodeMailerMessage.html))
    await assertAccessible(mailView)

    // The merchant finds it in the after-sales list and closes it unresolved.
    await browserContext.loginAs(await AdminUserFactory.create())
    const admin = await visit('/admin')
    await admin
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'SAV' })
      .click()
    await admin.assertPath('/admin/after-sales')
    await assertAccessible(admin)
    await admin.getByRole('link', { name: `Réclamation SAV n° ${claim.id}` }).click()
    await assertAccessible(admin)
    await admin
      .getByLabel('Message au client (facultatif)')
      .fill('Usure normale selon notre atelier.')
    await admin.getByRole('button', { name: 'Clore sans solution' }).click()
    await admin.assertTextContains('[role="status"]', 'Réclamation close')
    await admin.assertTextContains('.guarantee-status', 'Clos sans solution amiable')

    await runQueuedJobsNow()
    const [closing] = messages.ofKind('guarantee_claim_update')
    await mailView.setContent(String(closing.nodeMailerMessage.html))
    await assertAccessible(mailView)

    await page.reload()
    await page.assertTextContains('.guarantee-mediator', 'Médiateur Démo de la consommation')
    await assertAccessible(page)
  }).timeout(120_000)
})
