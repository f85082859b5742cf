import { test } from '@japa/runner'
import {
  balanceCreditAmounts,
  creditBalance,
  creditNoteAmounts,
  invoiceAmounts,
  signedAmount,
  type DocumentAmounts,
  type SoldLine,
} from '#domain/invoices'

const LABELS = { adjustment: 'Remboursement partiel', balance: 'Solde' }

/** A book at 5.5 % (2 × 12,00 €) and a clog at 20 % (49,90 €), delivery 5,90 €. */
const SOLD: SoldLine[] = [
  {
    orderLineId: 1,
    designation: 'Livre',
    sku: 'BOOK',
    quantity: 2,
    unitPrice: 1200,
    discount: 0,
    vatRate: 550,
  },
  {
    orderLineId: 2,
    designation: 'Sabot',
    sku: 'CLOG',
    quantity: 1,
    unitPrice: 4990,
    discount: 0,
    vatRate: 2000,
  },
]
const DELIVERY = { designation: 'Livraison : Colissimo', amount: 590 }

function credit(invoice: DocumentAmounts, credits: DocumentAmounts[], request: object) {
  const outcome = creditNoteAmounts(invoice, credits, request, LABELS)
  if (outcome.kind !== 'credit') throw new Error(`refused: ${outcome.reason}`)
  return outcome.amounts
}

test.group('Invoice amounts', () => {
  test('TC-31 (I-02): 5.5 % and 20 % lines plus delivery: base and VAT per rate, totals', ({
    assert,
  }) => {
    const invoice = invoiceAmounts(SOLD, DELIVERY)

    // Delivery follows the goods: 5,90 € split 3,98 € / 1,92 € in proportion to 49,90 € / 24,00 €.
    assert.deepEqual(invoice.vat, [
      { rate: 2000, gross: 5388, net: 4490, vat: 898 },
      { rate: 550, gross: 2592, net: 2457, vat: 135 },
    ])
    assert.deepEqual(invoice.totals, { net: 6947, vat: 1033, gross: 7980, discount: 0 })
    assert.equal(invoice.totals.net + invoice.totals.vat, invoice.totals.gross)

    const shipping = invoice.lines.filter((line) => line.kind === 'shipping')
    assert.deepEqual(
      shipping.map((line) => [line.vatRate, line.total, line.designation]),
      [
        [2000, 398, 'Livraison : Colissimo'],
        [550, 192, 'Livraison : Colissimo'],
      ]
    )
    // Each line's unit price excluding tax, as printed.
    const goods = invoice.lines.filter((line) => line.kind === 'goods')
    assert.deepEqual(
      goods.map((line) => [line.sku, line.unitPriceExclTax, line.total]),
      [
        ['BOOK', 1137, 2400],
        ['CLOG', 4158, 4990],
      ]
    )
  })

  test('I-02: discounts stay on their lines and are totalled', ({ assert }) => {
    const invoice = invoiceAmounts([{ ...SOLD[1], discount: 499 }], {
      designation: 'Livraison',
      amount: 0,
    })
    assert.lengthOf(invoice.lines, 1)
    assert.equal(invoice.lines[0].total, 4491)
    assert.deepEqual(invoice.totals, { net: 3742, vat: 749, gross: 4491, discount: 499 })
  })
})

