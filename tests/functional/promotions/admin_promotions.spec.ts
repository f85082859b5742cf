import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type AdminUser from '#models/admin_user'
import PromotionRule from '#models/promotion_rule'
import SoldesPeriod from '#models/soldes_period'
import { parisDate } from '#domain/paris_time'
import { arreteFirstDay } from '#domain/pricing/soldes_periods'
import ProductService from '#services/catalog/product_service'
import PublicPriceRecorder from '#services/pricing/public_price_recorder'
import SoldesCalendarService from '#services/pricing/soldes_calendar_service'
import SettingsService from '#services/settings_service'
import { formatCalendarDay } from '#support/calendar_days'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { CustomerFactory } from '#database/factories/customer_factory'
import { createCatalogFixture } from '#tests/helpers/catalog'
import { productOnSale } from '#tests/helpers/checkout'
import { countRows } from '#tests/helpers/database'
import {
  createRule,
  customerGroup,
  setPriceHistory,
  soldesPeriodAroundToday,
} from '#tests/helpers/promotions'

const thisYear = Number(parisDate(new Date()).slice(0, 4))
const nextYear = thisYear + 1

const FORM = {
  name: 'Printemps',
  kind: 'promotion',
  discount_type: 'percentage',
  percentage: '20',
  amount: '',
  starts_at: `${nextYear}-04-01T00:00`,
  ends_on: `${nextYear}-04-10`,
  customer_group_id: '',
  campaign: '',
  declaration_reference: '',
  product_skus: '',
}

/** The rule form posted by a member of staff, the redirect not followed. */
function postRule(client: ApiClient, admin: AdminUser, form: Record<string, string>) {
  return client.post('/admin/promotions').form(form).withCsrfToken().loginAs(admin).redirects(0)
}

function inputErrors(response: { flashMessages(): Record<string, any> }) {
  return (response.flashMessages().inputErrorsBag ?? {}) as Record<string, string[]>
}

