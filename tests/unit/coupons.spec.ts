import { test } from '@japa/runner'
import {
  type CouponContext,
  type CouponLine,
  type CouponRules,
  evaluateCoupon,
  formatPercentage,
  isEligibleLine,
  normalizeCouponCode,
  parsePercentage,
  percentageInput,
} from '#domain/coupons'

const NOW = new Date('2026-03-10T12:00:00Z')

function coupon(overrides: Partial<CouponRules> = {}): CouponRules {
  return {
    kind: 'percentage',
    value: 1000,
    currency: null,
    minSubtotal: null,
    startsAt: null,
    endsAt: null,
    usageLimit: null,
    perCustomerLimit: null,
    active: true,
    productIds: [],
    categoryIds: [],
    ...overrides,
  }
}

function line(lineKey: string, lineTotal: number, productId = 1, categoryIds: number[] = []) {
  return { lineKey, productId, categoryIds, lineTotal } satisfies CouponLine
}

function context(
  lines: readonly CouponLine[],
  overrides: Partial<CouponContext> = {}
): CouponContext {
  return {
    lines,
    subtotal: lines.reduce((sum, each) => sum + each.lineTotal, 0),
    currency: 'EUR',
    now: NOW,
    usage: { total: 0, customer: 0 },
    ...overrides,
  }
}

const cart = context([line('a', 6000, 1, [10]), line('b', 4000, 2, [20])])

test.group('Coupon rules: refusals', () => {
  test('an inactive coupon is refused', ({ assert }) => {
    assert.deepEqual(evaluateCoupon(coupon({ active: false }), cart), {
      kind: 'refused',
      reason: 'inactive',
    })
  })

  test('starts_at is inclusive: refused a millisecond before, applied at the instant', ({
    assert,
  }) => {
    const startsAt = new Date('2026-03-10T12:00:00Z')
    const before = context(cart.lines, { now: new Date(startsAt.getTime() - 1) })
    assert.deepEqual(evaluateCoupon(coupon({ startsAt }), before), {
      kind: 'refused',
      reason: 'not_started',
      startsAt,
    })
    assert.equal(evaluateCoupon(coupon({ startsAt }), context(cart.lines)).kind, 'applied')
  })

  test('ends_at is exclusive: applied a millisecond before, expired at the instant', ({
    assert,
  }) => {
    const endsAt = new Date('2026-03-10T12:00:00Z')
    const justBefore = context(cart.lines, { now: new Date(endsAt.getTime() - 1) })
    assert.equal(evaluateCoupon(coupon({ endsAt }), justBefore).kind, 'applied')
    assert.deepEqual(evaluateCoupon(coupon({ endsAt }), context(cart.lines)), {
      kind: 'refused',
      reason: 'expired',
      endsAt,
    })
  })

  test('the total usage limit refuses once reached', ({ assert }) => {
    const limited = coupon({ usageLimit: 5 })
    assert.equal(
      evaluateCoupon(limited, context(cart.lines, { usage: { total: 4, customer: 0 } })).kind,
      'applied'
    )
    assert.deepEqual(
      evaluateCoupon(limited, context(cart.lines, { usage: { total: 5, customer: 0 } })),
      { kind: 'refused', reason: 'usage_limit_reached', limit: 5 }
    )
  })

  test('the per-customer limit refuses once this customer reached it', ({ assert }) => {
    const oncePerCustomer = coupon({ perCustomerLimit: 1, usageLimit: 100 })
    assert.equal(
      evaluateCoupon(oncePerCustomer, context(cart.lines, { usage: { total: 40, customer: 0 } }))
        .kind,
      'applied'
    )
    assert.deepEqual(
      evaluateCoupon(oncePerCustomer, context(cart.lines, { usage: { total: 40, customer: 1 } })),
      { kind: 'refused', reason: 'customer_limit_reached', limit: 1 }
    )
  })

  test('a fixed amount in another currency is refused', ({ assert }) => {
    const tenEuros = coupon({ kind: 'fixed_amount', value: 1000, currency: 'EUR' })
    assert.deepEqual(evaluateCoupon(tenEuros, context(cart.lines, { currency: 'CHF' })), {
      kind: 'refused',
      reason: 'currency_mismatch',
      currency: 'EUR',
    })
  })

  test('a minimum subtotal is compared with the whole cart, tax included, and says what is missing', ({
    assert,
  }) => {
    const fromFifty = coupon({ minSubtotal: 5000, currency: 'EUR', productIds: [2] })
    const small = context([line('a', 3000, 1), line('b', 1500, 2)])
    assert.deepEqual(evaluateCoupon(fromFifty, small), {
      kind: 'refused',
      reason: 'minimum_not_reached',
      minimum: 5000,
      missing: 500,
      currency: 'EUR',
    })
    // Reaching the minimum exactly is enough, though the eligible line alone is under it.
    const exact = context([line('a', 3500, 1), line('b', 1500, 2)])
    assert.deepEqual(evaluateCoupon(fromFifty, exact), {
      kind: 'applied',
      discount: 150,
      freeShipping: false,
      lineDiscounts: [{ lineKey: 'b', amount: 150 }],
    })
  })

  test('a scope no line of the cart falls in is refused', ({ assert }) => {
    assert.deepEqual(evaluateCoupon(coupon({ productIds: [99], categoryIds: [98] }), cart), {
      kind: 'refused',
      reason: 'no_eligible_product',
    })
    assert.deepEqual(evaluateCoupon(coupon(), context([])), {
      kind: 'refused',
      reason: 'no_eligible_product',
    })
  })

  test('refusals come in order: availability, then usage, then this cart', ({ assert }) => {
    const everythingWrong = coupon({
      active: false,
      endsAt: new Date('2026-01-01T00:00:00Z'),
      usageLimit: 1,
      currency: 'CHF',
      minSubtotal: 1_000_000,
      productIds: [99],
    })
    const used = context(cart.lines, { usage: { total: 1, customer: 1 } })
    const reasons = []
    for (const fix of [
      { active: true },
      { endsAt: null },
      { usageLimit: null },
      { currency: 'EUR' },
      { productIds: [] },
      { minSubtotal: null },
    ] satisfies Partial<CouponRules>[]) {
      const result = evaluateCoupon({ ...everythingWrong }, used)
      reasons.push(result.kind === 'refused' ? result.reason : result.kind)
      Object.assign(everythingWrong, fix)
    }
    assert.deepEqual(reasons, [
      'inactive',
      'expired',
      'usage_limit_reached',
      'currency_mismatch',
      'no_eligible_product',
      'minimum_not_reached',
    ])
    assert.equal(evaluateCoupon(everythingWrong, used).kind, 'applied')
  })

  test('line totals must be whole minor units', ({ assert }) => {
    assert.throws(() => evaluateCoupon(coupon(), context([line('a', 12.5)])), /whole minor units/)
    assert.throws(() => evaluateCoupon(coupon(), context([line('a', -100)])), /whole minor units/)
  })
})

