import { test } from '@japa/runner'
import {
  compactIdentifier,
  formatSiren,
  formatSiret,
  frenchVatKey,
  frenchVatNumber,
  isCompanyForm,
  isValidSiren,
  isValidSiret,
  passesLuhn,
  vatNumberProblem,
} from '#domain/seller_identity'

test.group('Seller identity checks (I-02, M-01)', () => {
  test('Luhn accepts numbers whose weighted digit sum is a multiple of 10', ({ assert }) => {
    assert.isTrue(passesLuhn('0'))
    assert.isTrue(passesLuhn('18'))
    assert.isTrue(passesLuhn('79927398713'))
    assert.isFalse(passesLuhn('79927398710'))
    assert.isFalse(passesLuhn('19'))
    assert.isFalse(passesLuhn(''))
    assert.isFalse(passesLuhn('12a'))
  })

  test('Luhn catches every single-digit typo of a SIREN', ({ assert }) => {
    const siren = '732829320'
    for (let position = 0; position < siren.length; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === siren[position]) continue
        const typo = siren.slice(0, position) + digit + siren.slice(position + 1)
        assert.isFalse(isValidSiren(typo), typo)
      }
    }
  })

  test('a SIREN is 9 digits passing Luhn', ({ assert }) => {
    assert.isTrue(isValidSiren('732829320'))
    assert.isTrue(isValidSiren('123456782'))
    assert.isFalse(isValidSiren('123456789'))
    assert.isFalse(isValidSiren('12345678'))
    assert.isFalse(isValidSiren('0123456782'))
    assert.isFalse(isValidSiren('12345678A'))
    assert.isFalse(isValidSiren('123 456 782'))
  })

  test('a SIRET is 14 digits passing Luhn and starting with a valid SIREN', ({ assert }) => {
    assert.isTrue(isValidSiret('73282932000074'))
    assert.isTrue(isValidSiret('12345678200002'))
    assert.isFalse(isValidSiret('12345678200003'))
    assert.isFalse(isValidSiret('1234567820000'))
    assert.isFalse(isValidSiret('123456782000020'))
    // Passes Luhn over 14 digits, but its first 9 digits are not a SIREN.
    assert.isTrue(passesLuhn('12345678900007'))
    assert.isFalse(isValidSiret('12345678900007'))
  })

  test("La Poste's SIRETs are checked by a digit sum divisible by 5", ({ assert }) => {
    assert.isFalse(passesLuhn('35600000049837'))
    assert.isTrue(isValidSiret('35600000049837'))
    assert.isTrue(isValidSiret('35600000000048'))
    assert.isFalse(isValidSiret('35600000000002'))
    // The exception is La Poste's only.
    assert.isFalse(isValidSiret('12345678200005'))
  })

  test('the French VAT key is (12 + 3 × (SIREN mod 97)) mod 97, on two digits', ({ assert }) => {
    assert.equal(frenchVatKey('732829320'), '44')
    assert.equal(frenchVatNumber('732829320'), 'FR44732829320')
    assert.equal(frenchVatNumber('123456782'), 'FR11123456782')
    // 97 × k gives a key of 12; a key below 10 keeps its leading zero.
    assert.equal(frenchVatKey('000000097'), '12')
    assert.equal(frenchVatKey('000000029'), '02')
  })

  test('a French VAT number must carry the right key and the seller’s own SIREN', ({ assert }) => {
    assert.isNull(vatNumberProblem('FR44732829320', '732829320'))
    assert.equal(vatNumberProblem('FR45732829320', '732829320'), 'key')
    assert.equal(vatNumberProblem('FR11123456782', '732829320'), 'siren_mismatch')
    assert.equal(vatNumberProblem('FR4473282932', '732829320'), 'format')
    assert.equal(vatNumberProblem('FRAB732829320', '732829320'), 'format')
  })

  test('other Member States’ VAT numbers are checked for shape only', ({ assert }) => {
    assert.isNull(vatNumberProblem('DE123456789', '732829320'))
    assert.isNull(vatNumberProblem('EL123456789', '732829320'))
    assert.equal(vatNumberProblem('GR123456789', '732829320'), 'format')
    assert.equal(vatNumberProblem('US123456789', '732829320'), 'format')
    assert.equal(vatNumberProblem('DE1', '732829320'), 'format')
  })

  test('identifiers are compacted and formatted the way registries print them', ({ assert }) => {
    assert.equal(compactIdentifier(' fr 44 732.829-320 '), 'FR44732829320')
    assert.equal(compactIdentifier('732\u00a0829\u202f320'), '732829320')
    assert.equal(formatSiren('732829320'), '732 829 320')
    assert.equal(formatSiret('73282932000074'), '732 829 320 00074')
  })

  test('companies have a share capital, individual entrepreneurs do not', ({ assert }) => {
    assert.isTrue(isCompanyForm('SAS'))
    assert.isTrue(isCompanyForm('SARL'))
    assert.isFalse(isCompanyForm('EI'))
    assert.isFalse(isCompanyForm('micro-entreprise'))
  })
})
