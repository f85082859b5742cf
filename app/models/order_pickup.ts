import { OrderPickupSchema } from '#database/schema'

/**
 * A click & collect order made ready in one of the merchant's shops: the
 * keyed hash of the pickup code sent to the customer, the wrong codes typed
 * since, and when it was collected (OrderPickups).
 */
export default class OrderPickup extends OrderPickupSchema {}
