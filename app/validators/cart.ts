import vine from '@vinejs/vine'
import { MAX_LINE_QUANTITY } from '#services/cart/cart_service'

export const addToCartValidator = vine.create({
  variant_id: vine.number().positive().withoutDecimals(),
  quantity: vine.number().withoutDecimals().min(1).max(MAX_LINE_QUANTITY).optional(),
})

export const cartLineQuantityValidator = vine.create({
  quantity: vine.number().withoutDecimals().min(0).max(MAX_LINE_QUANTITY),
})

export const couponCodeValidator = vine.create({
  code: vine.string().trim().minLength(1).maxLength(64),
})
