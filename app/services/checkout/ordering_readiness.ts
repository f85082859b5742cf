import { inject } from '@adonisjs/core'
import type LegalDocumentVersion from '#models/legal_document_version'
import LegalDocumentService from '#services/legal/legal_document_service'
import SettingsService from '#services/settings_service'

export type OrderingBlocker = 'terms_not_published' | 'seller_identity_missing'

export type Readiness =
  { ready: true; terms: LegalDocumentVersion } | { ready: false; blocker: OrderingBlocker }

/**
 * Whether the shop may take orders: it needs CGV in force for the shopper to
 * accept, and the seller's legal identity that the pre-contract information
 * and the invoice carry (LEGAL.md P-01, I-02).
 */
@inject()
export default class OrderingReadiness {
  constructor(
    protected legalDocuments: LegalDocumentService,
    protected settings: SettingsService
  ) {}

  async check(): Promise<Readiness> {
    const [terms, seller] = await Promise.all([
      this.legalDocuments.current('terms'),
      this.settings.sellerIdentity(),
    ])
    if (!terms) return { ready: false, blocker: 'terms_not_published' }
    if (!seller) return { ready: false, blocker: 'seller_identity_missing' }
    return { ready: true, terms }
  }
}
