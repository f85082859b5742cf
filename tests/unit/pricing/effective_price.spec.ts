import { test } from '@japa/runner'
import { campaignStart, resolvePrice, type PricingContext } from '#domain/pricing/effective_price'
import { parisInstant } from '#domain/paris_time'
import type { PricePoint } from '#domain/pricing/prior_price'
import type { PromotionRule, VariantFacts } from '#domain/pricing/promotion_rules'
import { SoldesCalendar } from '#domain/pricing/soldes_periods'

const facts: VariantFacts = {
  variantId: 1,
  productId: 10,
  brandId: 3,
  categoryIds: [1, 4],
  optionIds: [],
  basePrice: 10000,
  currency: 'EUR',
  perishable: false,
  firstOfferedAt: parisInstant('2025-01-01'),
}

let nextId = 1
function rule(values: Partial<PromotionRule>): PromotionRule {
  return {
    id: nextId++,
    kind: 'promotion',
    discountType: 'percentage',
    value: 2000,
    currency: null,
    startsAt: parisInstant('2026-03-01'),
    endsAt: null,
    customerGroupId: null,
    campaign: null,
    targets: [],
    ...values,
  }
}

const steady: PricePoint[] = [{ at: parisInstant('2025-01-01'), amount: 10000 }]

function context(values: Partial<PricingContext>): PricingContext {
  return {
    now: parisInstant('2026-03-10', 12),
    rules: [],
    groupIds: [],
    soldes: new SoldesCalendar([]),
    history: steady,
    ...values,
  }
}

