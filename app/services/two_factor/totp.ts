import { Secret, TOTP } from 'otpauth'
import QRCode from 'qrcode'
import {
  TOTP_ALGORITHM,
  TOTP_DIGITS,
  TOTP_PERIOD_SECONDS,
  TOTP_WINDOW,
  timeStep,
} from '#domain/two_factor'

/** A new random TOTP secret (160 bits, as RFC 4226 recommends), in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

function totp(secret: string, label = '', issuer = '') {
  return new TOTP({
    issuer,
    label,
    algorithm: TOTP_ALGORITHM,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  })
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function otpauthUri(secret: string, account: string, issuer: string): string {
  return totp(secret, account, issuer).toString()
}

/**
 * The time step a code belongs to, if it matches one within the window
 * around `atMs` (compared in constant time by otpauth), else null.
 */
export function matchingStep(secret: string, code: string, atMs: number): number | null {
  const delta = totp(secret).validate({ token: code, timestamp: atMs, window: TOTP_WINDOW })
  return delta === null ? null : timeStep(atMs) + delta
}

/** The URI as an inline SVG QR code (the CSP forbids inline scripts, not SVG). */
export function qrCodeSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
}
