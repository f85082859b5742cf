import vine from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import { LOCALES } from '#support/locale_paths'
import { newPasswordRule } from '#validators/rules'
import { addressFields, phoneRule } from '#validators/address'
import { translatedMessages } from '#validators/translated_messages'

const email = () => vine.string().trim().toLowerCase().maxLength(254).email()
const newEmail = () => email().unique({ table: 'customers', column: 'email' })

/** The account's new password, typed twice (`password_confirmation`). */
const newPassword = () => newPasswordRule().confirmed()

/** Messages of the account forms, in account.json. */
export function accountMessages(i18n: I18n) {
  return translatedMessages(i18n, 'account.validator')
}

export const registerValidator = vine.create({
  firstName: addressFields.firstName,
  lastName: addressFields.lastName,
  email: newEmail(),
  password: newPassword(),
})

export const loginValidator = vine.create({
  email: vine.string().trim().maxLength(254),
  password: vine.string().maxLength(200),
})

export const forgotPasswordValidator = vine.create({
  email: email(),
})

export const resetPasswordValidator = vine.create({
  password: newPassword(),
})

export const profileValidator = vine.create({
  firstName: addressFields.firstName,
  lastName: addressFields.lastName,
  phone: phoneRule().optional(),
  locale: vine.enum(LOCALES),
})

/**
 * A new email is confirmed by the current password, so a session left open
 * on a shared computer cannot be used to take the account over.
 */
export const emailChangeValidator = vine.withMetaData<{ customerId: number }>().create({
  email: email().unique({
    table: 'customers',
    column: 'email',
    filter: (query, _value, field) => {
      query.whereNot('id', field.meta.customerId)
    },
  }),
  password: vine.string().maxLength(200),
})

/**
 * The current password is named `current_password`; none of these fields is
 * ever sent back to the form (see ProfileController.updatePassword).
 */
export const passwordChangeValidator = vine.create({
  current_password: vine.string().maxLength(200),
  password: newPassword(),
})
