import i18nManager from '@adonisjs/i18n/services/main'
import type { I18n } from '@adonisjs/i18n'
import type { Address } from '@comptoir/contracts/commerce'
import { formatAmount, SHOP_TIME_ZONE } from '@comptoir/contracts/formatting'
import { countryName } from '#domain/countries'
import { formatVatRate } from '#domain/vat'
import type ContractArchive from '#models/contract_archive'
import { renderLegalPdf } from '#services/legal/legal_document_pdf'
import { formatCalendarDay } from '#support/calendar_days'
import type { Locale } from '#support/locale_paths'
import { sellerIdentityLines } from '#support/seller_identity_lines'

/**
 * An archived contract as the consumer gets it back (LEGAL.md P-09): the
 * archive's record laid out as a PDF, in the shopper's language, with the
 * archive's checksum. Same archive, same bytes.
 */
export function renderContractPdf(archive: ContractArchive, locale: Locale): Promise<Buffer> {
  const i18n = i18nManager.locale(locale)
  const record = archive.content
  const concludedAt = i18n.formatDate(new Date(record.concludedAt), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: SHOP_TIME_ZONE,
  })
  return renderLegalPdf({
    language: locale === 'fr' ? 'fr-FR' : 'en-GB',
    title: i18n.t('privacy.contract.title', { number: record.number }),
    meta: [
      i18n.t('privacy.contract.concluded_at', { date: concludedAt }),
      i18n.t('privacy.contract.kept_until', {
        date: formatCalendarDay(archive.retainUntil, locale),
      }),
      i18n.t('legal.pdf.checksum', { checksum: archive.checksum }),
    ],
    body: contractMarkdown(archive, i18n, locale),
    footer: record.seller ? sellerIdentityLines(record.seller, i18n) : [],
    pageLabel: (page, total) => i18n.t('legal.pdf.page', { page, total }),
    createdAt: archive.createdAt.toJSDate(),
    author: record.seller?.companyName ?? null,
  })
}

function contractMarkdown(archive: ContractArchive, i18n: I18n, locale: Locale) {
  const record = archive.content
  const money = (amount: number) => formatAmount({ amount, currency: record.currency }, locale)
  const t = (key: string, data?: Record<string, unknown>) => i18n.t(`privacy.contract.${key}`, data)
  const item = (text: string) => `- ${escapeMarkdown(text)}`
  const section = (title: string, items: string[]) => [`## ${escapeMarkdown(title)}`, ...items, '']

  return [
    ...section(
      t('seller'),
      record.seller ? sellerIdentityLines(record.seller, i18n).map(item) : [item(t('no_seller'))]
    ),
    ...section(t('buyer'), [
      item(record.buyer.email),
      item(`${t('billing_address')} ${addressText(record.buyer.billingAddress, locale)}`),
      ...(record.buyer.shippingAddress
        ? [item(`${t('shipping_address')} ${addressText(record.buyer.shippingAddress, locale)}`)]
        : []),
    ]),
    ...section(
      t('lines'),
      record.lines.map((line) =>
        item(
          t('line', {
            quantity: line.quantity,
            name: line.options ? `${line.name} (${line.options})` : line.name,
            sku: line.sku,
            unitPrice: money(line.unitPrice),
            total: money(line.total),
            vat: formatVatRate(line.vatRate as never, locale),
          })
        )
      )
    ),
    ...section(t('amounts'), [
      item(`${t('items_total')} ${money(record.totals.items)}`),
      ...(record.totals.discount
        ? [item(`${t('discount')} −${money(record.totals.discount)}`)]
        : []),
      item(`${t('shipping')} ${money(record.totals.shipping)}`),
      item(`${t('vat')} ${money(record.totals.vat)}`),
      item(`${t('total')} ${money(record.totals.total)}`),
    ]),
    ...section(t('delivery_payment'), [
      item(`${t('shipping_method')} ${record.shippingMethod}`),
      item(`${t('payment_method')} ${record.paymentMethod}`),
    ]),
    ...section(t('terms'), [
      item(
        t('terms_accepted', {
          version: record.terms.version ?? '?',
          checksum: record.terms.checksum,
        })
      ),
    ]),
    ...(record.withdrawal
      ? section(t('withdrawal'), [
          item(t('withdrawal_period', { days: record.withdrawal.periodDays })),
          ...record.withdrawal.exceptions.map((exception) =>
            item(t('withdrawal_exception', { sku: exception.sku }))
          ),
        ])
      : []),
    ...section(t('archive'), [
      item(
        t('archive_note', {
          date: formatCalendarDay(archive.retainUntil, locale),
        })
      ),
    ]),
  ].join('\n')
}

function addressText(address: Address, locale: string) {
  return [
    [address.firstName, address.lastName].filter(Boolean).join(' '),
    address.company,
    ...address.lines,
    `${address.postalCode} ${address.city}`.trim(),
    countryName(address.countryCode, locale),
  ]
    .filter(Boolean)
    .join(', ')
}

/** What a shopper typed is text, never Markdown. */
function escapeMarkdown(text: string) {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&')
}
