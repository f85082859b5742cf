import { test } from '@japa/runner'
import type { Address, CartSnapshot, Locale } from '@comptoir/contracts/commerce'
import { ShippingMethod, type ShippingQuote } from '@comptoir/contracts/shipping_method'
import { estimateDestination, estimateForProduct } from '#src/product_estimate'

/** Answers a fixed quote and remembers what it was asked. */
class FakeMethod extends ShippingMethod {
  readonly code = 'fake'
  asked: { cart: CartSnapshot; destination: Address }[] = []

  constructor(protected answer: ShippingQuote | null) {
    super()
  }

  label(_locale: Locale) {
    return 'Fake'
  }

  async quote(cart: CartSnapshot, destination: Address) {
    this.asked.push({ cart, destination })
    return this.answer
  }
}

const input = {
  locale: 'fr' as const,
  product: { id: 7, name: 'Sabot Gaston' },
  variant: { id: 12, sku: 'GAS-38', price: { amount: 4500, currency: 'EUR' }, weightGrams: 900 },
}
// Monday 23 November 2026, 10:00 in Paris.
const now = new Date('2026-11-23T09:00:00Z')

test.group('Product page estimate', () => {
  test('quotes one unit of the variant for the default destination', async ({ assert }) => {
    const method = new FakeMethod({ price: { amount: 490, currency: 'EUR' }, delayDays: [3, 4] })
    const destination = estimateDestination({ defaultCountry: 'BE', defaultPostcode: '1000' })

    const estimate = await estimateForProduct(method, input, destination, now)

    assert.deepEqual(estimate, {
      price: { amount: 490, currency: 'EUR' },
      free: false,
      delivery: { kind: 'range', from: 'jeudi 26', to: 'vendredi 27 novembre' },
      country: 'Belgique',
    })
    const [{ cart, destination: asked }] = method.asked
    assert.deepEqual(cart.subtotal, { amount: 4500, currency: 'EUR' })
    assert.deepEqual(
      cart.lines.map((line) => [line.variantId, line.quantity, line.unitWeightGrams]),
      [[12, 1, 900]]
    )
    assert.deepEqual([asked.countryCode, asked.postalCode], ['BE', '1000'])
  })

  test('says when delivery is free, in English too', async ({ assert }) => {
    const method = new FakeMethod({ price: { amount: 0, currency: 'EUR' }, delayDays: [1, 1] })
    const destination = estimateDestination({ defaultCountry: 'FR' })

    const estimate = await estimateForProduct(method, { ...input, locale: 'en' }, destination, now)

    assert.isTrue(estimate?.free)
    assert.deepEqual(estimate?.delivery, { kind: 'day', day: 'Tuesday 24 November' })
    assert.equal(estimate?.country, 'France')
    assert.equal(method.asked[0].destination.postalCode, '')
  })

  test('promises nothing when no rate serves the product', async ({ assert }) => {
    const method = new FakeMethod(null)
    const destination = estimateDestination({ defaultCountry: 'FR' })
    assert.isNull(await estimateForProduct(method, input, destination, now))
  })
})
