import { test } from '@japa/runner'
import {
  SECRET_PATTERN,
  addressMatcher,
  generateSecret,
  isAddressOrRange,
  parseAddressList,
} from '#domain/maintenance'

test.group('Maintenance allow list', () => {
  test('accepts IPv4 and IPv6 addresses and CIDR ranges, nothing else', ({ assert }) => {
    for (const entry of ['127.0.0.1', '2001:db8::1', '192.0.2.0/24', '2001:db8::/32', '::1']) {
      assert.isTrue(isAddressOrRange(entry), entry)
    }
    for (const entry of [
      '999.1.1.1',
      'localhost',
      '192.0.2.0/33',
      '2001:db8::/129',
      '192.0.2.0/',
      '192.0.2.0/24/1',
      '10.0.0.1/x',
    ]) {
      assert.isFalse(isAddressOrRange(entry), entry)
    }
  })

  test('reads one entry per line, or separated by spaces or commas, once each', ({ assert }) => {
    assert.deepEqual(parseAddressList('127.0.0.1\n 192.0.2.0/24, 127.0.0.1\r\n\n2001:db8::1 '), {
      addresses: ['127.0.0.1', '192.0.2.0/24', '2001:db8::1'],
      invalid: [],
    })
    assert.deepEqual(parseAddressList('127.0.0.1 nope 300.1.1.1'), {
      addresses: ['127.0.0.1'],
      invalid: ['nope', '300.1.1.1'],
    })
    assert.deepEqual(parseAddressList('  '), { addresses: [], invalid: [] })
  })

  test('matches exact addresses, ranges and IPv4 clients seen over IPv6', ({ assert }) => {
    const allowed = addressMatcher(['203.0.113.7', '192.0.2.0/24', '2001:db8::/32'])
    assert.isTrue(allowed('203.0.113.7'))
    assert.isTrue(allowed('::ffff:203.0.113.7'))
    assert.isTrue(allowed('192.0.2.200'))
    assert.isTrue(allowed('2001:db8:1::5'))
    assert.isFalse(allowed('203.0.113.8'))
    assert.isFalse(allowed('192.0.3.1'))
    assert.isFalse(allowed('2001:db9::1'))
    assert.isFalse(allowed('not-an-ip'))
    assert.isFalse(addressMatcher([])('127.0.0.1'))
  })
})

test.group('Maintenance bypass secret', () => {
  test('is 16 to 128 URL-safe characters', ({ assert }) => {
    assert.isTrue(SECRET_PATTERN.test('agency-preview_2026'))
    assert.isFalse(SECRET_PATTERN.test('short'))
    assert.isFalse(SECRET_PATTERN.test('with/a/slash-in-it'))
    assert.isFalse(SECRET_PATTERN.test('has spaces in the middle'))
    assert.isFalse(SECRET_PATTERN.test('x'.repeat(129)))
  })

  test('is generated fresh each time, in that alphabet', ({ assert }) => {
    const secret = generateSecret()
    assert.match(secret, SECRET_PATTERN)
    assert.lengthOf(secret, 32)
    assert.notEqual(generateSecret(), secret)
  })
})
