import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiResponse } from '@japa/api-client'
import { checkoutShop } from '#tests/helpers/checkout'
import { TEST_PSP, TestCardProvider, testPsp, usePaymentProvider } from '#tests/helpers/payments'

/** The sources of the page's CSP `form-action`, in order. */
function formAction(response: ApiResponse) {
  const policy = String(response.header('content-security-policy'))
  const directive = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name === 'form-action')
  return directive?.slice(1)
}

test.group('Payment pages in the Content-Security-Policy', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test("with no card method, forms post only to the shop ('self')", async ({
    assert,
    client,
    cleanup,
  }) => {
    await checkoutShop(cleanup, ['shipping-table-rates'])
    assert.deepEqual(formAction(await client.get('/cart')), [`'self'`])
  })

  test("the storefront's form-action is 'self' plus exactly the enabled methods' origins", async ({
    assert,
    client,
    cleanup,
  }) => {
    await checkoutShop(cleanup)
    // The bank transfer sends the browser nowhere else.
    assert.deepEqual(formAction(await client.get('/cart')), [`'self'`])

    const psp = await testPsp(cleanup)
    psp.targets = [
      `${TEST_PSP.origin}/pay/sess_1`,
      TEST_PSP.origin,
      // Not https, not loopback, not a URL: never allowed.
      'http://psp.example.com/form',
      'javascript:alert(1)',
      'pay.psp.test',
      // A host the URL parser lets through but a policy reads as a wildcard or a new directive.
      'https://*',
      'https://*.psp.test/form',
      'https://psp.test;script-src/form',
      // A local test gateway on loopback is.
      'http://127.0.0.1:9443/form',
    ]
    const other = new TestCardProvider({ code: 'test-card-2' })
    other.targets = ['https://secure.other-psp.test/vads-payment/']
    await usePaymentProvider(cleanup, other)

    const expected = [
      `'self'`,
      TEST_PSP.origin,
      'http://127.0.0.1:9443',
      'https://secure.other-psp.test',
    ]
    assert.deepEqual(formAction(await client.get('/cart')), expected)
    assert.deepEqual(formAction(await client.get('/en/cart')), expected)
    // The back office posts to the shop only.
    assert.deepEqual(formAction(await client.get('/admin/login')), [`'self'`])
  })
})
