import { test } from '@japa/runner'
import {
  canUnlink,
  decideAdminSso,
  decideShopperSso,
  passwordSignInAllowed,
  type ShopperSsoFacts,
} from '#domain/sso'

const unknown: ShopperSsoFacts = {
  linkedCustomerId: null,
  signedInCustomerId: null,
  emailOwnerId: null,
  email: 'claire@example.com',
  emailVerified: true,
}

test.group('SSO rules for shoppers', () => {
  test('a linked identity signs into its account, whatever its email says now', ({ assert }) => {
    assert.deepEqual(
      decideShopperSso({ ...unknown, linkedCustomerId: 7, emailOwnerId: 9, emailVerified: false }),
      { kind: 'sign_in', customerId: 7 }
    )
  })

  test('an unknown identity with a verified email creates an account', ({ assert }) => {
    assert.deepEqual(decideShopperSso(unknown), { kind: 'create' })
  })

  test('an unknown identity links to the account of its email only when verified', ({ assert }) => {
    assert.deepEqual(decideShopperSso({ ...unknown, emailOwnerId: 9 }), {
      kind: 'link',
      customerId: 9,
    })
    assert.deepEqual(decideShopperSso({ ...unknown, emailOwnerId: 9, emailVerified: false }), {
      kind: 'refuse',
      reason: 'unverified_email_taken',
    })
  })

  test('no account is created without a verified email', ({ assert }) => {
    assert.deepEqual(decideShopperSso({ ...unknown, emailVerified: false }), {
      kind: 'refuse',
      reason: 'unverified_email',
    })
    assert.deepEqual(decideShopperSso({ ...unknown, email: null }), {
      kind: 'refuse',
      reason: 'no_email',
    })
  })

  test('a signed-in customer links a new identity to their own account', ({ assert }) => {
    const signedIn = { ...unknown, signedInCustomerId: 3, emailOwnerId: 9, emailVerified: false }
    assert.deepEqual(decideShopperSso(signedIn), { kind: 'link', customerId: 3 })
    assert.deepEqual(decideShopperSso({ ...signedIn, linkedCustomerId: 3 }), {
      kind: 'sign_in',
      customerId: 3,
    })
    assert.deepEqual(decideShopperSso({ ...signedIn, linkedCustomerId: 4 }), {
      kind: 'refuse',
      reason: 'linked_elsewhere',
    })
  })

  test('never the last way to sign in is unlinked', ({ assert }) => {
    assert.isTrue(canUnlink({ passwordSet: true, linkCount: 1 }))
    assert.isFalse(canUnlink({ passwordSet: false, linkCount: 1 }))
    assert.isTrue(canUnlink({ passwordSet: false, linkCount: 2 }))
  })
})

test.group('SSO rules for staff', () => {
  test('staff accounts are matched, never created', ({ assert }) => {
    const none = { linkedAdminUserId: null, emailOwnerId: null, emailVerified: true }
    assert.deepEqual(decideAdminSso(none), { kind: 'refuse', reason: 'no_admin_user' })
    assert.deepEqual(decideAdminSso({ ...none, linkedAdminUserId: 2 }), {
      kind: 'sign_in',
      adminUserId: 2,
      link: false,
    })
    assert.deepEqual(decideAdminSso({ ...none, emailOwnerId: 5 }), {
      kind: 'sign_in',
      adminUserId: 5,
      link: true,
    })
    assert.deepEqual(decideAdminSso({ ...none, emailOwnerId: 5, emailVerified: false }), {
      kind: 'refuse',
      reason: 'no_admin_user',
    })
  })

  test('mandatory SSO leaves the password form to the break-glass account only', ({ assert }) => {
    const policy = { required: true, breakGlassEmail: 'owner@example.com' }
    assert.isTrue(passwordSignInAllowed({ required: false, breakGlassEmail: null }, 'a@b.c'))
    assert.isTrue(passwordSignInAllowed(policy, ' Owner@Example.com '))
    assert.isFalse(passwordSignInAllowed(policy, 'manager@example.com'))
    assert.isFalse(passwordSignInAllowed({ required: true, breakGlassEmail: null }, 'a@b.c'))
  })
})
