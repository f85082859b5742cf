import { test } from '@japa/runner'
import { checkPostalCode, hasPostalCodeFormat } from '#domain/postal_codes'
import { ADDRESS_COUNTRIES, countryName, countryOptions, isAddressCountry } from '#domain/countries'

function accepted(country: string, typed: string) {
  const check = checkPostalCode(country, typed)
  return check.valid ? check.postalCode : null
}

test.group('Postal codes', () => {
  test('France: five digits, Corsica 20xxx and overseas 97xxx included', ({ assert }) => {
    assert.equal(accepted('FR', '75001'), '75001')
    assert.equal(accepted('FR', ' 01 000 '), '01000')
    assert.equal(accepted('FR', '20000'), '20000')
    assert.equal(accepted('FR', '20290'), '20290')
    assert.equal(accepted('FR', '97400'), '97400')
    assert.equal(accepted('FR', '97133'), '97133')
    assert.equal(accepted('FR', '98800'), '98800')
    for (const typed of ['7500', '750011', '2A004', '00100', '96000', 'ABCDE', '']) {
      assert.isNull(accepted('FR', typed), typed)
    }
  })

  test('Monaco has its own 980xx codes, which are not French ones', ({ assert }) => {
    assert.equal(accepted('MC', '98000'), '98000')
    assert.isNull(accepted('MC', '06000'))
    assert.isNull(accepted('FR', '98000'))
  })

  test('four-digit countries: Belgium, Luxembourg, Switzerland, Austria', ({ assert }) => {
    assert.equal(accepted('BE', '1000'), '1000')
    assert.equal(accepted('AT', '1010'), '1010')
    assert.equal(accepted('CH', '1201'), '1201')
    assert.equal(accepted('CH', 'CH-1201'), '1201')
    assert.equal(accepted('LU', '2449'), '2449')
    assert.equal(accepted('LU', 'L-2449'), '2449')
    for (const country of ['BE', 'LU', 'CH', 'AT']) {
      assert.isNull(accepted(country, '0999'), country)
      assert.isNull(accepted(country, '10000'), country)
      assert.isNull(accepted(country, '123'), country)
    }
  })

  test('five-digit countries: Germany, Spain, Italy', ({ assert }) => {
    assert.equal(accepted('DE', '10115'), '10115')
    assert.equal(accepted('DE', '01067'), '01067')
    assert.isNull(accepted('DE', '00123'))
    assert.equal(accepted('ES', '28001'), '28001')
    assert.equal(accepted('ES', '52001'), '52001')
    assert.isNull(accepted('ES', '53001'))
    assert.isNull(accepted('ES', '00123'))
    assert.equal(accepted('IT', '00184'), '00184')
    assert.isNull(accepted('IT', '1234'))
  })

  test('the Netherlands "1234 AB" and Portugal "1234-567", written as their post does', ({
    assert,
  }) => {
    assert.equal(accepted('NL', '1012 AB'), '1012 AB')
    assert.equal(accepted('NL', '1012ab'), '1012 AB')
    assert.isNull(accepted('NL', '0123 AB'))
    assert.isNull(accepted('NL', '1012'))
    assert.equal(accepted('PT', '1100-148'), '1100-148')
    assert.equal(accepted('PT', '1100148'), '1100-148')
    assert.isNull(accepted('PT', '1100'))
  })

  test('United Kingdom postcodes, spaced and upper-cased', ({ assert }) => {
    assert.equal(accepted('GB', 'SW1A 1AA'), 'SW1A 1AA')
    assert.equal(accepted('GB', 'sw1a1aa'), 'SW1A 1AA')
    assert.equal(accepted('GB', 'M1 1AE'), 'M1 1AE')
    assert.equal(accepted('GB', 'B33 8TH'), 'B33 8TH')
    assert.equal(accepted('GB', 'EC1A 1BB'), 'EC1A 1BB')
    for (const typed of ['SW1A', '12345', 'SW1A 1A', 'ZZZ 1AA']) {
      assert.isNull(accepted('GB', typed), typed)
    }
  })

  test('other countries only need a code, trimmed', ({ assert }) => {
    assert.equal(accepted('IE', ' D02  X285 '), 'D02 X285')
    assert.equal(accepted('PL', '00-950'), '00-950')
    assert.isNull(accepted('IE', '   '))
    assert.isNull(accepted('IE', 'X'.repeat(17)))
    assert.isFalse(hasPostalCodeFormat('IE'))
  })

  test('a refused code comes with an example of the country’s format', ({ assert }) => {
    assert.deepEqual(checkPostalCode('FR', '7500'), { valid: false, example: '75001' })
    assert.deepEqual(checkPostalCode('NL', '1234'), { valid: false, example: '1012 AB' })
    assert.deepEqual(checkPostalCode('IE', ''), { valid: false, example: null })
  })
})

test.group('Address countries', () => {
  test('the European Union, Switzerland, the United Kingdom and Monaco', ({ assert }) => {
    assert.lengthOf(ADDRESS_COUNTRIES, 30)
    for (const code of ['FR', 'GR', 'IE', 'CH', 'GB', 'MC']) assert.isTrue(isAddressCountry(code))
    for (const code of ['EL', 'US', 'NO', 'fr', '']) assert.isFalse(isAddressCountry(code))
  })

  test('names in French and English, sorted for a select', ({ assert }) => {
    assert.equal(countryName('NL', 'fr'), 'Pays-Bas')
    assert.equal(countryName('NL', 'en'), 'Netherlands')
    const french = countryOptions('fr').map((option) => option.label)
    assert.equal(french[0], 'Allemagne')
    assert.isBelow(french.indexOf('Espagne'), french.indexOf('Estonie'))
    assert.isBelow(french.indexOf('Autriche'), french.indexOf('Belgique'))
    assert.equal(countryOptions('en')[0].label, 'Austria')
  })
})
