import { StockMovementSchema } from '#database/schema'

export default class StockMovement extends StockMovementSchema {}
