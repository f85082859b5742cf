import { OrderEventSchema } from '#database/schema'

/** One line of an order's timeline: a status change, a payment, a note, an e-mail. */
export default class OrderEvent extends OrderEventSchema {}
