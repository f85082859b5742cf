/**
 * The legal pages every shop publishes, linked from the storefront footer.
 * Their text is written by the merchant in the back office.
 */
export const LEGAL_PAGES = [
  { slug: 'mentions-legales', key: 'legal_notice' },
  { slug: 'cgv', key: 'terms' },
  { slug: 'retractation', key: 'withdrawal' },
  { slug: 'confidentialite', key: 'privacy' },
] as const
