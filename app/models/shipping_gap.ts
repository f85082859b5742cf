import { ShippingGapSchema } from '#database/schema'

/**
 * A cart the checkout could offer no delivery for, at one destination: the
 * merchant's cue that a rate or a method is missing.
 */
export default class ShippingGap extends ShippingGapSchema {}
