import { test } from '@japa/runner'
import { extractText } from 'unpdf'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import i18nManager from '@adonisjs/i18n/services/main'
import db from '@adonisjs/lucid/services/db'
import type { Locale } from '@comptoir/contracts/commerce'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import Invoice from '#models/invoice'
import type Order from '#models/order'
import OrderEvent from '#models/order_event'
import Setting from '#models/setting'
import { Money } from '#domain/money'
import { formatSiren } from '#domain/seller_identity'
import { formatVatRate } from '#domain/vat'
import InvoiceException from '#exceptions/invoice_exception'
import InvoiceService, { documentYear } from '#services/invoices/invoice_service'
import SalesJournal from '#services/invoices/sales_journal'
import { orderDocuments, storefrontOrderDocuments } from '#services/invoices/order_documents'
import { prepareDocumentSequence } from '#services/orders/document_numbers'
import OrderPayments from '#services/orders/order_payments'
import { trackingUrl } from '#support/order_access'
import { cartReadyToOrder, checkoutShop, productOnSale, placeCart } from '#tests/helpers/checkout'
import { countRows } from '#tests/helpers/database'

const STAFF = { label: 'Claire (owner)', adminUserId: null }
const YEAR = documentYear()

type Catalog = Awaited<ReturnType<typeof checkoutShop>>['catalog']

async function placeOrder(
  lines: { variantId: number; quantity: number }[],
  options: { locale?: Locale; email?: string } = {}
) {
  const cart = await cartReadyToOrder(lines, { email: options.email })
  return placeCart(cart, { locale: options.locale, ip: null })
}

async function markPaid(order: Order) {
  const payments = await app.container.make(OrderPayments)
  return payments.markPaid(order.id, STAFF)
}

async function invoiceOf(order: Order) {
  return Invoice.query().where('order_id', order.id).where('kind', 'invoice').firstOrFail()
}

/** A book at 5.5 % and a clog at 20 %. */
async function mixedRateProducts(catalog: Catalog) {
  const book = await catalog.createProduct(
    { fr: 'Livre du sabotier', en: 'The clog maker’s book' },
    [
      {
        sku: 'BOOK-1',
        priceAmount: 1200,
        stock: [{ stockLocationId: catalog.warehouse.id, quantity: 10, safetyThreshold: 0 }],
      },
    ],
    { vatRate: 550 }
  )
  await book.load('variants')
  const clog = await productOnSale(catalog, 'CLOG-1', { priceAmount: 4990, quantity: 10 })
  return { book: book.variants[0].id, clog }
}

async function pdfText(bytes: Buffer) {
  const { text } = await extractText(new Uint8Array(bytes), { mergePages: true })
  return text.replace(/\s+/g, ' ')
}

function money(amount: number, locale = 'fr') {
  return Money.of(amount, 'EUR').format(locale).replace(/\s+/g, ' ')
}

