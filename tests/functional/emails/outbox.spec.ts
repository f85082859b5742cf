import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import emitter from '@adonisjs/core/services/emitter'
import testUtils from '@adonisjs/core/services/test_utils'
import { Mailer } from '@adonisjs/mail'
import mail from '@adonisjs/mail/services/main'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import OutboxService from '#services/outbox_service'
import { FileMailTransport } from '#support/file_mail_transport'

type Cleanup = (handler: () => Promise<void> | void) => void

/**
 * An outbox folder of the test's own, the Outbox page reading it, and a
 * mailer writing to it as the file transport does.
 */
async function outboxFolder(cleanup: Cleanup) {
  const directory = await mkdtemp(join(tmpdir(), 'comptoir-outbox-'))
  app.container.swap(OutboxService, () => new OutboxService(directory))
  cleanup(async () => {
    app.container.restore(OutboxService)
    await rm(directory, { recursive: true, force: true })
  })
  const mailer = new Mailer('file', new FileMailTransport(directory), emitter)
  /** Sends one message; returns its Outbox id (the file's name). */
  return async (subject: string, extra: { html?: string; pdf?: Buffer } = {}) => {
    // File names start with the millisecond written: keep the order certain.
    await new Promise((resolve) => setTimeout(resolve, 2))
    const response = await mailer.send((message) => {
      message
        .to('claire@example.fr')
        .from('boutique@comptoir.test')
        .subject(subject)
        .text(`Bonjour Claire,\n${subject}`)
      if (extra.html) message.html(extra.html)
      if (extra.pdf) {
        message.attachData(extra.pdf, { filename: 'cgv-v1-fr.pdf', contentType: 'application/pdf' })
      }
    })
    const file = String(response.original.file)
    return file.slice(file.lastIndexOf('/') + 1, -'.eml'.length)
  }
}

test.group('Back office: Outbox', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('lists the caught messages newest first, with date, recipient and subject', async ({
    client,
    assert,
    cleanup,
  }) => {
    const send = await outboxFolder(cleanup)
    await send('Confirmation de votre commande CMD-2026-000001')
    const newest = await send('Votre commande CMD-2026-000001 est en route')
    const manager = await AdminUserFactory.apply('manager').create()

    const response = await client.get('/admin/outbox').loginAs(manager)

    response.assertStatus(200)
    const html = response.text()
    assert.include(html, '<h1>Boîte d&#x27;envoi</h1>')
    assert.include(html, '2 messages enregistrés')
    assert.include(html, 'claire@example.fr')
    assert.include(html, `href="/admin/outbox/${newest}"`)
    assert.isBelow(
      html.indexOf('est en route'),
      html.indexOf('Confirmation de votre commande'),
      'newest first'
    )
    assert.include(html, 'href="/admin/outbox"', 'the menu has the Outbox')
  })

  test('pages through the outbox twenty messages at a time', async ({
    client,
    assert,
    cleanup,
  }) => {
    const send = await outboxFolder(cleanup)
    for (let index = 1; index <= 22; index++) {
      await send(`Message n°${String(index).padStart(2, '0')}`)
    }
    const owner = await AdminUserFactory.create()

    const first = await client.get('/admin/outbox').loginAs(owner)
    first.assertTextIncludes('Message n°22')
    first.assertTextIncludes('Message n°03')
    first.assertTextIncludes('href="/admin/outbox?page=2"')
    assert.notInclude(first.text(), 'Message n°02')
    const second = await client.get('/admin/outbox?page=2').loginAs(owner)
    second.assertTextIncludes('Message n°02')
    second.assertTextIncludes('Message n°01')
    second.assertTextIncludes('aria-current="page">2</a>')
    assert.notInclude(second.text(), 'Message n°03')
  })

  test('shows a message: its text, its HTML escaped in a sandboxed frame, its attachments', async ({
    client,
    assert,
    cleanup,
  }) => {
    const send = await outboxFolder(cleanup)
    const id = await send('Votre commande est confirmée', {
      html: '<p>Bonjour <strong>Claire</strong></p><script>alert("volé")</script><img src=x onerror="alert(1)">',
      pdf: Buffer.alloc(2048, 7),
    })
    const manager = await AdminUserFactory.apply('manager').create()

    const response = await client.get(`/admin/outbox/${id}`).loginAs(manager)

    response.assertStatus(200)
    const html = response.text()
    assert.include(html, '<h1>Votre commande est confirmée</h1>')
    assert.include(html, 'boutique@comptoir.test')
    assert.match(html, /<pre[^>]*>Bonjour Claire,\nVotre commande est confirmée<\/pre>/)
    assert.include(html, 'cgv-v1-fr.pdf (application/pdf, 2,0 Ko)')
    assert.match(html, /<iframe sandbox="" [^>]*srcdoc="&lt;p&gt;Bonjour &lt;strong&gt;Claire/)
    assert.include(html, '&lt;script&gt;alert(&quot;volé&quot;)&lt;/script&gt;')
    assert.notInclude(html, '<script>alert')
    assert.notInclude(html, '<img src=x')
    assert.notInclude(html, '<strong>Claire')
  })

  test('unknown or malformed message ids are not found', async ({ client, cleanup }) => {
    await outboxFolder(cleanup)
    const owner = await AdminUserFactory.create()

    const unknown = await client
      .get('/admin/outbox/1764300000000-00000000-0000-0000-0000-000000000000')
      .loginAs(owner)
    unknown.assertStatus(404)
    const traversal = await client.get('/admin/outbox/..%2F..%2F.env').loginAs(owner)
    traversal.assertStatus(404)
  })

  test('support staff cannot read the outbox (403)', async ({ client, cleanup }) => {
    const send = await outboxFolder(cleanup)
    const id = await send('Confirmation')
    const support = await AdminUserFactory.apply('support').create()

    const list = await client.get('/admin/outbox').loginAs(support)
    list.assertStatus(403)
    const message = await client.get(`/admin/outbox/${id}`).loginAs(support)
    message.assertStatus(403)
  })

  test('with MAIL_TRANSPORT=smtp the page says mail goes to the SMTP server', async ({
    client,
    cleanup,
  }) => {
    await outboxFolder(cleanup)
    const previous = mail.config.default
    mail.config.default = 'smtp'
    cleanup(() => {
      mail.config.default = previous
    })
    const owner = await AdminUserFactory.create()

    const response = await client.get('/admin/outbox').loginAs(owner)

    response.assertStatus(200)
    response.assertTextIncludes('Les e-mails partent par le serveur SMTP configuré')
    response.assertTextIncludes('Aucun message enregistré')
  })
})
