import vine from '@vinejs/vine'
import { addressSchema } from '#validators/address'
import { newPasswordRule } from '#validators/rules'

export const checkoutEmailValidator = vine.create({
  email: vine.string().trim().email().normalizeEmail({ all_lowercase: true }).maxLength(254),
})

/** Delivery address only: the billing address is the same. */
export const deliveryAddressValidator = vine.create({
  delivery: addressSchema,
})

export const deliveryAndBillingValidator = vine.create({
  delivery: addressSchema,
  billing: addressSchema.clone(),
})

export const shippingChoiceValidator = vine.create({
  shipping_method: vine.string().trim().maxLength(64),
  pickup_point: vine.string().trim().maxLength(64).optional(),
})

export const paymentChoiceValidator = vine.create({
  payment_method: vine.string().trim().maxLength(64),
})

/** The CGV box is checked by the service, which says why an order is refused. */
export const placeOrderValidator = vine.create({
  accept_terms: vine.boolean().optional(),
  expected_total: vine.number().withoutDecimals(),
})

/** The password of an account made from a guest order, typed twice. */
export const guestAccountValidator = vine.create({
  password: newPasswordRule().confirmed(),
})
