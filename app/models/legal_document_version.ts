import { beforeDelete, beforeUpdate } from '@adonisjs/lucid/orm'
import { LegalDocumentVersionSchema } from '#database/schema'
import LegalDocumentException from '#exceptions/legal_document_exception'
import type { LegalDocumentKind } from '#domain/legal_documents'

/**
 * One published version of a legal document. Rows are only ever inserted
 * (LegalDraftService.publish); the model refuses to update or delete one, so
 * what a customer accepted can always be shown again, with the same checksum
 * and the same PDFs.
 */
export default class LegalDocumentVersion extends LegalDocumentVersionSchema {
  declare kind: LegalDocumentKind

  @beforeUpdate()
  static refuseUpdate(version: LegalDocumentVersion) {
    throw LegalDocumentException.immutable(version.kind, version.version)
  }

  @beforeDelete()
  static refuseDelete(version: LegalDocumentVersion) {
    throw LegalDocumentException.immutable(version.kind, version.version)
  }
}
