import type { ImageDerivative, ImageFormat } from '#domain/image_derivatives'

/**
 * Media keys are content-hashed ("products/ab/<sha256>-640.webp"), so the URL of
 * a file changes whenever its bytes do and can be cached forever.
 */
export const MEDIA_KEY = /^products\/[0-9a-f]{2}\/[0-9a-f]{64}(-\d{2,4})?\.(jpg|png|webp|avif)$/

export function mediaUrl(key: string): string {
  return `/media/${key}`
}

/**
 * "…-320.webp 320w, …-640.webp 640w" for one format's renditions.
 */
export function srcset(derivatives: ImageDerivative[] | null, format: ImageFormat): string {
  return (derivatives ?? [])
    .filter((derivative) => derivative.format === format)
    .sort((a, b) => a.width - b.width)
    .map((derivative) => `${mediaUrl(derivative.key)} ${derivative.width}w`)
    .join(', ')
}

/**
 * The widest JPEG rendition, for browsers that read neither srcset nor <picture>.
 */
export function fallbackKey(originalKey: string, derivatives: ImageDerivative[] | null): string {
  const jpegs = (derivatives ?? []).filter((derivative) => derivative.format === 'jpeg')
  return jpegs.length ? jpegs.reduce((a, b) => (a.width > b.width ? a : b)).key : originalKey
}
