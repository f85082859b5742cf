import { PaymentEventSchema } from '#database/schema'

/** A provider event the core acted on; its id is never acted on again. */
export default class PaymentEvent extends PaymentEventSchema {}
