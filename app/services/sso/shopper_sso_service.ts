import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Locale } from '@comptoir/contracts/commerce'
import type { VerifiedIdentity } from '@comptoir/contracts/sso_provider'
import Customer from '#models/customer'
import SsoIdentity from '#models/sso_identity'
import { canUnlink, decideShopperSso, type ShopperSsoDecision } from '#domain/sso'

export type ShopperSsoResult =
  | { kind: 'signed_in' | 'linked' | 'created'; customer: Customer }
  | { kind: 'refused'; reason: Extract<ShopperSsoDecision, { kind: 'refuse' }>['reason'] }

export type UnlinkResult = 'unlinked' | 'last_way' | 'not_found'

/**
 * Shopper accounts and the identities linked to them: the core decides
 * whether a proven identity signs in, links or creates an account (see
 * #domain/sso); the provider only proved who the person is.
 */
export default class ShopperSsoService {
  /**
   * `signedInCustomerId` is the customer signed in on this browser, when they
   * link a provider from their account page.
   */
  async complete(
    providerCode: string,
    identity: VerifiedIdentity,
    options: { signedInCustomerId: number | null; locale: Locale }
  ): Promise<ShopperSsoResult> {
    return db.transaction(async (trx) => {
      const linked = await SsoIdentity.query({ client: trx })
        .where({ audience: 'shoppers', providerCode, subject: identity.subject })
        .first()
      const email = identity.email?.trim().toLowerCase() || null
      const owner = email ? await Customer.findBy('email', email, { client: trx }) : null
      const decision = decideShopperSso({
        linkedCustomerId: linked?.customerId ?? null,
        signedInCustomerId: options.signedInCustomerId,
        emailOwnerId: owner?.id ?? null,
        email,
        emailVerified: identity.emailVerified,
      })
      if (decision.kind === 'refuse') return { kind: 'refused', reason: decision.reason }

      if (decision.kind === 'create') {
        // No password of its own: a random one nobody knows, and the account
        // says so (password reset gives it one).
        const customer = await Customer.create(
          {
            email: email!,
            firstName: identity.givenName?.slice(0, 100) ?? '',
            lastName: identity.familyName?.slice(0, 100) ?? '',
            locale: options.locale,
            password: randomBytes(32).toString('base64url'),
            passwordSet: false,
            phone: null,
          },
          { client: trx }
        )
        await this.link(customer.id, providerCode, identity, email, trx)
        return { kind: 'created', customer }
      }

      const customer = await Customer.findOrFail(decision.customerId, { client: trx })
      if (decision.kind === 'link') {
        await this.link(customer.id, providerCode, identity, email, trx)
        return { kind: 'linked', customer }
      }
      linked!.useTransaction(trx)
      linked!.lastUsedAt = DateTime.now()
      await linked!.save()
      return { kind: 'signed_in', customer }
    })
  }

  /** The providers linked to an account, oldest first. */
  async identities(customerId: number) {
    return SsoIdentity.query()
      .where({ audience: 'shoppers', customerId })
      .orderBy('created_at')
      .orderBy('id')
  }

  /** Unlinks one identity, never the last way to sign in of an account without password. */
  async unlink(customer: Customer, identityId: number): Promise<UnlinkResult> {
    return db.transaction(async (trx) => {
      // Locked: two tabs unlinking the last two identities at once leave one.
      const identities = await SsoIdentity.query({ client: trx })
        .where({ audience: 'shoppers', customerId: customer.id })
        .forUpdate()
      const identity = identities.find((candidate) => candidate.id === identityId)
      if (!identity) return 'not_found'
      if (!canUnlink({ passwordSet: customer.passwordSet, linkCount: identities.length })) {
        return 'last_way'
      }
      await identity.useTransaction(trx).delete()
      return 'unlinked'
    })
  }

  private async link(
    customerId: number,
    providerCode: string,
    identity: VerifiedIdentity,
    email: string | null,
    trx: TransactionClientContract
  ) {
    await SsoIdentity.create(
      {
        audience: 'shoppers',
        providerCode,
        subject: identity.subject,
        customerId,
        adminUserId: null,
        email,
        lastUsedAt: DateTime.now(),
      },
      { client: trx }
    )
  }
}
