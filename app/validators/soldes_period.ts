import vine from '@vinejs/vine'
import { SOLDES_SEASONS, DEPARTEMENT_PATTERN, NATIONAL_SCOPE } from '#domain/pricing/soldes_periods'

/**
 * Soldes dates recorded for one period of a year (LEGAL.md PR-08): national
 * ("FR") or a département's; Paris days, the opening time of the first day.
 * Their length (3 to 6 weeks) is checked by the soldes rules.
 */
export const soldesPeriodValidator = vine.create({
  year: vine.number().withoutDecimals().range([2000, 2100]),
  season: vine.enum(SOLDES_SEASONS),
  scope: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(new RegExp(`^(?:${NATIONAL_SCOPE}|${DEPARTEMENT_PATTERN.source.slice(1, -1)})$`)),
  first_day: vine.date({ formats: ['YYYY-MM-DD'] }),
  last_day: vine.date({ formats: ['YYYY-MM-DD'] }).afterOrSameAs('first_day'),
  opening_time: vine.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/),
  note: vine.string().trim().maxLength(255).optional(),
})
