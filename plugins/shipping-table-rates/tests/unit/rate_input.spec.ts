import { test } from '@japa/runner'
import i18nManager from '@adonisjs/i18n/services/main'
import { formatAmount, parseAmount } from '#src/amounts'
import { validateRate } from '#src/rate_validator'

test.group('Typed amounts', () => {
  test('are read into cents exactly, with a comma or a dot', ({ assert }) => {
    assert.equal(parseAmount('4,90'), 490)
    assert.equal(parseAmount('4.9'), 490)
    assert.equal(parseAmount('60'), 6000)
    assert.equal(parseAmount(' 0,05 '), 5)
    assert.equal(parseAmount('1 250,10'), 125_010)
    assert.equal(parseAmount('1250.10'), 125_010)
    // 0.29 × 100 is 28.999999999999996 in floating point.
    assert.equal(parseAmount('0,29'), 29)
    assert.equal(parseAmount('999999,99'), 99_999_999)
  })

  test('refuse what is not a plain positive amount', ({ assert }) => {
    for (const text of [
      '',
      '-4,90',
      '4,999',
      '4,',
      ',90',
      '4,90 €',
      'abc',
      '1e3',
      '1 2,00',
      '1000000',
    ]) {
      assert.isNull(parseAmount(text), text)
    }
  })

  test('are written back as the merchant types them', ({ assert }) => {
    assert.equal(formatAmount(490, 'fr'), '4,90')
    assert.equal(formatAmount(5, 'en'), '0.05')
    assert.equal(formatAmount(125_010, 'en'), '1250.10')
    assert.equal(parseAmount(formatAmount(29, 'fr')), 29)
  })
})

const valid = {
  country_code: 'fr',
  postcode_prefix: ' 20 ',
  min_weight_grams: '0',
  max_weight_grams: '250',
  min_items: '',
  max_items: '',
  min_subtotal: '',
  max_subtotal: '60',
  price: '6,90',
  currency: 'EUR',
  delay_min_days: '3',
  delay_max_days: '5',
  label: 'Corse 0–250 g',
}

test.group('Validating a rate', () => {
  const fr = () => i18nManager.locale('fr')

  test('turns typed values into a rate, empty meaning no bound', async ({ assert }) => {
    const result = await validateRate(valid, fr())
    assert.deepEqual(result, {
      valid: true,
      rate: {
        countryCode: 'FR',
        postcodePrefix: '20',
        minWeightGrams: 0,
        maxWeightGrams: 250,
        minItems: 0,
        maxItems: null,
        minSubtotal: 0,
        maxSubtotal: 6000,
        price: 690,
        currency: 'EUR',
        delayMinDays: 3,
        delayMaxDays: 5,
        label: 'Corse 0–250 g',
      },
    })
  })

  test('reports each wrong field with a message in the admin’s language', async ({ assert }) => {
    const result = await validateRate(
      { ...valid, country_code: 'France', price: '6,905', currency: 'USD', delay_min_days: '' },
      fr()
    )
    assert.isFalse(result.valid)
    if (result.valid) return
    const byField = Object.fromEntries(result.errors.map((error) => [error.field, error.message]))
    assert.deepEqual(Object.keys(byField).sort(), [
      'country_code',
      'currency',
      'delay_min_days',
      'price',
    ])
    assert.equal(byField.country_code, 'Saisissez un code pays ISO à deux lettres (FR, BE…) ou *.')
    assert.equal(byField.price, 'Le champ prix doit être un montant, par exemple 4,90.')
    assert.equal(byField.delay_min_days, 'Le champ délai minimum est obligatoire.')

    const english = await validateRate({ ...valid, price: '' }, i18nManager.locale('en'))
    assert.deepEqual(!english.valid && english.errors.map((error) => error.message), [
      'The price is required.',
    ])
  })

  test('checks bands and delays against their minimum', async ({ assert }) => {
    const result = await validateRate(
      {
        ...valid,
        min_weight_grams: '250',
        max_weight_grams: '250',
        min_items: '3',
        max_items: '2',
        min_subtotal: '60',
        max_subtotal: '59,99',
        delay_min_days: '4',
        delay_max_days: '3',
      },
      fr()
    )
    assert.deepEqual(!result.valid && result.errors.map((error) => [error.field, error.rule]), [
      ['max_weight_grams', 'aboveMin'],
      ['max_items', 'aboveMin'],
      ['max_subtotal', 'aboveMin'],
      ['delay_max_days', 'delayOrder'],
    ])
  })

  test('a postcode prefix needs a country, not "*"', async ({ assert }) => {
    const result = await validateRate({ ...valid, country_code: '*' }, fr())
    assert.deepEqual(!result.valid && result.errors, [
      {
        field: 'postcode_prefix',
        rule: 'prefixNeedsCountry',
        message: 'Un début de code postal demande un pays précis, pas « * ».',
      },
    ])
    const everywhere = await validateRate(
      { ...valid, country_code: '*', postcode_prefix: '' },
      fr()
    )
    assert.isTrue(everywhere.valid)
  })
})