test.group('Invoices', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('I-01/I-02 (TC-31): paying an order issues FA-YYYY-000001 with VAT per rate on its PDF', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const { book, clog } = await mixedRateProducts(catalog)
    const order = await placeOrder([
      { variantId: book, quantity: 2 },
      { variantId: clog, quantity: 1 },
    ])

    assert.equal(await markPaid(order), 'paid')

    const invoice = await invoiceOf(order)
    assert.equal(invoice.number, `FA-${YEAR}-000001`)
    assert.equal(invoice.totalGross, order.total)
    assert.equal(invoice.totalVat, order.vatTotal)
    assert.equal(invoice.totalNet + invoice.totalVat, invoice.totalGross)
    const { snapshot } = invoice
    assert.deepEqual(snapshot.vat, order.snapshot.vat)
    assert.deepEqual(
      snapshot.vat.map((line) => line.rate),
      [2000, 550]
    )
    assert.equal(snapshot.seller.siren, '987654324')
    assert.equal(snapshot.orderNumber, order.number)
    assert.equal(snapshot.buyer.email, order.email)
    assert.isNotNull(snapshot.paidAt)

    const invoices = await app.container.make(InvoiceService)
    const text = await pdfText(await invoices.pdf(invoice))
    assert.include(text, `Facture n° FA-${YEAR}-000001`)
    assert.include(text, `SIREN ${formatSiren('987654324')}`)
    assert.include(text, 'FR14987654324')
    assert.include(text, 'Sabots Martin')
    assert.include(text, 'Claire Martin')
    assert.include(text, 'Livre du sabotier')
    assert.include(text, 'Payée le')
    assert.include(text, 'Page 1 sur 1')
    for (const line of snapshot.vat) {
      assert.include(text, formatVatRate(line.rate, 'fr').replace(/\s+/g, ' '))
      assert.include(text, money(line.net))
      assert.include(text, money(line.vat))
    }
    assert.include(text, money(invoice.totalNet))
    assert.include(text, money(invoice.totalGross))

    // Stored once, with its SHA-256: the next read gives the same bytes.
    await invoice.refresh()
    assert.match(
      invoice.pdfKey!,
      new RegExp(`^invoices/${YEAR}/FA-${YEAR}-000001-[0-9a-f]{64}\\.pdf$`)
    )
    assert.deepEqual(await invoices.pdf(invoice), await invoices.pdf(invoice))
    assert.deepEqual(await invoices.pdf(invoice), await invoices.renderPdf(invoice))
  }).timeout(60_000)

  test('an English order gets its invoice in English; issuing twice returns the same invoice', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'EN-1')
    const order = await placeOrder([{ variantId, quantity: 1 }], { locale: 'en' })
    await markPaid(order)

    const invoices = await app.container.make(InvoiceService)
    const again = await db.transaction((trx) => invoices.issueForOrder(trx, order))
    const invoice = await invoiceOf(order)
    assert.equal(again.id, invoice.id)
    assert.equal(await countRows('invoices'), 1)

    const text = await pdfText(await invoices.pdf(invoice))
    assert.include(text, `Invoice No. FA-${YEAR}-000001`)
    assert.include(text, 'Paid on')
    assert.include(text, 'Page 1 of 1')
  }).timeout(60_000)

  test('I-02: no invoice without the seller identity, and the payment is not recorded either', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'ID-1')
    const order = await placeOrder([{ variantId, quantity: 1 }])
    const identity = await Setting.findOrFail('seller.identity')
    const saved = identity.value
    await identity.delete()

    const error = await markPaid(order).catch((reason) => reason)
    assert.instanceOf(error, InvoiceException)
    assert.equal(error.code, 'E_INVOICE_SELLER_IDENTITY_MISSING')
    assert.include(error.message, 'Settings › Legal identity')
    await order.refresh()
    assert.isNull(order.paidAt)
    assert.equal(await countRows('invoices'), 0)

    // Once filled in, the payment goes through and takes the number given back.
    await Setting.create({ key: 'seller.identity', value: saved })
    assert.equal(await markPaid(order), 'paid')
    const invoice = await invoiceOf(order)
    assert.equal(invoice.number, `FA-${YEAR}-000001`)
  }).timeout(60_000)

  test('TC-30 (I-02/I-04): 20 concurrent payments give FA-…-000001 to 000020, no gap, no duplicate', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'RUSH-1', { quantity: 20 })
    const orders: Order[] = []
    for (let index = 0; index < 20; index++) {
      orders.push(
        await placeOrder([{ variantId, quantity: 1 }], { email: `buyer${index}@example.fr` })
      )
    }

    const outcomes = await Promise.all(orders.map((order) => markPaid(order)))

    assert.deepEqual(outcomes, Array(20).fill('paid'))
    const invoices = await Invoice.query().orderBy('number')
    assert.deepEqual(
      invoices.map((invoice) => invoice.number),
      Array.from({ length: 20 }, (_, index) => `FA-${YEAR}-${String(index + 1).padStart(6, '0')}`)
    )
    assert.equal(new Set(invoices.map((invoice) => invoice.orderId)).size, 20)
    // Chronological: numbers follow issue times.
    const times = invoices.map((invoice) => invoice.issuedAt.toMillis())
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b)
    )
    const sequence = await db.from('document_sequences').where({ series: 'FA', year: YEAR }).first()
    assert.equal(Number(sequence.last_number), 20)
  }).timeout(120_000)

  test('I-04: an issued invoice cannot be changed, deleted or its number reissued', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'LOCK-1')
    const order = await placeOrder([{ variantId, quantity: 1 }])
    await markPaid(order)
    const invoice = await invoiceOf(order)

    invoice.totalGross = 1
    await assert.rejects(() => invoice.save(), /cannot be changed or deleted/)
    await assert.rejects(() => invoice.delete(), /cannot be changed or deleted/)
    await invoice.refresh()
    assert.equal(invoice.totalGross, order.total)

    // The number is unique: even a raw insert cannot issue it again.
    const row = await db.from('invoices').where('id', invoice.id).firstOrFail()
    delete row.id
    await assert.rejects(() => db.table('invoices').insert(row))
    assert.equal(await countRows('invoices'), 1)
    // Nor can the order behind it go while its invoice must be kept (I-06).
    await assert.rejects(() => db.from('orders').where('id', order.id).delete())
  }).timeout(60_000)

  test('I-04: a credit note has its own number, references the invoice and credits no more than it', async ({
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const { book, clog } = await mixedRateProducts(catalog)
    const order = await placeOrder([
      { variantId: book, quantity: 2 },
      { variantId: clog, quantity: 1 },
    ])
    await markPaid(order)
    const invoice = await invoiceOf(order)
    const invoices = await app.container.make(InvoiceService)
    const bookLine = invoice.snapshot.lines.find((line) => line.sku === 'BOOK-1')!

    await prepareDocumentSequence('AV', YEAR)
    const partial = await db.transaction((trx) =>
      invoices.issueCreditNote(trx, invoice, {
        lines: [{ orderLineId: bookLine.orderLineId!, quantity: 1 }],
        reason: 'Livre abîmé',
      })
    )
    assert.equal(partial.number, `AV-${YEAR}-000001`)
    assert.equal(partial.kind, 'credit_note')
    assert.equal(partial.invoiceId, invoice.id)
    assert.equal(partial.totalGross, 1200)
    assert.deepEqual(partial.snapshot.creditNote, {
      invoiceNumber: invoice.number,
      invoiceIssuedAt: invoice.issuedAt.toUTC().toISO()!,
      reason: 'Livre abîmé',
    })
    const text = await pdfText(await invoices.pdf(partial))
    assert.include(text, `Avoir n° AV-${YEAR}-000001 relatif à la facture FA-${YEAR}-000001`)
    assert.include(text, 'Motif : Livre abîmé')
    assert.include(text, formatVatRate(550, 'fr').replace(/\s+/g, ' '))

    // Two more books than are left: refused, and nothing is numbered.
    const refused = await db
      .transaction((trx) =>
        invoices.issueCreditNote(trx, invoice, {
          lines: [{ orderLineId: bookLine.orderLineId!, quantity: 2 }],
          reason: 'Trop',
        })
      )
      .catch((error) => error)
    assert.instanceOf(refused, InvoiceException)
    assert.equal(refused.code, 'E_CREDIT_NOTE_QUANTITY_EXCEEDED')

    const creditBalance = (reason: string) =>
      db.transaction((trx) =>
        invoices.issueCreditNote(trx, invoice, { balance: true, reason, actor: STAFF })
      )
    const rest = await creditBalance('Commande annulée')
    assert.equal(rest.number, `AV-${YEAR}-000002`)
    assert.equal(rest.totalGross, invoice.totalGross - 1200)
    assert.equal(partial.totalVat + rest.totalVat, invoice.totalVat)
    const nothingLeft = await creditBalance('Encore').catch((error) => error)
    assert.equal(nothingLeft.code, 'E_CREDIT_NOTE_EMPTY')
    const left = await invoices.creditable(invoice)
    assert.equal(left.total, 0)

    const notes = await OrderEvent.query().where('order_id', order.id).where('type', 'note')
    assert.includeMembers(
      notes.map((event) => event.note),
      [
        `invoice FA-${YEAR}-000001 issued`,
        `credit note AV-${YEAR}-000002 issued for invoice FA-${YEAR}-000001: Commande annulée`,
      ]
    )
  }).timeout(60_000)
})

