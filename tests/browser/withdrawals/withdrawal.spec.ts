import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { extractText } from 'unpdf'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { CUSTOMER_PASSWORD } from '#database/factories/customer_factory'
import { Money } from '#domain/money'
import Withdrawal from '#models/withdrawal'
import { formatStatementTime } from '#services/withdrawals/withdrawal_statement'
import { formatCalendarDay } from '#support/calendar_days'
import { assertAccessible } from '#tests/helpers/accessibility'
import { checkoutShop } from '#tests/helpers/checkout'
import { fakeMail, runQueuedJobsNow } from '#tests/helpers/mail'
import { customerOrderInTwoParcels, lastDayFor } from '#tests/helpers/withdrawals'

const euros = (amount: number) => Money.of(amount, 'EUR').format('fr')

test.group('Shopper journey: a customer withdraws', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('two parcels delivered, the deadline shown, one line withdrawn in two steps, acknowledged; the merchant receives it, refunds the transfer and issues the credit note', async ({
    visit,
    browserContext,
    assert,
    cleanup,
  }) => {
    const messages = fakeMail(cleanup)
    const { catalog } = await checkoutShop(cleanup)
    // Two parcels, arrived on different days: the period runs from the later one (W-04).
    const { customer, order, parcels, lastDay } = await customerOrderInTwoParcels(catalog)
    assert.isTrue(lastDay > lastDayFor([parcels[0]]))

    // The customer signs in and opens the order from the account.
    const page = await visit('/account/login')
    await page.getByLabel('Adresse e-mail').fill(customer.email)
    await page.getByLabel('Mot de passe').fill(CUSTOMER_PASSWORD)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.assertPath('/account')
    await page.getByRole('link', { name: order.number }).click()
    await page.assertPath(`/orders/${order.number}`)
    await page.assertTextContains(
      '.withdrawal-deadline',
      `Vous pouvez vous rétracter jusqu'au ${formatCalendarDay(lastDay, 'fr')} inclus.`
    )
    await assertAccessible(page)

    // Step 1: prefilled; the wax is kept, the clog withdrawn.
    await page.getByRole('button', { name: 'Renoncer au contrat ici' }).click()
    await page.assertPath(`/orders/${order.number}/withdrawal`)
    assert.equal(await page.getByLabel('Nom', { exact: true }).inputValue(), 'Claire Vuillet')
    assert.equal(await page.getByLabel('Adresse e-mail').inputValue(), customer.email)
    await page.assertTextContains('main', order.number)
    await assertAccessible(page)
    await page.getByLabel(/Sabot CIRE-1/).uncheck()
    await page.getByLabel('Motif').fill('Trop grand')
    await page.getByRole('button', { name: 'Continuer' }).click()

    // Step 2: the statement repeated, made by « confirmer la rétractation ».
    await page.assertTextContains('.withdrawal-statement', '1 × Sabot MAR-39')
    await page.assertTextContains('.withdrawal-statement', 'Trop grand')
    await assertAccessible(page)
    await page.getByRole('button', { name: 'Confirmer la rétractation' }).click()
    await page.assertPath(`/orders/${order.number}`)

    const withdrawal = await Withdrawal.query().preload('lines').firstOrFail()
    const sentAt = formatStatementTime(withdrawal.sentAt, 'fr')
    await page.assertTextContains('[role="status"]', `enregistrée le ${sentAt} (heure de Paris)`)
    await page.assertTextContains(
      '.withdrawal-made',
      `Rétractation n° ${withdrawal.id} du ${sentAt}`
    )
    assert.lengthOf(withdrawal.lines, 1)

    // The acknowledgement: the statement and its date and time (WF-06).
    await runQueuedJobsNow()
    const [acknowledgement] = messages.ofKind('withdrawal_acknowledgement')
    acknowledgement.assertTo(customer.email)
    acknowledgement.assertTextIncludes(`Rétractation faite en ligne le ${sentAt} (heure de Paris).`)
    acknowledgement.assertTextIncludes('- 1 × Sabot MAR-39 (MAR-39)')
    acknowledgement.assertTextIncludes('Motif : Trop grand')
    const mailView = await browserContext.newPage()
    await mailView.setContent(String(acknowledgement.nodeMailerMessage.html))
    await assertAccessible(mailView)

    // The merchant receives the clog and refunds the transfer by hand.
    await browserContext.loginAs(await AdminUserFactory.create())
    const admin = await visit('/admin/withdrawals')
    await admin.assertTextContains('main', order.number)
    await assertAccessible(admin)
    await admin.getByRole('link', { name: `Rétractation n° ${withdrawal.id}` }).click()
    await admin.getByRole('button', { name: 'Enregistrer la réception' }).click()
    await admin.assertTextContains('[role="status"]', 'Réception des articles enregistrée')
    await admin.assertTextContains('.withdrawal-status', 'Articles reçus')
    await assertAccessible(admin)
    await admin.getByRole('button', { name: 'Calculer le remboursement' }).click()
    await admin.assertTextContains('.refund-breakdown', euros(4990))
    await assertAccessible(admin)
    await admin
      .getByRole('button', {
        name: `J'ai remboursé ${euros(4990)} (virement ou autre) : l'enregistrer`,
      })
      .click()
    await admin.assertTextContains('[role="status"]', `Remboursement de ${euros(4990)} enregistré`)
    await admin.assertTextContains('.withdrawal-status', 'Remboursée')

    // The credit note, as a PDF, for exactly what went back.
    await admin.getByRole('link', { name: "Voir l'avoir sur la page de la commande" }).click()
    const creditNote = admin.getByRole('link', { name: /AV-\d{4}-000001/ })
    const pdf = await admin.request.get((await creditNote.getAttribute('href'))!)
    assert.equal(pdf.headers()['content-type'], 'application/pdf')
    const { text } = await extractText(new Uint8Array(await pdf.body()), { mergePages: true })
    assert.include(text, 'AV-')
    assert.include(text, `Rétractation n° ${withdrawal.id}`)
    assert.include(text, 'FA-')
  }).timeout(120_000)
})
