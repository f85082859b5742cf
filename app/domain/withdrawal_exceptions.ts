/**
 * The exceptions to the right of withdrawal (C. conso L221-28, LEGAL.md W-18)
 * that a product can fall under. A variant may override its product's
 * exception: an engraved model is custom-made when the plain one is not.
 */
export const WITHDRAWAL_EXCEPTIONS = [
  'none',
  'custom_made',
  'perishable',
  'sealed_hygiene',
  'inseparably_mixed',
  'sealed_media',
  'periodical',
  'market_priced',
] as const
export type WithdrawalException = (typeof WITHDRAWAL_EXCEPTIONS)[number]

export function isWithdrawalException(value: unknown): value is WithdrawalException {
  return WITHDRAWAL_EXCEPTIONS.includes(value as WithdrawalException)
}

/**
 * The exception that applies to a variant: its own when set, else its product's.
 */
export function effectiveWithdrawalException(
  productException: WithdrawalException,
  variantException: WithdrawalException | null
): WithdrawalException {
  return variantException ?? productException
}

export function isWithdrawable(exception: WithdrawalException): boolean {
  return exception === 'none'
}
