/**
 * The responsive renditions made of every product image: a few widths in
 * AVIF, WebP and JPEG, never wider than the original (no upscaling).
 */
export const IMAGE_WIDTHS = [320, 640, 1024, 1600] as const
export const IMAGE_FORMATS = ['avif', 'webp', 'jpeg'] as const
export type ImageFormat = (typeof IMAGE_FORMATS)[number]

export interface ImageDerivative {
  format: ImageFormat
  width: number
  height: number
  key: string
}

/**
 * Widths to render for an original: the standard widths it can fill, or the
 * original's own width when it is narrower than the smallest.
 */
export function derivativeWidths(originalWidth: number): number[] {
  const widths = IMAGE_WIDTHS.filter((width) => width <= originalWidth)
  return widths.length ? [...widths] : [originalWidth]
}

/**
 * Height that keeps the original's aspect ratio at a given width.
 */
export function scaledHeight(original: { width: number; height: number }, width: number): number {
  return Math.max(1, Math.round((original.height * width) / original.width))
}
