/** The checkout tunnel's steps, in order, each with its page. */
export const CHECKOUT_STEPS = [
  'identification',
  'addresses',
  'delivery',
  'payment',
  'review',
] as const
export type CheckoutStep = (typeof CHECKOUT_STEPS)[number]
