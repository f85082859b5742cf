import {
  type HealthReport,
  MaintenanceHook,
  type RequestGuard,
} from '@comptoir/contracts/maintenance_hook'
import { searchQueryVerdict } from '#src/search_query_limits'

/**
 * The request guards of this plugin's hot-fixes, each tied to the patch that
 * switches it on: the kernel applies a guard only while its patch is applied,
 * not reverted and not superseded by an upgrade of what it fixes.
 */
export class HotfixGuards extends MaintenanceHook {
  readonly code = 'security-hotfixes'

  async health(): Promise<HealthReport> {
    return { status: 'ok', detail: `${this.guards().length} request guard(s) shipped` }
  }

  guards(): RequestGuard[] {
    return [
      {
        id: 'search-query-length',
        patch: 'security-hotfixes/2026_11_25_search_query_limits',
        matches: (request) => searchQueryVerdict(request) === 'too_long',
        respond: {
          status: 414,
          message: 'Adresse de recherche trop longue. / Search address too long.',
        },
      },
      {
        id: 'search-query-parameters',
        patch: 'security-hotfixes/2026_11_25_search_query_limits',
        matches: (request) => searchQueryVerdict(request) === 'too_many_parameters',
        respond: {
          status: 400,
          message: 'Trop de filtres de recherche. / Too many search filters.',
        },
      },
    ]
  }
}
