import { createServer } from 'node:net'
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type { Message } from '@adonisjs/mail'
import type { Locale } from '@comptoir/contracts/commerce'
import { Money } from '#domain/money'
import Invoice from '#models/invoice'
import LegalDocumentVersion from '#models/legal_document_version'
import Order from '#models/order'
import OrderEvent from '#models/order_event'
import OrderLine from '#models/order_line'
import InvoiceService from '#services/invoices/invoice_service'
import LegalDocumentService from '#services/legal/legal_document_service'
import OrderPayments from '#services/orders/order_payments'
import ShipmentService from '#services/orders/shipment_service'
import { simpleParser } from 'mailparser'
import { cartReadyToOrder, checkoutShop, productOnSale, placeCart } from '#tests/helpers/checkout'
import { fakeMail, runQueuedJobsNow, smtpServer, useSmtpMailer } from '#tests/helpers/mail'
import { pdfText } from '#tests/helpers/legal'

const STAFF = { label: 'Claire (owner)', adminUserId: null }

async function place(lines: { variantId: number; quantity: number }[], locale: Locale = 'fr') {
  const cart = await cartReadyToOrder(lines)
  return placeCart(cart, { locale: locale, ip: null })
}

async function emailNotes(order: Order) {
  const events = await OrderEvent.query()
    .where('order_id', order.id)
    .where('type', 'email')
    .orderBy('id')
  return events.map((event) => event.note ?? '')
}

/** The stored PDF of the CGV version an order accepted, in its language. */
async function acceptedTerms(order: Order) {
  const version = await LegalDocumentVersion.findOrFail(order.termsVersionId)
  const documents = await app.container.make(LegalDocumentService)
  return { version, pdf: await documents.pdf(version, order.locale as Locale) }
}

