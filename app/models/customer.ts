import { column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { compose } from '@adonisjs/core/helpers'
import hash from '@adonisjs/core/services/hash'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { CustomerSchema } from '#database/schema'
import CustomerAddress from '#models/customer_address'
import type { Locale } from '#support/locale_paths'

const AuthFinder = withAuthFinder(() => hash.use('scrypt'), {
  uids: ['email'],
  passwordColumnName: 'password',
})

/**
 * A shopper with an account on the storefront (signs in through the
 * "customer" guard). The email is stored lower-cased.
 */
export default class Customer extends compose(CustomerSchema, AuthFinder) {
  /** The language of the e-mails we send them. */
  @column()
  declare locale: Locale

  @hasMany(() => CustomerAddress)
  declare addresses: HasMany<typeof CustomerAddress>
}
