import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { transports } from '@adonisjs/mail'
import mail from '@adonisjs/mail/services/main'
import type OrderMail from '#services/orders/order_mail'
import type { OrderEmailKind } from '#services/orders/order_mail'
import { runQueueUntilIdle } from '#tests/helpers/queue'

type Cleanup = (handler: () => Promise<void> | void) => void

/**
 * Runs the queue now, jobs delayed until later included: order e-mails leave
 * a few seconds after their event and retry minutes apart in production. A
 * job that fails again waits for the next call.
 */
export async function runQueuedJobsNow() {
  await db.from('queue_jobs').where('status', 'delayed').update({ execute_at: Date.now() })
  await runQueueUntilIdle()
}

/**
 * Catches the order e-mails (OrderMail) the application sends, with
 * `mail.fake()`, until the test ends; each one's rendered message is `.message`.
 */
export function fakeMail(cleanup: Cleanup) {
  const { mails } = mail.fake()
  cleanup(() => mail.restore())
  return {
    mails,
    sent: () => (mails.sent() as OrderMail[]).map((sent) => sent.message),
    /** The messages of one kind, in the order they were sent. */
    ofKind: (kind: OrderEmailKind) =>
      (mails.sent() as OrderMail[])
        .filter((sent) => sent.kind === kind)
        .map((sent) => sent.message),
  }
}

/**
 * Points the application's default mailer at an SMTP server on 127.0.0.1
 * (`port`), until the test ends.
 */
export async function useSmtpMailer(cleanup: Cleanup, port: number) {
  const original = { default: mail.config.default, smtp: mail.config.mailers.smtp }
  mail.config.mailers.smtp = await transports
    .smtp({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, connectionTimeout: 2000 })
    .resolver(app)
  mail.config.default = 'smtp'
  await mail.close('smtp')
  cleanup(async () => {
    mail.config.default = original.default
    mail.config.mailers.smtp = original.smtp
    await mail.close('smtp')
  })
}

/**
 * A real SMTP server on 127.0.0.1 that keeps every message it receives, raw,
 * and the application's default mailer sending to it.
 */
export async function smtpServer(cleanup: Cleanup) {
  const received: Buffer[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        received.push(Buffer.concat(chunks))
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanup(() => new Promise<void>((resolve) => server.close(() => resolve())))
  const { port } = server.server.address() as AddressInfo
  await useSmtpMailer(cleanup, port)
  return { received, port }
}
