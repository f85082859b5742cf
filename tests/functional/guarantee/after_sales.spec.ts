import type { ApiClient } from '@japa/api-client'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { addDays, addMonths } from '@comptoir/contracts/french_calendar'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import type { Remedy } from '#domain/guarantee'
import type AdminUser from '#models/admin_user'
import AuditLog from '#models/audit_log'
import GuaranteeClaim from '#models/guarantee_claim'
import type Order from '#models/order'
import OrderEvent from '#models/order_event'
import type OrderLine from '#models/order_line'
import Shipment from '#models/shipment'
import OrderGuarantee from '#services/guarantee/order_guarantee'
import { formatCalendarDay } from '#support/calendar_days'
import { checkoutShop, productOnSale } from '#tests/helpers/checkout'
import { fakeMail, runQueuedJobsNow } from '#tests/helpers/mail'
import { deliveredOrder, parisToday, textOf } from '#tests/helpers/withdrawals'

const day = (date: string) => formatCalendarDay(date, 'fr')

/** A staff decision posted from the claim's page, its redirect not followed. */
function decide(
  client: ApiClient,
  staff: AdminUser,
  claim: GuaranteeClaim,
  action: 'accept' | 'refuse' | 'resolve' | 'close',
  form: Record<string, string> = {}
) {
  return client
    .post(`/admin/after-sales/${claim.id}/${action}`)
    .form(form)
    .withCsrfToken()
    .loginAs(staff)
    .redirects(0)
}

/** An order whose one line (2 units unless told) arrived 40 days ago, in one parcel. */
async function deliveredUnits(cleanup: Parameters<typeof checkoutShop>[0], quantity = 2) {
  const { catalog } = await checkoutShop(cleanup)
  const variantId = await productOnSale(catalog, 'SAV-1', { priceAmount: 5900 })
  return deliveredOrder([{ variantId, quantity }], [{ lines: [0], deliveredOn: parisToday(-40) }], {
    checkout: { email: 'claire@example.fr' },
  })
}

/** A defect reported on `requestedOn` (today unless told) through the customer's service. */
async function reported(
  order: Order,
  line: OrderLine,
  remedy: Remedy = 'repair',
  requestedOn = parisToday()
): Promise<GuaranteeClaim> {
  const parcel = await Shipment.query().where('order_id', order.id).firstOrFail()
  const guarantee = await app.container.make(OrderGuarantee)
  const outcome = await guarantee.report(
    order.id,
    {
      description: 'Le talon se fend.',
      preferredRemedy: remedy,
      units: [{ shipmentId: parcel.id, orderLineId: line.id, quantity: 1 }],
    },
    requestedOn
  )
  if (outcome.kind !== 'recorded') throw new Error(`Not recorded: ${outcome.problem.reason}`)
  return outcome.claim
}

