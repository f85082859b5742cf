import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import securityConfig from '#config/security'
import { type TrustedKey, parseTrustedKeys, verifyFeed } from '#domain/feed_signature'
import type { Advisory, AdvisoryFeed as Feed } from '#domain/security_advisories'
import SecurityFeed from '#models/security_feed'
import { displaySource, downloadFeed } from '#services/security/feed_source'
import { lockForUpdate } from '#support/row_lock'
import { securityFeedValidator } from '#validators/security_feed'

/** The shop's one feed row. */
const FEED_NAME = 'advisories'

export interface FeedOptions {
  /** URL (http, https, file) or path of the feed; its signature is at `<source>.sig`. */
  source: string
  /** PEM blocks or base64 raw Ed25519 keys (parseTrustedKeys). */
  publicKeys: string
  timeoutMs: number
}

export type RefreshRejection = 'unreachable' | 'bad_signature' | 'malformed' | 'outdated'

export type RefreshResult =
  | {
      status: 'updated'
      feed: Feed
      signedBy: string
      /** Advisories the previous copy did not list, and those it listed differently. */
      added: Advisory[]
      changed: Advisory[]
    }
  | { status: 'unchanged'; feed: Feed }
  | { status: 'rejected'; reason: RefreshRejection; error: string; lastVerifiedAt: DateTime | null }

export type CheckResult =
  | { ok: true; feed: Feed; signedBy: string }
  | { ok: false; reason: 'bad_signature' | 'malformed'; error: string }

/**
 * The signed advisory feed: fetched, verified against the trusted keys,
 * validated and stored, so every process (and the shop offline) audits itself
 * from the last verified copy. A feed that fails any check is refused and the
 * previous copy stays in use; the failure is kept for the Security page.
 */
export default class AdvisoryFeed {
  constructor(protected options: FeedOptions = securityConfig.feed) {}

  /** The source as shown (without credentials). */
  get source() {
    return displaySource(this.options.source)
  }

  /** The trusted keys; a misconfigured key list throws, naming the bad entry. */
  trustedKeys(): TrustedKey[] {
    return parseTrustedKeys(this.options.publicKeys)
  }

  /** Verifies the signature over the exact bytes, then the shape. */
  async check(bytes: Buffer, signature: string): Promise<CheckResult> {
    let keys: TrustedKey[]
    try {
      keys = this.trustedKeys()
    } catch (error) {
      const message = `SECURITY_FEED_PUBLIC_KEYS holds no usable key: ${(error as Error).message}`
      return { ok: false, reason: 'bad_signature', error: message }
    }
    const signer = verifyFeed(bytes, signature, keys)
    if (!signer) {
      return {
        ok: false,
        reason: 'bad_signature',
        error: 'the signature does not verify with any trusted key (tampered feed or unknown key)',
      }
    }
    const parsed = await parseFeed(bytes)
    return parsed.ok ? { ...parsed, signedBy: signer.fingerprint } : parsed
  }

  async refresh(): Promise<RefreshResult> {
    let download
    try {
      download = await downloadFeed(this.options.source, this.options.timeoutMs)
    } catch (error) {
      return this.reject('unreachable', (error as Error).message)
    }
    const checked = await this.check(download.feed, download.signature)
    if (!checked.ok) return this.reject(checked.reason, checked.error)
    return this.store(download.feed.toString('utf8'), download.signature.trim(), checked)
  }

  /** The last verified feed and the row describing it (null before any refresh). */
  async current(): Promise<{ feed: Feed | null; state: SecurityFeed | null }> {
    const state = await SecurityFeed.find(FEED_NAME)
    if (!state?.body) return { feed: null, state }
    const parsed = await parseFeed(Buffer.from(state.body, 'utf8'))
    return { feed: parsed.ok ? parsed.feed : null, state }
  }

  private async store(
    body: string,
    signature: string,
    checked: Extract<CheckResult, { ok: true }>
  ): Promise<RefreshResult> {
    const generatedAt = DateTime.fromISO(checked.feed.generated, { zone: 'utc' })
    const outcome = await db.transaction(async (trx) => {
      // Two refreshes at once (cron and the admin) keep the newer feed.
      const state = await lockForUpdate(
        SecurityFeed.query({ client: trx }).where('name', FEED_NAME),
        trx
      ).first()
      const previous = state?.body ? await parseFeed(Buffer.from(state.body, 'utf8')) : null
      const now = DateTime.now()
      if (state?.generatedAt && generatedAt < state.generatedAt) {
        return { outdated: state.generatedAt, unchanged: false, previous: [] }
      }
      const row = state ?? new SecurityFeed().merge({ name: FEED_NAME })
      row.useTransaction(trx)
      const unchanged = row.body === body
      row.merge({
        source: this.source,
        body,
        signature,
        signedBy: checked.signedBy,
        generatedAt,
        verifiedAt: now,
        checkedAt: now,
        lastError: null,
        lastErrorAt: null,
      })
      await row.save()
      return { outdated: null, unchanged, previous: previous?.ok ? previous.feed.advisories : [] }
    })
    if (outcome.outdated) {
      return this.reject(
        'outdated',
        `the feed was generated at ${checked.feed.generated}, before the copy in use (${outcome.outdated.toISO()}): an old feed is never put back`
      )
    }
    if (outcome.unchanged) return { status: 'unchanged', feed: checked.feed }
    const before = new Map(outcome.previous.map((advisory) => [advisory.id, advisory]))
    const fresh = checked.feed.advisories
    return {
      status: 'updated',
      feed: checked.feed,
      signedBy: checked.signedBy,
      added: fresh.filter((advisory) => !before.has(advisory.id)),
      changed: fresh.filter(
        (advisory) =>
          before.has(advisory.id) &&
          JSON.stringify(before.get(advisory.id)) !== JSON.stringify(advisory)
      ),
    }
  }

  /** Keeps the verified copy and records why the new one was refused. */
  private async reject(reason: RefreshRejection, error: string): Promise<RefreshResult> {
    logger.warn({ source: this.source, reason }, `security feed refused: ${error}`)
    const now = DateTime.now()
    const state = await SecurityFeed.find(FEED_NAME)
    const row = state ?? new SecurityFeed().merge({ name: FEED_NAME })
    await row.merge({ checkedAt: now, lastError: error.slice(0, 2000), lastErrorAt: now }).save()
    return { status: 'rejected', reason, error, lastVerifiedAt: row.verifiedAt ?? null }
  }
}

/** The feed's JSON, validated; what is wrong with it otherwise. */
export async function parseFeed(
  bytes: Buffer
): Promise<{ ok: true; feed: Feed } | { ok: false; reason: 'malformed'; error: string }> {
  let json: unknown
  try {
    json = JSON.parse(bytes.toString('utf8'))
  } catch (error) {
    return {
      ok: false,
      reason: 'malformed',
      error: `the feed is not JSON: ${(error as Error).message}`,
    }
  }
  const [error, feed] = await securityFeedValidator.tryValidate(json)
  if (error) {
    const details = (error.messages as { field: string; message: string }[])
      .slice(0, 5)
      .map((message) => `${message.field}: ${message.message}`)
      .join('; ')
    return { ok: false, reason: 'malformed', error: `the feed is malformed: ${details}` }
  }
  return { ok: true, feed: feed as Feed }
}
