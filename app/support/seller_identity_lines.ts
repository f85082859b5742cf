import type { I18n } from '@adonisjs/i18n'
import { Money } from '#domain/money'
import { formatSiren, formatSiret, type SellerIdentity } from '#domain/seller_identity'

/**
 * The seller's identity in three short lines (who, where, registrations and
 * contact), as legal PDFs print it at the foot of each page (M-01, I-02).
 */
export function sellerIdentityLines(identity: SellerIdentity, i18n: I18n): string[] {
  const form = i18n.t(`legal.legal_form_mentions.${identity.legalForm}`)
  const capital = identity.shareCapital
  const who = capital
    ? i18n.t('legal.seller.with_capital', {
        name: identity.companyName,
        form,
        capital: Money.of(capital.amount, capital.currency).format(i18n.locale),
      })
    : i18n.t('legal.seller.without_capital', { name: identity.companyName, form })

  const where = sellerAddressLine(identity, i18n)
  const registrations = [
    i18n.t('legal.seller.siret', { siret: formatSiret(identity.siret) }),
    identity.rcsCity
      ? i18n.t('legal.seller.rcs', { city: identity.rcsCity, siren: formatSiren(identity.siren) })
      : null,
    identity.vatNumber ? i18n.t('legal.seller.vat', { number: identity.vatNumber }) : null,
    identity.email,
    identity.phone,
  ].filter((part): part is string => !!part)

  return [who, where, registrations.join(' · ')]
}

/**
 * The seller's geographic address on one line, with the country's name in
 * the reader's language.
 */
export function sellerAddressLine(identity: SellerIdentity, i18n: I18n): string {
  const { address } = identity
  return [
    ...address.lines,
    `${address.postalCode} ${address.city}`,
    i18n.formatDisplayNames(address.country, { type: 'region' }) ?? address.country,
  ].join(', ')
}
