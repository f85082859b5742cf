import { ProductSlugRedirectSchema } from '#database/schema'

/**
 * A slug a product answered to before: its URL redirects (301) to the current one.
 */
export default class ProductSlugRedirect extends ProductSlugRedirectSchema {}