test.group('Back-office promotion rules', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('a manager schedules a promotion on a category and a brand, audit-logged', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const manager = await AdminUserFactory.apply('manager').create()
    const response = await postRule(client, manager, {
      ...FORM,
      'percentage': '12,5',
      'category_ids[]': String(catalog.shoes.id),
      'brand_ids[]': String(catalog.brand.id),
    })
    response.assertStatus(302)
    response.assertHeader('location', '/admin/promotions')
    response.assertFlashMessage('success', 'Règle « Printemps » enregistrée.')

    const rule = await PromotionRule.query().preload('targets').firstOrFail()
    assert.equal(rule.kind, 'promotion')
    assert.equal(rule.value, 1250)
    assert.isNull(rule.currency)
    // Paris time: the start as typed, the last day until the next midnight.
    assert.equal(rule.startsAt.toUTC().toISO(), `${nextYear}-03-31T22:00:00.000Z`)
    assert.equal(rule.endsAt!.toUTC().toISO(), `${nextYear}-04-10T22:00:00.000Z`)
    assert.sameDeepMembers(
      rule.targets.map((target) => [target.targetType, target.targetId]),
      [
        ['category', catalog.shoes.id],
        ['brand', catalog.brand.id],
      ]
    )
    assert.equal(await countRows('audit_logs', { action: 'promotion.create' }), 1)

    const list = await client.get('/admin/promotions').loginAs(manager)
    list.assertStatus(200)
    list.assertTextIncludes('Printemps')
    list.assertTextIncludes('Programmée')
  })

  test('form errors are translated and the form comes back as typed', async ({
    client,
    assert,
  }) => {
    const manager = await AdminUserFactory.apply('manager').create()
    const response = await postRule(client, manager, {
      ...FORM,
      percentage: '',
      starts_at: 'demain',
      product_skus: 'NOPE-1',
    })
    response.assertHeader('location', '/admin/promotions/new')
    assert.deepInclude(inputErrors(response), {
      percentage: ['Saisissez le pourcentage d’une réduction de type « Pourcentage ».'],
      starts_at: ['Saisissez une date et une heure valides.'],
      product_skus: ["Aucun produit n'a ces références : NOPE-1."],
    })
    assert.equal(await countRows('promotion_rules'), 0)

    const form = await client
      .get('/admin/promotions/new')
      .loginAs(manager)
      .withSession({})
      .withFlashMessages(response.flashMessages())
    form.assertTextIncludes('Saisissez une date et une heure valides.')
  })

  test('PR-08: soldes outside the official period are refused with the periods in force', async ({
    client,
    assert,
  }) => {
    const manager = await AdminUserFactory.apply('manager').create()
    const response = await postRule(client, manager, {
      ...FORM,
      kind: 'soldes',
      name: 'Soldes de printemps',
    })
    response.assertHeader('location', '/admin/promotions/new')
    const [message] = inputErrors(response).starts_at
    assert.include(message, 'des soldes ne sont permis que pendant les périodes officielles')
    assert.include(message, 'L310-3')
    // The arrêté's rule for next year, both periods (opening at 08:00).
    assert.match(message, new RegExp(`du mercredi \\d+ janvier ${nextYear} à 08:00 au mardi`))
    assert.match(message, new RegExp(`et du mercredi \\d+ juin ${nextYear} à 08:00`))
    assert.equal(await countRows('promotion_rules'), 0)
  })

  test('PR-08: soldes need an end; inside a period they are accepted', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const variantId = await productOnSale(catalog, 'OLD-1')
    await setPriceHistory(variantId, [[120, 4990]])
    const period = await soldesPeriodAroundToday()
    const manager = await AdminUserFactory.apply('manager').create()
    const soldes = {
      ...FORM,
      kind: 'soldes',
      name: 'Soldes',
      starts_at: `${period.firstDay}T08:00`,
      product_skus: 'OLD-1',
    }

    const noEnd = await postRule(client, manager, { ...soldes, ends_on: '' })
    assert.deepEqual(inputErrors(noEnd).ends_on, [
      'Des soldes finissent au plus tard avec la période officielle : indiquez le dernier jour.',
    ])

    const early = await postRule(client, manager, {
      ...soldes,
      starts_at: `${period.firstDay}T07:59`,
      ends_on: period.lastDay,
    })
    assert.exists(inputErrors(early).starts_at)

    const accepted = await postRule(client, manager, { ...soldes, ends_on: period.lastDay })
    accepted.assertHeader('location', '/admin/promotions')
    assert.equal(await countRows('promotion_rules', { kind: 'soldes' }), 1)
  })

  test('TC-28 PR-09: soldes naming a product offered less than a month before the period are refused', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const old = await productOnSale(catalog, 'OLD-1')
    await productOnSale(catalog, 'NEW-1')
    await setPriceHistory(old, [[120, 4990]])
    const period = await soldesPeriodAroundToday()
    const manager = await AdminUserFactory.apply('manager').create()

    const response = await postRule(client, manager, {
      ...FORM,
      kind: 'soldes',
      starts_at: `${period.firstDay}T08:00`,
      ends_on: period.lastDay,
      product_skus: 'OLD-1, NEW-1',
    })
    const [message] = inputErrors(response).product_skus
    assert.include(message, 'Ces produits ne peuvent pas être soldés')
    assert.include(message, 'un mois avant l’ouverture des soldes')
    assert.include(message, 'NEW-1')
    assert.notInclude(message, 'OLD-1')
    assert.equal(await countRows('promotion_rules'), 0)
  })

  test('TC-29 PR-12: a liquidation needs its declaration and lasts two months at most', async ({
    client,
    assert,
  }) => {
    const manager = await AdminUserFactory.apply('manager').create()
    const liquidation = {
      ...FORM,
      kind: 'liquidation',
      name: 'Fermeture',
      starts_at: `${nextYear}-03-01T00:00`,
      // 75 days.
      ends_on: `${nextYear}-05-14`,
    }
    const refused = await postRule(client, manager, liquidation)
    assert.deepEqual(inputErrors(refused), {
      declaration_reference: [
        'Une liquidation doit être déclarée à la mairie avant de commencer : indiquez la référence de la déclaration.',
      ],
      ends_on: [
        `Une liquidation dure deux mois au plus (L310-1) : son dernier jour possible est le ${formatCalendarDay(`${nextYear}-04-30`, 'fr')}.`,
      ],
    })

    const accepted = await postRule(client, manager, {
      ...liquidation,
      ends_on: `${nextYear}-04-30`,
      declaration_reference: 'Mairie de Lyon 2026-041',
    })
    accepted.assertHeader('location', '/admin/promotions')
    const rule = await PromotionRule.firstOrFail()
    assert.equal(rule.declarationReference, 'Mairie de Lyon 2026-041')
  })

  test('PR-03: a vente privée is reserved to a customer group', async ({ client, assert }) => {
    const manager = await AdminUserFactory.apply('manager').create()
    const club = await customerGroup('Club')
    const refused = await postRule(client, manager, { ...FORM, kind: 'vente_privee' })
    assert.deepEqual(inputErrors(refused).customer_group_id, [
      'Une vente privée est réservée aux membres d’un groupe de clients : choisissez le groupe.',
    ])
    await postRule(client, manager, {
      ...FORM,
      kind: 'vente_privee',
      customer_group_id: String(club.id),
    })
    const rule = await PromotionRule.firstOrFail()
    assert.equal(rule.customerGroupId, club.id)
  })

  test('PR-01: a started rule keeps its start and is stopped, never deleted; the history records both', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const variantId = await productOnSale(catalog, 'OLD-1', { priceAmount: 10000 })
    await setPriceHistory(variantId, [[120, 10000]])
    const manager = await AdminUserFactory.apply('manager').create()
    const started = DateTime.now().minus({ days: 2 }).setZone('Europe/Paris')
    await postRule(client, manager, {
      ...FORM,
      starts_at: started.toFormat("yyyy-MM-dd'T'HH:mm"),
      ends_on: '',
    })
    const rule = await PromotionRule.firstOrFail()
    // Saving a running rule records the public price it sets.
    const history = async () => {
      const rows = await db
        .from('price_history')
        .where('variant_id', variantId)
        .orderBy('changed_at')
        .orderBy('id')
      return rows.map((row) => [row.new_amount, row.source])
    }
    assert.deepEqual(await history(), [
      [10000, 'seed'],
      [8000, 'promotion'],
    ])

    const moved = await client
      .put(`/admin/promotions/${rule.id}`)
      .form({ ...FORM, starts_at: started.minus({ days: 1 }).toFormat("yyyy-MM-dd'T'HH:mm") })
      .withCsrfToken()
      .loginAs(manager)
      .redirects(0)
    assert.include(inputErrors(moved).starts_at[0], 'son début ne peut plus changer')

    const deletion = await client
      .delete(`/admin/promotions/${rule.id}`)
      .withCsrfToken()
      .loginAs(manager)
      .redirects(0)
    deletion.assertFlashMessage(
      'error',
      'Cette règle a commencé : arrêtez-la plutôt que de la supprimer.'
    )
    assert.equal(await countRows('promotion_rules'), 1)

    await client.post(`/admin/promotions/${rule.id}/stop`).withCsrfToken().loginAs(manager)
    await rule.refresh()
    assert.isTrue(rule.endsAt! <= DateTime.now())
    assert.deepEqual(await history(), [
      [10000, 'seed'],
      [8000, 'promotion'],
      [10000, 'promotion'],
    ])
  })

  test('a rule not started yet can be deleted', async ({ client, assert }) => {
    const manager = await AdminUserFactory.apply('manager').create()
    const rule = await createRule({ startsAt: DateTime.now().plus({ days: 3 }) })
    const response = await client
      .delete(`/admin/promotions/${rule.id}`)
      .withCsrfToken()
      .loginAs(manager)
      .redirects(0)
    response.assertFlashMessage('success', 'Règle supprimée.')
    assert.equal(await countRows('promotion_rules'), 0)
  })

  test('support staff do not manage promotions', async ({ client }) => {
    const support = await AdminUserFactory.apply('support').create()
    const response = await client.get('/admin/promotions').loginAs(support)
    response.assertStatus(403)
  })
})

