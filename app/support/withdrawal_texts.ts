import type { I18n } from '@adonisjs/i18n'
import { formatCalendarDay } from '#support/calendar_days'
import { refusalMessage } from '#support/order_texts'

/**
 * A refusal of the withdrawal services in the merchant's language: its own
 * sentence (withdrawals.refusals), or, for a refusal of the order services
 * behind them (OrderRefunds), theirs.
 */
export function withdrawalRefusal(
  i18n: I18n,
  reason: string,
  number: string,
  lastDay?: string,
  detail = ''
): string {
  const key = `withdrawals.refusals.${reason}`
  if (!i18n.hasMessage(key) && !i18n.hasFallbackMessage(key)) {
    return refusalMessage(i18n, reason, number, detail)
  }
  return i18n.t(key, {
    number,
    detail,
    date: lastDay ? formatCalendarDay(lastDay, i18n.locale) : '',
  })
}