/** A port nothing listens on: the mail server is down. */
async function closedPort() {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** M-04: data tables have header cells, nothing is laid out with tables, images say what they show. */
function assertAccessibleHtml(
  assert: { isTrue(value: boolean, message?: string): void },
  html: string
) {
  assert.isTrue(/<html lang="(fr|en)">/.test(html), 'the language is declared')
  assert.isTrue((html.match(/<h1>/g) ?? []).length === 1, 'one main heading')
  for (const table of html.split('<table').slice(1)) {
    const body = table.slice(0, table.indexOf('</table>'))
    assert.isTrue(
      body.includes('<th scope=') || body.startsWith(' role="presentation"'),
      'a data table has header cells, a layout table says so'
    )
  }
  for (const image of html.match(/<img\b[^>]*>/g) ?? []) {
    assert.isTrue(/\balt="/.test(image), `${image} has a text alternative`)
  }
}

function htmlOf(message: Message) {
  return String(message.nodeMailerMessage.html)
}

function textOf(message: Message) {
  return String(message.nodeMailerMessage.text)
}

function attachmentsOf(message: Message) {
  return (message.nodeMailerMessage.attachments ?? []).map((attachment) => attachment.filename)
}

test.group('Order e-mails', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('P-06, W-21: the confirmation goes out through SMTP after the order, with the accepted CGV and the model withdrawal form as PDFs', async ({
    assert,
    cleanup,
  }) => {
    const { received } = await smtpServer(cleanup)
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'MAR-39', { priceAmount: 4990 })

    const order = await place([{ variantId, quantity: 2 }])
    assert.lengthOf(received, 0, 'nothing is sent inside the request that placed the order')

    await runQueuedJobsNow()

    assert.lengthOf(received, 1)
    const message = await simpleParser(received[0])
    assert.equal(
      message.to && !Array.isArray(message.to) ? message.to.text : null,
      'claire@example.fr'
    )
    assert.equal(message.subject, `Confirmation de votre commande ${order.number} – Comptoir`)
    assert.include(message.text, order.number)
    assert.include(message.html, '<html lang="fr">')
    const { version, pdf } = await acceptedTerms(order)
    assert.lengthOf(message.attachments, 2)
    const [attachment, form] = message.attachments
    assert.equal(attachment.filename, `cgv-v${version.version}-fr.pdf`)
    assert.equal(attachment.contentType, 'application/pdf')
    assert.isTrue(
      attachment.content.equals(pdf),
      'the attachment is the stored CGV PDF, byte for byte'
    )
    assert.equal(form.filename, 'formulaire-de-retractation.pdf')
    assert.equal(form.contentType, 'application/pdf')
    const formText = await pdfText(form.content)
    assert.include(formText, 'Modèle de formulaire de rétractation')
    assert.include(formText, 'Sabots Martin')
    assert.include(formText, '14 rue de la République, 39400 Morez, France')
    assert.include(formText, 'bonjour@comptoir.test')
    assert.include(formText, 'Commandé le (*)/reçu le (*)')
    assert.deepEqual(await emailNotes(order), [
      `order_confirmation sent to claire@example.fr (cgv-v${version.version}-fr.pdf, formulaire-de-retractation.pdf)`,
    ])
  })

  test('P-05, P-06, M-04: the confirmation restates the order, its payment, delivery and withdrawal right, accessibly', async ({
    assert,
    cleanup,
  }) => {
    const messages = fakeMail(cleanup)
    const { catalog } = await checkoutShop(cleanup)
    const clogs = await productOnSale(catalog, 'MAR-39', { priceAmount: 4990 })
    const engraved = await catalog.createProduct(
      { fr: 'Sabot gravé', en: 'Engraved clog' },
      [{ sku: 'GRAV-1', priceAmount: 6900 }],
      { withdrawalException: 'custom_made' }
    )
    await engraved.load('variants')

    const order = await place([
      { variantId: clogs, quantity: 2 },
      { variantId: engraved.variants[0].id, quantity: 1 },
    ])
    const payments = await app.container.make(OrderPayments)
    await payments.start(order, 'fr')
    await runQueuedJobsNow()

    const [message] = messages.sent()
    assert.lengthOf(messages.sent(), 1)
    message.assertTo('claire@example.fr')
    const html = htmlOf(message)
    const text = textOf(message)
    assertAccessibleHtml(assert, html)
    assert.include(html, '<h1>Merci pour votre commande</h1>')
    assert.include(html, '<caption>Articles de la commande</caption>')
    assert.include(html, '<th scope="col">Article</th>')
    assert.include(html, 'Sabot MAR-39')
    assert.include(html, 'dont TVA 20')
    for (const part of [html, text]) {
      assert.include(part, order.number)
      assert.include(part, 'Total TTC')
      assert.include(part, 'FR76 3000 6000 0112 3456 7890 189')
      assert.include(part, 'Livraison estimée entre le')
      assert.include(part, 'Vous disposez de 14 jours')
      assert.include(part, 'Sabot gravé — Produit personnalisé')
      assert.include(
        part,
        'Le modèle de formulaire de rétractation est joint à cet e-mail au format PDF (formulaire-de-retractation.pdf).'
      )
      assert.match(part, new RegExp(`/orders/${order.number}\\?signature=`))
    }
    assert.include(text, '2 × Sabot MAR-39')
    assert.notMatch(text, /<\/?[a-z][a-z0-9]*[\s>]/, 'the text part holds no HTML')
    assert.deepEqual(attachmentsOf(message), ['cgv-v1-fr.pdf', 'formulaire-de-retractation.pdf'])
  })

  test('an English order is mailed in English, with the English CGV', async ({
    assert,
    cleanup,
  }) => {
    const messages = fakeMail(cleanup)
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'MAR-40')

    const order = await place([{ variantId, quantity: 1 }], 'en')
    await runQueuedJobsNow()

    const [message] = messages.sent()
    message.assertSubject(`Your order ${order.number} is confirmed – Comptoir`)
    assert.include(htmlOf(message), '<html lang="en">')
    assert.include(textOf(message), 'You have 14 days from receiving your order')
    assert.match(textOf(message), new RegExp(`/en/orders/${order.number}\\?signature=`))
    const { pdf } = await acceptedTerms(order)
    assert.deepEqual(attachmentsOf(message), ['cgv-v1-en.pdf', 'withdrawal-form.pdf'])
    // The fake mailer's JSON transport leaves the content base64-encoded.
    const [attachment, form] = message.nodeMailerMessage.attachments!
    assert.isTrue(Buffer.from(String(attachment.content), 'base64').equals(pdf))
    const formText = await pdfText(Buffer.from(String(form.content), 'base64'))
    assert.include(formText, 'Model withdrawal form')
    assert.include(formText, 'I/We (*) hereby give notice')
    assert.include(
      textOf(message),
      'The model withdrawal form is attached to this email as a PDF (withdrawal-form.pdf).'
    )
  })

  test('the payment, each parcel shipped and each parcel delivered are mailed and put on the timeline', async ({
    assert,
    cleanup,
  }) => {
    const messages = fakeMail(cleanup)
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'MAR-41', { priceAmount: 4990 })
    const order = await place([{ variantId, quantity: 2 }])
    const [line] = await OrderLine.query().where('order_id', order.id)
    const payments = await app.container.make(OrderPayments)
    const shipments = await app.container.make(ShipmentService)
    await runQueuedJobsNow()

    await payments.markPaid(order.id, STAFF)
    await runQueuedJobsNow()
    const [paid] = messages.ofKind('payment_received')
    paid.assertSubject(`Paiement reçu pour votre commande ${order.number} – Comptoir`)
    paid.assertTextIncludes(
      `Nous avons bien reçu votre paiement de ${Money.of(order.total, 'EUR').format('fr')}`
    )
    const invoice = await Invoice.findByOrFail('order_id', order.id)
    paid.assertTextIncludes(`Votre facture n° ${invoice.number} est jointe`)
    assert.deepEqual(attachmentsOf(paid), [`${invoice.number}.pdf`])
    const invoices = await app.container.make(InvoiceService)
    const [invoicePdf] = paid.nodeMailerMessage.attachments!
    assert.isTrue(
      Buffer.from(String(invoicePdf.content), 'base64').equals(await invoices.pdf(invoice)),
      'the attachment is the stored invoice PDF'
    )

    const first = await shipments.ship(
      order.id,
      {
        lines: [{ orderLineId: line.id, quantity: 1 }],
        carrier: 'Colissimo',
        trackingNumber: '6A12345678901',
        trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901',
      },
      STAFF
    )
    await runQueuedJobsNow()
    const shipped = messages.sent().at(-1)!
    shipped.assertSubject(`Votre commande ${order.number} est en route – Comptoir`)
    assertAccessibleHtml(assert, htmlOf(shipped))
    shipped.assertHtmlIncludes('<caption>Contenu du colis</caption>')
    shipped.assertTextIncludes('- 1 × Sabot MAR-41')
    shipped.assertTextIncludes('Transporteur : Colissimo')
    shipped.assertTextIncludes('Numéro de suivi : 6A12345678901')
    shipped.assertHtmlIncludes(
      'href="https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901"'
    )
    shipped.assertTextIncludes('Le reste de votre commande suivra dans un autre colis.')

    const second = await shipments.ship(
      order.id,
      {
        lines: [{ orderLineId: line.id, quantity: 1 }],
        carrier: 'Coursier',
        trackingUrl: 'javascript:alert(1)',
      },
      STAFF
    )
    await runQueuedJobsNow()
    const rest = messages.sent().at(-1)!
    rest.assertTextIncludes('Transporteur : Coursier')
    assert.notInclude(htmlOf(rest), 'javascript:', 'only web links become links')
    assert.notInclude(textOf(rest), 'Le reste de votre commande suivra')

    await shipments.markDelivered(first.id, DateTime.fromISO('2026-03-03T10:00:00Z'), STAFF)
    await runQueuedJobsNow()
    const delivered = messages.sent().at(-1)!
    delivered.assertSubject(`Votre commande ${order.number} a été livrée – Comptoir`)
    delivered.assertTextIncludes('a été livré le mardi 3 mars 2026')
    delivered.assertTextIncludes('Vous disposez de 14 jours à compter de la réception')
    assert.notInclude(textOf(delivered), 'Toute votre commande')

    await shipments.markDelivered(second.id, DateTime.fromISO('2026-03-04T10:00:00Z'), STAFF)
    await runQueuedJobsNow()
    messages.sent().at(-1)!.assertTextIncludes('Toute votre commande vous a maintenant été livrée.')

    assert.lengthOf(messages.sent(), 6)
    const notes = await emailNotes(order)
    assert.deepEqual(
      notes.map((note) => note.split(' ')[0]),
      [
        'order_confirmation',
        'payment_received',
        'order_shipped',
        'order_shipped',
        'order_delivered',
        'order_delivered',
      ]
    )
  })

  test('a mail server that is down fails neither the order nor the e-mail: it is sent on retry', async ({
    assert,
    cleanup,
  }) => {
    await useSmtpMailer(cleanup, await closedPort())
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'MAR-42')

    const order = await place([{ variantId, quantity: 1 }])
    assert.equal(order.status, 'pending_payment')
    await runQueuedJobsNow()

    assert.deepEqual(await emailNotes(order), [])
    const job = await db.from('queue_jobs').where('status', 'delayed').firstOrFail()
    assert.isAbove(Number(job.execute_at), Date.now(), 'the retry waits for later')

    const { received } = await smtpServer(cleanup)
    await runQueuedJobsNow()

    assert.lengthOf(received, 1)
    const message = await simpleParser(received[0])
    assert.equal(message.subject, `Confirmation de votre commande ${order.number} – Comptoir`)
    assert.lengthOf(await emailNotes(order), 1)
    assert.lengthOf(await db.from('queue_jobs').whereIn('status', ['pending', 'delayed']), 0)
    assert.isNotNull(await Order.find(order.id))
  })

  test('an e-mail still not sent once its retries are spent is marked so on the timeline', async ({
    assert,
    cleanup,
  }) => {
    await useSmtpMailer(cleanup, await closedPort())
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'MAR-43')
    const order = await place([{ variantId, quantity: 1 }])

    for (let attempt = 1; attempt <= 7; attempt++) await runQueuedJobsNow()

    const notes = await emailNotes(order)
    assert.lengthOf(notes, 1)
    assert.match(notes[0], /^order_confirmation not sent: .*ECONNREFUSED/)
    assert.lengthOf(await db.from('queue_jobs').where('status', 'failed'), 1)
  })
})
