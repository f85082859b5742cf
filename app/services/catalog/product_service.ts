import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Product from '#models/product'
import Variant from '#models/variant'
import AuditLogService from '#services/audit_log_service'
import CatalogIndexer from '#services/catalog/catalog_indexer'
import PagePurge from '#services/page_cache/page_purge'
import StockService from '#services/catalog/stock_service'
import PublicPriceRecorder from '#services/pricing/public_price_recorder'
import { uniqueSlug } from '#services/catalog/unique_slug'
import { sqlTimestamp } from '#support/sql_timestamp'
import type {
  CatalogActor,
  ProductInput,
  ProductTranslationInput,
  VariantInput,
} from '#services/catalog/product_input'

/**
 * Creates and updates products with everything that hangs off them, in one
 * transaction: translations (an old slug keeps redirecting), categories,
 * attribute values, variants with their options and stock, the price history
 * of every price change, the read-side indexes and the audit log.
 */
@inject()
export default class ProductService {
  constructor(
    protected indexer: CatalogIndexer,
    protected stock: StockService,
    protected auditLog: AuditLogService,
    protected publicPrices: PublicPriceRecorder,
    protected pagePurge: PagePurge
  ) {}

  async create(input: ProductInput, actor: CatalogActor, trx?: TransactionClientContract) {
    return this.inTransaction(trx, async (client) => {
      const product = await Product.create(this.productColumns(input), { client })
      await this.write(product, input, actor, client)
      await this.audit('product.create', product, actor, client)
      return product
    })
  }

  async update(
    productId: number,
    input: ProductInput,
    actor: CatalogActor,
    trx?: TransactionClientContract
  ) {
    return this.inTransaction(trx, async (client) => {
      const product = await Product.findOrFail(productId, { client })
      product.merge(this.productColumns(input))
      await product.save()
      await this.write(product, input, actor, client)
      await this.audit('product.update', product, actor, client)
      return product
    })
  }

  /**
   * Mass actions of the product grid; each is one transaction and one audit
   * entry listing the products it touched.
   */
  async setEnabled(productIds: number[], enabled: boolean, actor: CatalogActor) {
    await db.transaction(async (client) => {
      await this.pagePurge.products(productIds, client)
      await client
        .from('products')
        .whereIn('id', productIds)
        .update({ enabled, updated_at: sqlTimestamp() })
      await this.auditMany(
        enabled ? 'product.enable' : 'product.disable',
        productIds,
        actor,
        client
      )
    })
  }

  /**
   * Products already in the category keep their rank; the others go last.
   */
  async addToCategory(productIds: number[], categoryId: number, actor: CatalogActor) {
    await db.transaction(async (client) => {
      const already = await client
        .from('category_product')
        .where('category_id', categoryId)
        .whereIn('product_id', productIds)
        .select('product_id')
      const present = new Set(already.map((row) => Number(row.product_id)))
      await this.fileAtEnd(
        [...new Set(productIds)]
          .filter((id) => !present.has(id))
          .map((productId) => ({ categoryId, productId })),
        client
      )
      await this.indexer.reindex(productIds, client)
      await this.auditMany('product.categorize', productIds, actor, client, { categoryId })
    })
  }

  async delete(productIds: number[], actor: CatalogActor) {
    await db.transaction(async (client) => {
      // Read before the rows go: the categories whose pages listed them.
      await this.pagePurge.products(productIds, client)
      await client.from('products').whereIn('id', productIds).delete()
      await this.auditMany('product.delete', productIds, actor, client)
    })
  }

  private async auditMany(
    action: string,
    productIds: number[],
    actor: CatalogActor,
    client: TransactionClientContract,
    changes: Record<string, unknown> = {}
  ) {
    await this.auditLog.record(
      {
        actor: actor.admin,
        action,
        entityType: 'product',
        changes: { productIds, ...changes },
        ip: actor.ip,
      },
      client
    )
  }

  private inTransaction<T>(
    trx: TransactionClientContract | undefined,
    work: (client: TransactionClientContract) => Promise<T>
  ): Promise<T> {
    return trx ? work(trx) : db.transaction(work)
  }