test.group('Back-office soldes calendar', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('PR-08: the owner records a year’s dates over the arrêté’s; out-of-law lengths are refused', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const form = {
      year: String(nextYear),
      season: 'summer',
      first_day: `${nextYear}-06-30`,
      opening_time: '08:00',
      last_day: `${nextYear}-07-27`,
      note: 'Arrêté modificatif',
    }
    const tooLong = await client
      .post('/admin/soldes/periods')
      .form({ ...form, last_day: `${nextYear}-08-20` })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    assert.deepEqual(inputErrors(tooLong).last_day, [
      'Une période de soldes dure au plus six semaines (L310-3).',
    ])

    const saved = await client
      .post('/admin/soldes/periods')
      .form(form)
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    saved.assertFlashMessage('success', 'Dates de soldes enregistrées.')
    const period = await SoldesPeriod.firstOrFail()
    assert.deepInclude(period.serialize(), {
      year: nextYear,
      season: 'summer',
      firstDay: `${nextYear}-06-30`,
      lastDay: `${nextYear}-07-27`,
    })
    const page = await client.get('/admin/soldes').loginAs(owner)
    page.assertTextIncludes('dates enregistrées')
    page.assertTextIncludes(`juin ${nextYear} à 08:00`)
  })

  test('a manager reads the calendar but does not change it', async ({ client }) => {
    const manager = await AdminUserFactory.apply('manager').create()
    const page = await client.get('/admin/soldes').loginAs(manager)
    page.assertStatus(200)
    page.assertTextIncludes('Calendrier des soldes')
    const write = await client
      .post('/admin/soldes/periods')
      .form({ year: String(thisYear), season: 'winter' })
      .withCsrfToken()
      .loginAs(manager)
    write.assertStatus(403)
  })

  test('PR-08: a shop seated in Moselle still uses the national dates (L310-3 I 1°)', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const settings = await app.container.make(SettingsService)
    const address = {
      lines: ['1 rue Serpenoise'],
      postalCode: '57000',
      city: 'Metz',
      country: 'FR',
    }
    await settings.update({ 'seller.identity': { address } as any }, null, null)
    const service = await app.container.make(SoldesCalendarService)
    const calendar = await service.calendar()
    const winter = calendar.period(thisYear, 'winter')
    assert.deepInclude(winter, { firstDay: arreteFirstDay(thisYear, 'winter'), source: 'arrete' })
    const page = await client.get('/admin/soldes').loginAs(owner)
    page.assertTextIncludes('Une boutique en ligne suit les dates nationales')
    page.assertTextIncludes(formatCalendarDay(winter.firstDay, 'fr'))
    assert.notInclude(page.text(), 'Portée')
  })
})

