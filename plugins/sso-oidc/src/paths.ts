/** Where the plugin's back-office pages answer (the kernel mounts its admin group there). */
export const ADMIN_PROVIDERS_PATH = '/admin/plugins/sso-oidc/providers'