test.group('Effective prices (rules)', () => {
  test('without a running rule the catalog price is charged and nothing announced', ({
    assert,
  }) => {
    const later = rule({ startsAt: parisInstant('2026-04-01') })
    const over = rule({ startsAt: parisInstant('2026-02-01'), endsAt: parisInstant('2026-03-01') })
    const elsewhere = rule({ targets: [{ type: 'brand', id: 99 }] })
    const price = resolvePrice(facts, context({ rules: [later, over, elsewhere] }))
    assert.deepEqual(price, {
      variantId: 1,
      currency: 'EUR',
      basePrice: 10000,
      publicPrice: 10000,
      price: 10000,
      ruleId: null,
      reduction: null,
      membersOnly: false,
    })
  })

  test('TC-24 PR-01: the percentage is computed from the prior price, not the catalog price', ({
    assert,
  }) => {
    const sale = rule({ discountType: 'fixed_amount', value: 3000, currency: 'EUR' })
    const history = [
      { at: parisInstant('2026-01-01'), amount: 10000 },
      { at: parisInstant('2026-02-10'), amount: 8000 },
      { at: parisInstant('2026-02-20'), amount: 10000 },
      { at: parisInstant('2026-03-01'), amount: 7000 },
    ]
    const price = resolvePrice(facts, context({ rules: [sale], history }))
    assert.equal(price.price, 7000)
    assert.equal(price.publicPrice, 7000)
    assert.deepEqual(price.reduction, {
      ruleId: sale.id,
      kind: 'promotion',
      reference: 8000,
      basis: 'lowest_30_days',
      percentage: 1250,
    })
  })

  test('TC-25 PR-02: a campaign deepened from −20 % to −40 % keeps its first prior price', ({
    assert,
  }) => {
    const first = rule({
      campaign: 'Été',
      startsAt: parisInstant('2026-06-01'),
      endsAt: parisInstant('2026-06-15'),
    })
    const deeper = rule({ campaign: 'Été', value: 4000, startsAt: parisInstant('2026-06-15') })
    const history = [
      { at: parisInstant('2025-01-01'), amount: 10000 },
      { at: parisInstant('2026-06-01'), amount: 8000 },
      { at: parisInstant('2026-06-15'), amount: 6000 },
    ]
    const now = parisInstant('2026-06-20')
    const price = resolvePrice(facts, context({ now, rules: [first, deeper], history }))
    assert.equal(price.price, 6000)
    assert.equal(price.reduction?.reference, 10000)
    assert.equal(price.reduction?.percentage, 4000)

    // Without the campaign, the second markdown's own 30 days would include 80 €.
    const alone = rule({ value: 4000, startsAt: parisInstant('2026-06-15') })
    const unlinked = resolvePrice(facts, context({ now, rules: [first, alone], history }))
    assert.equal(unlinked.reduction?.reference, 8000)
    assert.equal(unlinked.reduction?.percentage, 2500)
  })

  test('PR-02: a campaign name chains only markdowns that follow each other without a gap', ({
    assert,
  }) => {
    const spring = rule({
      campaign: 'Bons plans',
      startsAt: parisInstant('2026-03-01'),
      endsAt: parisInstant('2026-03-15'),
    })
    const first = rule({
      campaign: 'Bons plans',
      startsAt: parisInstant('2026-05-01'),
      endsAt: parisInstant('2026-05-10'),
    })
    const second = rule({
      campaign: 'bons plans',
      value: 3000,
      startsAt: parisInstant('2026-05-10'),
      endsAt: parisInstant('2026-05-20'),
    })
    const third = rule({
      campaign: 'Bons plans',
      value: 4000,
      startsAt: parisInstant('2026-05-15'),
    })
    const soldes = new SoldesCalendar([])
    const rules = [spring, first, second, third]
    // The May links touch or overlap: back to the first May markdown, not to March.
    assert.equal(
      campaignStart(third, facts, { rules, soldes }).toISOString(),
      first.startsAt.toISOString()
    )
    assert.equal(
      campaignStart(first, facts, { rules, soldes }).toISOString(),
      first.startsAt.toISOString()
    )
    // A rule left running links the next one, however late it starts.
    const open = { ...spring, endsAt: null }
    assert.equal(
      campaignStart(first, facts, { rules: [open, first], soldes }).toISOString(),
      spring.startsAt.toISOString()
    )
  })

  test('PR-02: soldes markdowns of one period are one campaign without naming it', ({ assert }) => {
    const soldes = new SoldesCalendar([])
    const first = rule({
      kind: 'soldes',
      startsAt: parisInstant('2026-01-07', 8),
      endsAt: parisInstant('2026-01-21'),
    })
    const second = rule({
      kind: 'soldes',
      value: 5000,
      startsAt: parisInstant('2026-01-21'),
      endsAt: parisInstant('2026-02-04'),
    })
    assert.equal(
      campaignStart(second, facts, { rules: [first, second], soldes }).toISOString(),
      first.startsAt.toISOString()
    )
    // A campaign's earlier rule that did not reach this variant does not count.
    const elsewhere = { ...first, targets: [{ type: 'brand' as const, id: 99 }] }
    assert.equal(
      campaignStart(second, facts, { rules: [elsewhere, second], soldes }).toISOString(),
      second.startsAt.toISOString()
    )
  })

  test('when several rules match, the shopper gets the lowest price', ({ assert }) => {
    const small = rule({ value: 1000 })
    const big = rule({ value: 2500 })
    const fixed = rule({ discountType: 'fixed_amount', value: 2000, currency: 'EUR' })
    const price = resolvePrice(facts, context({ rules: [small, big, fixed] }))
    assert.equal(price.price, 7500)
    assert.equal(price.ruleId, big.id)
    // Equal prices: the rule created first.
    const twin = rule({ discountType: 'fixed_amount', value: 2500, currency: 'EUR' })
    assert.equal(resolvePrice(facts, context({ rules: [twin, big] })).ruleId, big.id)
  })

  test('PR-01: a reduction whose price is not below the prior price is charged but not announced', ({
    assert,
  }) => {
    const history = [
      { at: parisInstant('2025-01-01'), amount: 10000 },
      { at: parisInstant('2026-02-20'), amount: 7500 },
      { at: parisInstant('2026-02-25'), amount: 10000 },
    ]
    const price = resolvePrice(facts, context({ rules: [rule({ value: 2000 })], history }))
    assert.equal(price.price, 8000)
    assert.isNull(price.reduction)
  })

  test('PR-04: a reduction from the first day on sale has no prior price to announce', ({
    assert,
  }) => {
    const history = [{ at: parisInstant('2026-03-01'), amount: 8000 }]
    const price = resolvePrice(facts, context({ rules: [rule({})], history }))
    assert.equal(price.price, 8000)
    assert.isNull(price.reduction)
  })

  test('TC-26 PR-03: perishable goods are compared with their usual price, no prior price needed', ({
    assert,
  }) => {
    const strawberries = { ...facts, perishable: true, basePrice: 500 }
    const history = [
      { at: parisInstant('2025-01-01'), amount: 500 },
      { at: parisInstant('2026-03-05'), amount: 250 },
    ]
    const price = resolvePrice(strawberries, context({ rules: [rule({ value: 3000 })], history }))
    assert.equal(price.price, 350)
    assert.deepInclude(price.reduction!, {
      basis: 'regular_price',
      reference: 500,
      percentage: 3000,
    })
  })

  test('PR-03: a vente privée price is for the group’s members only, compared with the public price', ({
    assert,
  }) => {
    const members = rule({ kind: 'vente_privee', customerGroupId: 5, value: 3000 })
    const publicPromo = rule({ value: 1000 })
    const visitor = resolvePrice(facts, context({ rules: [members, publicPromo] }))
    assert.equal(visitor.price, 9000)
    assert.isFalse(visitor.membersOnly)
    const otherGroup = resolvePrice(facts, context({ rules: [members], groupIds: [6] }))
    assert.equal(otherGroup.price, 10000)

    const member = resolvePrice(facts, context({ rules: [members, publicPromo], groupIds: [5] }))
    assert.equal(member.price, 7000)
    assert.equal(member.publicPrice, 9000)
    assert.isTrue(member.membersOnly)
    assert.deepInclude(member.reduction!, {
      basis: 'public_price',
      reference: 9000,
      percentage: 2220,
    })

    // A public reduction better than the members' one is what members pay too.
    const better = rule({ value: 4000 })
    const memberAgain = resolvePrice(facts, context({ rules: [members, better], groupIds: [5] }))
    assert.equal(memberAgain.ruleId, better.id)
    assert.isFalse(memberAgain.membersOnly)
  })

  test('PR-08/PR-10: a soldes rule reduces prices only while its period is open', ({ assert }) => {
    const soldes = rule({
      kind: 'soldes',
      startsAt: parisInstant('2026-01-07', 8),
      endsAt: parisInstant('2026-02-04'),
    })
    const during = resolvePrice(
      facts,
      context({ now: parisInstant('2026-01-10'), rules: [soldes] })
    )
    assert.equal(during.price, 8000)
    assert.equal(during.reduction?.kind, 'soldes')
    // The calendar moved since (an override): the rule no longer applies.
    const moved = new SoldesCalendar([
      {
        year: 2026,
        season: 'winter',
        firstDay: '2026-01-14',
        lastDay: '2026-02-10',
        openingHour: 8,
        openingMinute: 0,
      },
    ])
    const afterMove = resolvePrice(
      facts,
      context({ now: parisInstant('2026-01-20'), rules: [soldes], soldes: moved })
    )
    assert.equal(afterMove.price, 10000)
    assert.isNull(afterMove.reduction)
  })

  test('TC-28 PR-09: a product reached by category but offered too late is left out of the soldes', ({
    assert,
  }) => {
    const soldes = rule({
      kind: 'soldes',
      startsAt: parisInstant('2026-01-07', 8),
      endsAt: parisInstant('2026-02-04'),
      targets: [{ type: 'category', id: 4 }],
    })
    const now = parisInstant('2026-01-10')
    const recent = { ...facts, firstOfferedAt: parisInstant('2025-12-20') }
    assert.equal(resolvePrice(recent, context({ now, rules: [soldes] })).price, 10000)
    assert.equal(resolvePrice(facts, context({ now, rules: [soldes] })).price, 8000)
  })
})
