import { ProductTranslationSchema } from '#database/schema'

export default class ProductTranslation extends ProductTranslationSchema {}
