import { test } from '@japa/runner'
import { safeRedirectPath } from '#support/safe_redirect'

test.group('Safe redirect after sign-in', () => {
  test('keeps a path on this shop, with its query', ({ assert }) => {
    assert.equal(safeRedirectPath('/checkout'), '/checkout')
    assert.equal(safeRedirectPath('/en/account/addresses?page=2'), '/en/account/addresses?page=2')
    assert.equal(safeRedirectPath('/p/sabot-gaston#avis'), '/p/sabot-gaston#avis')
  })

  test('never sends the shopper to another site', ({ assert }) => {
    for (const candidate of [
      '//evil.example',
      '//evil.example/checkout',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      'checkout',
      '',
      undefined,
      ['/checkout'],
    ]) {
      assert.isNull(safeRedirectPath(candidate), String(candidate))
    }
  })
})
