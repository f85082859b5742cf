import { Exception } from '@adonisjs/core/exceptions'

/**
 * Refusals around personal data, with stable codes. A link that does not
 * match answers 404, whatever the reason: it says nothing about who exists.
 */
export default class PrivacyException extends Exception {
  static status = 404

  /** An unsubscribe link whose signature or consent does not match. */
  static unsubscribeLinkInvalid() {
    return new PrivacyException('Unsubscribe link not valid', {
      code: 'E_PRIVACY_UNSUBSCRIBE_LINK_INVALID',
    })
  }

  /** No archived contract for this order, or not for this visitor. */
  static contractNotFound() {
    return new PrivacyException('Archived contract not found', {
      code: 'E_PRIVACY_CONTRACT_NOT_FOUND',
    })
  }

  /** An archive whose checksum no longer matches what was written. */
  static contractAltered(number: string) {
    return new PrivacyException(`The archived contract of ${number} does not match its checksum`, {
      code: 'E_PRIVACY_CONTRACT_ALTERED',
      status: 500,
    })
  }
}