test.group('Credit note amounts', () => {
  test('I-04: never more units than invoiced, the delivery once, no amount above the rest', ({
    assert,
  }) => {
    const invoice = invoiceAmounts(SOLD, DELIVERY)
    const refusal = (credits: DocumentAmounts[], request: object) => {
      const outcome = creditNoteAmounts(invoice, credits, request, LABELS)
      return outcome.kind === 'refused' ? outcome.reason : null
    }

    assert.equal(refusal([], { lines: [{ orderLineId: 1, quantity: 3 }] }), 'quantity_exceeded')
    assert.equal(refusal([], { lines: [{ orderLineId: 99, quantity: 1 }] }), 'unknown_line')
    assert.equal(refusal([], { lines: [{ orderLineId: 1, quantity: 0 }] }), 'quantity_exceeded')
    assert.equal(refusal([], { amount: 7981 }), 'amount_exceeded')
    assert.equal(refusal([], { amount: -1 }), 'amount_exceeded')
    assert.equal(refusal([], {}), 'empty')

    const oneBook = credit(invoice, [], { lines: [{ orderLineId: 1, quantity: 1 }] })
    assert.equal(oneBook.totals.gross, 1200)
    // One book credited: one left, so two more are refused even when asked in two parts.
    assert.equal(
      refusal([oneBook], {
        lines: [
          { orderLineId: 1, quantity: 1 },
          { orderLineId: 1, quantity: 1 },
        ],
      }),
      'quantity_exceeded'
    )

    const delivery = credit(invoice, [oneBook], { shipping: true })
    assert.equal(delivery.totals.gross, 590)
    assert.equal(refusal([oneBook, delivery], { shipping: true }), 'shipping_already_credited')

    // What is left: one book and the clog, 61,90 €.
    assert.equal(creditBalance(invoice, [oneBook, delivery]).total, 6190)
    assert.equal(refusal([oneBook, delivery], { amount: 6191 }), 'amount_exceeded')
    const rest = credit(invoice, [oneBook, delivery], { amount: 6190 })
    assert.equal(rest.totals.gross, 6190)
    assert.equal(creditBalance(invoice, [oneBook, delivery, rest]).total, 0)
    // An amount credited leaves no room at its rates for the goods behind it.
    assert.equal(
      refusal([oneBook, delivery, rest], { lines: [{ orderLineId: 2, quantity: 1 }] }),
      'amount_exceeded'
    )
  })

  test('I-04: credited piece by piece, the VAT given back is exactly the invoice VAT', ({
    assert,
  }) => {
    // Three units sharing a 1-cent discount: per-unit amounts cannot all be equal.
    const invoice = invoiceAmounts(
      [{ ...SOLD[0], quantity: 3, unitPrice: 999, discount: 1 }, SOLD[1]],
      DELIVERY
    )
    const credits: DocumentAmounts[] = []
    for (const request of [
      { lines: [{ orderLineId: 1, quantity: 1 }] },
      { lines: [{ orderLineId: 1, quantity: 1 }], shipping: true },
      { lines: [{ orderLineId: 1, quantity: 1 }] },
      { lines: [{ orderLineId: 2, quantity: 1 }] },
    ]) {
      credits.push(credit(invoice, credits, request))
    }
    for (const rate of invoice.vat) {
      const credited = credits.flatMap((note) => note.vat.filter((line) => line.rate === rate.rate))
      assert.equal(
        credited.reduce((sum, line) => sum + line.gross, 0),
        rate.gross
      )
      assert.equal(
        credited.reduce((sum, line) => sum + line.vat, 0),
        rate.vat,
        `VAT at ${rate.rate}`
      )
    }
    assert.deepEqual(
      credits
        .flatMap((note) => note.lines)
        .filter((line) => line.orderLineId === 1)
        .map((line) => [line.total, line.discount]),
      [
        [999, 0],
        [998, 1],
        [999, 0],
      ]
    )
    assert.equal(creditBalance(invoice, credits).total, 0)
    assert.isNull(balanceCreditAmounts(invoice, credits, LABELS))
  })

  test('a full credit lists what is left, or the balance per rate after a partial amount', ({
    assert,
  }) => {
    const invoice = invoiceAmounts(SOLD, DELIVERY)

    const oneBook = credit(invoice, [], { lines: [{ orderLineId: 1, quantity: 1 }] })
    const itemised = balanceCreditAmounts(invoice, [oneBook], LABELS)!
    assert.deepEqual(
      itemised.lines.map((line) => [line.kind, line.orderLineId, line.quantity]),
      [
        ['goods', 1, 1],
        ['goods', 2, 1],
        ['shipping', null, 1],
        ['shipping', null, 1],
      ]
    )
    assert.equal(itemised.totals.gross, 7980 - 1200)

    // A goodwill amount is spread over the rates in proportion to what is left at each.
    const goodwill = credit(invoice, [], { amount: 1000 })
    assert.deepEqual(
      goodwill.lines.map((line) => [line.kind, line.vatRate, line.total]),
      [
        ['adjustment', 2000, 675],
        ['adjustment', 550, 325],
      ]
    )
    const balance = balanceCreditAmounts(invoice, [goodwill], LABELS)!
    assert.deepEqual(
      balance.lines.map((line) => [line.designation, line.vatRate, line.total]),
      [
        ['Solde', 2000, 5388 - 675],
        ['Solde', 550, 2592 - 325],
      ]
    )
    const vatBack = [goodwill, balance].flatMap((note) => note.vat).reduce((s, l) => s + l.vat, 0)
    assert.equal(vatBack, invoice.totals.vat)
  })

  test('W-17 / I-04: an amount withheld from the goods credited, at their rates, with its reason', ({
    assert,
  }) => {
    const invoice = invoiceAmounts(SOLD, DELIVERY)
    const refusal = (request: object) => {
      const outcome = creditNoteAmounts(invoice, [], request, LABELS)
      return outcome.kind === 'refused' ? outcome.reason : null
    }
    const bookAndClog = [
      { orderLineId: 1, quantity: 2 },
      { orderLineId: 2, quantity: 1 },
    ]

    // 10 € withheld from 24 € of books (5.5 %) and 49,90 € of clog (20 %).
    const note = credit(invoice, [], {
      lines: bookAndClog,
      amount: 300,
      withheld: { amount: 1000, reason: ' Semelle usée ' },
    })
    const withheld = note.lines.filter((line) => line.total < 0)
    assert.deepEqual(
      withheld.map((line) => [line.kind, line.designation, line.vatRate, line.total]),
      [
        ['adjustment', 'Semelle usée', 550, -325],
        ['adjustment', 'Semelle usée', 2000, -675],
      ]
    )
    assert.equal(withheld[1].unitPriceExclTax, -562)
    assert.equal(note.totals.gross, 2400 + 4990 + 300 - 1000)
    assert.equal(note.totals.net + note.totals.vat, note.totals.gross)
    // The VAT per rate is that of what is credited net of what is withheld.
    const clogRate = note.vat.find((line) => line.rate === 2000)!
    const amountAtClogRate = note.lines
      .filter((line) => line.vatRate === 2000)
      .reduce((total, line) => total + line.total, 0)
    assert.equal(clogRate.gross, amountAtClogRate)

    // Only the goods of the same request can be withheld from, with a reason.
    assert.equal(
      refusal({
        lines: [{ orderLineId: 1, quantity: 1 }],
        withheld: { amount: 1201, reason: 'x' },
      }),
      'withheld_exceeded'
    )
    assert.equal(
      refusal({ shipping: true, withheld: { amount: 100, reason: 'Étiquette retour' } }),
      'withheld_exceeded'
    )
    assert.equal(
      refusal({ lines: bookAndClog, withheld: { amount: -1, reason: 'x' } }),
      'withheld_exceeded'
    )
    assert.equal(
      refusal({ lines: bookAndClog, withheld: { amount: 100, reason: '  ' } }),
      'withheld_without_reason'
    )
    // Nothing withheld, nothing added.
    const whole = credit(invoice, [], { lines: bookAndClog, withheld: { amount: 0, reason: '' } })
    assert.equal(whole.totals.gross, 7390)

    // What was withheld is still on the invoice: a later credit may give it back.
    assert.equal(creditBalance(invoice, [note]).total, 7980 - note.totals.gross)
    assert.deepEqual([...creditBalance(invoice, [note]).quantities.values()], [0, 0])
  })

  test('credit notes count negative in sums of sales', ({ assert }) => {
    assert.equal(signedAmount('invoice', 1200), 1200)
    assert.equal(signedAmount('credit_note', 1200), -1200)
  })
})
