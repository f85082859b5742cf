import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import Customer from '#models/customer'
import type { Locale } from '#support/locale_paths'
import { type LoginAttempt, throttledLogin } from '#services/login_throttle'
import CustomerPasswordResetService from '#services/customer_password_reset_service'
import MarketingConsents from '#services/privacy/marketing_consents'

export interface NewCustomer {
  email: string
  password: string
  firstName: string
  lastName: string
  locale: Locale
  /** The registration form's unticked marketing box, ticked (LEGAL.md R-01). */
  marketingOptIn?: boolean
}

export interface CustomerProfile {
  firstName: string
  lastName: string
  phone?: string | null
  locale: Locale
}

/** Asking for the current password again: same answers as logging in. */
export type PasswordCheck = Exclude<LoginAttempt<Customer>, { status: 'signed_in' }>

/**
 * A shopper's account: creation, credentials, profile. The password is hashed
 * by the model before every save that changes it.
 */
@inject()
export default class CustomerAccountService {
  constructor(
    protected resets: CustomerPasswordResetService,
    protected consents: MarketingConsents
  ) {}

  async register({ marketingOptIn, ...input }: NewCustomer) {
    return db.transaction(async (trx) => {
      const customer = await Customer.create(
        { ...input, email: input.email.trim().toLowerCase(), phone: null },
        { client: trx }
      )
      if (marketingOptIn) {
        await this.consents.optIn(
          { email: customer.email, source: 'registration', customerId: customer.id },
          trx
        )
      }
      return customer
    })
  }

  /**
   * Email and password as typed on the login form; failures are throttled
   * per email and address, like the back office's.
   */
  async checkCredentials(email: string, password: string, ip: string) {
    return throttledLogin('customer_login', { email, ip }, (uid) =>
      Customer.verifyCredentials(uid, password)
    )
  }

  async updateProfile(customer: Customer, profile: CustomerProfile) {
    customer.merge({ ...profile, phone: profile.phone || null })
    await customer.save()
  }

  /**
   * A new email needs the current password, checked like a login (a stolen
   * session cannot guess it faster than the login form could).
   */
  async changeEmail(
    customer: Customer,
    input: { email: string; password: string },
    ip: string
  ): Promise<PasswordCheck | { status: 'changed' }> {
    const check = await this.checkCredentials(customer.email, input.password, ip)
    if (check.status !== 'signed_in') return check
    customer.email = input.email.trim().toLowerCase()
    await customer.save()
    return { status: 'changed' }
  }

  /**
   * A new password, confirmed by the current one; reset links sent before it
   * stop working.
   */
  async changePassword(
    customer: Customer,
    input: { currentPassword: string; password: string },
    ip: string
  ): Promise<PasswordCheck | { status: 'changed' }> {
    const check = await this.checkCredentials(customer.email, input.currentPassword, ip)
    if (check.status !== 'signed_in') return check
    await this.setPassword(customer, input.password)
    return { status: 'changed' }
  }

  /** Stores a new password and revokes every outstanding reset link. */
  async setPassword(customer: Customer, password: string) {
    await db.transaction(async (trx) => {
      customer.useTransaction(trx)
      customer.password = password
      await customer.save()
      await this.resets.revokeAll(customer, trx)
    })
  }
}
