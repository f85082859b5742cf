import { manyToMany } from '@adonisjs/lucid/orm'
import type { ManyToMany } from '@adonisjs/lucid/types/relations'
import { CustomerGroupSchema } from '#database/schema'
import Customer from '#models/customer'

/**
 * Customers the merchant gathers (club members, professionals): a vente
 * privée is reserved to one group, and only its signed-in members see it.
 */
export default class CustomerGroup extends CustomerGroupSchema {
  @manyToMany(() => Customer, {
    pivotTable: 'customer_group_members',
    pivotTimestamps: { createdAt: 'created_at', updatedAt: false },
  })
  declare customers: ManyToMany<typeof Customer>
}