  private productColumns(input: ProductInput) {
    return {
      type: input.type,
      brandId: input.brandId,
      attributeSetId: input.attributeSetId,
      vatRate: input.vatRate,
      weightGrams: input.weightGrams,
      netQuantity: input.netQuantity,
      netQuantityUnit: input.netQuantityUnit,
      withdrawalException: input.withdrawalException,
      enabled: input.enabled,
      visible: input.visible,
      featured: input.featured,
    }
  }

  private async write(
    product: Product,
    input: ProductInput,
    actor: CatalogActor,
    client: TransactionClientContract
  ) {
    // The categories it leaves: the indexer below purges those it is in now.
    await this.pagePurge.products([product.id], client)
    for (const translation of input.translations) {
      await this.writeTranslation(product.id, translation, client)
    }
    await this.writeCategories(product.id, input.categoryIds, client)
    if (input.relatedProductIds) {
      await this.writeRelated(product.id, input.relatedProductIds, client)
    }
    await this.writeAttributeValues(product.id, input, client)
    await this.writeVariants(product.id, input.variants, actor, client)
    await this.indexer.reindex([product.id], client)
  }

  /**
   * Saves a translation. A changed slug leaves a redirect behind, so old links
   * and search engines land on the product with a 301.
   */
  private async writeTranslation(
    productId: number,
    input: ProductTranslationInput,
    client: TransactionClientContract
  ) {
    const existing = await client
      .from('product_translations')
      .where({ product_id: productId, locale: input.locale })
      .first()
    const slug = await uniqueSlug(
      client,
      { table: 'product_translations', ownerColumn: 'product_id', ownerId: productId },
      input.locale,
      input.slug || input.name,
      `product-${productId}`
    )
    const columns = {
      name: input.name,
      slug,
      short_description: input.shortDescription ?? null,
      description: input.description ?? null,
      seo_title: input.seoTitle ?? null,
      seo_description: input.seoDescription ?? null,
    }

    // The new slug is the product's own again: it no longer redirects anywhere.
    await client.from('product_slug_redirects').where({ locale: input.locale, slug }).delete()

    if (!existing) {
      await client
        .table('product_translations')
        .insert({ product_id: productId, locale: input.locale, ...columns })
      return
    }
    if (existing.slug !== slug) {
      await client.table('product_slug_redirects').insert({
        product_id: productId,
        locale: input.locale,
        slug: existing.slug,
      })
    }
    await client.from('product_translations').where('id', existing.id).update(columns)
  }

  /**
   * Files a product in exactly these categories. It keeps its rank in those it
   * was already in (the merchant may have placed it by hand) and goes last in
   * the others.
   */
  private async writeCategories(
    productId: number,
    categoryIds: number[],
    client: TransactionClientContract
  ) {
    const wanted = new Set(categoryIds)
    const rows = await client
      .from('category_product')
      .where('product_id', productId)
      .select('category_id')
    const filed = new Set(rows.map((row) => Number(row.category_id)))
    const removed = [...filed].filter((categoryId) => !wanted.has(categoryId))
    if (removed.length) {
      await client
        .from('category_product')
        .where('product_id', productId)
        .whereIn('category_id', removed)
        .delete()
    }
    await this.fileAtEnd(
      [...wanted]
        .filter((categoryId) => !filed.has(categoryId))
        .map((categoryId) => ({ categoryId, productId })),
      client
    )
  }

  /**
   * Files products at the end of categories, in the order given.
   */
  private async fileAtEnd(
    filings: { categoryId: number; productId: number }[],
    client: TransactionClientContract
  ) {
    if (!filings.length) return
    const lasts = await client
      .from('category_product')
      .whereIn('category_id', [...new Set(filings.map((filing) => filing.categoryId))])
      .groupBy('category_id')
      .select('category_id')
      .max('position as last')
    const next = new Map(lasts.map((row) => [Number(row.category_id), Number(row.last) + 1]))
    await client.table('category_product').multiInsert(
      filings.map(({ categoryId, productId }) => {
        const position = next.get(categoryId) ?? 0
        next.set(categoryId, position + 1)
        return { category_id: categoryId, product_id: productId, position }
      })
    )
  }

