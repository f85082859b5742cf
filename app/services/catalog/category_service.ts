import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Category from '#models/category'
import CategoryTranslation from '#models/category_translation'
import AuditLogService from '#services/audit_log_service'
import CatalogIndexer from '#services/catalog/catalog_indexer'
import { uniqueSlug } from '#services/catalog/unique_slug'
import type { CatalogActor } from '#services/catalog/product_input'
import type { Locale } from '#support/locale_paths'

export interface CategoryInput {
  parentId: number | null
  position?: number
  enabled?: boolean
  translations: {
    locale: Locale
    name: string
    slug?: string | null
    description?: string | null
  }[]
}

/**
 * Writes to the category tree, keeping each node's materialised path and depth
 * and each translation's slug unique.
 */
@inject()
export default class CategoryService {
  constructor(
    protected auditLog: AuditLogService,
    protected indexer: CatalogIndexer
  ) {}

  async create(input: CategoryInput, actor: CatalogActor) {
    return db.transaction(async (client) => {
      const parent = input.parentId ? await Category.findOrFail(input.parentId, { client }) : null
      const category = await Category.create(
        {
          parentId: parent?.id ?? null,
          depth: parent ? parent.depth + 1 : 0,
          position: input.position ?? 0,
          enabled: input.enabled ?? true,
        },
        { client }
      )
      category.path = `${parent?.path ?? '/'}${category.id}/`
      await category.save()
      await this.writeTranslations(category.id, input.translations, client)
      if (actor.source === 'admin') await this.audit('category.create', category.id, actor, client)
      return category
    })
  }

  /**
   * Renames, re-describes, enables or moves a category; moving it rewrites the
   * path and depth of its whole subtree. A category cannot go under itself or
   * one of its descendants.
   */
  async update(categoryId: number, input: CategoryInput, actor: CatalogActor) {
    return db.transaction(async (client) => {
      const category = await Category.findOrFail(categoryId, { client })
      const parent = input.parentId ? await Category.findOrFail(input.parentId, { client }) : null
      if (parent && parent.path.startsWith(category.path)) {
        return { status: 'invalid_parent' as const }
      }

      const oldPath = category.path
      const newPath = `${parent?.path ?? '/'}${category.id}/`
      const depthShift = (parent ? parent.depth + 1 : 0) - category.depth
      if (newPath !== oldPath) {
        const subtree = await Category.query({ client }).where('path', 'like', `${oldPath}%`)
        for (const node of subtree) {
          node.merge({
            path: newPath + node.path.slice(oldPath.length),
            depth: node.depth + depthShift,
          })
          await node.save()
        }
        await category.refresh()
      }
      category.merge({ parentId: parent?.id ?? null, enabled: input.enabled ?? true })
      await category.save()
      await this.writeTranslations(category.id, input.translations, client)
      // Category names are search terms of the products filed under it.
      const products = await client
        .from('category_product')
        .where('category_id', category.id)
        .select('product_id')
      await this.indexer.reindex(
        products.map((row) => Number(row.product_id)),
        client
      )
      await this.audit('category.update', category.id, actor, client)
      return { status: 'saved' as const, category }
    })
  }

  private async writeTranslations(
    categoryId: number,
    translations: CategoryInput['translations'],
    client: TransactionClientContract
  ) {
    for (const translation of translations) {
      await CategoryTranslation.updateOrCreate(
        { categoryId, locale: translation.locale },
        {
          name: translation.name,
          slug: await uniqueSlug(
            client,
            { table: 'category_translations', ownerColumn: 'category_id', ownerId: categoryId },
            translation.locale,
            translation.slug || translation.name,
            `category-${categoryId}`
          ),
          description: translation.description ?? null,
        },
        { client }
      )
    }
  }

  private async audit(
    action: string,
    categoryId: number,
    actor: CatalogActor,
    client: TransactionClientContract
  ) {
    await this.auditLog.record(
      { actor: actor.admin, action, entityType: 'category', entityId: categoryId, ip: actor.ip },
      client
    )
  }
}
