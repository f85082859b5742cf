import vine from '@vinejs/vine'

export const shopSettingsValidator = vine.create({
  shopName: vine.string().trim().minLength(2).maxLength(80),
})
