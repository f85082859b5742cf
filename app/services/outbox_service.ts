import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import mail from '@adonisjs/mail/services/main'
import { type AddressObject, simpleParser } from 'mailparser'

/** A message file's name without `.eml`: FileMailTransport's `<ms>-<uuid>`. */
const MESSAGE_ID = /^\d{13,}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export const OUTBOX_PAGE_SIZE = 20

export interface OutboxEntry {
  readonly id: string
  readonly date: DateTime
  readonly to: string | null
  readonly subject: string | null
}

export interface OutboxMessage {
  readonly id: string
  readonly sentAt: DateTime
  readonly subject: string | null
  readonly from: string | null
  readonly to: string | null
  readonly text: string | null
  readonly html: string | null
  readonly attachments: readonly { filename: string; contentType: string; size: number }[]
}

/**
 * The messages the file transport caught (MAIL_TRANSPORT=file writes each one
 * to tmp/mail instead of sending it), for the back office's Outbox: newest
 * first, one page at a time, each readable whole.
 */
export default class OutboxService {
  /** The folder config/mail.ts gives the file transport. */
  constructor(protected directory = app.tmpPath('mail')) {}

  /** Whether mail actually leaves (SMTP) or is caught in the folder. */
  transport(): string {
    return String(mail.config.default ?? 'file')
  }

  async page(page: number, perPage = OUTBOX_PAGE_SIZE) {
    const ids = await this.ids()
    const lastPage = Math.max(1, Math.ceil(ids.length / perPage))
    const current = Math.min(Math.max(1, page), lastPage)
    const entries = await Promise.all(
      ids.slice((current - 1) * perPage, current * perPage).map((id) => this.entry(id))
    )
    return { entries, total: ids.length, page: current, lastPage }
  }

  /** One message, or null for an unknown or malformed id. */
  async find(id: string): Promise<OutboxMessage | null> {
    if (!MESSAGE_ID.test(id)) return null
    const raw = await readFile(join(this.directory, `${id}.eml`)).catch(() => null)
    if (!raw) return null
    const parsed = await simpleParser(raw)
    return {
      id,
      sentAt: sentAt(id),
      subject: parsed.subject ?? null,
      from: addressText(parsed.from),
      to: addressText(parsed.to),
      text: parsed.text ?? null,
      html: parsed.html || null,
      attachments: parsed.attachments.map((attachment) => ({
        filename: attachment.filename ?? '',
        contentType: attachment.contentType,
        size: attachment.size,
      })),
    }
  }

  /** Message ids, newest first: file names start with the time written. */
  private async ids(): Promise<string[]> {
    const files = await readdir(this.directory).catch(() => [] as string[])
    return files
      .filter((file) => file.endsWith('.eml'))
      .map((file) => file.slice(0, -'.eml'.length))
      .filter((id) => MESSAGE_ID.test(id))
      .sort((a, b) => sentAt(b).toMillis() - sentAt(a).toMillis() || b.localeCompare(a))
  }

  private async entry(id: string): Promise<OutboxEntry> {
    const raw = await readFile(join(this.directory, `${id}.eml`)).catch(() => Buffer.alloc(0))
    const parsed = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true })
    return { id, date: sentAt(id), to: addressText(parsed.to), subject: parsed.subject ?? null }
  }
}

/** When the transport wrote the message: the milliseconds its file name starts with. */
function sentAt(id: string): DateTime {
  return DateTime.fromMillis(Number(id.slice(0, id.indexOf('-'))))
}

function addressText(address: AddressObject | AddressObject[] | undefined): string | null {
  if (!address) return null
  return (Array.isArray(address) ? address : [address]).map((entry) => entry.text).join(', ')
}
