import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import emitter from '@adonisjs/core/services/emitter'
import { Mailer } from '@adonisjs/mail'
import mail from '@adonisjs/mail/services/main'
import { FileMailTransport } from '#support/file_mail_transport'

test.group('Mail file transport', () => {
  test('writes each message as an .eml file', async ({ assert, cleanup }) => {
    const directory = app.tmpPath(`mail-test-${process.pid}-${Date.now()}`)
    cleanup(() => rm(directory, { recursive: true, force: true }))
    const mailer = new Mailer('file', new FileMailTransport(directory), emitter)

    const response = await mailer.send((message) => {
      message
        .to('claire@example.com')
        .from('boutique@comptoir.test')
        .subject('Votre sabot est de retour')
        .text('Bonjour Claire')
    })

    const files = await readdir(directory)
    assert.lengthOf(files, 1)
    assert.match(files[0], /\.eml$/)
    assert.equal(response.original.file, join(directory, files[0]))
    const raw = await readFile(join(directory, files[0]), 'utf8')
    assert.include(raw, 'To: claire@example.com')
    assert.include(raw, 'Subject: Votre sabot est de retour')
    assert.include(raw, 'Bonjour Claire')
  })

  test('is the default transport of the application', async ({ assert }) => {
    assert.instanceOf(mail.use().transport, FileMailTransport)
  })
})
