import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import SoldesPeriod from '#models/soldes_period'
import AuditLogService from '#services/audit_log_service'
import SettingsService from '#services/settings_service'
import type { BackOfficeActor } from '#services/coupon_admin_service'
import {
  departementOfPostalCode,
  SoldesCalendar,
  type SoldesSeason,
} from '#domain/pricing/soldes_periods'

export interface SoldesOverrideInput {
  year: number
  season: SoldesSeason
  /** "FR" or a département code. */
  scope: string
  firstDay: string
  lastDay: string
  /** "08:00". */
  openingTime: string
  note: string | null
}

/**
 * The shop's soldes calendar (LEGAL.md PR-08): the arrêté's dates, the
 * overrides the merchant recorded, and the seller's département, read from
 * the postcode of the legal identity.
 */
@inject()
export default class SoldesCalendarService {
  constructor(
    protected settings: SettingsService,
    protected auditLog: AuditLogService
  ) {}

  async calendar(client: QueryClientContract = db.connection()): Promise<SoldesCalendar> {
    const [overrides, departement] = await Promise.all([
      SoldesPeriod.query({ client }),
      this.shopDepartement(client),
    ])
    return new SoldesCalendar(
      overrides.map((period) => period.override()),
      departement
    )
  }

  /** The seller's département, or null while no French address is filled in. */
  async shopDepartement(client: QueryClientContract = db.connection()): Promise<string | null> {
    const identity = await this.settings.sellerIdentity(client)
    if (!identity || identity.address.country !== 'FR') return null
    return departementOfPostalCode(identity.address.postalCode)
  }

  async overrides() {
    return SoldesPeriod.query().orderBy('year', 'desc').orderBy('season').orderBy('scope')
  }

  /** Records the dates of one period of a year, replacing those recorded before. */
  async save(input: SoldesOverrideInput, actor: BackOfficeActor) {
    await db.transaction(async (trx) => {
      const period = await SoldesPeriod.updateOrCreate(
        { year: input.year, season: input.season, scope: input.scope },
        {
          firstDay: input.firstDay,
          lastDay: input.lastDay,
          openingTime: input.openingTime,
          note: input.note,
        },
        { client: trx }
      )
      await this.audit('soldes_period.save', period, actor, trx)
    })
  }

  async delete(id: number, actor: BackOfficeActor) {
    await db.transaction(async (trx) => {
      const period = await SoldesPeriod.findOrFail(id, { client: trx })
      await period.delete()
      await this.audit('soldes_period.delete', period, actor, trx)
    })
  }

  private async audit(
    action: string,
    period: SoldesPeriod,
    actor: BackOfficeActor,
    client: TransactionClientContract
  ) {
    await this.auditLog.record(
      {
        actor: actor.admin,
        action,
        entityType: 'soldes_period',
        entityId: period.id,
        changes: {
          year: period.year,
          season: period.season,
          scope: period.scope,
          firstDay: period.firstDay,
          lastDay: period.lastDay,
          openingTime: period.openingTime,
        },
        ip: actor.ip,
      },
      client
    )
  }
}
