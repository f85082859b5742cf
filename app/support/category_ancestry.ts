import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/**
 * Each product's categories with all their ancestors, read from the
 * categories' materialised paths ("/1/4/9/"): a coupon or a promotion on
 * "Chaussures" reaches a product filed under "Chaussures > Sabots".
 */
export async function categoriesWithAncestors(
  client: QueryClientContract,
  productIds: readonly number[]
): Promise<Map<number, number[]>> {
  const byProduct = new Map<number, number[]>()
  if (!productIds.length) return byProduct
  const rows = await client
    .from('category_product')
    .join('categories', 'categories.id', 'category_product.category_id')
    .whereIn('category_product.product_id', [...new Set(productIds)])
    .select('category_product.product_id', 'categories.path')
  for (const row of rows) {
    const productId = Number(row.product_id)
    const ids = String(row.path).split('/').filter(Boolean).map(Number)
    byProduct.set(productId, [...new Set([...(byProduct.get(productId) ?? []), ...ids])])
  }
  return byProduct
}
