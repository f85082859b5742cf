import { PriceHistorySchema } from '#database/schema'

/**
 * One price change of a variant: the reference price of future reductions is
 * computed from this history.
 */
export default class PriceHistory extends PriceHistorySchema {
  static table = 'price_history'
}
