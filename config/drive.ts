import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, services } from '@adonisjs/drive'
import type { InferDriveDisks } from '@adonisjs/drive/types'

/**
 * Where uploaded media (product images and their renditions) are stored: on
 * local disk by default, in an S3-compatible bucket by configuration
 * (DRIVE_DISK=s3 and the S3_* variables; install @aws-sdk/client-s3 first).
 * The storefront serves them under /media with far-future cache headers.
 */
const driveConfig = defineConfig({
  default: env.get('DRIVE_DISK', 'fs'),
  services: {
    fs: services.fs({
      location: app.makePath(env.get('MEDIA_PATH', 'tmp/media')),
      serveFiles: false,
      visibility: 'public',
    }),
    s3: services.s3({
      credentials: {
        accessKeyId: env.get('S3_ACCESS_KEY_ID', ''),
        secretAccessKey: env.get('S3_SECRET_ACCESS_KEY', ''),
      },
      region: env.get('S3_REGION', 'eu-west-3'),
      endpoint: env.get('S3_ENDPOINT'),
      forcePathStyle: !!env.get('S3_ENDPOINT'),
      bucket: env.get('S3_BUCKET', ''),
      visibility: 'public',
    }),
  },
})

export default driveConfig

declare module '@adonisjs/drive/types' {
  export interface DriveDisks extends InferDriveDisks<typeof driveConfig> {}
}
