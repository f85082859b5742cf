import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { addDays } from '@comptoir/contracts/french_calendar'
import {
  REMEDY_ALERT_DAYS,
  alternativesTo,
  claimActions,
  isRemedy,
  nextClaimStatus,
  remedyAlert,
  resolutionOf,
  type Alternative,
  type ClaimStatus,
  type Remedy,
} from '#domain/guarantee'
import SendOrderEmail from '#jobs/send_order_email'
import GuaranteeClaim from '#models/guarantee_claim'
import Order from '#models/order'
import OrderLine from '#models/order_line'
import AuditLogService from '#services/audit_log_service'
import { parisDate } from '#domain/paris_time'
import type { ClaimStep } from '#services/guarantee/claim_items'
import type { BackOfficeActor } from '#services/coupon_admin_service'
import OrderTimeline, { type OrderActor } from '#services/orders/order_timeline'
import { lockForUpdate } from '#support/row_lock'

const PER_PAGE = 30

/** A member of staff as the order's timeline and the audit log name them. */
export interface ClaimStaff {
  readonly timeline: OrderActor
  readonly audit: BackOfficeActor
}

/** What staff decide, action by action; a refusal says why (L217-12) and what instead. */
export type ClaimDecision =
  | { readonly action: 'accept' | 'resolve' }
  | { readonly action: 'refuse'; readonly reason: string; readonly alternative: Alternative }
  | { readonly action: 'close_unresolved'; readonly note: string | null }

export type ClaimDecisionOutcome =
  | { readonly kind: 'done'; readonly status: ClaimStatus }
  | { readonly kind: 'refused'; readonly reason: 'not_allowed' | 'invalid_alternative' }

export interface ClaimRow {
  readonly claim: GuaranteeClaim
  readonly alert: 'late' | 'due_soon' | null
}

/**
 * After-sales under the legal guarantee in the back office (LEGAL.md G-03,
 * M-02): the claims with their 30-day deadline, the dashboard's alerts, and
 * staff decisions, each one transaction written on the order's timeline and
 * in the audit log, then told to the customer by e-mail.
 */
@inject()
export default class GuaranteeDesk {
  constructor(
    protected timeline: OrderTimeline,
    protected auditLog: AuditLogService
  ) {}

  /** Claims not settled first, the nearest deadline first; filtered by status. */
  async list(filters: { status?: ClaimStatus; page: number }, today = parisDate(new Date())) {
    const query = GuaranteeClaim.query()
      .preload('order')
      .preload('lines')
      .orderByRaw("case when status in ('resolved', 'closed_unresolved') then 1 else 0 end")
      .orderBy('due_on')
      .orderBy('id')
    if (filters.status) query.where('status', filters.status)
    const page = await query.paginate(filters.page, PER_PAGE)
    return { page, rows: page.all().map((claim) => rowOf(claim, today)) }
  }

  /** One claim with its order, the units by name, and what staff may do now. */
  async detail(id: number, today = parisDate(new Date())) {
    const claim = await GuaranteeClaim.query()
      .where('id', id)
      .preload('order')
      .preload('lines')
      .firstOrFail()
    const orderLines = await OrderLine.query().where('order_id', claim.orderId)
    return {
      ...rowOf(claim, today),
      order: claim.order,
      lines: claim.lines.map((entry) => ({
        entry,
        line: orderLines.find((line) => line.id === entry.orderLineId)!,
      })),
      actions: claimActions(claim),
      alternatives: alternativesTo(refusable(claim)),
    }
  }

  /** Claims not settled whose deadline is within REMEDY_ALERT_DAYS or past, the most urgent first. */
  async alerts(today = parisDate(new Date())): Promise<ClaimRow[]> {
    const claims = await GuaranteeClaim.query()
      .whereNotIn('status', ['resolved', 'closed_unresolved'])
      .where('due_on', '<=', addDays(today, REMEDY_ALERT_DAYS))
      .preload('order')
      .orderBy('due_on')
      .orderBy('id')
      .limit(100)
    return claims.map((claim) => rowOf(claim, today))
  }

