import vine from '@vinejs/vine'
import { ADMIN_ROLES } from '#domain/admin_permissions'
import { newPasswordRule } from '#validators/rules'

export const createAdminUserValidator = vine.create({
  email: vine
    .string()
    .trim()
    .toLowerCase()
    .email()
    .maxLength(254)
    .unique({ table: 'admin_users', column: 'email' }),
  fullName: vine.string().trim().minLength(2).maxLength(120),
  password: newPasswordRule(),
  role: vine.enum(ADMIN_ROLES),
})
