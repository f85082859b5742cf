import { createHash } from 'node:crypto'
import sharp, { type Metadata, type Sharp } from 'sharp'
import { inject } from '@adonisjs/core'
import drive from '@adonisjs/drive/services/main'
import db from '@adonisjs/lucid/services/db'
import ProductImage from '#models/product_image'
import AuditLogService from '#services/audit_log_service'
import GenerateImageDerivatives from '#jobs/generate_image_derivatives'
import {
  derivativeWidths,
  IMAGE_FORMATS,
  scaledHeight,
  type ImageDerivative,
  type ImageFormat,
} from '#domain/image_derivatives'
import type { CatalogActor } from '#services/catalog/product_input'
import type { LocalizedText } from '#support/lucid_columns'
import { changedPositions, moveToPosition } from '#support/reorder'
import PagePurge from '#services/page_cache/page_purge'

/**
 * Image formats accepted on upload, as sharp names them, with the stored
 * extension and MIME type. AVIF comes out of sharp as "heif".
 */
const ACCEPTED = {
  jpeg: { extension: 'jpg', mimeType: 'image/jpeg' },
  png: { extension: 'png', mimeType: 'image/png' },
  webp: { extension: 'webp', mimeType: 'image/webp' },
  heif: { extension: 'avif', mimeType: 'image/avif' },
} as const

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024

const ENCODERS: Record<ImageFormat, (image: Sharp) => Sharp> = {
  avif: (image) => image.avif({ quality: 55, effort: 2 }),
  webp: (image) => image.webp({ quality: 78 }),
  jpeg: (image) => image.jpeg({ quality: 80, mozjpeg: true }),
}

export type StoreImageResult =
  | { status: 'stored'; image: ProductImage }
  | { status: 'rejected'; reason: 'not_an_image' | 'unsupported_format' | 'too_large' }

/**
 * Product images: the original is checked by decoding it (not by trusting its
 * name), stored once under its content hash, and its renditions are made by a
 * background job. Identical files uploaded for several products share storage
 * and renditions.
 */
@inject()
export default class ProductImageService {
  constructor(
    protected auditLog: AuditLogService,
    protected pagePurge: PagePurge
  ) {}

  async store(
    input: { productId: number; variantId?: number | null; bytes: Buffer; alt: LocalizedText },
    actor: CatalogActor
  ): Promise<StoreImageResult> {
    const bytes = input.bytes
    if (bytes.length > MAX_IMAGE_BYTES) return { status: 'rejected', reason: 'too_large' }

    let metadata: Metadata
    try {
      metadata = await sharp(bytes).metadata()
    } catch {
      return { status: 'rejected', reason: 'not_an_image' }
    }
    const format = ACCEPTED[metadata.format as keyof typeof ACCEPTED]
    if (!format || (metadata.format === 'heif' && metadata.compression !== 'av1')) {
      return { status: 'rejected', reason: 'unsupported_format' }
    }

    const contentHash = createHash('sha256').update(bytes).digest('hex')
    const originalKey = `products/${contentHash.slice(0, 2)}/${contentHash}.${format.extension}`
    const disk = drive.use()
    if (!(await disk.exists(originalKey))) await disk.put(originalKey, bytes)

    const sibling = await ProductImage.query()
      .where('content_hash', contentHash)
      .whereNotNull('derivatives')
      .first()
    const last = await ProductImage.query()
      .where('product_id', input.productId)
      .max('position as position')
      .first()
    const { width, height } = metadata.autoOrient ?? metadata
    const image = await ProductImage.create({
      productId: input.productId,
      variantId: input.variantId ?? null,
      originalKey,
      contentHash,
      mimeType: format.mimeType,
      width: width!,
      height: height!,
      alt: input.alt,
      derivatives: sibling?.derivatives ?? null,
      position: Number(last?.$extras.position ?? -1) + 1,
    })
    if (!image.derivatives) {
      await GenerateImageDerivatives.dispatch({ contentHash }).dedup({ id: contentHash })
    }
    await this.pagePurge.products([input.productId])

    if (actor.source === 'admin') {
      await this.auditLog.record({
        actor: actor.admin,
        action: 'product.image_add',
        entityType: 'product',
        entityId: input.productId,
        changes: { imageId: image.id },
        ip: actor.ip,
      })
    }
    return { status: 'stored', image }
  }

  /**
   * Moves an image to a position among its product's images (1 = first, the
   * one listings show) and ties it to one variant, or to none (shown for all).
   */
  async arrange(
    productId: number,
    imageId: number,
    input: { position: number; variantId: number | null },
    actor: CatalogActor
  ) {
    await db.transaction(async (client) => {
      await this.pagePurge.products([productId], client)
      const images = await ProductImage.query({ client })
        .where('product_id', productId)
        .orderBy('position')
        .orderBy('id')
      const moved = images.find((image) => image.id === imageId)
      if (!moved) return
      const ordered = moveToPosition(images, moved, input.position)
      for (const { item, position } of changedPositions(ordered, (image) => image.position)) {
        item.position = position
      }
      moved.variantId = input.variantId
      // save() writes nothing for an image whose position and variant are unchanged.
      for (const image of ordered) await image.save()
      await this.auditLog.record(
        {
          actor: actor.admin,
          action: 'product.image_arrange',
          entityType: 'product',
          entityId: productId,
          changes: { imageId, ...input },
          ip: actor.ip,
        },
        client
      )
    })
  }

  /**
   * Renders every width and format of an image and records them on every
   * image row with that content.
   */
  async generateDerivatives(contentHash: string) {
    const image = await ProductImage.query().where('content_hash', contentHash).first()
    if (!image) return
    const disk = drive.use()
    const original = Buffer.from(await disk.getBytes(image.originalKey))
    const base = image.originalKey.replace(/\.[a-z]+$/, '')

    const derivatives: ImageDerivative[] = []
    for (const width of derivativeWidths(image.width)) {
      for (const format of IMAGE_FORMATS) {
        const key = `${base}-${width}.${format === 'jpeg' ? 'jpg' : format}`
        const rendered = await ENCODERS[format](
          sharp(original).rotate().resize({ width })
        ).toBuffer()
        await disk.put(key, rendered)
        derivatives.push({ format, width, height: scaledHeight(image, width), key })
      }
    }
    await ProductImage.query()
      .where('content_hash', contentHash)
      .update({ derivatives: JSON.stringify(derivatives) })
    // Pages cached meanwhile show the original only: now they can offer every size.
    const showing = await ProductImage.query()
      .where('content_hash', contentHash)
      .select('product_id')
    await this.pagePurge.products(showing.map((row) => row.productId))
  }
}
