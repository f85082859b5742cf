import { randomUUID } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createTransport } from 'nodemailer'
import { MailResponse } from '@adonisjs/mail'
import type { ConfigProvider } from '@adonisjs/core/types'
import type { MailTransportContract, NodeMailerMessage } from '@adonisjs/mail/types'

/**
 * Writes each message as an `.eml` file instead of sending it: development
 * and the demo have no SMTP server, and a file opens in any mail client.
 * Nodemailer's stream transport builds the raw MIME message, as SMTP would.
 */
export class FileMailTransport implements MailTransportContract {
  #composer = createTransport({ streamTransport: true, buffer: true, newline: 'unix' })

  constructor(protected directory: string) {}

  async send(message: NodeMailerMessage) {
    const info = await this.#composer.sendMail(message)
    await mkdir(this.directory, { recursive: true })
    // Sortable by time; the uuid keeps two messages of the same millisecond apart.
    const file = join(this.directory, `${Date.now()}-${randomUUID()}.eml`)
    await writeFile(file, info.message as Buffer)
    return new MailResponse(info.messageId, info.envelope, { file })
  }
}

/** The transport for `config/mail.ts`, like the package's `transports.*` helpers. */
export function fileTransport(config: {
  directory: string
}): ConfigProvider<() => FileMailTransport> {
  return {
    type: 'provider',
    async resolver() {
      return () => new FileMailTransport(config.directory)
    },
  }
}