  private async writeRelated(
    productId: number,
    relatedIds: number[],
    client: TransactionClientContract
  ) {
    await client.from('related_products').where('product_id', productId).delete()
    const rows = [...new Set(relatedIds)]
      .filter((id) => id !== productId)
      .map((relatedId, position) => ({
        product_id: productId,
        related_product_id: relatedId,
        position,
      }))
    if (rows.length) await client.table('related_products').multiInsert(rows)
  }

  private async writeAttributeValues(
    productId: number,
    input: ProductInput,
    client: TransactionClientContract
  ) {
    await client.from('product_attribute_values').where('product_id', productId).delete()
    const rows = input.attributeValues.flatMap((value) => {
      const base = {
        product_id: productId,
        attribute_id: value.attributeId,
        attribute_option_id: null as number | null,
        number_value: value.number ?? null,
        boolean_value: value.boolean ?? null,
        text_value: value.text ?? null,
      }
      return value.optionIds?.length
        ? value.optionIds.map((optionId) => ({ ...base, attribute_option_id: optionId }))
        : [base]
    })
    if (rows.length) await client.table('product_attribute_values').multiInsert(rows)
  }

  /**
   * Creates, updates (matched by SKU) and removes variants. A new public
   * price, and every price a variant starts with, goes into the price history
   * (a running promotion included: the history is what shoppers were charged).
   */
  private async writeVariants(
    productId: number,
    variants: VariantInput[],
    actor: CatalogActor,
    client: TransactionClientContract
  ) {
    const existing = await Variant.query({ client }).where('product_id', productId)
    const bySku = new Map(existing.map((variant) => [variant.sku, variant]))
    const kept = new Set(variants.map((variant) => variant.sku))

    const removed = existing
      .filter((variant) => !kept.has(variant.sku))
      .map((variant) => variant.id)
    if (removed.length) await client.from('variants').whereIn('id', removed).delete()

    const written: number[] = []
    for (const [position, input] of variants.entries()) {
      const current = bySku.get(input.sku)
      // Fields the input leaves out (undefined) keep their current value.
      const columns = {
        productId,
        sku: input.sku,
        priceAmount: input.priceAmount,
        currency: 'EUR',
        weightGrams:
          input.weightGrams === undefined ? (current?.weightGrams ?? null) : input.weightGrams,
        withdrawalException: input.withdrawalException ?? null,
        enabled: input.enabled ?? current?.enabled ?? true,
        position,
      }
      const variant = current
        ? await current.merge(columns).save()
        : await Variant.create(columns, { client })
      written.push(variant.id)
      await this.writeVariantOptions(variant.id, input.options ?? [], client)
      for (const level of input.stock ?? []) {
        await this.stock.writeCount(
          {
            variantId: variant.id,
            stockLocationId: level.stockLocationId,
            quantity: level.quantity,
            countedFrom: level.countedFrom,
            safetyThreshold: level.safetyThreshold,
            reason: !current ? 'initial' : actor.source === 'import' ? 'import' : 'adjustment',
            adminUserId: actor.admin?.id ?? null,
          },
          client
        )
      }
    }
    await this.publicPrices.record(
      written,
      { source: actor.source, adminUserId: actor.admin?.id ?? null },
      client
    )
  }

  private async writeVariantOptions(
    variantId: number,
    options: { attributeId: number; optionId: number }[],
    client: TransactionClientContract
  ) {
    await client.from('variant_option_values').where('variant_id', variantId).delete()
    if (options.length) {
      await client.table('variant_option_values').multiInsert(
        options.map((option) => ({
          variant_id: variantId,
          attribute_id: option.attributeId,
          attribute_option_id: option.optionId,
        }))
      )
    }
  }

  /**
   * Imports and the seed write thousands of products: they leave one audit
   * entry for the whole run instead of one per product.
   */
  private async audit(
    action: string,
    product: Product,
    actor: CatalogActor,
    client: TransactionClientContract
  ) {
    if (actor.source !== 'admin') return
    await this.auditLog.record(
      { actor: actor.admin, action, entityType: 'product', entityId: product.id, ip: actor.ip },
      client
    )
  }
}
