import { column } from '@adonisjs/lucid/orm'
import { PrivacyRequestSchema } from '#database/schema'

export type PrivacyRequestKind = 'access' | 'erasure'

/**
 * A data subject's request (LEGAL.md R-03) and when it must be answered. It
 * outlives an erased account, as the record that the request was answered.
 */
export default class PrivacyRequest extends PrivacyRequestSchema {
  @column()
  declare kind: PrivacyRequestKind
}
