import { DateTime } from 'luxon'
import {
  addDays,
  addMonths,
  nextWorkingDayFrom,
  type HolidayCalendar,
} from '@comptoir/contracts/french_calendar'
import { SHOP_TIME_ZONE } from '@comptoir/contracts/formatting'

/**
 * The withdrawal period (C. conso L221-18 to L221-21, LEGAL.md W-03 to W-09)
 * on Paris calendar days ("2026-03-23"): 14 days counted from the day after
 * the start, the last one moved to the next working day, ending at the last
 * instant of that day in Paris.
 */

/** The statutory length in days (W-02). */
export const WITHDRAWAL_DAYS = 14

/** What the period runs from (W-03 to W-05). */
export type WithdrawalStart =
  /**
   * Goods: the day each parcel of the order reached the consumer, null for a
   * parcel still on its way (and for goods not shipped yet). The period runs
   * from the last one (W-04).
   */
  | { readonly kind: 'goods'; readonly parcelsReceivedOn: readonly (string | null)[] }
  /** Regular deliveries over a defined period: from the first one (W-05). */
  | { readonly kind: 'regular_deliveries'; readonly firstReceivedOn: string | null }
  /** Services: from the day the contract was concluded (W-03 2°). */
  | { readonly kind: 'service'; readonly concludedOn: string }

/**
 * When the consumer got the withdrawal information of L221-5 7° (W-09):
 * before the contract as required, never, or on a later day.
 */
export type WithdrawalInformation = 'given' | 'missing' | { readonly receivedOn: string }

export interface PeriodOptions {
  /** The holiday list (LEGAL.md §0); national unless the merchant chose another. */
  readonly calendar?: HolidayCalendar
  /** Defaults to 'given': the shop shows it before ordering (P-01). */
  readonly information?: WithdrawalInformation
}

export type WithdrawalPeriod =
  /**
   * Goods not all received yet: the 14 days have not begun, and the consumer
   * may already withdraw (W-08).
   */
  | { readonly status: 'not_started' }
  | {
      readonly status: 'running'
      /** The receipt or conclusion day, not counted (W-06). */
      readonly startedOn: string
      /** Day 14 moved to the next working day (W-06), before any extension. */
      readonly initialLastDay: string
      /** The last day, inclusive: "jusqu'au lundi 23 mars 2026 inclus". */
      readonly lastDay: string
      /** 23:59:59.999 in Paris on the last day: the latest timely statement. */
      readonly endsAt: DateTime
      /** Why the last day is later than the initial one (W-09), if it is. */
      readonly extension: null | 'information_missing' | 'information_received_late'
    }

/** The day the period runs from, or null while it has not started. */
function startDay(start: WithdrawalStart): string | null {
  switch (start.kind) {
    case 'goods': {
      const days = start.parcelsReceivedOn
      if (!days.length || days.includes(null)) return null
      return (days as string[]).reduce((latest, day) => (day > latest ? day : latest))
    }
    case 'regular_deliveries':
      return start.firstReceivedOn
    case 'service':
      return start.concludedOn
  }
}

/** 14 days from the day after `day`, the end moved off weekends and holidays (W-06). */
function fourteenDaysAfter(day: string, calendar: HolidayCalendar): string {
  return nextWorkingDayFrom(addDays(day, WITHDRAWAL_DAYS), calendar)
}

export function withdrawalPeriod(
  start: WithdrawalStart,
  { calendar = 'national', information = 'given' }: PeriodOptions = {}
): WithdrawalPeriod {
  const startedOn = startDay(start)
  if (startedOn === null) return { status: 'not_started' }
  const initialLastDay = fourteenDaysAfter(startedOn, calendar)
  let lastDay = initialLastDay
  let extension: 'information_missing' | 'information_received_late' | null = null
  if (information !== 'given') {
    // Twelve months from the end of the initial period, moved off a weekend too
    // (W-09, product decision).
    const extendedLastDay = nextWorkingDayFrom(addMonths(initialLastDay, 12), calendar)
    lastDay = extendedLastDay
    extension = 'information_missing'
    if (information !== 'missing' && information.receivedOn <= extendedLastDay) {
      // Information supplied late ends the period 14 days later, never before
      // the 14 days every consumer has.
      const afterInformation = fourteenDaysAfter(information.receivedOn, calendar)
      lastDay = afterInformation > initialLastDay ? afterInformation : initialLastDay
      extension = lastDay > initialLastDay ? 'information_received_late' : null
    }
  }
  return {
    status: 'running',
    startedOn,
    initialLastDay,
    lastDay,
    endsAt: DateTime.fromISO(lastDay, { zone: SHOP_TIME_ZONE }).endOf('day'),
    extension,
  }
}

/**
 * Whether a statement sent at `sentAt` is in time (W-07): what counts is when
 * the consumer sent it (submission, postmark), not when the merchant read it.
 * Before the period starts the consumer may already withdraw (W-08).
 */
export function isTimely(period: WithdrawalPeriod, sentAt: DateTime | string): boolean {
  if (period.status === 'not_started') return true
  // An ISO string without an offset is Paris time.
  const sent =
    typeof sentAt === 'string' ? DateTime.fromISO(sentAt, { zone: SHOP_TIME_ZONE }) : sentAt
  if (!sent.isValid) throw new RangeError(`Expected an ISO instant, got "${String(sentAt)}"`)
  return sent.toMillis() <= period.endsAt.toMillis()
}
