/**
 * Rules of the back office's second factor: TOTP codes (RFC 6238: 30-second
 * steps, 6 digits, SHA-1, what every authenticator app supports), single-use
 * recovery codes, the pending "password verified" state and the "remember
 * this device" claim. Pure: time and randomness come in as arguments.
 */

export const TOTP_PERIOD_SECONDS = 30
export const TOTP_DIGITS = 6
export const TOTP_ALGORITHM = 'SHA1'
/** One step either side of now, for a phone whose clock is a little off. */
export const TOTP_WINDOW = 1

export const RECOVERY_CODE_COUNT = 10
/** No 0/o, 1/l/i: codes get copied from paper. 10 characters of 31 ≈ 49 bits. */
export const RECOVERY_CODE_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz'
export const RECOVERY_CODE_LENGTH = 10

/** How a sign-in passed the second step. */
export type SecondFactorMethod = 'totp' | 'recovery_code' | 'remembered_device'

/** How long the password step holds before the code must be typed. */
export const PENDING_SIGN_IN_MINUTES = 5
export const REMEMBER_DEVICE_DAYS = 30

/** The TOTP time step an instant falls in. */
export function timeStep(atMs: number): number {
  return Math.floor(atMs / 1000 / TOTP_PERIOD_SECONDS)
}

/**
 * Whether a code that matched `matchedStep` may sign in now: within the
 * window around the current step, and later than the last step accepted, so
 * a code seen over a shoulder cannot be replayed within its 30 seconds (nor
 * an older one once a newer one has been used).
 */
export function acceptsStep(
  matchedStep: number,
  currentStep: number,
  lastUsedStep: number | null
): boolean {
  if (Math.abs(matchedStep - currentStep) > TOTP_WINDOW) return false
  return lastUsedStep === null || matchedStep > lastUsedStep
}

export type SecondFactorInput =
  { kind: 'totp'; code: string } | { kind: 'recovery_code'; code: string } | { kind: 'invalid' }

/**
 * What was typed in the code field: six digits are an app code, ten letters
 * and digits a recovery code. Spaces and dashes are ignored, as both are
 * often copied with them.
 */
export function readSecondFactor(input: string): SecondFactorInput {
  const compact = input.replace(/[\s-]+/g, '').toLowerCase()
  if (new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(compact)) return { kind: 'totp', code: compact }
  if (
    compact.length === RECOVERY_CODE_LENGTH &&
    [...compact].every((char) => RECOVERY_CODE_ALPHABET.includes(char))
  ) {
    return { kind: 'recovery_code', code: compact }
  }
  return { kind: 'invalid' }
}

/**
 * A recovery code from random integers (each in [0, alphabet length)), shown
 * as two groups of five: "k7m2p-q9x4t".
 */
export function recoveryCodeFrom(randomIndexes: number[]): string {
  if (randomIndexes.length !== RECOVERY_CODE_LENGTH) {
    throw new Error(`A recovery code takes ${RECOVERY_CODE_LENGTH} random indexes`)
  }
  const chars = randomIndexes.map((index) => RECOVERY_CODE_ALPHABET[index])
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`
}

/** A base32 secret in groups of four, for typing it into an app by hand. */
export function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? ''
}

/** The session's "password verified, waiting for the second factor" state. */
export interface PendingSignIn {
  adminUserId: number
  expiresAt: number
}

export function pendingSignIn(adminUserId: number, nowMs: number): PendingSignIn {
  return { adminUserId, expiresAt: nowMs + PENDING_SIGN_IN_MINUTES * 60_000 }
}

/** The pending state read back from the session, if it is one and still fresh. */
export function livePendingSignIn(value: unknown, nowMs: number): PendingSignIn | null {
  if (!value || typeof value !== 'object') return null
  const { adminUserId, expiresAt } = value as Record<string, unknown>
  if (!Number.isInteger(adminUserId) || typeof expiresAt !== 'number') return null
  return nowMs < expiresAt ? { adminUserId: adminUserId as number, expiresAt } : null
}

/**
 * What the "remember this device" cookie carries (encrypted). It names the
 * account, the enrolment it was issued under (device key, drawn again on each
 * enrolment and when 2FA is switched off) and the password it followed (a
 * fingerprint, so a password change ends it too).
 */
export interface RememberedDevice {
  adminUserId: number
  deviceKey: string
  passwordFingerprint: string
  expiresAt: number
}

export function rememberDevice(
  account: Omit<RememberedDevice, 'expiresAt'>,
  nowMs: number
): RememberedDevice {
  return { ...account, expiresAt: nowMs + REMEMBER_DEVICE_DAYS * 24 * 3_600_000 }
}

/**
 * Whether a cookie's claim lets this account skip the second step: same
 * account, same enrolment, same password, not expired. Anything unreadable
 * is refused.
 */
export function remembersDevice(
  claim: unknown,
  account: Omit<RememberedDevice, 'expiresAt'>,
  nowMs: number
): boolean {
  if (!claim || typeof claim !== 'object') return false
  const { adminUserId, deviceKey, passwordFingerprint, expiresAt } = claim as Record<
    string,
    unknown
  >
  return (
    adminUserId === account.adminUserId &&
    typeof deviceKey === 'string' &&
    deviceKey === account.deviceKey &&
    typeof passwordFingerprint === 'string' &&
    passwordFingerprint === account.passwordFingerprint &&
    typeof expiresAt === 'number' &&
    nowMs < expiresAt
  )
}
