import { OrderStockAllocationSchema } from '#database/schema'

/** Units of an order line taken from one stock location; released if the order is cancelled. */
export default class OrderStockAllocation extends OrderStockAllocationSchema {}
