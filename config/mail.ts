import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, transports } from '@adonisjs/mail'
import type { InferMailers } from '@adonisjs/mail/types'
import { fileTransport } from '#support/file_mail_transport'

/**
 * Outgoing e-mail: SMTP in production (MAIL_TRANSPORT=smtp and the SMTP_*
 * variables); by default each message is written as an .eml file under
 * tmp/mail, for development and the demo. Tests use `mail.fake()`.
 */
const mailConfig = defineConfig({
  default: env.get('MAIL_TRANSPORT', 'file'),
  from: {
    address: env.get('MAIL_FROM_ADDRESS', 'boutique@comptoir.test'),
    name: env.get('MAIL_FROM_NAME', 'Comptoir'),
  },
  mailers: {
    smtp: transports.smtp({
      host: env.get('SMTP_HOST', 'localhost'),
      port: env.get('SMTP_PORT', 587),
      auth: env.get('SMTP_USERNAME')
        ? {
            type: 'login',
            user: env.get('SMTP_USERNAME', ''),
            pass: env.get('SMTP_PASSWORD', ''),
          }
        : undefined,
    }),
    file: fileTransport({ directory: app.tmpPath('mail') }),
  },
})

export default mailConfig

declare module '@adonisjs/mail/types' {
  export interface MailersList extends InferMailers<typeof mailConfig> {}
}
