import { readFile } from 'node:fs/promises'
import vine, { errors } from '@vinejs/vine'
import type { HttpContext } from '@adonisjs/core/http'
import type { I18n } from '@adonisjs/i18n'
import { RATE_CURRENCIES } from '#src/amounts'
import { rateFormValues } from '#src/rate_form'
import RateService from '#src/rate_service'
import RatesCsv, { type CsvLineError } from '#src/rates_csv'
import { RATE_FIELDS, validateRate } from '#src/rate_validator'

/** The editor, under the plugin's admin group (see plugin.ts). */
export const RATES_PATH = '/admin/plugins/shipping-table-rates/rates'

/** What the rate form needs besides the rate. */
const FORM = {
  base: RATES_PATH,
  currencies: RATE_CURRENCIES.map((code) => ({ value: code, label: code })),
}

function formLocale(i18n: I18n) {
  return i18n.locale === 'en' ? 'en' : 'fr'
}

const importValidator = vine.create({
  file: vine.file({ size: '2mb', extnames: ['csv', 'txt'] }),
})

/**
 * The rate table editor: list, add, edit, delete, and CSV export and import.
 * Admin writes are not audit-logged yet: the core does not expose its audit
 * log to plugins.
 */
export default class RatesController {
  constructor(
    protected rates = new RateService(),
    protected csv = new RatesCsv()
  ) {}

  async index(ctx: HttpContext) {
    return this.renderIndex(ctx, null)
  }

  async store(ctx: HttpContext) {
    await this.rates.create(await this.validated(ctx))
    return this.saved(ctx, 'created')
  }

  async edit({ params, view, i18n }: HttpContext) {
    const rate = await this.rates.find(params.id)
    return view.render('shipping-table-rates::admin/rate_form', {
      ...FORM,
      rate,
      values: rateFormValues(rate, formLocale(i18n)),
    })
  }

  async update(ctx: HttpContext) {
    await this.rates.update(ctx.params.id, await this.validated(ctx))
    return this.saved(ctx, 'updated')
  }

  async destroy(ctx: HttpContext) {
    await this.rates.delete(ctx.params.id)
    return this.saved(ctx, 'deleted')
  }

  async export({ response }: HttpContext) {
    response.header('content-type', 'text/csv; charset=utf-8')
    response.header('content-disposition', 'attachment; filename="frais-de-port.csv"')
    return response.send(await this.csv.export())
  }

  async import(ctx: HttpContext) {
    const { file } = await ctx.request.validateUsing(importValidator, {
      messagesProvider: ctx.i18n.createMessagesProvider('shipping-table-rates.validator'),
    })
    const result = await this.csv.import(await readFile(file.tmpPath!, 'utf8'), ctx.i18n)
    if (!result.imported) {
      ctx.response.status(422)
      return this.renderIndex(ctx, result.errors)
    }
    ctx.session.flash('success', ctx.i18n.t('shipping-table-rates.import.done', result))
    return ctx.response.redirect().toPath(RATES_PATH)
  }

  private async renderIndex({ view, i18n }: HttpContext, importErrors: CsvLineError[] | null) {
    return view.render('shipping-table-rates::admin/rates', {
      ...FORM,
      rates: await this.rates.list(),
      values: rateFormValues(null, formLocale(i18n)),
      importErrors,
    })
  }

  /** A form's rate, or back to the form with the errors next to the fields. */
  private async validated({ request, i18n }: HttpContext) {
    const result = await validateRate(request.only([...RATE_FIELDS]), i18n)
    if (!result.valid) throw new errors.E_VALIDATION_ERROR(result.errors)
    return result.rate
  }

  private saved({ session, i18n, response }: HttpContext, what: string) {
    session.flash('success', i18n.t(`shipping-table-rates.admin.${what}`))
    return response.redirect().toPath(RATES_PATH)
  }
}
