import app from '@adonisjs/core/services/app'
import env from '#start/env'

/**
 * The Comptoir project's feed-signing key (Ed25519, base64 raw public key).
 * Its private half never enters the repository: maintainers sign releases of
 * the feed with `security:feed:sign`.
 */
export const PROJECT_FEED_PUBLIC_KEY = 'MSsrtMzzgLZKq+Gl7QgVQ4WFeRhcrWVxRSRrFGVBXWY='

/**
 * The signed security advisory feed. By default, the copy shipped with the
 * code (`resources/security/feed.json`, updated with each release); point
 * SECURITY_FEED_URL at the published feed (or an agency's own mirror, signed
 * with a key added to SECURITY_FEED_PUBLIC_KEYS) to learn of advisories
 * between releases. The signature is read next to it, at `<source>.sig`.
 */
const securityConfig = {
  feed: {
    source: env.get('SECURITY_FEED_URL') || app.makePath('resources/security/feed.json'),
    publicKeys: env.get('SECURITY_FEED_PUBLIC_KEYS') || PROJECT_FEED_PUBLIC_KEY,
    timeoutMs: env.get('SECURITY_FEED_TIMEOUT_MS', 10_000),
  },
}

export default securityConfig