test.group('Back-office customer groups', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('a manager creates a group, puts a customer in it from their page, and cannot delete a group in use', async ({
    client,
    assert,
  }) => {
    const manager = await AdminUserFactory.apply('manager').create()
    const customer = await CustomerFactory.create()
    const created = await client
      .post('/admin/customer-groups')
      .form({ name: 'Club', description: 'Clients fidèles' })
      .withCsrfToken()
      .loginAs(manager)
      .redirects(0)
    created.assertFlashMessage('success', 'Groupe « Club » enregistré.')
    const duplicate = await client
      .post('/admin/customer-groups')
      .form({ name: 'Club' })
      .withCsrfToken()
      .loginAs(manager)
      .redirects(0)
    assert.deepEqual(inputErrors(duplicate).name, ['Un groupe porte déjà ce nom.'])

    const club = await db.from('customer_groups').where('name', 'Club').firstOrFail()
    const page = await client.get(`/admin/customers/${customer.id}`).loginAs(manager)
    page.assertTextIncludes('Membre de')
    await client
      .put(`/admin/customers/${customer.id}/groups`)
      .form({ 'group_ids[]': String(club.id) })
      .withCsrfToken()
      .loginAs(manager)
    assert.equal(
      await countRows('customer_group_members', {
        customer_group_id: club.id,
        customer_id: customer.id,
      }),
      1
    )
    const members = await client.get(`/admin/customer-groups/${club.id}/edit`).loginAs(manager)
    members.assertTextIncludes(customer.email)

    await createRule({ kind: 'vente_privee', customerGroupId: club.id })
    const refused = await client
      .delete(`/admin/customer-groups/${club.id}`)
      .withCsrfToken()
      .loginAs(manager)
      .redirects(0)
    refused.assertFlashMessage(
      'error',
      'Une vente privée est réservée à ce groupe : il est conservé.'
    )
    assert.equal(await countRows('customer_groups'), 1)

    await client
      .put(`/admin/customers/${customer.id}/groups`)
      .form({})
      .withCsrfToken()
      .loginAs(manager)
    assert.equal(await countRows('customer_group_members'), 0)
  })

  test('support staff see a customer’s groups but do not change them', async ({ client }) => {
    const support = await AdminUserFactory.apply('support').create()
    const customer = await CustomerFactory.create()
    const club = await customerGroup('Club', [customer.id])
    const page = await client.get(`/admin/customers/${customer.id}`).loginAs(support)
    page.assertTextIncludes('Club')
    const write = await client
      .put(`/admin/customers/${customer.id}/groups`)
      .form({ 'group_ids[]': String(club.id) })
      .withCsrfToken()
      .loginAs(support)
    write.assertStatus(403)
  })
})

