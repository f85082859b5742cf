import { definePatch } from '@comptoir/contracts/maintenance_hook'

/**
 * Switches on the search query limits guard (src/search_query_limits.ts). No
 * data change: reverting it only turns the guard off. Core 0.2.0 is to carry
 * the same limits in the search page itself, which supersedes this hot-fix.
 */
export default definePatch({
  description:
    'Refuses storefront search URLs over 2,048 characters or 40 parameters, which load the database with uncached filter work',
  severity: 'medium',
  package: 'comptoir',
  affects: '<0.2.0',
  async apply({ log }) {
    log('search query limits on')
  },
})
