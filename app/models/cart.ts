import { hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { CartSchema } from '#database/schema'
import CartLine from '#models/cart_line'

/**
 * A shopper's cart, found by the token in its signed cookie and, once the
 * shopper signs in, by their account on any device. It also keeps the
 * checkout's progress, so nothing typed is lost.
 */
export default class Cart extends CartSchema {
  @hasMany(() => CartLine)
  declare lines: HasMany<typeof CartLine>
}
