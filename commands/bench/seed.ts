import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { DemoProduct } from '#database/demo/catalog_products'

/**
 * Fills an empty database with the benchmark catalog: the demo shop's
 * reference data and N footwear models with shared illustrations.
 * `npm run bench` runs it on a database of its own.
 */
export default class BenchSeed extends BaseCommand {
  static commandName = 'bench:seed'
  static description = 'Seed the benchmark catalog (N products) into an empty database'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Number of products', default: 10_000 })
  declare products: number

  async run() {
    if (this.app.inProduction) {
      this.logger.error('The benchmark catalog is not for a production database.')
      this.exitCode = 1
      return
    }
    const { default: Product } = await import('#models/product')
    if (await Product.query().first()) {
      this.logger.error('The database already has products: run the benchmark on an empty one.')
      this.exitCode = 1
      return
    }

    const { seedCatalogReference } = await import('#database/demo/catalog_reference')
    const { benchmarkProducts } = await import('#database/demo/catalog_products')
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const { demoImage } = await import('#database/demo/catalog_images')
    const { default: ProductService } = await import('#services/catalog/product_service')
    const { default: ProductImageService } = await import('#services/catalog/product_image_service')

    const reference = await seedCatalogReference()
    const products = await this.app.container.make(ProductService)
    const images = await this.app.container.make(ProductImageService)
    const drawn = new Map<string, Buffer>()
    const hashes = new Set<string>()
    const actor = { admin: null, source: 'seed' } as const
    const started = Date.now()

    // A transaction per hundred products: one commit (and disk flush) per batch, not per product.
    let batch: { input: DemoProduct['input']; image: DemoProduct['image'] }[] = []
    let count = 0
    const flush = async () => {
      const created = await db.transaction(async (trx) => {
        const ids: number[] = []
        for (const { input } of batch) {
          const product = await products.create(input, actor, trx)
          ids.push(product.id)
        }
        return ids
      })
      for (const [index, { input, image }] of batch.entries()) {
        const key = `${image.kind}:${image.colour}`
        if (!drawn.has(key)) drawn.set(key, await demoImage(image.kind, image.colour))
        const alt = Object.fromEntries(input.translations.map((t) => [t.locale, t.name]))
        const stored = await images.store(
          { productId: created[index], bytes: drawn.get(key)!, alt },
          actor
        )
        if (stored.status === 'stored') hashes.add(stored.image.contentHash)
      }
      count += batch.length
      batch = []
      this.logger.info(`${count} products (${Math.round((Date.now() - started) / 1000)} s)`)
    }
    for (const product of benchmarkProducts(reference, this.products)) {
      batch.push(product)
      if (batch.length === 100) await flush()
    }
    if (batch.length) await flush()
    for (const hash of hashes) await images.generateDerivatives(hash)
    this.logger.success(
      `Seeded ${count} products in ${Math.round((Date.now() - started) / 1000)} s`
    )
  }
}
