import vine from '@vinejs/vine'
import { SOLDES_SEASONS } from '#domain/pricing/soldes_periods'

/**
 * National soldes dates recorded for one period of a year (LEGAL.md PR-08):
 * Paris days, the opening time of the first day. Their length (3 to 6 weeks)
 * is checked by the soldes rules.
 */
export const soldesPeriodValidator = vine.create({
  year: vine.number().withoutDecimals().range([2000, 2100]),
  season: vine.enum(SOLDES_SEASONS),
  first_day: vine.date({ formats: ['YYYY-MM-DD'] }),
  last_day: vine.date({ formats: ['YYYY-MM-DD'] }).afterOrSameAs('first_day'),
  opening_time: vine.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/),
  note: vine.string().trim().maxLength(255).optional(),
})
