import { column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { OrderLineSchema } from '#database/schema'
import OrderStockAllocation from '#models/order_stock_allocation'
import type { VatRate } from '#domain/vat'
import type { WithdrawalException } from '#domain/withdrawal_exceptions'

/** What was bought, as it was sold: name, price and VAT rate are copies. */
export default class OrderLine extends OrderLineSchema {
  @column()
  declare vatRate: VatRate

  @column()
  declare withdrawalException: WithdrawalException | null

  @hasMany(() => OrderStockAllocation)
  declare allocations: HasMany<typeof OrderStockAllocation>
}