test.group('Public price history', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('PR-07: the job records a promotion’s start at the instant it started, once', async ({
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const variantId = await productOnSale(catalog, 'OLD-1', { priceAmount: 10000 })
    await setPriceHistory(variantId, [[120, 10000]])
    const startsAt = DateTime.now().minus({ minutes: 7 }).startOf('second')
    await createRule({ startsAt, value: 2500 })
    const club = await customerGroup('Club')
    await createRule({ kind: 'vente_privee', customerGroupId: club.id, value: 5000 })

    const recorder = await app.container.make(PublicPriceRecorder)
    assert.equal(await recorder.recordTransitions(), 1)
    assert.equal(await recorder.recordTransitions(), 0)
    const last = await db
      .from('price_history')
      .where('variant_id', variantId)
      .orderBy('changed_at', 'desc')
      .first()
    // The public price (the members' one is not), at the rule's start.
    assert.equal(last.new_amount, 7500)
    assert.equal(last.old_amount, 10000)
    assert.equal(last.source, 'promotion')
    const recordedAt =
      last.changed_at instanceof Date
        ? last.changed_at
        : new Date(`${String(last.changed_at).replace(' ', 'T')}Z`)
    assert.equal(recordedAt.getTime(), startsAt.toMillis())
  })

  test('PR-07: a catalog price change during a promotion records the public price charged', async ({
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const input = catalog.productInput({ fr: 'Sabot Irène', en: 'Irène clog' }, [
      { sku: 'IRE-38', priceAmount: 10000 },
    ])
    const product = await catalog.createProduct(
      { fr: 'Sabot Irène', en: 'Irène clog' },
      input.variants
    )
    await createRule({ value: 2000 })
    const service = await app.container.make(ProductService)
    await service.update(
      product.id,
      { ...input, variants: [{ ...input.variants[0], priceAmount: 12000 }] },
      { admin: null, source: 'admin', ip: null }
    )
    const rows = await db
      .from('price_history')
      .orderBy('changed_at')
      .orderBy('id')
      .select('old_amount', 'new_amount', 'source')
    assert.deepEqual(
      rows.map((row) => [row.old_amount, row.new_amount, row.source]),
      [
        [null, 10000, 'seed'],
        [10000, 9600, 'admin'],
      ]
    )
  })
})
