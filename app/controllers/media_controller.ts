import type { HttpContext } from '@adonisjs/core/http'
import drive from '@adonisjs/drive/services/main'
import { MEDIA_KEY } from '#support/media_urls'

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
}

export default class MediaController {
  /**
   * Serves stored media. Keys are content-hashed, so a response never changes:
   * browsers and CDNs may keep it a year without asking again.
   */
  async show({ params, request, response }: HttpContext) {
    const key = (params['*'] as string[]).join('/')
    const disk = drive.use()
    if (!MEDIA_KEY.test(key) || !(await disk.exists(key))) {
      return response.notFound()
    }
    const etag = `"${key.split('/').pop()}"`
    response.header('cache-control', 'public, max-age=31536000, immutable')
    response.header('etag', etag)
    if (request.header('if-none-match') === etag) {
      return response.notModified()
    }
    response.header('content-type', CONTENT_TYPES[key.split('.').pop()!])
    return response.stream(await disk.getStream(key))
  }
}