test.group('Invoice downloads', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  async function paidOrder(cleanup: Parameters<typeof checkoutShop>[0]) {
    const { catalog } = await checkoutShop(cleanup)
    const variantId = await productOnSale(catalog, 'DL-1')
    const order = await placeOrder([{ variantId, quantity: 1 }])
    await markPaid(order)
    return { order, invoice: await invoiceOf(order) }
  }

  test('a guest downloads from the signed link on the order page; another visitor gets 404', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { order, invoice } = await paidOrder(cleanup)
    const [document] = await storefrontOrderDocuments(order, 'fr')
    assert.equal(document.number, invoice.number)
    assert.match(
      document.url,
      /^\/orders\/CMD-\d{4}-\d{6}\/invoices\/FA-\d{4}-\d{6}\.pdf\?signature=/
    )

    const page = await client.get(trackingUrl(order))
    page.assertStatus(200)
    assert.include(page.text(), invoice.number)
    assert.include(page.text(), document.url)

    const download = await client.get(document.url)
    download.assertStatus(200)
    download.assertHeader('content-type', 'application/pdf')
    assert.equal(download.header('cache-control'), 'private, no-store')
    const invoices = await app.container.make(InvoiceService)
    assert.isTrue((download.body() as Buffer).equals(await invoices.pdf(invoice)))

    const unsigned = `/orders/${order.number}/invoices/${invoice.number}.pdf`
    const visitor = await client.get(unsigned)
    visitor.assertStatus(404)
    const forged = await client.get(`${unsigned}?signature=forged`)
    forged.assertStatus(404)
  }).timeout(60_000)

  test('staff who see orders (support included) download from the back office', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { order, invoice } = await paidOrder(cleanup)
    const support = await AdminUserFactory.apply('support').create()
    const [document] = await orderDocuments(order.id)
    assert.equal(document.url, `/admin/orders/${order.id}/invoices/${invoice.id}.pdf`)

    const download = await client.get(document.url).loginAs(support)
    download.assertStatus(200)
    download.assertHeader('content-type', 'application/pdf')

    const otherOrder = await client
      .get(`/admin/orders/${order.id + 1}/invoices/${invoice.id}.pdf`)
      .loginAs(support)
    otherOrder.assertStatus(404)
    const anonymous = await client.get(document.url).redirects(0)
    anonymous.assertStatus(302)
    anonymous.assertHeader('location', '/admin/login')
  }).timeout(60_000)
})

