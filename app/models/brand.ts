import { BrandSchema } from '#database/schema'

export default class Brand extends BrandSchema {}
