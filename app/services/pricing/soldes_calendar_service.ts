import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import SoldesPeriod from '#models/soldes_period'
import AuditLogService from '#services/audit_log_service'
import type { BackOfficeActor } from '#services/coupon_admin_service'
import { SoldesCalendar, type SoldesSeason } from '#domain/pricing/soldes_periods'
import PagePurge from '#services/page_cache/page_purge'

export interface SoldesOverrideInput {
  year: number
  season: SoldesSeason
  firstDay: string
  lastDay: string
  /** "08:00". */
  openingTime: string
  note: string | null
}

/**
 * The shop's soldes calendar (LEGAL.md PR-08): the arrêté's dates and the
 * national dates the merchant recorded over them for a year. An online shop
 * follows the national dates wherever its seat is (L310-3 I 1°).
 */
@inject()
export default class SoldesCalendarService {
  constructor(
    protected auditLog: AuditLogService,
    protected pagePurge: PagePurge
  ) {}

  async calendar(client: QueryClientContract = db.connection()): Promise<SoldesCalendar> {
    const overrides = await SoldesPeriod.query({ client })
    return new SoldesCalendar(overrides.map((period) => period.override()))
  }

  async overrides() {
    return SoldesPeriod.query().orderBy('year', 'desc').orderBy('season')
  }

  /** Records the dates of one period of a year, replacing those recorded before. */
  async save(input: SoldesOverrideInput, actor: BackOfficeActor) {
    await db.transaction(async (trx) => {
      await this.pagePurge.everything(trx)
      const period = await SoldesPeriod.updateOrCreate(
        { year: input.year, season: input.season },
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
      await this.pagePurge.everything(trx)
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
