/**
 * The code of the click & collect shipping method, the only one this payment
 * goes with: paying in store means coming to the store to collect. It is the
 * `code` of the click & collect plugin's `ShippingMethod`, stored on orders as
 * `shippingMethodCode`; change it here only if that plugin's code changes.
 */
export const CLICK_AND_COLLECT_METHOD_CODE = 'click-collect'
