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
import { changedPositions, moveToPosition } from '#support/reorder'
import PagePurge from '#services/page_cache/page_purge'

export interface CategoryInput {
  parentId: number | null
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
 * and each translation's slug unique, and the merchant's order of sibling
 * categories and of the products filed in a category.
 */
@inject()
export default class CategoryService {
  constructor(
    protected auditLog: AuditLogService,
    protected indexer: CatalogIndexer,
    protected pagePurge: PagePurge
  ) {}

  /**
   * Adds a category after its future siblings.
   */
  async create(input: CategoryInput, actor: CatalogActor) {
    return db.transaction(async (client) => {
      await this.pagePurge.everything(client)
      const parent = input.parentId ? await Category.findOrFail(input.parentId, { client }) : null
      const category = await Category.create(
        {
          parentId: parent?.id ?? null,
          depth: parent ? parent.depth + 1 : 0,
          position: await this.endOfSiblings(parent?.id ?? null, client),
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
   * path and depth of its whole subtree and puts it after its new siblings. A
   * category cannot go under itself or one of its descendants.
   */
  async update(categoryId: number, input: CategoryInput, actor: CatalogActor) {
    return db.transaction(async (client) => {
      await this.pagePurge.everything(client)
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
      const parentId = parent?.id ?? null
      if (parentId !== category.parentId) {
        category.position = await this.endOfSiblings(parentId, client)
      }
      category.merge({ parentId, enabled: input.enabled ?? true })
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

  /**
   * Moves a category among its siblings, to `position` (1 = first; past the end
   * means last). Only the siblings whose position changes are written.
   */
  async moveCategory(categoryId: number, position: number, actor: CatalogActor) {
    return db.transaction(async (client) => {
      await this.pagePurge.everything(client)
      const category = await Category.findOrFail(categoryId, { client })
      const siblings = await this.siblings(category.parentId, client)
        .orderBy('position')
        .orderBy('id')
        .select('id', 'position')
      const ids = siblings.map((row) => Number(row.id))
      const current = new Map(siblings.map((row) => [Number(row.id), Number(row.position)]))
      const ordered = moveToPosition(ids, category.id, position)
      for (const change of changedPositions(ordered, (id) => current.get(id)!)) {
        await client
          .from('categories')
          .where('id', change.item)
          .update({ position: change.position })
      }
      const rank = ordered.indexOf(category.id) + 1
      await this.audit('category.move', category.id, actor, client, {
        from: ids.indexOf(category.id) + 1,
        to: rank,
      })
      return { status: 'moved' as const, position: rank }
    })
  }

  /**
   * Moves a product among those filed directly in a category, to `position`
   * (1 = first; past the end means last): the category page lists them in this
   * order. Only the rows whose position changes are written.
   */
  async moveProduct(categoryId: number, productId: number, position: number, actor: CatalogActor) {
    return db.transaction(async (client) => {
      await this.pagePurge.everything(client)
      const rows = await client
        .from('category_product')
        .where('category_id', categoryId)
        .orderBy('position')
        .orderBy('product_id')
        .select('product_id', 'position')
      const ids = rows.map((row) => Number(row.product_id))
      if (!ids.includes(productId)) return { status: 'not_filed' as const }

      const current = new Map(rows.map((row) => [Number(row.product_id), Number(row.position)]))
      const ordered = moveToPosition(ids, productId, position)
      for (const change of changedPositions(ordered, (id) => current.get(id)!)) {
        await client
          .from('category_product')
          .where({ category_id: categoryId, product_id: change.item })
          .update({ position: change.position })
      }
      const rank = ordered.indexOf(productId) + 1
      await this.audit('category.product_move', categoryId, actor, client, {
        productId,
        from: ids.indexOf(productId) + 1,
        to: rank,
      })
      return { status: 'moved' as const, position: rank }
    })
  }

  private siblings(parentId: number | null, client: TransactionClientContract) {
    return client.from('categories').if(
      parentId === null,
      (query) => query.whereNull('parent_id'),
      (query) => query.where('parent_id', parentId!)
    )
  }

  private async endOfSiblings(parentId: number | null, client: TransactionClientContract) {
    const row = await this.siblings(parentId, client).max('position as last').first()
    return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1
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
    client: TransactionClientContract,
    changes?: Record<string, unknown>
  ) {
    await this.auditLog.record(
      {
        actor: actor.admin,
        action,
        entityType: 'category',
        entityId: categoryId,
        changes,
        ip: actor.ip,
      },
      client
    )
  }
}