test.group('After-sales under the legal guarantee (back office)', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('G-03: staff refuse the repair, the replacement offered is accepted then done; each step e-mailed, on the timeline and audited', async ({
    client,
    assert,
    cleanup,
  }) => {
    const messages = fakeMail(cleanup)
    const { order, lines } = await deliveredUnits(cleanup)
    const claim = await reported(order, lines[0])
    const owner = await AdminUserFactory.create()
    const support = await AdminUserFactory.apply('support').create()

    // Support reads (orders.view) but decides nothing (orders.manage).
    const list = await textOf(client.get('/admin/after-sales').loginAs(support))
    assert.include(list, `Réclamation SAV n° ${claim.id}`)
    assert.include(list, order.number)
    assert.include(list, day(addDays(parisToday(), 30)))
    const filtered = await textOf(client.get('/admin/after-sales?status=resolved').loginAs(support))
    assert.notInclude(filtered, `Réclamation SAV n° ${claim.id}`)
    const page = await textOf(client.get(`/admin/after-sales/${claim.id}`).loginAs(support))
    assert.include(page, 'Le talon se fend.')
    assert.notInclude(page, 'Refuser et proposer')
    const forbidden = await decide(client, support, claim, 'accept')
    forbidden.assertStatus(403)
    await claim.refresh()
    assert.equal(claim.status, 'open')

    // The alternative offered cannot be the remedy refused.
    const same = await decide(client, owner, claim, 'refuse', {
      reason: 'Pièce introuvable.',
      alternative: 'repair',
    })
    same.assertHeader('location', `/admin/after-sales/${claim.id}`)
    same.assertFlashMessage('error', 'Proposez une autre solution que celle refusée.')
    // A refusal is justified in writing (L217-12).
    const unjustified = await decide(client, owner, claim, 'refuse', {
      reason: '',
      alternative: 'replacement',
    })
    unjustified.assertFlashMessage(
      'error',
      "La décision n'a pas été enregistrée : vérifiez les champs signalés."
    )
    await claim.refresh()
    assert.equal(claim.status, 'open')

    const refused = await decide(client, owner, claim, 'refuse', {
      reason: 'La semelle de ce modèle ne se fabrique plus.',
      alternative: 'replacement',
    })
    refused.assertFlashMessage(
      'success',
      'Refus enregistré ; le client reçoit le motif et la proposition par e-mail.'
    )
    await claim.refresh()
    assert.equal(claim.status, 'refused_remedy')
    assert.equal(claim.alternative, 'replacement')

    await decide(client, owner, claim, 'accept')
    await claim.refresh()
    assert.equal(claim.status, 'in_progress')
    assert.equal(claim.acceptedRemedy, 'replacement')

    // A decision the claim no longer allows is refused.
    const again = await decide(client, owner, claim, 'accept')
    again.assertFlashMessage('error', "Cette décision n'est plus possible pour cette réclamation.")

    await decide(client, owner, claim, 'resolve')
    await claim.refresh()
    assert.equal(claim.status, 'resolved')
    assert.equal(claim.resolution, 'replacement')
    assert.equal(claim.settledOn?.toISODate(), parisToday())

    const notes = await OrderEvent.query()
      .where('order_id', order.id)
      .where('note', 'like', `guarantee claim #${claim.id}:%`)
      .orderBy('id')
    assert.deepEqual(
      notes.map((note) => [note.note, note.adminUserId]),
      [
        [
          `guarantee claim #${claim.id}: open → refused_remedy (repair refused, replacement offered)`,
          owner.id,
        ],
        [`guarantee claim #${claim.id}: refused_remedy → in_progress (replacement)`, owner.id],
        [`guarantee claim #${claim.id}: in_progress → resolved (replacement)`, owner.id],
      ]
    )
    const audit = await AuditLog.query()
      .where('entity_type', 'guarantee_claim')
      .where('entity_id', String(claim.id))
      .orderBy('id')
    assert.deepEqual(
      audit.map((entry) => [entry.action, entry.adminUserId]),
      [
        ['guarantee_claim.refuse', owner.id],
        ['guarantee_claim.accept', owner.id],
        ['guarantee_claim.resolve', owner.id],
      ]
    )

    await runQueuedJobsNow()
    const [received] = messages.ofKind('guarantee_claim_received')
    received.assertTo('claire@example.fr')
    // The queue may send them in any order: each is told by its title.
    const updates = messages.ofKind('guarantee_claim_update')
    assert.lengthOf(updates, 3)
    const titled = (title: string) => {
      const found = updates.filter((message) =>
        String(message.nodeMailerMessage.html).includes(`<h1>${title}</h1>`)
      )
      assert.lengthOf(found, 1, title)
      return found[0]
    }
    const refusal = titled(`Votre signalement n° ${claim.id} : autre solution proposée`)
    const accepted = titled(`Votre signalement n° ${claim.id} : solution acceptée`)
    const resolved = titled(`Votre signalement n° ${claim.id} est résolu`)
    for (const message of [refusal, accepted, resolved]) {
      message.assertTo('claire@example.fr')
      message.assertSubject(
        `Suivi de votre signalement au titre de la garantie légale – commande ${order.number} – Comptoir`
      )
    }
    refusal.assertTextIncludes(
      'Nous ne pouvons pas procéder à la solution demandée (réparation), pour la raison suivante :'
    )
    refusal.assertTextIncludes('La semelle de ce modèle ne se fabrique plus.')
    refusal.assertTextIncludes('Nous vous proposons à la place : remplacement.')
    accepted.assertTextIncludes(
      `Nous acceptons de remplacer votre article, sans frais pour vous, au plus tard le ${day(addDays(parisToday(), 30))}.`
    )
    resolved.assertTextIncludes('Votre signalement est résolu : remplacement.')
    // G-03: replaced when a repair was asked for: a new two years from the replacement.
    resolved.assertTextIncludes(
      `Sabot SAV-1 : garantie légale désormais jusqu'au ${day(addMonths(parisToday(), 24))} inclus.`
    )
    const emailNotes = await OrderEvent.query()
      .where('order_id', order.id)
      .where('type', 'email')
      .where('note', 'like', 'guarantee_claim_%')
    assert.lengthOf(emailNotes, 4)
  }).timeout(60_000)

  test('M-02: a claim closed unresolved gives the mediator, by e-mail and on the order page', async ({
    client,
    assert,
    cleanup,
  }) => {
    const messages = fakeMail(cleanup)
    const { order, lines } = await deliveredUnits(cleanup)
    const claim = await reported(order, lines[0], 'replacement')
    const owner = await AdminUserFactory.create()
    const session = { placed_orders: [order.number] }

    const before = await textOf(client.get(`/orders/${order.number}`).withSession(session))
    assert.notInclude(before, 'Médiateur Démo de la consommation')

    const closed = await decide(client, owner, claim, 'close', {
      note: 'Nous estimons que le défaut vient d’une mauvaise utilisation.',
    })
    closed.assertFlashMessage(
      'success',
      'Réclamation close ; le client reçoit les coordonnées du médiateur par e-mail.'
    )
    await claim.refresh()
    assert.equal(claim.status, 'closed_unresolved')
    assert.equal(claim.settledOn?.toISODate(), parisToday())
    const audit = await AuditLog.query().where('action', 'guarantee_claim.close_unresolved').first()
    assert.isNotNull(audit)

    await runQueuedJobsNow()
    const [closing] = messages.ofKind('guarantee_claim_update')
    closing.assertSubject(
      `Suivi de votre signalement au titre de la garantie légale – commande ${order.number} – Comptoir`
    )
    closing.assertTextIncludes(
      'Vous pouvez recourir gratuitement au médiateur de la consommation dont nous relevons, Médiateur Démo de la consommation : https://mediateur-demo.example'
    )
    closing.assertHtmlIncludes('href="https://mediateur-demo.example"')
    closing.assertTextIncludes('Nous estimons que le défaut vient d’une mauvaise utilisation.')

    const after = await textOf(client.get(`/orders/${order.number}`).withSession(session))
    assert.include(after, 'Clos sans solution amiable')
    assert.include(
      after,
      'Vous pouvez recourir gratuitement au médiateur de la consommation dont nous relevons, Médiateur Démo de la consommation :'
    )
    assert.include(after, 'href="https://mediateur-demo.example"')
    // M-03: the EU ODR platform is closed; nothing points to it.
    assert.notInclude(after.toLowerCase(), 'odr')

    // Once closed, the claim takes no other decision.
    const page = await textOf(client.get(`/admin/after-sales/${claim.id}`).loginAs(owner))
    assert.notInclude(page, 'Clore sans solution</button>')
    const late = await decide(client, owner, claim, 'resolve')
    late.assertFlashMessage('error', "Cette décision n'est plus possible pour cette réclamation.")
  }).timeout(60_000)

  test('G-03: the dashboard lists the claims due within 7 days or late; the list flags them', async ({
    client,
    assert,
    cleanup,
  }) => {
    // One unit per claim: units in a claim under way cannot be claimed again.
    const { order, lines } = await deliveredUnits(cleanup, 4)
    const late = await reported(order, lines[0], 'repair', parisToday(-35))
    const dueSoon = await reported(order, lines[0], 'repair', parisToday(-25))
    const later = await reported(order, lines[0], 'repair', parisToday(-10))
    const settled = await reported(order, lines[0], 'repair', parisToday(-36))
    await GuaranteeClaim.query().where('id', settled.id).update({ status: 'resolved' })
    const owner = await AdminUserFactory.create()

    const dashboard = await textOf(client.get('/admin').loginAs(owner))
    assert.include(dashboard, 'Réclamations de garantie à traiter')
    assert.include(
      dashboard,
      `en retard : réparation ou remplacement dû le ${day(addDays(parisToday(), -5))}`
    )
    assert.include(dashboard, `réparation ou remplacement dû le ${day(addDays(parisToday(), 5))}`)
    assert.include(dashboard, `href="/admin/after-sales/${late.id}"`)
    assert.include(dashboard, `href="/admin/after-sales/${dueSoon.id}"`)
    assert.notInclude(dashboard, `href="/admin/after-sales/${later.id}"`)
    assert.notInclude(dashboard, `href="/admin/after-sales/${settled.id}"`)
    // The late one first.
    assert.isBelow(
      dashboard.indexOf(`/admin/after-sales/${late.id}"`),
      dashboard.indexOf(`/admin/after-sales/${dueSoon.id}"`)
    )

    const list = await textOf(client.get('/admin/after-sales').loginAs(owner))
    assert.include(list, 'En retard')
    assert.include(list, 'Échéance proche')
    assert.include(list, 'href="/admin/after-sales"')
    const detail = await textOf(client.get(`/admin/after-sales/${late.id}`).loginAs(owner))
    assert.include(
      detail,
      "Le délai de 30 jours est dépassé : le client peut exiger une réduction du prix ou l'annulation de la vente avec remboursement intégral."
    )
  }).timeout(60_000)
})
