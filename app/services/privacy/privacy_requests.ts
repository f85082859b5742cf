import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import PrivacyRequest, { type PrivacyRequestKind } from '#models/privacy_request'
import { canExtendRequest, requestDeadlines } from '#domain/data_retention'
import { parisDate } from '#domain/paris_time'

export type ExtendOutcome = { status: 'extended' } | { status: 'too_late' | 'answered' }

/**
 * Requests of data subjects (LEGAL.md R-03), recorded by staff when received
 * by e-mail or post, or by the customer's own self-service, with the day the
 * answer is due.
 */
export default class PrivacyRequests {
  async record(input: {
    customerId: number
    kind: PrivacyRequestKind
    receivedOn: string
    handledBy: string
  }) {
    return PrivacyRequest.create({
      customerId: input.customerId,
      kind: input.kind,
      receivedOn: DateTime.fromISO(input.receivedOn),
      dueOn: DateTime.fromISO(requestDeadlines(input.receivedOn).dueOn),
      extendedDueOn: null,
      completedAt: null,
      handledBy: input.handledBy,
    })
  }

  /** The customer's requests, open ones first, then by due date. */
  forCustomer(customerId: number) {
    return PrivacyRequest.query()
      .where('customer_id', customerId)
      .orderByRaw('case when completed_at is null then 0 else 1 end')
      .orderBy('due_on')
      .orderBy('id')
  }

  /** Every open request, the most urgent first (the back office's list). */
  open() {
    return PrivacyRequest.query()
      .whereNull('completed_at')
      .orderByRaw('coalesce(extended_due_on, due_on)')
      .orderBy('id')
  }

  /** One of the customer's requests; another customer's is not found (404). */
  ofCustomer(customerId: number, requestId: number) {
    return PrivacyRequest.query()
      .where('id', requestId)
      .where('customer_id', customerId)
      .firstOrFail()
  }

  /**
   * Two more months for a complex request, when the person is told within the
   * first month (GDPR art. 12(3)).
   */
  async extend(request: PrivacyRequest, today = parisDate(new Date())): Promise<ExtendOutcome> {
    if (request.completedAt) return { status: 'answered' }
    const receivedOn = request.receivedOn.toISODate()!
    if (!canExtendRequest(receivedOn, today)) return { status: 'too_late' }
    request.extendedDueOn = DateTime.fromISO(requestDeadlines(receivedOn).extendedDueOn)
    await request.save()
    return { status: 'extended' }
  }

  async complete(request: PrivacyRequest, handledBy: string) {
    if (request.completedAt) return null
    request.merge({ completedAt: DateTime.now(), handledBy })
    await request.save()
    return request
  }

  /**
   * Closes the customer's open requests of a kind (an export sent, an account
   * erased), or records one answered at once (self-service).
   */
  async answer(
    trx: TransactionClientContract,
    input: { customerId: number; kind: PrivacyRequestKind; handledBy: string }
  ) {
    const open = await PrivacyRequest.query({ client: trx })
      .where('customer_id', input.customerId)
      .where('kind', input.kind)
      .whereNull('completed_at')
    const now = DateTime.now()
    if (!open.length) {
      const today = parisDate(now.toJSDate())
      await PrivacyRequest.create(
        {
          customerId: input.customerId,
          kind: input.kind,
          receivedOn: DateTime.fromISO(today),
          dueOn: DateTime.fromISO(requestDeadlines(today).dueOn),
          extendedDueOn: null,
          completedAt: now,
          handledBy: input.handledBy,
        },
        { client: trx }
      )
      return
    }
    for (const request of open) {
      request.useTransaction(trx)
      request.merge({ completedAt: now, handledBy: input.handledBy })
      await request.save()
    }
  }
}
