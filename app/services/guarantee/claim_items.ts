import {
  guaranteeAfterRemedy,
  guaranteeCover,
  type Alternative,
  type ClaimStatus,
} from '#domain/guarantee'
import type { SellerIdentity } from '#domain/seller_identity'
import GuaranteeClaim from '#models/guarantee_claim'
import type Order from '#models/order'
import OrderLine from '#models/order_line'

/** A unit claimed, by the name the customer saw, with its guarantee (G-01, G-03). */
export interface ClaimItem {
  readonly name: string
  readonly optionsLabel: string | null
  readonly sku: string
  readonly quantity: number
  readonly deliveredOn: string
  readonly guaranteeEnd: string
  /** A resolved claim's new guarantee end (+6 months after a repair, new 2 years), if any. */
  readonly extendedTo: string | null
}

/** A claim's units by name, with the guarantee each keeps once the claim is resolved. */
export function claimItems(claim: GuaranteeClaim, orderLines: readonly OrderLine[]): ClaimItem[] {
  return claim.lines.flatMap((entry) => {
    const line = orderLines.find((candidate) => candidate.id === entry.orderLineId)
    if (!line) return []
    const deliveredOn = entry.deliveredOn.toISODate()!
    const { guaranteeEnd } = guaranteeCover(deliveredOn)
    const extendedTo =
      claim.status === 'resolved' && claim.resolution && claim.settledOn
        ? guaranteeAfterRemedy({
            guaranteeEnd,
            requested: claim.preferredRemedy,
            done: claim.resolution,
            doneOn: claim.settledOn.toISODate()!,
          })
        : null
    return [
      {
        name: line.name,
        optionsLabel: line.optionsLabel,
        sku: line.sku,
        quantity: entry.quantity,
        deliveredOn,
        guaranteeEnd,
        extendedTo,
      },
    ]
  })
}

/**
 * A staff decision as the customer's e-mail tells it, taken when it was made:
 * the e-mail leaves seconds later, when the claim may have moved on.
 */
export interface ClaimStep {
  readonly status: ClaimStatus
  /** The remedy accepted, refused, or the claim resolved with. */
  readonly remedy: Alternative | null
  /** A refusal's written reason (C. conso L217-12) and what is offered instead. */
  readonly reason: string | null
  readonly alternative: Alternative | null
}

/**
 * What a claim's e-mail says: the claim and its units, the deadline, the
 * decision an update tells of (its status alone, read from the claim, when
 * the request has no step), and the mediator once the claim is closed
 * unresolved (M-02). Without a claim named, the order's latest.
 */
export async function claimEmailContent(
  order: Order,
  request: { guaranteeClaimId?: number; guaranteeStep?: ClaimStep },
  identity: SellerIdentity | null
): Promise<{ data: Record<string, unknown>; documents?: undefined }> {
  const query = GuaranteeClaim.query().where('order_id', order.id).preload('lines')
  const claim = await (request.guaranteeClaimId === undefined
    ? query.orderBy('id', 'desc').first()
    : query.where('id', request.guaranteeClaimId).first())
  if (!claim) return { data: { claim: null } }
  const orderLines = await OrderLine.query().where('order_id', order.id)
  return {
    data: {
      claim,
      items: claimItems(claim, orderLines),
      step: request.guaranteeStep ?? stepOf(claim),
      mediator: identity?.mediator ?? null,
    },
  }
}

/** A claim's latest decision, as far as the claim itself still tells it. */
export function stepOf(claim: GuaranteeClaim): ClaimStep {
  return {
    status: claim.status,
    remedy:
      claim.status === 'resolved'
        ? claim.resolution
        : claim.status === 'refused_remedy'
          ? (claim.acceptedRemedy ?? claim.preferredRemedy)
          : claim.acceptedRemedy,
    reason: claim.refusalReason,
    alternative: claim.alternative,
  }
}
