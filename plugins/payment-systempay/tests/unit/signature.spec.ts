import { test } from '@japa/runner'
import { hasValidSignature, signed, vadsSignature } from '#src/signature'

/**
 * The example of Lyra's hosted payment guide ("Computing the signature",
 * Systempay and PayZen alike): these fields, the test key 1122334455667788,
 * HMAC-SHA-256 in Base64.
 */
const GUIDE_FIELDS = {
  vads_action_mode: 'INTERACTIVE',
  vads_amount: '5124',
  vads_ctx_mode: 'TEST',
  vads_currency: '978',
  vads_page_action: 'PAYMENT',
  vads_payment_config: 'SINGLE',
  vads_site_id: '12345678',
  vads_trans_date: '20170129130025',
  vads_trans_id: '123456',
  vads_version: 'V2',
}
const GUIDE_KEY = '1122334455667788'
const GUIDE_SIGNATURE = 'ycA5Do5tNvsnKdc/eP1bj2xa19z9q3iWPy9/rpesfS0='

test.group('Systempay / signature', () => {
  test('reproduces the example of Lyra’s guide', ({ assert }) => {
    assert.equal(vadsSignature(GUIDE_FIELDS, GUIDE_KEY), GUIDE_SIGNATURE)
  })

  test('sorts by field name and ignores fields that are not vads_*', ({ assert }) => {
    const shuffled = Object.fromEntries(Object.entries(GUIDE_FIELDS).reverse())
    const withOthers = { ...shuffled, signature: 'anything', pay: 'Payer' }
    assert.equal(vadsSignature(withOthers, GUIDE_KEY), GUIDE_SIGNATURE)
  })

  test('signs values byte for byte in UTF-8, empty ones included', ({ assert }) => {
    // Hand-checked: HMAC-SHA-256("Épicerie Martin++V2+k3y", "k3y") in Base64, computed
    // outside this code (printf '%s' 'Épicerie Martin++V2+k3y' | openssl dgst -sha256 -hmac k3y -binary | base64).
    const fields = { vads_version: 'V2', vads_cust_name: 'Épicerie Martin', vads_extra: '' }
    assert.equal(vadsSignature(fields, 'k3y'), 'uKrW7mUcVs7rgzuYbGTT9wxOtm/Unjc8Q0UKXc5A0dY=')
  })

  test('accepts its own signature and nothing altered', ({ assert }) => {
    const form = signed(GUIDE_FIELDS, GUIDE_KEY)
    assert.equal(form.signature, GUIDE_SIGNATURE)
    assert.isTrue(hasValidSignature(form, GUIDE_KEY))
    assert.isFalse(hasValidSignature({ ...form, vads_amount: '5125' }, GUIDE_KEY))
    assert.isFalse(hasValidSignature({ ...form, vads_extra: '' }, GUIDE_KEY))
    assert.isFalse(hasValidSignature(form, 'another key'))
    assert.isFalse(hasValidSignature({ ...form, signature: '' }, GUIDE_KEY))
    assert.isFalse(hasValidSignature({ ...form, signature: 'short' }, GUIDE_KEY))
    assert.isFalse(hasValidSignature({ ...GUIDE_FIELDS }, GUIDE_KEY))
  })
})
