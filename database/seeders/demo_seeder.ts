import app from '@adonisjs/core/services/app'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import AdminUser from '#models/admin_user'
import AdminUserService from '#services/admin_user_service'
import SettingsService from '#services/settings_service'
import Product from '#models/product'
import ProductService from '#services/catalog/product_service'
import { seedCatalogReference } from '#database/demo/catalog_reference'
import { demoProducts } from '#database/demo/catalog_products'
import { demoImage } from '#database/demo/catalog_images'
import ProductImageService from '#services/catalog/product_image_service'
import { DEMO_PLUGINS } from '#database/demo/plugins'
import PluginKernel from '#plugin_kernel/plugin_kernel'
import type { PluginActor } from '#plugin_kernel/plugin_lifecycle'
import { sellerIdentityValidator, toSellerIdentity } from '#validators/seller_identity'
import LegalDocumentService from '#services/legal/legal_document_service'
import LegalDraftService from '#services/legal/legal_draft_service'
import LegalTemplates from '#services/legal/legal_templates'
import { LEGAL_DOCUMENT_KINDS, type LegalDocumentKind } from '#domain/legal_documents'
import { DEMO_SELLER_FORM } from '#database/demo/legal'

/**
 * The demo back-office login, printed by `npm run demo`. Demo data never goes
 * to production, so this password never guards a real shop.
 */
export const DEMO_ADMIN = {
  email: 'admin@comptoir.test',
  password: 'comptoir-demo',
  fullName: 'Camille Demo',
} as const

/**
 * Seeds the demo shop. Idempotent: a second run finds what the first created.
 * Lucid refuses to run it outside development and test, so demo data and the
 * demo password never reach a production shop.
 */
export default class DemoSeeder extends BaseSeeder {
  static environment = ['development', 'test']

  async run() {
    await this.seedShop()
    await this.seedLegal()
    await this.seedCatalog()
    await this.seedPlugins()

    const base = `http://${process.env.HOST ?? 'localhost'}:${process.env.PORT ?? 3333}`
    console.log(
      `\n  Storefront:  ${base}/` +
        `\n  Back office: ${base}/admin` +
        `\n  Sign in as ${DEMO_ADMIN.email} with password "${DEMO_ADMIN.password}"\n`
    )
  }

  /**
   * The shop's identity and its demo back-office owner.
   */
  async seedShop() {
    const settings = await app.container.make(SettingsService)
    const current = await settings.all()
    if (current['shop.name'] === 'Comptoir') {
      await settings.update({ 'shop.name': 'Comptoir démo' }, null, null)
    }

    if (!(await AdminUser.findBy('email', DEMO_ADMIN.email))) {
      const adminUsers = await app.container.make(AdminUserService)
      await adminUsers.create({ ...DEMO_ADMIN, role: 'owner' })
    }
  }

  /**
   * The seller's legal identity, entered as the Settings form would be, and
   * version 1 of each legal page (CGV, mentions légales, …) in French and
   * English: the back office's template, filled from Settings, published
   * through the same draft-then-publish path. Tests that only take orders
   * publish the CGV alone (`['terms']`): each page costs two PDFs.
   */
  async seedLegal(kinds: readonly LegalDocumentKind[] = LEGAL_DOCUMENT_KINDS) {
    const settings = await app.container.make(SettingsService)
    if (!(await settings.sellerIdentity())) {
      const form = await sellerIdentityValidator.validate(DEMO_SELLER_FORM)
      await settings.update({ 'seller.identity': toSellerIdentity(form) }, null, null)
    }

    const documents = await app.container.make(LegalDocumentService)
    const templates = await app.container.make(LegalTemplates)
    const drafts = await app.container.make(LegalDraftService)
    const actor = { admin: null, ip: null }
    for (const kind of kinds) {
      if (await documents.latest(kind)) continue
      const { missing } = await templates.startDraft(kind, actor)
      if (missing.length) throw new Error(`demo ${kind}: missing ${missing.join(', ')}`)
      const published = await drafts.publish(kind, {}, actor)
      if (published.status !== 'published') throw new Error(`demo ${kind}: ${published.reason}`)
    }
  }

  /**
   * The catalog of an artisan clog maker: reference data, then every product
   * through ProductService, as the back office would create them.
   */
  async seedCatalog() {
    if (await Product.query().first()) return
    const reference = await seedCatalogReference()
    const products = await app.container.make(ProductService)
    const images = await app.container.make(ProductImageService)
    const drawn = new Map<string, Buffer>()
    const actor = { admin: null, source: 'seed' } as const

    for (const { input, image } of demoProducts(reference)) {
      const product = await products.create(input, actor)
      const key = `${image.kind}:${image.colour}`
      if (!drawn.has(key)) drawn.set(key, await demoImage(image.kind, image.colour))
      const alt = Object.fromEntries(input.translations.map((t) => [t.locale, t.name]))
      await images.store({ productId: product.id, bytes: drawn.get(key)!, alt }, actor)
    }
  }

  /**
   * The shipped plugins, installed from plugins/, configured and enabled
   * through the kernel as an agency would; each then seeds its own demo data.
   * A plugin already installed is left as the merchant set it.
   */
  async seedPlugins() {
    const { lifecycle } = await app.container.make(PluginKernel)
    const actor: PluginActor = { label: 'system:demo', admin: null, ip: null }
    for (const plugin of DEMO_PLUGINS) {
      const installed = await lifecycle.install(app.makePath('plugins', plugin.name), { actor })
      if (installed.status === 'already_installed') continue
      const saved = await lifecycle.saveSettings(plugin.name, plugin.settings, 'fr', actor)
      if (!saved.valid)
        throw new Error(`demo settings of ${plugin.name}: ${JSON.stringify(saved.errors)}`)
      await lifecycle.enable(plugin.name, actor)
      await lifecycle.seedDemo(plugin.name)
    }
  }
}
