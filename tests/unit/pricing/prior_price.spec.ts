import { test } from '@japa/runner'
import { parisDate, parisInstant } from '#domain/paris_time'
import { priorPrice, reductionPercentage, type PricePoint } from '#domain/pricing/prior_price'

/** A price from a Paris day at midnight. */
const from = (day: string, amount: number): PricePoint => ({ at: parisInstant(day), amount })

test.group('Prior price of a reduction (rules)', () => {
  test('TC-24 PR-01: the lowest price of the 30 days before the sale, not the usual price', ({
    assert,
  }) => {
    const history = [
      from('2026-01-01', 10000),
      from('2026-02-10', 8000),
      from('2026-02-20', 10000),
      // The sale itself, recorded when it started, is not part of its own past.
      from('2026-03-01', 7000),
    ]
    const prior = priorPrice(history, parisInstant('2026-03-01'))
    assert.equal(prior?.amount, 8000)
    assert.equal(reductionPercentage(prior!.amount, 7000), 1250)
    // "−30 % vs 100 €" is what the rule forbids.
    assert.notEqual(prior?.amount, 10000)
    assert.notEqual(reductionPercentage(prior!.amount, 7000), 3000)
  })

  test('PR-01: the window is the 30 Paris calendar days before the day the reduction starts', ({
    assert,
  }) => {
    // Sale on 1 Mar 2026: the window opens on 30 Jan at midnight, Paris time.
    const start = parisInstant('2026-03-01', 8)
    const lowBefore = [
      from('2026-01-01', 10000),
      from('2026-01-20', 6000),
      from('2026-01-30', 9000),
    ]
    assert.equal(priorPrice(lowBefore, start)?.amount, 9000)
    assert.equal(priorPrice(lowBefore, start)?.since.toISOString(), '2026-01-29T23:00:00.000Z')

    const lowOnFirstDay = [
      from('2026-01-01', 10000),
      from('2026-01-29', 6000),
      from('2026-01-30', 9000),
    ]
    assert.equal(priorPrice(lowOnFirstDay, start)?.amount, 9000)

    // A price charged for part of the first day of the window counts.
    const lowDuringFirstDay = [
      from('2026-01-01', 10000),
      { at: parisInstant('2026-01-30', 12), amount: 6000 },
      from('2026-01-31', 9000),
    ]
    assert.equal(priorPrice(lowDuringFirstDay, start)?.amount, 6000)
  })

  test('PR-01: a price changed during the window, then back, still counts', ({ assert }) => {
    const history = [
      from('2025-06-01', 5000),
      { at: parisInstant('2026-02-14', 10), amount: 4500 },
      { at: parisInstant('2026-02-14', 18), amount: 5000 },
    ]
    assert.equal(priorPrice(history, parisInstant('2026-02-20'))?.amount, 4500)
  })

  test('PR-01: a price in force for no time was never charged', ({ assert }) => {
    const instant = parisInstant('2026-02-14', 10)
    const history = [
      from('2025-06-01', 5000),
      { at: instant, amount: 100 },
      { at: instant, amount: 5200 },
    ]
    assert.equal(priorPrice(history, parisInstant('2026-02-20'))?.amount, 5000)
  })

  test('PR-04: a product first offered less than 30 days before counts from its first price', ({
    assert,
  }) => {
    const history = [from('2026-02-15', 12000), from('2026-02-20', 11000)]
    const prior = priorPrice(history, parisInstant('2026-03-01'))
    assert.equal(prior?.amount, 11000)
    assert.equal(prior?.since.toISOString(), parisInstant('2026-02-15').toISOString())
  })

  test('PR-04: a product never offered before its reduction has no prior price', ({ assert }) => {
    assert.isNull(priorPrice([], parisInstant('2026-03-01')))
    assert.isNull(priorPrice([from('2026-03-01', 7000)], parisInstant('2026-03-01')))
  })

  test('PR-07: the history may come in any order', ({ assert }) => {
    const history = [from('2026-02-20', 10000), from('2026-02-10', 8000), from('2026-01-01', 10000)]
    assert.equal(priorPrice(history, parisInstant('2026-03-01'))?.amount, 8000)
  })

  test('PR-01: the percentage is rounded down to a tenth, never overstating the reduction', ({
    assert,
  }) => {
    assert.equal(reductionPercentage(10000, 7000), 3000)
    assert.equal(reductionPercentage(9000, 6000), 3330)
    assert.equal(reductionPercentage(2999, 1999), 3330)
    assert.equal(reductionPercentage(1000, 1), 9990)
  })

  test('PR-01: no reduction is announced when the price is not below the prior price', ({
    assert,
  }) => {
    assert.isNull(reductionPercentage(8000, 8000))
    assert.isNull(reductionPercentage(6000, 8000))
    // Less than a tenth of a percent is nothing to announce.
    assert.isNull(reductionPercentage(100000, 99999))
  })

  test('amounts must be whole minor units', ({ assert }) => {
    assert.throws(() => reductionPercentage(99.5, 50), /minor units/)
    assert.throws(() => priorPrice([from('2026-01-01', -1)], new Date()), /minor units/)
  })

  test('§0: Paris days and instants, across both clock changes', ({ assert }) => {
    assert.equal(parisInstant('2026-01-07', 8).toISOString(), '2026-01-07T07:00:00.000Z')
    assert.equal(parisInstant('2026-06-24', 8).toISOString(), '2026-06-24T06:00:00.000Z')
    assert.equal(parisInstant('2026-03-29').toISOString(), '2026-03-28T23:00:00.000Z')
    assert.equal(parisInstant('2026-03-30').toISOString(), '2026-03-29T22:00:00.000Z')
    assert.equal(parisInstant('2026-10-25').toISOString(), '2026-10-24T22:00:00.000Z')
    assert.equal(parisInstant('2026-10-26').toISOString(), '2026-10-25T23:00:00.000Z')
    assert.equal(parisDate(new Date('2026-03-31T22:30:00Z')), '2026-04-01')
    assert.equal(parisDate(new Date('2026-12-31T22:59:59Z')), '2026-12-31')
    assert.equal(parisDate(new Date('2026-12-31T23:00:00Z')), '2027-01-01')
  })
})
