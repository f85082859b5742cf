import app from '@adonisjs/core/services/app'
import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'

interface GenerateImageDerivativesPayload {
  /** Renditions are made once per distinct image content. */
  contentHash: string
}

/**
 * Makes the AVIF, WebP and JPEG renditions of an uploaded image in the
 * background; the storefront shows the original until they exist.
 */
export default class GenerateImageDerivatives extends Job<GenerateImageDerivativesPayload> {
  static options: JobOptions = { maxRetries: 3, timeout: '5m' }

  async execute() {
    // Imported here: the service dispatches this job, so a static import would be circular.
    const { default: ProductImageService } = await import('#services/catalog/product_image_service')
    const images = await app.container.make(ProductImageService)
    await images.generateDerivatives(this.payload.contentHash)
  }
}