test.group('Coupon rules: discounts', () => {
  test('a percentage of the cart, allocated across the lines in proportion', ({ assert }) => {
    assert.deepEqual(evaluateCoupon(coupon({ value: 1000 }), cart), {
      kind: 'applied',
      discount: 1000,
      freeShipping: false,
      lineDiscounts: [
        { lineKey: 'a', amount: 600 },
        { lineKey: 'b', amount: 400 },
      ],
    })
  })

  test('a percentage rounds half up to the cent', ({ assert }) => {
    const tenPercent = coupon({ value: 1000 })
    // 10 % of 9,95 € = 0,995 € → 1,00 €; of 9,94 € = 0,994 € → 0,99 €.
    assert.equal(evaluateCoupon(tenPercent, context([line('a', 995)])).kind, 'applied')
    const discountOf = (rules: CouponRules, total: number) => {
      const result = evaluateCoupon(rules, context([line('a', total)]))
      return result.kind === 'applied' ? result.discount : null
    }
    assert.equal(discountOf(tenPercent, 995), 100)
    assert.equal(discountOf(tenPercent, 994), 99)
    // 12,5 % of 0,99 € = 0,12375 € → 0,12 €; 33,33 % of 100,00 € = 33,33 €.
    assert.equal(discountOf(coupon({ value: 1250 }), 99), 12)
    assert.equal(discountOf(coupon({ value: 3333 }), 10_000), 3333)
    assert.equal(discountOf(coupon({ value: 10_000 }), 4590), 4590)
  })

  test('I-02: the discount is split across lines in whole cents that add up to it exactly', ({
    assert,
  }) => {
    // A third of 10,00 € on three equal lines: 3,34 + 3,33 + 3,33.
    const thirds = evaluateCoupon(
      coupon({ kind: 'fixed_amount', value: 1000, currency: 'EUR' }),
      context([line('a', 1999), line('b', 1999), line('c', 1999)])
    )
    assert.deepEqual(thirds.kind === 'applied' ? thirds.lineDiscounts : null, [
      { lineKey: 'a', amount: 334 },
      { lineKey: 'b', amount: 333 },
      { lineKey: 'c', amount: 333 },
    ])

    for (const [value, totals] of [
      [1500, [1999, 4590, 17, 1]],
      [777, [3, 5, 7, 11, 13]],
      [1, [5000, 5000]],
      [2500, [12_345, 99_999, 1]],
    ] as const) {
      for (const kind of ['percentage', 'fixed_amount'] as const) {
        const result = evaluateCoupon(
          coupon({ kind, value, currency: kind === 'fixed_amount' ? 'EUR' : null }),
          context(totals.map((total, index) => line(`l${index}`, total)))
        )
        assert.equal(result.kind, 'applied')
        if (result.kind !== 'applied') continue
        const allocated = result.lineDiscounts.reduce((sum, share) => sum + share.amount, 0)
        assert.equal(allocated, result.discount, `${kind} ${value} on ${totals.join('+')}`)
        result.lineDiscounts.forEach((share, index) => {
          assert.isAtMost(share.amount, totals[index])
          assert.isTrue(Number.isInteger(share.amount))
        })
      }
    }
  })

  test('a fixed amount never exceeds the eligible lines, and only they get it', ({ assert }) => {
    const twentyOnClogs = coupon({
      kind: 'fixed_amount',
      value: 2000,
      currency: 'EUR',
      categoryIds: [10],
    })
    const mixed = context([line('clog', 1500, 1, [10]), line('sock', 900, 2, [20])])
    assert.deepEqual(evaluateCoupon(twentyOnClogs, mixed), {
      kind: 'applied',
      discount: 1500,
      freeShipping: false,
      lineDiscounts: [{ lineKey: 'clog', amount: 1500 }],
    })
    const bigger = context([line('clog', 8000, 1, [10]), line('sock', 900, 2, [20])])
    assert.deepEqual(evaluateCoupon(twentyOnClogs, bigger), {
      kind: 'applied',
      discount: 2000,
      freeShipping: false,
      lineDiscounts: [{ lineKey: 'clog', amount: 2000 }],
    })
  })

  test('a percentage on a scope applies to the eligible lines only', ({ assert }) => {
    const result = evaluateCoupon(
      coupon({ value: 5000, productIds: [2] }),
      context([line('a', 6000, 1), line('b', 4001, 2), line('c', 1001, 2)])
    )
    assert.deepEqual(result, {
      kind: 'applied',
      discount: 2501,
      freeShipping: false,
      lineDiscounts: [
        { lineKey: 'b', amount: 2001 },
        { lineKey: 'c', amount: 500 },
      ],
    })
  })

  test('free shipping discounts no line, and still needs an eligible one when scoped', ({
    assert,
  }) => {
    const freeShipping = coupon({ kind: 'free_shipping', value: 0 })
    assert.deepEqual(evaluateCoupon(freeShipping, cart), {
      kind: 'applied',
      discount: 0,
      freeShipping: true,
      lineDiscounts: [],
    })
    assert.deepEqual(evaluateCoupon({ ...freeShipping, productIds: [42] }, cart), {
      kind: 'refused',
      reason: 'no_eligible_product',
    })
  })
})

