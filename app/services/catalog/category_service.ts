import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import Category from '#models/category'
import CategoryTranslation from '#models/category_translation'
import AuditLogService from '#services/audit_log_service'
import { slugify } from '#domain/text_normalization'
import type { CatalogActor } from '#services/catalog/product_input'
import type { Locale } from '#support/locale_paths'

export interface CategoryInput {
  parentId: number | null
  position?: number
  enabled?: boolean
  translations: { locale: Locale; name: string; slug?: string; description?: string | null }[]
}

/**
 * Writes to the category tree, keeping each node's materialised path and depth.
 */
@inject()
export default class CategoryService {
  constructor(protected auditLog: AuditLogService) {}

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
      await CategoryTranslation.createMany(
        input.translations.map((translation) => ({
          categoryId: category.id,
          locale: translation.locale,
          name: translation.name,
          slug: slugify(translation.slug || translation.name),
          description: translation.description ?? null,
        })),
        { client }
      )
      if (actor.source === 'admin') {
        await this.auditLog.record(
          {
            actor: actor.admin,
            action: 'category.create',
            entityType: 'category',
            entityId: category.id,
            ip: actor.ip,
          },
          client
        )
      }
      return category
    })
  }
}
