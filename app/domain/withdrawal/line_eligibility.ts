import type { WithdrawalException } from '#domain/withdrawal_exceptions'

/**
 * Whether an order line may be withdrawn (C. conso L221-28, LEGAL.md W-18):
 * an exception binds the consumer only when it was shown before the order
 * (L221-5); sealed goods lose the right only once unsealed after delivery,
 * which the merchant finds out when they come back.
 */

/** Exceptions that apply only to goods unsealed after delivery (L221-28 5° and 9°). */
const SEALED_EXCEPTIONS: readonly WithdrawalException[] = ['sealed_hygiene', 'sealed_media']

export interface LineFacts {
  /** The line's exception as ordered; null or 'none' when it has none. */
  readonly exception: WithdrawalException | null
  /** The order listed it before the consumer ordered (the order snapshot). */
  readonly shownBeforeOrder: boolean
  /**
   * Sealed goods as the merchant received them back: true unsealed, false
   * still sealed, null or absent while not inspected.
   */
  readonly unsealed?: boolean | null
}

export type LineEligibility =
  /**
   * The right applies. `unshownException` names an exception the consumer
   * was never told about: the merchant cannot rely on it (legal risk).
   */
  | { readonly verdict: 'withdrawable'; readonly unshownException: WithdrawalException | null }
  /** Sealed goods not inspected yet: withdrawable, excluded if they come back unsealed. */
  | { readonly verdict: 'withdrawable_if_sealed'; readonly exception: WithdrawalException }
  /** No right: the withdrawal function does not offer the line. */
  | { readonly verdict: 'excluded'; readonly exception: WithdrawalException }

export function lineEligibility({
  exception,
  shownBeforeOrder,
  unsealed,
}: LineFacts): LineEligibility {
  if (exception === null || exception === 'none') {
    return { verdict: 'withdrawable', unshownException: null }
  }
  if (!shownBeforeOrder) return { verdict: 'withdrawable', unshownException: exception }
  if (!SEALED_EXCEPTIONS.includes(exception)) return { verdict: 'excluded', exception }
  if (unsealed === true) return { verdict: 'excluded', exception }
  if (unsealed === false) return { verdict: 'withdrawable', unshownException: null }
  return { verdict: 'withdrawable_if_sealed', exception }
}
