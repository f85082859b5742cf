import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import Coupon from '#models/coupon'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { createCatalogFixture } from '#tests/helpers/catalog'
import { createCoupon, insertOrders } from '#tests/helpers/coupons'
import { countRows } from '#tests/helpers/database'
import { sqlTimestamp } from '#support/sql_timestamp'

const FORM = {
  code: 'printemps-26',
  label: 'Printemps',
  kind: 'percentage',
  percentage: '12,5',
  amount: '',
  min_subtotal: '50',
  starts_on: '2026-03-20',
  ends_on: '2026-04-19',
  usage_limit: '100',
  per_customer_limit: '1',
  active: '1',
  product_skus: '',
  notes: '',
}

test.group('Back-office coupons', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a manager creates a coupon scoped to SKUs and categories, audit-logged', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const clog = await catalog.createProduct({ fr: 'Sabot Jeanne', en: 'Jeanne clog' }, [
      { sku: 'JEA-38' },
      { sku: 'JEA-39' },
    ])
    const manager = await AdminUserFactory.apply('manager').create()

    const response = await client
      .post('/admin/coupons')
      .form({
        ...FORM,
        'product_skus': 'jea-39,\nJEA-38',
        'category_ids[]': String(catalog.shoes.id),
      })
      .withCsrfToken()
      .loginAs(manager)
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/admin/coupons')
    response.assertFlashMessage('success', 'Code promo PRINTEMPS-26 enregistré.')

    const coupon = await Coupon.query()
      .where('code', 'PRINTEMPS-26')
      .preload('products')
      .preload('categories')
      .firstOrFail()
    assert.equal(coupon.kind, 'percentage')
    assert.equal(coupon.value, 1250)
    assert.equal(coupon.minSubtotal, 5000)
    assert.equal(coupon.currency, 'EUR')
    assert.equal(coupon.usageLimit, 100)
    assert.equal(coupon.perCustomerLimit, 1)
    assert.isTrue(coupon.active)
    // The days typed are Paris days, the last one included.
    assert.equal(coupon.startsAt!.toUTC().toISO(), '2026-03-19T23:00:00.000Z')
    assert.equal(coupon.endsAt!.toUTC().toISO(), '2026-04-19T22:00:00.000Z')
    assert.deepEqual(
      coupon.products.map((product) => product.id),
      [clog.id]
    )
    assert.deepEqual(
      coupon.categories.map((category) => category.id),
      [catalog.shoes.id]
    )
    const audit = await db.from('audit_logs').where('action', 'coupon.create').firstOrFail()
    assert.equal(audit.admin_user_id, manager.id)
    assert.equal(audit.entity_id, String(coupon.id))

    const list = await client.get('/admin/coupons').loginAs(manager)
    list.assertStatus(200)
    assert.include(list.text(), 'PRINTEMPS-26')
    assert.include(list.text(), '12,5\u00a0%')
    assert.include(list.text(), 'du 20 mars 2026 au 19 avril 2026')
    assert.include(list.text(), '0 sur 100')

    const edit = await client.get(`/admin/coupons/${coupon.id}/edit`).loginAs(manager)
    edit.assertStatus(200)
    assert.include(edit.text(), 'value="12,5"')
    assert.include(edit.text(), 'value="2026-04-19"')
    assert.include(edit.text(), 'JEA-38')
    assert.include(edit.text(), 'Sabot Jeanne')
    assert.match(edit.text(), new RegExp(`value="${catalog.shoes.id}" checked`))
  })

  test('the list searches by code or label, filters by status and paginates', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    for (let index = 1; index <= 27; index++) {
      await createCoupon({ code: `CODE${String(index).padStart(2, '0')}`, active: index !== 3 })
    }
    await createCoupon({ code: 'NOEL', kind: 'fixed_amount', value: 1500, currency: 'EUR' })

    const first = await client.get('/admin/coupons').loginAs(owner)
    assert.include(first.text(), '28 codes promo')
    assert.include(first.text(), 'href="/admin/coupons?page=2"')
    assert.include(first.text(), '15,00\u00a0€')

    const search = await client.get('/admin/coupons').qs({ q: 'noe' }).loginAs(owner)
    assert.include(search.text(), '1 code promo')
    assert.include(search.text(), 'NOEL')

    const inactive = await client.get('/admin/coupons').qs({ status: 'inactive' }).loginAs(owner)
    assert.include(inactive.text(), '1 code promo')
    assert.include(inactive.text(), 'CODE03')
  })

  test('validation errors are translated and nothing is saved', async ({ client, assert }) => {
    await createCatalogFixture()
    const owner = await AdminUserFactory.create()
    await createCoupon({ code: 'TAKEN' })

    const post = (form: Record<string, string>) =>
      client.post('/admin/coupons').form(form).withCsrfToken().loginAs(owner).redirects(0)

    const invalid = await post({
      ...FORM,
      code: 'é!',
      percentage: '120',
      min_subtotal: 'beaucoup',
      starts_on: '2026-04-20',
      ends_on: '2026-04-19',
      product_skus: 'NOPE-1, nope-2',
      usage_limit: '0',
    })
    invalid.assertStatus(302)
    invalid.assertHeader('location', '/admin/coupons/new')
    invalid.assertFlashMessage('inputErrorsBag', {
      code: ['Le code doit compter de 3 à 32 caractères : lettres sans accent, chiffres, - ou _.'],
      percentage: [
        'Saisissez un pourcentage entre 0,01 et 100, avec au plus deux décimales (par exemple 10 ou 12,5).',
      ],
      min_subtotal: ['Saisissez un montant en euros supérieur à zéro, par exemple 15 ou 15,90.'],
      ends_on: ['La date de fin doit être identique ou postérieure à la date de début.'],
      product_skus: ["Aucun produit n'a ces références : NOPE-1, NOPE-2."],
      usage_limit: ["Le champ nombre total d'utilisations doit être un nombre entre 1 et 1000000."],
    })

    const missing = await post({ ...FORM, code: 'taken', kind: 'fixed_amount', amount: '' })
    missing.assertFlashMessage('inputErrorsBag', {
      code: ['Ce code existe déjà.'],
      amount: ["Saisissez le montant de la remise d'un code de type « Montant fixe »."],
    })
    assert.equal(await countRows('coupons'), 1)

    // The form comes back as typed, errors announced next to their field.
    const again = await client
      .get('/admin/coupons/new')
      .withFlashMessages({
        ...FORM,
        code: 'é!',
        inputErrorsBag: { code: ['Le code doit compter de 3 à 32 caractères.'] },
      })
      .loginAs(owner)
    assert.include(again.text(), 'value="é!"')
    assert.match(
      again.text(),
      /id="code"[^>]*aria-invalid="true"[^>]*aria-describedby="code-hint code-error"/
    )
  })

  test('English back office gets English messages', async ({ client }) => {
    const owner = await AdminUserFactory.create()
    const refused = await client
      .post('/admin/coupons')
      .header('accept-language', 'en')
      .form({ ...FORM, kind: 'percentage', percentage: '' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    refused.assertFlashMessage('inputErrorsBag', {
      percentage: ['Enter the discount percentage of a "Percentage" code.'],
    })
  })

  test('editing changes the coupon and its scope; deactivating keeps it', async ({
    client,
    assert,
  }) => {
    const catalog = await createCatalogFixture()
    const owner = await AdminUserFactory.create()
    const coupon = await createCoupon({ code: 'SOLO' }, { categoryIds: [catalog.shoes.id] })

    await client
      .put(`/admin/coupons/${coupon.id}`)
      .form({
        ...FORM,
        code: 'solo',
        kind: 'free_shipping',
        percentage: '',
        min_subtotal: '',
        starts_on: '',
        ends_on: '',
        usage_limit: '',
        per_customer_limit: '',
      })
      .withCsrfToken()
      .loginAs(owner)
    await coupon.refresh()
    assert.equal(coupon.kind, 'free_shipping')
    assert.equal(coupon.value, 0)
    assert.isNull(coupon.currency)
    assert.isNull(coupon.minSubtotal)
    assert.isNull(coupon.startsAt)
    assert.isNull(coupon.usageLimit)
    assert.equal(await countRows('coupon_categories', { coupon_id: coupon.id }), 0)
    assert.equal(await countRows('audit_logs', { action: 'coupon.update' }), 1)

    const response = await client
      .post(`/admin/coupons/${coupon.id}/deactivate`)
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    response.assertFlashMessage(
      'success',
      'Code promo SOLO désactivé : il ne peut plus être utilisé.'
    )
    await coupon.refresh()
    assert.isFalse(coupon.active)
    assert.equal(await countRows('audit_logs', { action: 'coupon.deactivate' }), 1)
  })

  test('a coupon never used can be deleted; a used one cannot', async ({ client, assert }) => {
    const owner = await AdminUserFactory.create()
    const unused = await createCoupon({ code: 'UNUSED' })
    const used = await createCoupon({ code: 'USED', timesUsed: 1 })
    const [orderId] = await insertOrders(1)
    await db.table('coupon_redemptions').insert({
      coupon_id: used.id,
      order_id: orderId,
      email: 'a@example.com',
      amount: 100,
      created_at: sqlTimestamp(),
    })

    const deleted = await client
      .delete(`/admin/coupons/${unused.id}`)
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    deleted.assertFlashMessage('success', 'Code promo supprimé.')
    assert.isNull(await Coupon.find(unused.id))
    assert.equal(await countRows('audit_logs', { action: 'coupon.delete' }), 1)

    const kept = await client
      .delete(`/admin/coupons/${used.id}`)
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    kept.assertHeader('location', `/admin/coupons/${used.id}/edit`)
    kept.assertFlashMessage(
      'error',
      'Ce code a été utilisé une fois : il ne peut pas être supprimé. Désactivez-le plutôt.'
    )
    assert.isNotNull(await Coupon.find(used.id))

    const edit = await client.get(`/admin/coupons/${used.id}/edit`).loginAs(owner)
    assert.notInclude(edit.text(), `action="/admin/coupons/${used.id}?_method=DELETE"`)
    assert.include(edit.text(), 'ne peut pas être supprimé, seulement désactivé')
  })

  test('support staff cannot manage coupons (403) nor see them in the menu', async ({
    client,
    assert,
  }) => {
    const support = await AdminUserFactory.apply('support').create()
    const coupon = await createCoupon()

    for (const request of [
      client.get('/admin/coupons'),
      client.get('/admin/coupons/new'),
      client.get(`/admin/coupons/${coupon.id}/edit`),
      client.post('/admin/coupons').form(FORM).withCsrfToken(),
      client.put(`/admin/coupons/${coupon.id}`).form(FORM).withCsrfToken(),
      client.post(`/admin/coupons/${coupon.id}/deactivate`).withCsrfToken(),
      client.delete(`/admin/coupons/${coupon.id}`).withCsrfToken(),
    ]) {
      const response = await request.loginAs(support).redirects(0)
      response.assertStatus(403)
    }
    await coupon.refresh()
    assert.isTrue(coupon.active)

    const dashboard = await client.get('/admin').loginAs(support)
    assert.notInclude(dashboard.text(), 'href="/admin/coupons"')
    const manager = await AdminUserFactory.apply('manager').create()
    const managerDashboard = await client.get('/admin').loginAs(manager)
    assert.include(managerDashboard.text(), 'Codes promo')
  })
})
