import i18nManager from '@adonisjs/i18n/services/main'
import type { Locale } from '@comptoir/contracts/commerce'

/**
 * The plugin's texts in one locale, from resources/lang/{fr,en}/payment-systempay.json,
 * which the core's i18n loads with its own translations.
 */
export function textsFor(locale: Locale) {
  const i18n = i18nManager.locale(locale)
  return (key: string, data?: Record<string, unknown>) => i18n.t(`payment-systempay.${key}`, data)
}
