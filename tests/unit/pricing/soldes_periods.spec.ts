import { test } from '@japa/runner'
import { parisInstant } from '#domain/paris_time'
import {
  arreteFirstDay,
  latestOfferDay,
  offeredLongEnough,
  overrideProblem,
  SoldesCalendar,
  type SoldesOverride,
} from '#domain/pricing/soldes_periods'

const national = new SoldesCalendar([])

const override = (values: Partial<SoldesOverride>): SoldesOverride => ({
  year: 2026,
  season: 'winter',
  firstDay: '2026-01-07',
  lastDay: '2026-02-03',
  openingHour: 8,
  openingMinute: 0,
  ...values,
})

test.group('Soldes periods (rules)', () => {
  test('TC-27 PR-08: 2026 winter 7 Jan 08:00 – 3 Feb, summer 24 Jun 08:00 – 21 Jul', ({
    assert,
  }) => {
    const [winter, summer] = national.periods(2026)
    assert.deepInclude(winter, { firstDay: '2026-01-07', lastDay: '2026-02-03', source: 'arrete' })
    assert.equal(winter.startsAt.toISOString(), '2026-01-07T07:00:00.000Z')
    assert.equal(winter.endsAt.toISOString(), '2026-02-03T23:00:00.000Z')
    assert.deepInclude(summer, { firstDay: '2026-06-24', lastDay: '2026-07-21', source: 'arrete' })
    assert.equal(summer.startsAt.toISOString(), '2026-06-24T06:00:00.000Z')
    assert.equal(summer.endsAt.toISOString(), '2026-07-21T22:00:00.000Z')
  })

  test('PR-08: winter opens on the 2nd Wednesday of January, the 1st when the 2nd is after the 12th', ({
    assert,
  }) => {
    // 2025: Wednesdays 1, 8 → the 8th. 2026: 7, 14 → the 7th. 2020: 1, 8 → 8th.
    assert.equal(arreteFirstDay(2025, 'winter'), '2025-01-08')
    assert.equal(arreteFirstDay(2026, 'winter'), '2026-01-07')
    assert.equal(arreteFirstDay(2027, 'winter'), '2027-01-06')
    assert.equal(arreteFirstDay(2028, 'winter'), '2028-01-12')
    assert.equal(arreteFirstDay(2029, 'winter'), '2029-01-10')
    assert.equal(arreteFirstDay(2020, 'winter'), '2020-01-08')
  })

  test('PR-08: summer opens on the last Wednesday of June, the one before when it is after the 28th', ({
    assert,
  }) => {
    assert.equal(arreteFirstDay(2025, 'summer'), '2025-06-25')
    assert.equal(arreteFirstDay(2026, 'summer'), '2026-06-24')
    // [U] 2027: the rule gives 23 June (30 June is after the 28th); overridable.
    assert.equal(arreteFirstDay(2027, 'summer'), '2027-06-23')
    assert.equal(arreteFirstDay(2028, 'summer'), '2028-06-28')
    assert.equal(arreteFirstDay(2032, 'summer'), '2032-06-23')
  })

  test('PR-08: every year has two 4-week periods opening on a Wednesday at 08:00', ({ assert }) => {
    for (let year = 2024; year <= 2060; year++) {
      for (const period of national.periods(year)) {
        assert.equal(new Date(`${period.firstDay}T00:00:00Z`).getUTCDay(), 3, period.firstDay)
        assert.equal(
          (period.endsAt.getTime() - period.startsAt.getTime()) / 3_600_000,
          27 * 24 + 16,
          period.firstDay
        )
      }
    }
  })

  test('PR-08: a national override for a year replaces the arrêté’s dates (2027 summer at 30 June)', ({
    assert,
  }) => {
    const calendar = new SoldesCalendar([
      override({ year: 2027, season: 'summer', firstDay: '2027-06-30', lastDay: '2027-07-27' }),
    ])
    assert.deepInclude(calendar.period(2027, 'summer'), {
      firstDay: '2027-06-30',
      source: 'national_override',
    })
    assert.deepInclude(calendar.period(2027, 'winter'), { source: 'arrete' })
    assert.deepInclude(calendar.period(2026, 'summer'), { firstDay: '2026-06-24' })
  })

  test('TC-28 PR-10: "soldes" may be said on 7 Jan 2026 from 08:00, not on 5 Jan', ({ assert }) => {
    assert.isNull(national.periodAt(parisInstant('2026-01-05', 12)))
    assert.isNull(national.periodAt(parisInstant('2026-01-07', 7, 59)))
    assert.equal(national.periodAt(parisInstant('2026-01-07', 8))?.season, 'winter')
    assert.equal(national.periodAt(parisInstant('2026-02-03', 23, 59))?.season, 'winter')
    assert.isNull(national.periodAt(parisInstant('2026-02-04')))
  })

  test('PR-08: a period moved across the new year is found from January', ({ assert }) => {
    const calendar = new SoldesCalendar([
      override({ year: 2026, firstDay: '2026-12-20', lastDay: '2027-01-16' }),
    ])
    assert.equal(calendar.periodAt(parisInstant('2027-01-10'))?.year, 2026)
    assert.isNotNull(
      calendar.periodCovering(parisInstant('2026-12-20', 8), parisInstant('2027-01-17'))
    )
  })

  test('TC-28 PR-09: a product first offered on 20 Dec 2025 is not in the January 2026 soldes', ({
    assert,
  }) => {
    const winter = national.period(2026, 'winter')
    assert.equal(latestOfferDay(winter), '2025-12-07')
    assert.isFalse(offeredLongEnough(parisInstant('2025-12-20'), winter))
    assert.isTrue(offeredLongEnough(parisInstant('2025-12-07', 23), winter))
    assert.isFalse(offeredLongEnough(parisInstant('2025-12-08'), winter))
    assert.isFalse(offeredLongEnough(null, winter))
  })

  test('PR-08: an override lasts 3 to 6 weeks and opens in its own year', ({ assert }) => {
    assert.isNull(overrideProblem({ year: 2026, firstDay: '2026-01-07', lastDay: '2026-02-03' }))
    assert.isNull(overrideProblem({ year: 2026, firstDay: '2026-01-07', lastDay: '2026-01-27' }))
    assert.equal(
      overrideProblem({ year: 2026, firstDay: '2026-01-07', lastDay: '2026-01-26' }),
      'too_short'
    )
    assert.isNull(overrideProblem({ year: 2026, firstDay: '2026-01-07', lastDay: '2026-02-17' }))
    assert.equal(
      overrideProblem({ year: 2026, firstDay: '2026-01-07', lastDay: '2026-02-18' }),
      'too_long'
    )
    assert.equal(
      overrideProblem({ year: 2027, firstDay: '2026-12-20', lastDay: '2027-01-16' }),
      'other_year'
    )
    assert.equal(
      overrideProblem({ year: 2026, firstDay: '2026-02-07', lastDay: '2026-01-16' }),
      'ends_before_start'
    )
  })
})
