import { LegalDocumentDraftSchema } from '#database/schema'

/**
 * The text the merchant is preparing for the next version of a legal
 * document, one row per kind. Publishing copies it into a new version.
 */
export default class LegalDocumentDraft extends LegalDocumentDraftSchema {
  static selfAssignPrimaryKey = true
}
