import { CategoryTranslationSchema } from '#database/schema'

export default class CategoryTranslation extends CategoryTranslationSchema {}
