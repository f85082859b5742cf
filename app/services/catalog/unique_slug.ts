import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { slugify } from '#domain/text_normalization'

/**
 * The wanted slug, or the first of "slug-2", "slug-3"… that no other row of
 * the translation table uses in that locale.
 */
export async function uniqueSlug(
  client: QueryClientContract,
  target: {
    table: 'product_translations' | 'category_translations'
    ownerColumn: string
    ownerId: number | null
  },
  locale: string,
  wanted: string,
  fallback: string
) {
  const base = slugify(wanted) || fallback
  const query = client
    .from(target.table)
    .where('locale', locale)
    .where((builder) => builder.where('slug', base).orWhere('slug', 'like', `${base}-%`))
    .select('slug')
  if (target.ownerId !== null) query.whereNot(target.ownerColumn, target.ownerId)
  const rows = await query
  const taken = new Set(rows.map((row) => row.slug))
  let candidate = base
  for (let suffix = 2; taken.has(candidate); suffix++) candidate = `${base}-${suffix}`
  return candidate
}