test.group('Coupon rules: scope', () => {
  test('a line qualifies through its product or any of its (expanded) categories', ({ assert }) => {
    // Shoes (1) > Clogs (2) > Kids' clogs (3); the caller passes the product's
    // categories with their ancestors, so a coupon on Shoes reaches kids' clogs.
    const kidsClog = line('k', 3000, 7, [3, 2, 1])
    const scarf = line('s', 2000, 8, [5])
    assert.isTrue(isEligibleLine(coupon({ categoryIds: [1] }), kidsClog))
    assert.isTrue(isEligibleLine(coupon({ categoryIds: [2] }), kidsClog))
    assert.isFalse(isEligibleLine(coupon({ categoryIds: [1] }), scarf))
    assert.isTrue(isEligibleLine(coupon({ categoryIds: [1], productIds: [8] }), scarf))
    assert.isTrue(isEligibleLine(coupon(), scarf))
    // A descendant listed does not reach its ancestors' other products.
    assert.isFalse(isEligibleLine(coupon({ categoryIds: [3] }), line('c', 100, 9, [2, 1])))
  })
})

test.group('Coupon codes and percentages', () => {
  test('codes are compared upper case, trimmed', ({ assert }) => {
    assert.equal(normalizeCouponCode('  bienvenue10 '), 'BIENVENUE10')
  })

  test('percentages typed by a merchant become basis points', ({ assert }) => {
    assert.equal(parsePercentage('10'), 1000)
    assert.equal(parsePercentage('12,5'), 1250)
    assert.equal(parsePercentage('7.25 %'), 725)
    assert.equal(parsePercentage('100'), 10_000)
    assert.equal(parsePercentage('0,01'), 1)
    for (const invalid of ['0', '100,01', '101', '12,345', '-5', 'abc', '']) {
      assert.isNull(parsePercentage(invalid), invalid)
    }
    assert.equal(percentageInput(1250, 'fr'), '12,5')
    assert.equal(percentageInput(1000, 'en'), '10')
    assert.equal(formatPercentage(1250, 'fr'), '12,5\u00a0%')
    assert.equal(formatPercentage(1000, 'en'), '10%')
  })
})
