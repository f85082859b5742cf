import { test } from '@japa/runner'
import { withFormTargets } from '#middleware/payment_form_targets_middleware'

const POLICY = `default-src 'self';form-action 'self';frame-ancestors 'none'`

test.group('withFormTargets', () => {
  test('adds the origins to form-action and leaves the other directives as they are', ({
    assert,
  }) => {
    assert.equal(
      withFormTargets(POLICY, ['https://checkout.stripe.com', 'https://secure.lyra.com']),
      `default-src 'self';form-action 'self' https://checkout.stripe.com https://secure.lyra.com;frame-ancestors 'none'`
    )
  })

  test('a policy without form-action is left alone (no directive is invented)', ({ assert }) => {
    const policy = `default-src 'self'; frame-ancestors 'none'`
    assert.equal(withFormTargets(policy, ['https://checkout.stripe.com']), policy)
  })

  test('form-action is matched as a directive name, wherever it stands', ({ assert }) => {
    assert.equal(
      withFormTargets(`default-src 'self'; form-action 'self'`, ['https://pay.test']),
      `default-src 'self'; form-action 'self' https://pay.test`
    )
  })
})
