/** Where the plugin's storefront pages answer (the kernel mounts its route group there). */
export const STOREFRONT_PATH = '/plugins/payment-stripe'
