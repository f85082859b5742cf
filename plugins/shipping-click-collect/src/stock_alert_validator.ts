import vine from '@vinejs/vine'

/** The "prévenez-moi" form of the availability page. */
export const stockAlertValidator = vine.create({
  variant: vine.number().withoutDecimals().positive(),
  store: vine.number().withoutDecimals().positive(),
  email: vine.string().trim().maxLength(254).email().normalizeEmail(),
  postcode: vine.string().trim().maxLength(20).optional(),
})

/** Where the validator's messages live in this plugin's translations. */
export const STOCK_ALERT_MESSAGES = 'shipping-click-collect.stock_alert.validator'