  /**
   * Applies a decision, or says why not: the claim does not allow it now, or
   * the alternative offered is the very remedy refused.
   */
  async decide(
    id: number,
    decision: ClaimDecision,
    staff: ClaimStaff,
    today = parisDate(new Date())
  ): Promise<ClaimDecisionOutcome> {
    return db.transaction(async (trx) => {
      const claim = await lockForUpdate(
        GuaranteeClaim.query({ client: trx }).where('id', id),
        trx
      ).firstOrFail()
      const from = claim.status
      const to = nextClaimStatus(claim, decision.action)
      if (!to) return refused('not_allowed')

      const step = this.apply(claim, decision, to, today)
      if (step === null) return refused('invalid_alternative')
      claim.status = to
      claim.useTransaction(trx)
      await claim.save()

      const order = await Order.findOrFail(claim.orderId, { client: trx })
      await this.timeline.record(trx, order, {
        type: 'note',
        actor: staff.timeline,
        note: `guarantee claim #${claim.id}: ${from} → ${to}${describe(step)}`,
      })
      await this.auditLog.record(
        {
          actor: staff.audit.admin,
          action: `guarantee_claim.${decision.action}`,
          entityType: 'guarantee_claim',
          entityId: claim.id,
          changes: { order: order.number, from, to, ...changesOf(decision) },
          ip: staff.audit.ip,
        },
        trx
      )
      trx.after('commit', async () => {
        await SendOrderEmail.queue({
          kind: 'guarantee_claim_update',
          orderId: order.id,
          guaranteeClaimId: claim.id,
          guaranteeStep: step,
        })
      })
      return { kind: 'done', status: to }
    })
  }

  /**
   * Sets what the decision changes, and returns it as the customer is told;
   * null for an alternative that is the very remedy refused.
   */
  private apply(
    claim: GuaranteeClaim,
    decision: ClaimDecision,
    status: ClaimStatus,
    today: string
  ): ClaimStep | null {
    const step = { status, remedy: null, reason: null, alternative: null }
    switch (decision.action) {
      case 'accept': {
        // After a refusal, the other remedy the consumer took; else his own choice.
        claim.acceptedRemedy = isRemedy(claim.alternative)
          ? claim.alternative
          : claim.preferredRemedy
        return { ...step, remedy: claim.acceptedRemedy }
      }
      case 'refuse': {
        const remedy = refusable(claim)
        if (!alternativesTo(remedy).includes(decision.alternative)) return null
        claim.refusalReason = decision.reason
        claim.alternative = decision.alternative
        return { ...step, remedy, reason: decision.reason, alternative: decision.alternative }
      }
      case 'resolve': {
        claim.resolution = resolutionOf(claim.acceptedRemedy, claim)
        claim.settledOn = DateTime.fromISO(today)
        return { ...step, remedy: claim.resolution }
      }
      case 'close_unresolved': {
        claim.closingNote = decision.note
        claim.settledOn = DateTime.fromISO(today)
        return step
      }
    }
  }
}

/** The remedy a refusal would be about: the one under way, else the consumer's choice. */
function refusable(claim: GuaranteeClaim): Remedy {
  return claim.acceptedRemedy ?? claim.preferredRemedy
}

function rowOf(claim: GuaranteeClaim, today: string): ClaimRow {
  return { claim, alert: remedyAlert(claim.status, claim.dueOn.toISODate()!, today) }
}

/** The decision on the timeline: " (repair refused, replacement offered)". */
function describe(step: ClaimStep): string {
  if (step.alternative) return ` (${step.remedy} refused, ${step.alternative} offered)`
  return step.remedy ? ` (${step.remedy})` : ''
}

function changesOf(decision: ClaimDecision): Record<string, unknown> {
  if (decision.action === 'refuse') {
    return { reason: decision.reason, alternative: decision.alternative }
  }
  if (decision.action === 'close_unresolved') return { note: decision.note }
  return {}
}

function refused(reason: 'not_allowed' | 'invalid_alternative'): ClaimDecisionOutcome {
  return { kind: 'refused', reason }
}
