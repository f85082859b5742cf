import { ShipmentLineSchema } from '#database/schema'

export default class ShipmentLine extends ShipmentLineSchema {}
