/**
 * The online withdrawal function (CRD art. 11a, L221-21, LEGAL.md WF-01):
 * required for distance contracts concluded online from 19 June 2026. The
 * shop offers it on every online order whatever its date (product decision);
 * this tells the merchant whether the law requires it.
 */

/** The first Paris day of contracts that must have the function. */
export const WITHDRAWAL_FUNCTION_REQUIRED_FROM = '2026-06-19'

/** `concludedOn`: the Paris day the order was placed online. */
export function isWithdrawalFunctionRequired(concludedOn: string): boolean {
  return concludedOn >= WITHDRAWAL_FUNCTION_REQUIRED_FROM
}
