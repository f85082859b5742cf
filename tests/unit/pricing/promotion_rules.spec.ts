import { test } from '@japa/runner'
import { parisInstant } from '#domain/paris_time'
import {
  campaignKey,
  reducedPrice,
  ruleRefusals,
  targetsVariant,
  type RuleDraft,
  type VariantFacts,
} from '#domain/pricing/promotion_rules'
import { SoldesCalendar } from '#domain/pricing/soldes_periods'

const soldes = new SoldesCalendar([])

const facts: VariantFacts = {
  variantId: 1,
  productId: 10,
  brandId: 3,
  categoryIds: [1, 4],
  optionIds: [7, 8],
  basePrice: 10000,
  currency: 'EUR',
  perishable: false,
  firstOfferedAt: parisInstant('2025-06-01'),
}

const draft = (values: Partial<RuleDraft>): RuleDraft => ({
  kind: 'promotion',
  startsAt: parisInstant('2026-03-01'),
  endsAt: parisInstant('2026-03-15'),
  customerGroupId: null,
  declarationReference: null,
  ...values,
})

const context = { soldes, namedVariants: [], now: parisInstant('2026-01-01') }

test.group('Promotion rules (rules)', () => {
  test('a rule reaches a variant by product, category (subtree), brand or attribute value', ({
    assert,
  }) => {
    const by = (type: 'product' | 'category' | 'brand' | 'attribute_option', id: number) =>
      targetsVariant({ targets: [{ type, id }] }, facts)
    assert.isTrue(targetsVariant({ targets: [] }, facts))
    assert.isTrue(by('product', 10))
    assert.isFalse(by('product', 11))
    assert.isTrue(by('category', 1))
    assert.isFalse(by('category', 2))
    assert.isTrue(by('brand', 3))
    assert.isFalse(by('brand', 4))
    assert.isTrue(by('attribute_option', 8))
    assert.isFalse(by('attribute_option', 9))
    assert.isTrue(
      targetsVariant(
        {
          targets: [
            { type: 'brand', id: 99 },
            { type: 'category', id: 4 },
          ],
        },
        facts
      )
    )
  })

  test('a percentage rounds its discount half up; a fixed amount needs the same currency', ({
    assert,
  }) => {
    const percent = (value: number) => ({
      discountType: 'percentage' as const,
      value,
      currency: null,
    })
    assert.equal(reducedPrice(10000, 'EUR', percent(3000)), 7000)
    assert.equal(reducedPrice(995, 'EUR', percent(1000)), 895)
    assert.equal(reducedPrice(4990, 'EUR', percent(1250)), 4366)
    const fixed = { discountType: 'fixed_amount' as const, value: 1500, currency: 'EUR' }
    assert.equal(reducedPrice(4990, 'EUR', fixed), 3490)
    assert.isNull(reducedPrice(4990, 'CHF', fixed))
  })

  test('a rule that would make the product free, or take nothing off, does not apply', ({
    assert,
  }) => {
    const fixed = (value: number) => ({
      discountType: 'fixed_amount' as const,
      value,
      currency: 'EUR',
    })
    assert.isNull(reducedPrice(1000, 'EUR', fixed(1000)))
    assert.isNull(reducedPrice(1000, 'EUR', fixed(2000)))
    assert.equal(reducedPrice(1000, 'EUR', fixed(999)), 1)
    assert.isNull(reducedPrice(1000, 'EUR', fixed(0)))
    assert.isNull(
      reducedPrice(1000, 'EUR', { discountType: 'percentage', value: 10000, currency: null })
    )
    // 0,4 % of 1 € rounds to nothing.
    assert.isNull(
      reducedPrice(100, 'EUR', { discountType: 'percentage', value: 40, currency: null })
    )
  })

  test('PR-11: a promotion or déstockage is accepted any day of the year, with or without an end', ({
    assert,
  }) => {
    assert.deepEqual(ruleRefusals(draft({}), context), [])
    assert.deepEqual(ruleRefusals(draft({ kind: 'destockage', endsAt: null }), context), [])
    assert.deepEqual(ruleRefusals(draft({ endsAt: parisInstant('2026-03-01') }), context), [
      { field: 'ends_on', reason: 'ends_before_start' },
    ])
  })

  test('PR-03: a vente privée needs the customer group it is reserved to', ({ assert }) => {
    assert.deepEqual(ruleRefusals(draft({ kind: 'vente_privee' }), context), [
      { field: 'customer_group_id', reason: 'group_required' },
    ])
    assert.deepEqual(ruleRefusals(draft({ kind: 'vente_privee', customerGroupId: 2 }), context), [])
  })

  test('PR-08: soldes inside the official period are accepted, from 08:00 on the first day', ({
    assert,
  }) => {
    const inside = draft({
      kind: 'soldes',
      startsAt: parisInstant('2026-01-07', 8),
      endsAt: parisInstant('2026-02-04'),
    })
    assert.deepEqual(ruleRefusals(inside, context), [])
    const secondMarkdown = draft({
      kind: 'soldes',
      startsAt: parisInstant('2026-01-21'),
      endsAt: parisInstant('2026-01-28'),
    })
    assert.deepEqual(ruleRefusals(secondMarkdown, context), [])
  })

  test('PR-08: soldes outside the official period are refused with the year’s periods', ({
    assert,
  }) => {
    const early = draft({
      kind: 'soldes',
      startsAt: parisInstant('2026-01-07'),
      endsAt: parisInstant('2026-01-20'),
    })
    const [refusal] = ruleRefusals(early, context)
    assert.equal(refusal.reason, 'soldes_outside_period')
    assert.equal(refusal.field, 'starts_at')
    if (refusal.reason === 'soldes_outside_period') {
      assert.deepEqual(
        refusal.periods.map((period) => [period.firstDay, period.lastDay]),
        [
          ['2026-01-07', '2026-02-03'],
          ['2026-06-24', '2026-07-21'],
        ]
      )
    }
    const overlappingTheEnd = draft({
      kind: 'soldes',
      startsAt: parisInstant('2026-01-20'),
      endsAt: parisInstant('2026-02-10'),
    })
    assert.equal(ruleRefusals(overlappingTheEnd, context)[0]?.reason, 'soldes_outside_period')
    const spring = draft({ kind: 'soldes' })
    assert.equal(ruleRefusals(spring, context)[0]?.reason, 'soldes_outside_period')
  })

  test('PR-08: soldes need an end date', ({ assert }) => {
    assert.deepEqual(
      ruleRefusals(
        draft({ kind: 'soldes', startsAt: parisInstant('2026-01-07', 8), endsAt: null }),
        context
      ),
      [{ field: 'ends_on', reason: 'end_required', kind: 'soldes' }]
    )
  })

  test('TC-28 PR-09: soldes naming a product first offered on 20 Dec 2025 are refused', ({
    assert,
  }) => {
    const winter = draft({
      kind: 'soldes',
      startsAt: parisInstant('2026-01-07', 8),
      endsAt: parisInstant('2026-02-04'),
    })
    const refusals = ruleRefusals(winter, {
      ...context,
      namedVariants: [
        { sku: 'OLD-1', firstOfferedAt: parisInstant('2025-06-01') },
        { sku: 'NEW-1', firstOfferedAt: parisInstant('2025-12-20') },
        { sku: 'NEVER', firstOfferedAt: null },
      ],
    })
    assert.deepEqual(refusals, [
      {
        field: 'product_skus',
        reason: 'soldes_offered_too_late',
        skus: ['NEW-1', 'NEVER'],
        latestOfferDay: '2025-12-07',
      },
    ])
  })

  test('TC-29 PR-12: a liquidation declared for 75 days is refused, two months are accepted', ({
    assert,
  }) => {
    const liquidation = (lastDayExclusive: string) =>
      draft({
        kind: 'liquidation',
        startsAt: parisInstant('2026-03-01'),
        endsAt: parisInstant(lastDayExclusive),
        declarationReference: 'Mairie de Lyon 2026-041',
      })
    // 1 Mar + 75 days: the last day would be 14 May.
    assert.deepEqual(ruleRefusals(liquidation('2026-05-15'), context), [
      { field: 'ends_on', reason: 'liquidation_too_long', lastDay: '2026-04-30' },
    ])
    assert.deepEqual(ruleRefusals(liquidation('2026-05-01'), context), [])
    assert.equal(
      ruleRefusals(liquidation('2026-05-02'), context)[0]?.reason,
      'liquidation_too_long'
    )
  })

  test('PR-12: a liquidation needs its declaration reference and an end', ({ assert }) => {
    assert.deepEqual(ruleRefusals(draft({ kind: 'liquidation', endsAt: null }), context), [
      { field: 'declaration_reference', reason: 'declaration_required' },
      { field: 'ends_on', reason: 'end_required', kind: 'liquidation' },
    ])
  })

  test('PR-01: a rule that has started keeps its start, the reference of its prior price', ({
    assert,
  }) => {
    const saved = { startsAt: parisInstant('2026-03-01') }
    const moved = draft({ startsAt: parisInstant('2026-02-01') })
    const now = parisInstant('2026-03-05')
    assert.deepEqual(ruleRefusals(moved, { ...context, now, saved }), [
      { field: 'starts_at', reason: 'start_locked', startsAt: saved.startsAt },
    ])
    // Its end may change; a rule not started yet may move.
    assert.deepEqual(ruleRefusals(draft({ endsAt: null }), { ...context, now, saved }), [])
    const before = parisInstant('2026-02-15')
    assert.deepEqual(ruleRefusals(moved, { ...context, now: before, saved }), [])
  })

  test('PR-02: markdowns share a campaign by name, soldes by their period, others stand alone', ({
    assert,
  }) => {
    const rule = (id: number, values: object) => ({
      id,
      kind: 'promotion' as const,
      campaign: null,
      startsAt: parisInstant('2026-03-01'),
      ...values,
    })
    assert.equal(
      campaignKey(rule(1, { campaign: 'Été 26' }), soldes),
      campaignKey(rule(2, { campaign: ' été 26' }), soldes)
    )
    assert.notEqual(campaignKey(rule(1, {}), soldes), campaignKey(rule(2, {}), soldes))
    const first = rule(3, { kind: 'soldes', startsAt: parisInstant('2026-01-07', 8) })
    const second = rule(4, { kind: 'soldes', startsAt: parisInstant('2026-01-21') })
    const summer = rule(5, { kind: 'soldes', startsAt: parisInstant('2026-06-24', 8) })
    assert.equal(campaignKey(first, soldes), campaignKey(second, soldes))
    assert.notEqual(campaignKey(first, soldes), campaignKey(summer, soldes))
  })
})
