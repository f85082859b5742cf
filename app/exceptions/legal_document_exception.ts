import { Exception } from '@adonisjs/core/exceptions'

/**
 * Faults of published legal documents. Expected outcomes (nothing to publish,
 * a date in the past) are returned by the services, not thrown: these are
 * what must never happen to a document a customer accepted.
 */
export default class LegalDocumentException extends Exception {
  static status = 500

  static immutable(kind: string, version: number) {
    return new LegalDocumentException(
      `Version ${version} of "${kind}" is published: publish a new version instead`,
      { code: 'E_LEGAL_VERSION_IMMUTABLE' }
    )
  }

  /**
   * A stored PDF is gone or its bytes no longer match the hash in its key.
   */
  static pdfAltered(key: string) {
    return new LegalDocumentException(`The stored PDF "${key}" is missing or was altered`, {
      code: 'E_LEGAL_PDF_ALTERED',
    })
  }
}