test.group('Sales and VAT journal', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  function parseCsv(text: string) {
    if (!text.startsWith('\uFEFF')) throw new Error('the CSV has no UTF-8 BOM')
    return text
      .slice(1)
      .split('\r\n')
      .filter(Boolean)
      .map((line) => line.split(';'))
  }

  function cents(value: string) {
    return Money.parse(value, 'EUR')!.amount
  }

  test('one row per document and rate, credit notes negative, sums equal the documents', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { catalog } = await checkoutShop(cleanup)
    const { book, clog } = await mixedRateProducts(catalog)
    const mixed = await placeOrder([
      { variantId: book, quantity: 1 },
      { variantId: clog, quantity: 1 },
    ])
    const single = await placeOrder([{ variantId: clog, quantity: 2 }], {
      email: 'paul@example.fr',
    })
    await markPaid(mixed)
    await markPaid(single)
    const invoices = await app.container.make(InvoiceService)
    await prepareDocumentSequence('AV', YEAR)
    const singleInvoice = await invoiceOf(single)
    const credit = await db.transaction((trx) =>
      invoices.issueCreditNote(trx, singleInvoice, {
        balance: true,
        reason: 'Annulation',
        actor: STAFF,
      })
    )
    const documents = await Invoice.query().orderBy('id')
    assert.lengthOf(documents, 3)

    const manager = await AdminUserFactory.apply('manager').create()
    const today = documents[0].issuedAt.setZone('Europe/Paris').toISODate()!
    const response = await client
      .get('/admin/accounting/journal.csv')
      .qs({ from: today, to: today })
      .loginAs(manager)
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /^text\/csv/)
    assert.include(
      response.header('content-disposition'),
      `journal-ventes-tva-${today}_${today}.csv`
    )

    const [header, ...rows] = parseCsv(response.text())
    assert.deepEqual(header, [
      'Date',
      'Numéro',
      'Type',
      'Commande',
      'Client',
      'Taux TVA (%)',
      'Base HT',
      'TVA',
      'TTC',
    ])
    const expectedRows = documents.reduce(
      (count, document) => count + document.snapshot.vat.length,
      0
    )
    assert.lengthOf(rows, expectedRows)
    for (const document of documents) {
      const own = rows.filter((row) => row[1] === document.number)
      const sign = document.kind === 'credit_note' ? -1 : 1
      const sum = (column: number) => own.reduce((total, row) => total + cents(row[column]), 0)
      assert.equal(sum(6), sign * document.totalNet, document.number)
      assert.equal(sum(7), sign * document.totalVat, document.number)
      assert.equal(sum(8), sign * document.totalGross, document.number)
      for (const row of own) {
        assert.equal(cents(row[6]) + cents(row[7]), cents(row[8]))
        assert.equal(row[3], document.snapshot.orderNumber)
        assert.equal(row[2], document.kind === 'credit_note' ? 'Avoir' : 'Facture')
      }
    }
    assert.sameMembers(
      rows.filter((row) => row[1] === documents[0].number).map((row) => row[5]),
      ['20', '5,5']
    )
    assert.match(rows[0][0], /^\d{2}\/\d{2}\/\d{4}$/)
    assert.match(rows.find((row) => row[1] === credit!.number)![8], /^-\d+,\d{2}$/)
    const total = rows.reduce((sum, row) => sum + cents(row[8]), 0)
    assert.equal(total, mixed.total)

    // Read one document at a time, the journal says the same.
    const chunks: Buffer[] = []
    for await (const chunk of new SalesJournal(1).stream(
      { from: today, to: today },
      i18nManager.locale('fr')
    )) {
      chunks.push(Buffer.from(chunk))
    }
    assert.equal(Buffer.concat(chunks).toString('utf8'), response.text())
  }).timeout(60_000)

  test('owners and managers export; support does not; a reversed period is refused', async ({
    client,
    assert,
  }) => {
    const manager = await AdminUserFactory.apply('manager').create()
    const support = await AdminUserFactory.apply('support').create()

    const page = await client.get('/admin/accounting').loginAs(manager)
    page.assertStatus(200)
    assert.include(page.text(), 'Comptabilité')
    assert.include(page.text(), 'href="/admin/accounting"')
    const forbidden = await client.get('/admin/accounting').loginAs(support)
    forbidden.assertStatus(403)
    const noExport = await client
      .get('/admin/accounting/journal.csv')
      .qs({ from: '2026-01-01', to: '2026-01-31' })
      .loginAs(support)
    noExport.assertStatus(403)

    const reversed = await client
      .get('/admin/accounting/journal.csv')
      .qs({ from: '2026-02-01', to: '2026-01-31' })
      .loginAs(manager)
      .redirects(0)
    reversed.assertStatus(302)
    reversed.assertHeader('location', '/admin/accounting')

    const empty = await client
      .get('/admin/accounting/journal.csv')
      .qs({ from: '2026-01-01', to: '2026-01-31' })
      .loginAs(manager)
    empty.assertStatus(200)
    assert.lengthOf(parseCsv(empty.text()), 1)
  })
})
