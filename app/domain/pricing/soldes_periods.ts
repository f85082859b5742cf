import { addDays, addMonths, daysBetween } from '@comptoir/contracts/french_calendar'
import { parisDate, parisInstant } from '#domain/paris_time'

/**
 * The two official soldes periods of a calendar year (C. com L310-3, arrêté
 * of 27 May 2019 modified; LEGAL.md PR-08), computed for any year from the
 * arrêté's rule and replaced, where the merchant recorded one, by a one-off
 * arrêté moving the national dates that year. Only national dates: an online
 * shop follows them wherever its seat is, département derogations not being
 * extended to distance sales (L310-3 I 1°).
 */
export const SOLDES_SEASONS = ['winter', 'summer'] as const
export type SoldesSeason = (typeof SOLDES_SEASONS)[number]

/** The arrêté's length of each period: 4 weeks, the opening day included. */
export const SOLDES_DAYS = 28
/** Periods open at 08:00 Paris time on their first day. */
export const SOLDES_OPENING_HOUR = 8
/** What the law allows an override to last (L310-3: 3 to 6 weeks). */
export const SOLDES_MIN_DAYS = 21
export const SOLDES_MAX_DAYS = 42

/** National dates the merchant recorded for one period of one year, in Paris time. */
export interface SoldesOverride {
  year: number
  season: SoldesSeason
  firstDay: string
  lastDay: string
  /** Opening time on the first day, "08:00" unless the text says otherwise. */
  openingHour: number
  openingMinute: number
}

export type SoldesSource = 'arrete' | 'national_override'

export interface SoldesPeriod {
  year: number
  season: SoldesSeason
  firstDay: string
  lastDay: string
  /** The opening instant (08:00 Paris on the first day). */
  startsAt: Date
  /** The midnight ending the last day (exclusive). */
  endsAt: Date
  source: SoldesSource
}

/** The Wednesdays of a month, as calendar days. */
function wednesdays(year: number, month: number): string[] {
  const first = `${year}-${String(month).padStart(2, '0')}-01`
  const weekday = new Date(`${first}T00:00:00Z`).getUTCDay()
  const firstWednesday = addDays(first, (3 - weekday + 7) % 7)
  const days: string[] = []
  for (let day = firstWednesday; day.slice(5, 7) === first.slice(5, 7); day = addDays(day, 7)) {
    days.push(day)
  }
  return days
}

function dayOfMonth(date: string): number {
  return Number(date.slice(8, 10))
}

/**
 * The first day the arrêté's rule gives. Winter: the second Wednesday of
 * January, or the first when the second falls after the 12th. Summer: the
 * last Wednesday of June, or the one before when the last falls after the
 * 28th (2026: 7 January and 24 June; 2027 summer: 23 June).
 */
export function arreteFirstDay(year: number, season: SoldesSeason): string {
  if (season === 'winter') {
    const [first, second] = wednesdays(year, 1)
    return dayOfMonth(second) > 12 ? first : second
  }
  const june = wednesdays(year, 6)
  const last = june[june.length - 1]
  return dayOfMonth(last) > 28 ? june[june.length - 2] : last
}

/** Days a period lasts, its first and last days included. */
export function periodDays(firstDay: string, lastDay: string): number {
  return daysBetween(firstDay, lastDay) + 1
}

/**
 * What is wrong with an override, if anything: the law bounds a period to
 * 3–6 weeks (PR-08), and a period belongs to the year it opens in.
 */
export function overrideProblem(
  override: Pick<SoldesOverride, 'year' | 'firstDay' | 'lastDay'>
): 'ends_before_start' | 'too_short' | 'too_long' | 'other_year' | null {
  if (override.lastDay < override.firstDay) return 'ends_before_start'
  if (Number(override.firstDay.slice(0, 4)) !== override.year) return 'other_year'
  const days = periodDays(override.firstDay, override.lastDay)
  if (days < SOLDES_MIN_DAYS) return 'too_short'
  if (days > SOLDES_MAX_DAYS) return 'too_long'
  return null
}

/**
 * The soldes calendar of the shop: the arrêté's dates, replaced by the
 * national override of that year and season if any.
 */
export class SoldesCalendar {
  constructor(private readonly overrides: readonly SoldesOverride[]) {}

  period(year: number, season: SoldesSeason): SoldesPeriod {
    const chosen = this.overrides.find(
      (override) => override.year === year && override.season === season
    )
    if (chosen) {
      return this.build(
        year,
        season,
        chosen.firstDay,
        chosen.lastDay,
        [chosen.openingHour, chosen.openingMinute],
        'national_override'
      )
    }
    const firstDay = arreteFirstDay(year, season)
    return this.build(
      year,
      season,
      firstDay,
      addDays(firstDay, SOLDES_DAYS - 1),
      [SOLDES_OPENING_HOUR, 0],
      'arrete'
    )
  }

  /** Both periods of a year, winter first. */
  periods(year: number): SoldesPeriod[] {
    return SOLDES_SEASONS.map((season) => this.period(year, season))
  }

  /**
   * The period that contains all of [startsAt, endsAt), or null. A period
   * may have been moved across the new year, hence the year before too.
   */
  periodCovering(startsAt: Date, endsAt: Date): SoldesPeriod | null {
    const year = Number(parisDate(startsAt).slice(0, 4))
    return (
      [...this.periods(year - 1), ...this.periods(year)].find(
        (period) => period.startsAt <= startsAt && endsAt <= period.endsAt
      ) ?? null
    )
  }

  /** The period open at an instant, or null: "soldes" may be said only then (PR-10). */
  periodAt(instant: Date): SoldesPeriod | null {
    return this.periodCovering(instant, new Date(instant.getTime() + 1))
  }

  private build(
    year: number,
    season: SoldesSeason,
    firstDay: string,
    lastDay: string,
    [hour, minute]: [number, number],
    source: SoldesSource
  ): SoldesPeriod {
    return {
      year,
      season,
      firstDay,
      lastDay,
      startsAt: parisInstant(firstDay, hour, minute),
      endsAt: parisInstant(addDays(lastDay, 1)),
      source,
    }
  }
}

/**
 * Whether a product may be sold as soldes in a period (PR-09): offered for
 * sale at least one month before the period opens. A product never offered
 * may not.
 */
export function offeredLongEnough(firstOfferedAt: Date | null, period: SoldesPeriod): boolean {
  if (!firstOfferedAt) return false
  return parisDate(firstOfferedAt) <= addMonths(period.firstDay, -1)
}

/** The last day a product may have been first offered to be sold in the period. */
export function latestOfferDay(period: SoldesPeriod): string {
  return addMonths(period.firstDay, -1)
}
