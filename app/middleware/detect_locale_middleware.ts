import type { DateTime } from 'luxon'
import { I18n } from '@adonisjs/i18n'
import { timeZone } from '#config/app'
import { Money } from '#domain/money'
import { formatCalendarDay } from '#support/calendar_days'
import i18nManager from '@adonisjs/i18n/services/main'
import type { NextFn } from '@adonisjs/core/types/http'
import { type HttpContext, RequestValidator } from '@adonisjs/core/http'
import {
  DEFAULT_LOCALE,
  LOCALES,
  type Locale,
  isLocale,
  localeFromPath,
  localizedPath,
} from '#support/locale_paths'

/**
 * Picks the request's locale: on the storefront from the URL (French at the root,
 * English under /en) so every page has one stable URL per language; in the back
 * office from the browser's languages. Runs as server middleware so even the 404
 * page speaks the visitor's language.
 */
export default class DetectLocaleMiddleware {
  static {
    RequestValidator.messagesProvider = (ctx) => ctx.i18n.createMessagesProvider()
  }

  protected localeFor(ctx: HttpContext): Locale {
    const path = ctx.request.url()
    if (path === '/admin' || path.startsWith('/admin/')) {
      const preferred = i18nManager.getSupportedLocaleFor(ctx.request.languages())
      return isLocale(preferred) ? preferred : DEFAULT_LOCALE
    }
    return localeFromPath(path)
  }

  async handle(ctx: HttpContext, next: NextFn) {
    const locale = this.localeFor(ctx)
    ctx.i18n = i18nManager.locale(locale)
    ctx.containerResolver.bindValue(I18n, ctx.i18n)

    const url = ctx.request.url(true)
    ctx.view.share({
      i18n: ctx.i18n,
      locale,
      /**
       * The current page in each language, for the language switch and hreflang.
       */
      alternates: LOCALES.map((code) => ({ locale: code, url: localizedPath(url, code) })),
      localePath: (path: string) => localizedPath(path, locale),
      formatMoney: (amount: number, currency = 'EUR') => Money.of(amount, currency).format(locale),
      formatDateTime: (date: DateTime) =>
        ctx.i18n.formatDate(date, { dateStyle: 'long', timeStyle: 'short', timeZone }),
      formatDay: (date: string | DateTime) => formatCalendarDay(date, locale),
    })

    return next()
  }
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    i18n: I18n
  }
}
