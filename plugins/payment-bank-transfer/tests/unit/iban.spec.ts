import { test } from '@japa/runner'
import { SEPA_IBAN_LENGTHS, checkIban, formatIban, normalizeIban } from '#src/iban'
import { isValidBic, normalizeBic } from '#src/bic'

test.group('Bank transfer / IBAN', () => {
  test('accepts a French IBAN and returns it normalised', ({ assert }) => {
    assert.deepEqual(checkIban('FR76 3000 6000 0112 3456 7890 189'), {
      valid: true,
      iban: 'FR7630006000011234567890189',
    })
    // Letters in the account number (the RIB allows them) count A = 10 … Z = 35.
    assert.isTrue(checkIban('FR14 2004 1010 0505 0001 3M02 606').valid)
  })

  test('accepts lower case, spaces, tabs and a stray line break', ({ assert }) => {
    for (const typed of [
      'fr7630006000011234567890189',
      '  fr76 3000 6000 0112 3456 7890 189 ',
      'FR76\t3000 6000\n0112 3456 7890 189',
      'Fr76 30006000 01123456 7890189',
    ]) {
      assert.deepEqual(
        checkIban(typed),
        { valid: true, iban: 'FR7630006000011234567890189' },
        typed
      )
    }
    assert.equal(normalizeIban(' de89 3704 0044 0532 0130 00 '), 'DE89370400440532013000')
  })

  test('accepts IBANs of other SEPA countries, each at its own length', ({ assert }) => {
    const valid = {
      DE: 'DE89 3704 0044 0532 0130 00',
      BE: 'BE68 5390 0754 7034',
      NL: 'NL91 ABNA 0417 1643 00',
      ES: 'ES91 2100 0418 4502 0005 1332',
      IT: 'IT60 X054 2811 1010 0000 0123 456',
      PT: 'PT50 0002 0123 1234 5678 9015 4',
      LU: 'LU28 0019 4006 4475 0000',
      AT: 'AT61 1904 3002 3457 3201',
      IE: 'IE29 AIBK 9311 5212 3456 78',
      PL: 'PL61 1090 1014 0000 0712 1981 2874',
      CH: 'CH93 0076 2011 6238 5295 7',
      GB: 'GB29 NWBK 6016 1331 9268 19',
      MC: 'MC58 1122 2000 0101 2345 6789 030',
      NO: 'NO93 8601 1117 947',
      MT: 'MT84 MALT 0110 0001 2345 MTLC AST0 01S',
    }
    for (const [country, iban] of Object.entries(valid)) {
      const result = checkIban(iban)
      assert.isTrue(result.valid, iban)
      assert.lengthOf(normalizeIban(iban), SEPA_IBAN_LENGTHS[country], country)
    }
  })

  test('rejects a wrong check digit or a mistyped account number', ({ assert }) => {
    // Last digit changed, two digits swapped, check digits changed.
    for (const iban of [
      'FR76 3000 6000 0112 3456 7890 188',
      'FR76 3000 6000 0112 3456 7809 189',
      'FR77 3000 6000 0112 3456 7890 189',
      'DE88 3704 0044 0532 0130 00',
    ]) {
      assert.deepEqual(checkIban(iban), { valid: false, problem: 'checksum' }, iban)
    }
  })

  test('rejects check digits 00, 01 and 99, never issued even when mod 97 works out', ({
    assert,
  }) => {
    // FR98…084 is valid; 01 leaves the same remainder modulo 97.
    assert.isTrue(checkIban('FR9830006000011234567890084').valid)
    for (const digits of ['00', '01', '99']) {
      assert.deepEqual(
        checkIban(`FR${digits}30006000011234567890084`),
        { valid: false, problem: 'checksum' },
        digits
      )
    }
  })

  test('rejects an IBAN too short or too long for its country', ({ assert }) => {
    for (const iban of [
      'FR76 3000 6000 0112 3456 7890 18',
      'FR76 3000 6000 0112 3456 7890 1890',
      // A valid German IBAN is 22 long: with a French prefix it is too short.
      'FR89 3704 0044 0532 0130 00',
      'BE68 5390 0754 703',
    ]) {
      assert.deepEqual(checkIban(iban), { valid: false, problem: 'length' }, iban)
    }
  })

  test('rejects IBANs from outside the SEPA area, even with valid check digits', ({ assert }) => {
    // Saudi Arabia and Brazil examples from the IBAN registry.
    assert.deepEqual(checkIban('SA03 8000 0000 6080 1016 7519'), {
      valid: false,
      problem: 'country',
    })
    assert.deepEqual(checkIban('BR18 0036 0305 0000 1000 9795 493C 1'), {
      valid: false,
      problem: 'country',
    })
    assert.deepEqual(checkIban('XX76 3000 6000 0112 3456 7890 189'), {
      valid: false,
      problem: 'country',
    })
  })

  test('rejects what is not shaped like an IBAN', ({ assert }) => {
    for (const typed of [
      '',
      '   ',
      '30006000011234567890189',
      'FRAB 3000 6000 0112 3456 7890 189',
      'FR76-3000-6000-0112-3456-7890-189',
      'FR76 3000 6000 0112 3456 7890 18é',
      '7630006000011234567890189FR',
    ]) {
      assert.deepEqual(checkIban(typed), { valid: false, problem: 'format' }, typed)
    }
  })

  test('groups by four for display, whatever the input spacing', ({ assert }) => {
    assert.equal(formatIban('FR7630006000011234567890189'), 'FR76 3000 6000 0112 3456 7890 189')
    assert.equal(formatIban('be68 5390 0754 7034'), 'BE68 5390 0754 7034')
    assert.equal(formatIban('NO9386011117947'), 'NO93 8601 1117 947')
  })
})

test.group('Bank transfer / BIC', () => {
  test('accepts 8 and 11 characters, normalising case and spaces', ({ assert }) => {
    for (const bic of [
      'BNPAFRPP',
      'BNPAFRPPXXX',
      'bnpafrpp',
      ' CEPA FRPP 751 ',
      'DEUTDEFF500',
      'AGRIFRPP882',
    ]) {
      assert.isTrue(isValidBic(bic), bic)
    }
    assert.equal(normalizeBic(' cepa frpp 751 '), 'CEPAFRPP751')
  })

  test('rejects other lengths and misplaced digits', ({ assert }) => {
    for (const bic of [
      '',
      'BNPAFRP',
      'BNPAFRPPX',
      'BNPAFRPPXX',
      'BNPAFRPPXXXX',
      'BNP1FRPP',
      'BNPAF1PP',
      'BNPA-FRPP',
      'BNPAFRPÉ',
    ]) {
      assert.isFalse(isValidBic(bic), bic)
    }
  })
})
