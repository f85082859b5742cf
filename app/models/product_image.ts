import { ProductImageSchema } from '#database/schema'

export default class ProductImage extends ProductImageSchema {}
