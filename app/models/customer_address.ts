import { CustomerAddressSchema } from '#database/schema'

/**
 * An entry of a customer's address book; at most one is the default for
 * delivery and one for billing.
 */
export default class CustomerAddress extends CustomerAddressSchema {}
