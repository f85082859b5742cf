import { createHash } from 'node:crypto'
import drive from '@adonisjs/drive/services/main'

/**
 * PDFs kept as issued (legal documents, invoices): each is stored under a key
 * ending with its SHA-256, so a key never holds other bytes, and a read
 * checks the bytes still match it.
 */

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * Stores the bytes under `<prefix>-<sha256>.pdf` unless already there.
 * Private files (invoices: personal data) are not readable from a public
 * bucket; they are only served through the app.
 */
export async function storePdf(
  prefix: string,
  bytes: Buffer,
  options: { private?: boolean } = {}
): Promise<{ key: string; sha256: string }> {
  const sha256 = sha256Hex(bytes)
  const key = `${prefix}-${sha256}.pdf`
  const disk = drive.use()
  if (!(await disk.exists(key))) {
    await disk.put(key, bytes, {
      contentType: 'application/pdf',
      ...(options.private ? { visibility: 'private' } : {}),
    })
  }
  return { key, sha256 }
}

/**
 * The stored bytes, or null when the file is gone or no longer matches the
 * SHA-256 its key names.
 */
export async function readStoredPdf(key: string): Promise<Buffer | null> {
  const disk = drive.use()
  if (!(await disk.exists(key))) return null
  const bytes = Buffer.from(await disk.getBytes(key))
  return key.endsWith(`-${sha256Hex(bytes)}.pdf`) ? bytes : null
}
