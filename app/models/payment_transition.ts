import { PaymentTransitionSchema } from '#database/schema'

/** A payment's move from one state to another: who or which event, when, how much. */
export default class PaymentTransition extends PaymentTransitionSchema {}
