/**
 * Single sign-on rules, free of the framework: what an identity proven by a
 * provider does to the shop's accounts.
 */

/** What the core knows when a shopper comes back from a provider. */
export interface ShopperSsoFacts {
  /** The customer this identity is already linked to, if any. */
  linkedCustomerId: number | null
  /** The customer signed in on this browser, when linking from the account page. */
  signedInCustomerId: number | null
  /** The account with the identity's email, if any. */
  emailOwnerId: number | null
  email: string | null
  emailVerified: boolean
}

export type ShopperSsoDecision =
  | { kind: 'sign_in'; customerId: number }
  | { kind: 'link'; customerId: number }
  | { kind: 'create' }
  | {
      kind: 'refuse'
      reason: 'unverified_email_taken' | 'unverified_email' | 'no_email' | 'linked_elsewhere'
    }

/**
 * A linked identity signs into its account. A signed-in shopper links a new
 * identity to their own account (they proved ownership by signing in). An
 * unknown identity links to the account with its email only when the
 * provider vouches for that email; otherwise the shopper must sign in with
 * their password first and link from the account page. Without such an
 * account, it creates one (which needs an email).
 */
export function decideShopperSso(facts: ShopperSsoFacts): ShopperSsoDecision {
  if (facts.signedInCustomerId !== null) {
    if (facts.linkedCustomerId === null)
      return { kind: 'link', customerId: facts.signedInCustomerId }
    return facts.linkedCustomerId === facts.signedInCustomerId
      ? { kind: 'sign_in', customerId: facts.linkedCustomerId }
      : { kind: 'refuse', reason: 'linked_elsewhere' }
  }
  if (facts.linkedCustomerId !== null)
    return { kind: 'sign_in', customerId: facts.linkedCustomerId }
  if (!facts.email) return { kind: 'refuse', reason: 'no_email' }
  if (facts.emailOwnerId !== null) {
    return facts.emailVerified
      ? { kind: 'link', customerId: facts.emailOwnerId }
      : { kind: 'refuse', reason: 'unverified_email_taken' }
  }
  // A new account takes the email as its address only when it is verified.
  return facts.emailVerified ? { kind: 'create' } : { kind: 'refuse', reason: 'unverified_email' }
}

/**
 * An identity may be unlinked unless it is the account's last way to sign
 * in: an account without a password of its own keeps at least one link.
 */
export function canUnlink(account: { passwordSet: boolean; linkCount: number }): boolean {
  return account.passwordSet || account.linkCount > 1
}

/** What the core knows when a member of staff comes back from a provider. */
export interface AdminSsoFacts {
  linkedAdminUserId: number | null
  emailOwnerId: number | null
  emailVerified: boolean
}

export type AdminSsoDecision =
  | { kind: 'sign_in'; adminUserId: number; link: boolean }
  | { kind: 'refuse'; reason: 'no_admin_user' }

/**
 * Staff accounts are never created by SSO: the identity must already be
 * linked, or its verified email must be that of an existing member of staff
 * (the first use then links it).
 */
export function decideAdminSso(facts: AdminSsoFacts): AdminSsoDecision {
  if (facts.linkedAdminUserId !== null) {
    return { kind: 'sign_in', adminUserId: facts.linkedAdminUserId, link: false }
  }
  if (facts.emailOwnerId !== null && facts.emailVerified) {
    return { kind: 'sign_in', adminUserId: facts.emailOwnerId, link: true }
  }
  return { kind: 'refuse', reason: 'no_admin_user' }
}

/**
 * When owners make SSO mandatory, password sign-in stays open to the one
 * break-glass account only (which keeps its password and second factor).
 */
export function passwordSignInAllowed(
  policy: { required: boolean; breakGlassEmail: string | null },
  email: string
): boolean {
  if (!policy.required) return true
  return policy.breakGlassEmail !== null && email.trim().toLowerCase() === policy.breakGlassEmail
}

/** Provider codes are URL segments and keys of linked identities. */
export const SSO_CODE = /^[a-z0-9][a-z0-9-]{0,62}$/
