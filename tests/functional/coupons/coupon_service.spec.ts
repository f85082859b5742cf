import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import i18nManager from '@adonisjs/i18n/services/main'
import { DateTime } from 'luxon'
import CategoryService from '#services/catalog/category_service'
import CouponService, { type CouponEvaluationInput } from '#services/coupon_service'
import { refusalMessage } from '#support/coupon_messages'
import { REFUSAL_REASONS } from '#domain/coupons'
import { createCatalogFixture } from '#tests/helpers/catalog'
import { createCoupon, insertCustomer, insertOrders } from '#tests/helpers/coupons'
import { countRows } from '#tests/helpers/database'

const guest = { customerId: null, email: null }

function cart(
  lines: CouponEvaluationInput['lines'],
  customer: CouponEvaluationInput['customer'] = guest
): CouponEvaluationInput {
  return {
    lines,
    subtotal: lines.reduce((sum, line) => sum + line.lineTotal, 0),
    currency: 'EUR',
    customer,
  }
}

/**
 * Against the real database. Redemptions run in parallel transactions, which
 * span connections: tables are emptied between tests instead of wrapping them
 * in a transaction.
 */
test.group('Coupon service', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('a code is found whatever its case, and an unknown one is refused', async ({ assert }) => {
    await createCoupon({ code: 'BIENVENUE10' })
    const coupons = await app.container.make(CouponService)
    const lines = [{ lineKey: '1', productId: 1, lineTotal: 4590 }]

    const applied = await coupons.evaluate(' bienvenue10 ', cart(lines))
    assert.equal(applied.kind, 'applied')
    if (applied.kind === 'applied') {
      assert.equal(applied.discount, 459)
      assert.equal(applied.code, 'BIENVENUE10')
      assert.deepEqual(applied.lineDiscounts, [{ lineKey: '1', amount: 459 }])
    }
    assert.deepEqual(await coupons.evaluate('NOPE', cart(lines)), {
      kind: 'refused',
      reason: 'unknown',
    })
    assert.deepEqual(await coupons.evaluate('é!', cart(lines)), {
      kind: 'refused',
      reason: 'unknown',
    })
  })

  test('a category scope reaches products filed in its subcategories', async ({ assert }) => {
    const catalog = await createCatalogFixture()
    // The fixture files products under Shoes > Clogs; the coupon names Shoes only.
    const clog = await catalog.createProduct({ fr: 'Sabot Jeanne', en: 'Jeanne clog' }, [
      { sku: 'JEA-1' },
    ])
    const categories = await app.container.make(CategoryService)
    const scarves = await categories.create(
      {
        parentId: null,
        translations: [
          { locale: 'fr', name: 'Écharpes' },
          { locale: 'en', name: 'Scarves' },
        ],
      },
      { admin: null, source: 'seed' }
    )
    const scarf = await catalog.createProduct({ fr: 'Écharpe', en: 'Scarf' }, [{ sku: 'SCA-1' }], {
      categoryIds: [scarves.id],
    })
    await createCoupon(
      { code: 'SHOES20', kind: 'fixed_amount', value: 2000, currency: 'EUR' },
      { categoryIds: [catalog.shoes.id] }
    )
    const coupons = await app.container.make(CouponService)

    const result = await coupons.evaluate(
      'SHOES20',
      cart([
        { lineKey: 'clog', productId: clog.id, lineTotal: 8900 },
        { lineKey: 'scarf', productId: scarf.id, lineTotal: 2500 },
      ])
    )
    assert.equal(result.kind, 'applied')
    if (result.kind === 'applied') {
      assert.equal(result.discount, 2000)
      assert.deepEqual(result.lineDiscounts, [{ lineKey: 'clog', amount: 2000 }])
    }
    assert.deepEqual(
      await coupons.evaluate(
        'SHOES20',
        cart([{ lineKey: 'scarf', productId: scarf.id, lineTotal: 2500 }])
      ),
      { kind: 'refused', reason: 'no_eligible_product' }
    )
  })

  test('a product scope applies to that product only', async ({ assert }) => {
    const catalog = await createCatalogFixture()
    const first = await catalog.createProduct({ fr: 'Sabot A', en: 'Clog A' }, [{ sku: 'A-1' }])
    const second = await catalog.createProduct({ fr: 'Sabot B', en: 'Clog B' }, [{ sku: 'B-1' }])
    await createCoupon({ code: 'ONLYONE' }, { productIds: [second.id] })
    const coupons = await app.container.make(CouponService)

    const result = await coupons.evaluate(
      'onlyone',
      cart([
        { lineKey: 'a', productId: first.id, lineTotal: 5000 },
        { lineKey: 'b', productId: second.id, lineTotal: 3000 },
      ])
    )
    assert.deepEqual(result.kind === 'applied' ? result.lineDiscounts : result, [
      { lineKey: 'b', amount: 300 },
    ])
  })

  test('usage so far comes from the database: total and per customer, by account and e-mail', async ({
    assert,
  }) => {
    const coupon = await createCoupon({ code: 'ONCE', perCustomerLimit: 1, usageLimit: 3 })
    const [firstOrder, secondOrder, thirdOrder] = await insertOrders(3)
    const claire = await insertCustomer('claire@example.com')
    const coupons = await app.container.make(CouponService)
    const lines = [{ lineKey: '1', productId: 1, lineTotal: 1000 }]
    const redeem = (orderId: number, customerId: number | null, email: string) =>
      db.transaction((trx) =>
        coupons.redeem(trx, { couponId: coupon.id, orderId, customerId, email, amount: 100 })
      )
    const evaluate = (customerId: number | null, email: string | null) =>
      coupons.evaluate('ONCE', cart(lines, { customerId, email }))
    const customerLimit = { kind: 'refused', reason: 'customer_limit_reached', limit: 1 }

    assert.containsSubset(await redeem(firstOrder, claire, 'Claire@Example.com'), {
      kind: 'redeemed',
    })

    // Claire signed in, as a guest typing her address differently, or under a new address.
    assert.deepEqual(await evaluate(claire, 'claire@example.com'), customerLimit)
    assert.deepEqual(await evaluate(null, ' CLAIRE@example.com'), customerLimit)
    assert.deepEqual(await evaluate(claire, 'claire.new@example.com'), customerLimit)
    assert.deepEqual(await redeem(secondOrder, null, 'claire@example.com'), customerLimit)
    // Nobody known yet (a guest before the checkout's e-mail step), or someone else.
    assert.containsSubset(await evaluate(null, null), { kind: 'applied' })
    assert.containsSubset(await evaluate(null, 'paul@example.com'), { kind: 'applied' })

    // The refused redemption took nothing: Paul and Marc still get the last two uses.
    assert.containsSubset(await redeem(secondOrder, null, 'paul@example.com'), { kind: 'redeemed' })
    assert.containsSubset(await redeem(thirdOrder, null, 'marc@example.com'), { kind: 'redeemed' })
    assert.deepEqual(await evaluate(null, 'lea@example.com'), {
      kind: 'refused',
      reason: 'usage_limit_reached',
      limit: 3,
    })
    await coupon.refresh()
    assert.equal(coupon.timesUsed, 3)
  })

  test('redeem refuses, without throwing, a code switched off or out of dates since the cart', async ({
    assert,
  }) => {
    const coupon = await createCoupon({
      code: 'SPRING',
      // Valid until 31 March included, Paris time.
      endsAt: DateTime.fromISO('2026-03-31T22:00:00Z').toUTC(),
    })
    const [orderId] = await insertOrders(1)
    const coupons = await app.container.make(CouponService)
    const redeem = (now: Date) =>
      db.transaction((trx) =>
        coupons.redeem(trx, {
          couponId: coupon.id,
          orderId,
          customerId: null,
          email: 'a@example.com',
          amount: 100,
          now,
        })
      )

    const expired = await redeem(new Date('2026-03-31T22:00:00Z'))
    assert.deepEqual(expired, {
      kind: 'refused',
      reason: 'expired',
      endsAt: new Date('2026-03-31T22:00:00Z'),
    })
    coupon.active = false
    await coupon.save()
    const inactive = await redeem(new Date('2026-03-01T08:00:00Z'))
    assert.deepEqual(inactive, { kind: 'refused', reason: 'inactive' })
    assert.equal(await countRows('coupon_redemptions'), 0)
    await coupon.refresh()
    assert.equal(coupon.timesUsed, 0)
  })

  test('20 checkouts at once on a coupon limited to 5: exactly 5 get it', async ({ assert }) => {
    const coupon = await createCoupon({ code: 'FIRST5', usageLimit: 5 })
    const orders = await insertOrders(20)
    const coupons = await app.container.make(CouponService)

    const results = await Promise.all(
      orders.map((orderId, index) =>
        db.transaction((trx) =>
          coupons.redeem(trx, {
            couponId: coupon.id,
            orderId,
            customerId: null,
            email: `shopper${index}@example.com`,
            amount: 500,
          })
        )
      )
    )

    assert.equal(results.filter((result) => result.kind === 'redeemed').length, 5)
    const refusals = results.filter((result) => result.kind === 'refused')
    assert.lengthOf(refusals, 15)
    for (const refusal of refusals) {
      assert.deepEqual(refusal, { kind: 'refused', reason: 'usage_limit_reached', limit: 5 })
    }
    await coupon.refresh()
    assert.equal(coupon.timesUsed, 5)
    assert.equal(await countRows('coupon_redemptions', { coupon_id: coupon.id }), 5)
  }).timeout(60_000)

  test('one shopper checking out 8 times at once gets a once-per-customer code once', async ({
    assert,
  }) => {
    const coupon = await createCoupon({ code: 'ONCEEACH', perCustomerLimit: 1 })
    const orders = await insertOrders(8)
    const coupons = await app.container.make(CouponService)
    // Like a checkout, each transaction reads before it redeems, so on MariaDB
    // its snapshot predates the others' redemptions. SQLite runs them one after
    // the other (one connection), where a barrier would wait forever.
    const together = db.connection().dialect.name === 'mysql' ? orders.length : 1
    let arrived = 0
    let release = () => {}
    const allStarted = new Promise<void>((resolve) => (release = resolve))

    const results = await Promise.all(
      orders.map((orderId) =>
        db.transaction(async (trx) => {
          await trx.from('coupon_customer_usage').select('uses')
          if (++arrived >= together) release()
          await allStarted
          return coupons.redeem(trx, {
            couponId: coupon.id,
            orderId,
            customerId: null,
            email: 'same@example.com',
            amount: 500,
          })
        })
      )
    )

    assert.equal(results.filter((result) => result.kind === 'redeemed').length, 1)
    assert.deepEqual(
      results.filter((result) => result.kind === 'refused'),
      Array.from({ length: 7 }, () => ({
        kind: 'refused',
        reason: 'customer_limit_reached',
        limit: 1,
      }))
    )
    await coupon.refresh()
    assert.equal(coupon.timesUsed, 1)
  }).timeout(60_000)

  test('checkouts with different once-per-customer coupons at once do not deadlock', async ({
    assert,
  }) => {
    const first = await createCoupon({ code: 'FIRSTONCE', perCustomerLimit: 1 })
    const second = await createCoupon({ code: 'SECONDONCE', perCustomerLimit: 1 })
    const orders = await insertOrders(20)
    const coupons = await app.container.make(CouponService)

    const results = await Promise.all(
      orders.map((orderId, index) =>
        db.transaction((trx) =>
          coupons.redeem(trx, {
            couponId: index % 2 ? first.id : second.id,
            orderId,
            customerId: null,
            email: `shopper${index}@example.com`,
            amount: 100,
          })
        )
      )
    )

    assert.isTrue(results.every((result) => result.kind === 'redeemed'))
    assert.equal(await countRows('coupon_redemptions'), 20)
  }).timeout(60_000)

  test('redeeming twice for one order counts once; release gives the use back', async ({
    assert,
  }) => {
    const coupon = await createCoupon({ code: 'LAST1', usageLimit: 1 })
    const [orderId, otherOrder] = await insertOrders(2)
    const coupons = await app.container.make(CouponService)
    const input = {
      couponId: coupon.id,
      orderId,
      customerId: null,
      email: 'a@example.com',
      amount: 250,
    }

    const first = await db.transaction((trx) => coupons.redeem(trx, input))
    const repeat = await db.transaction((trx) => coupons.redeem(trx, input))
    assert.deepEqual(repeat, first)
    await coupon.refresh()
    assert.equal(coupon.timesUsed, 1)
    const redemption = await db.from('coupon_redemptions').where('order_id', orderId).firstOrFail()
    assert.equal(redemption.amount, 250)
    assert.equal(redemption.email, 'a@example.com')

    const blocked = await db.transaction((trx) =>
      coupons.redeem(trx, { ...input, orderId: otherOrder })
    )
    assert.equal(blocked.kind, 'refused')

    assert.equal(await db.transaction((trx) => coupons.release(trx, orderId)), 1)
    assert.equal(await db.transaction((trx) => coupons.release(trx, orderId)), 0)
    await coupon.refresh()
    assert.equal(coupon.timesUsed, 0)
    const freed = await db.transaction((trx) =>
      coupons.redeem(trx, { ...input, orderId: otherOrder })
    )
    assert.equal(freed.kind, 'redeemed')
  })

  test('a redemption goes with its order, and a used coupon cannot be deleted in the database', async ({
    assert,
  }) => {
    const coupon = await createCoupon({ code: 'CASCADE' })
    const [orderId] = await insertOrders(1)
    const coupons = await app.container.make(CouponService)
    await db.transaction((trx) =>
      coupons.redeem(trx, {
        couponId: coupon.id,
        orderId,
        customerId: null,
        email: 'a@b.fr',
        amount: 1,
      })
    )
    await assert.rejects(() => db.from('coupons').where('id', coupon.id).delete())
    await db.from('orders').where('id', orderId).delete()
    assert.equal(await countRows('coupon_redemptions'), 0)
  })

  test('refusal messages are specific, in French and English', async ({ assert }) => {
    const fr = i18nManager.locale('fr')
    const en = i18nManager.locale('en')
    const minimum = {
      kind: 'refused',
      reason: 'minimum_not_reached',
      minimum: 5000,
      missing: 1200,
      currency: 'EUR',
    } as const
    assert.equal(
      refusalMessage(fr, minimum),
      "Ce code est valable à partir de 50,00\u00a0€ d'achats : ajoutez encore 12,00\u00a0€ à votre panier."
    )
    assert.include(refusalMessage(en, minimum), '€50.00')
    // Valid until 3 February included: stored as 4 February, 00:00 in Paris.
    const expired = {
      kind: 'refused',
      reason: 'expired',
      endsAt: new Date('2026-02-03T23:00:00Z'),
    } as const
    assert.equal(refusalMessage(fr, expired), 'Ce code a expiré le 3 février 2026.')
    assert.equal(refusalMessage(en, expired), 'This code expired on February 3, 2026.')
    const notStarted = {
      kind: 'refused',
      reason: 'not_started',
      startsAt: new Date('2026-06-24T06:00:00Z'),
    } as const
    assert.equal(
      refusalMessage(fr, notStarted),
      'Ce code est valable à partir du 24 juin 2026 à 08:00.'
    )
    assert.equal(
      refusalMessage(fr, { kind: 'refused', reason: 'no_eligible_product' }),
      "Ce code ne s'applique à aucun article de votre panier."
    )
    assert.equal(
      refusalMessage(fr, { kind: 'refused', reason: 'customer_limit_reached', limit: 2 }),
      'Vous avez déjà utilisé ce code 2 fois, le maximum autorisé.'
    )
    assert.equal(
      refusalMessage(en, { kind: 'refused', reason: 'usage_limit_reached', limit: 5 }),
      'This code has been used as many times as planned and is no longer available.'
    )
    assert.equal(
      refusalMessage(fr, { kind: 'refused', reason: 'currency_mismatch', currency: 'EUR' }),
      "Ce code ne s'applique qu'aux achats en EUR."
    )
    for (const reason of REFUSAL_REASONS) {
      assert.isTrue(fr.hasMessage(`coupons.refusals.${reason}`), reason)
      assert.isTrue(en.hasMessage(`coupons.refusals.${reason}`), reason)
    }
  })
})
