import vine from '@vinejs/vine'
import { ADMIN_ROLES } from '#domain/admin_permissions'

export const createAdminUserValidator = vine.create({
  email: vine
    .string()
    .trim()
    .toLowerCase()
    .email()
    .maxLength(254)
    .unique({ table: 'admin_users', column: 'email' }),
  fullName: vine.string().trim().minLength(2).maxLength(120),
  password: vine.string().minLength(12).maxLength(200),
  role: vine.enum(ADMIN_ROLES),
})
