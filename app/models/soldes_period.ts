import { column } from '@adonisjs/lucid/orm'
import { SoldesPeriodSchema } from '#database/schema'
import type { SoldesOverride, SoldesSeason } from '#domain/pricing/soldes_periods'

/**
 * National soldes dates the merchant recorded for a year, replacing the
 * arrêté's: a one-off arrêté moving them (LEGAL.md PR-08).
 */
export default class SoldesPeriod extends SoldesPeriodSchema {
  @column()
  declare season: SoldesSeason

  override(): SoldesOverride {
    const [hour, minute] = this.openingTime.split(':').map(Number)
    return {
      year: this.year,
      season: this.season,
      firstDay: this.firstDay,
      lastDay: this.lastDay,
      openingHour: hour,
      openingMinute: minute,
    }
  }
}
