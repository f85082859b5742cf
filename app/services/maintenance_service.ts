import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { DateTime } from 'luxon'
import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { appKey } from '#config/app'
import Setting from '#models/setting'
import AuditLogService, { type AuditActor } from '#services/audit_log_service'
import { RETRY_AFTER, addressMatcher, generateSecret } from '#domain/maintenance'

/**
 * The state lives in one `settings` row (key "maintenance", present only while
 * the shop is closed): every process reads it with one primary-key lookup, one
 * write flips it whole, and no table is added for a single record. Its history
 * is the audit log.
 */
const SETTING_KEY = 'maintenance'

/**
 * Each process keeps the state this long, so the middleware does not query the
 * database on every request; other processes see a change within that delay.
 */
const CACHE_TTL_MS = 2000

interface StoredMaintenance {
  allowedIps: string[]
  retryAfter: number
  /**
   * HMAC-SHA256 of the secret under APP_KEY, not a password hash: checking it on a
   * public URL must stay cheap, and without APP_KEY a database dump gives nothing
   * to test guesses against.
   */
  secretHash: string | null
  since: string
}

export type MaintenanceState =
  | { enabled: false }
  | {
      enabled: true
      allowedIps: string[]
      retryAfter: number
      secretHash: string | null
      since: DateTime
      admitsIp: (ip: string) => boolean
    }

export type OpenState = Extract<MaintenanceState, { enabled: true }>

export interface MaintenanceOptions {
  /** Replaces the allow list; none when left out. */
  allowedIps?: string[]
  /** Defaults to RETRY_AFTER.default. */
  retryAfter?: number
  /** A new bypass secret; when left out, the current one stays. */
  secret?: string
  /** Generates a secret when the shop would have none (the CLI prints it). */
  ensureSecret?: boolean
}

export interface MaintenanceActor {
  admin: AuditActor
  ip?: string | null
  source: 'admin' | 'cli'
}

export type TurnOnResult = {
  outcome: 'enabled' | 'updated' | 'unchanged'
  state: OpenState
  /** The secret in clear, only when this call generated it. */
  generatedSecret: string | null
}

let cached: { state: Promise<MaintenanceState>; expiresAt: number } | null = null

function hashSecret(secret: string) {
  return createHmac('sha256', appKey.release()).update(secret).digest('hex')
}

function sameText(a: string, b: string) {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

function toState(stored: StoredMaintenance): OpenState {
  return {
    enabled: true,
    allowedIps: stored.allowedIps,
    retryAfter: stored.retryAfter,
    secretHash: stored.secretHash,
    since: DateTime.fromISO(stored.since),
    admitsIp: addressMatcher(stored.allowedIps),
  }
}

/**
 * Maintenance mode: the storefront closed to everyone but allowed addresses and
 * holders of the bypass secret. The one way to read and change it, for the
 * admin page, the ace commands and the middleware.
 */
@inject()
export default class MaintenanceService {
  constructor(protected auditLog: AuditLogService) {}

  /**
   * The state as this process last read it, at most CACHE_TTL_MS old.
   */
  current(): Promise<MaintenanceState> {
    if (!cached || cached.expiresAt <= Date.now()) {
      const state = this.read()
      cached = { state, expiresAt: Date.now() + CACHE_TTL_MS }
      // A failed read is not kept: the next request tries again.
      state.catch(() => {
        if (cached?.state === state) cached = null
      })
    }
    return cached.state
  }

  /**
   * The state as stored now, for pages and commands that show or change it.
   */
  async read(trx?: TransactionClientContract): Promise<MaintenanceState> {
    const row = await Setting.find(SETTING_KEY, { client: trx })
    return row ? toState(JSON.parse(row.value)) : { enabled: false }
  }

  secretMatches(state: OpenState, candidate: string): boolean {
    return state.secretHash !== null && sameText(hashSecret(candidate), state.secretHash)
  }

  /**
   * What the bypass cookie carries (encrypted): derived from the secret's hash and
   * the start of this maintenance, so a new secret, or the end of maintenance,
   * voids the cookies handed out.
   */
  bypassToken(state: OpenState): string | null {
    if (!state.secretHash) return null
    return createHash('sha256')
      .update(`maintenance-bypass:${state.secretHash}:${state.since.toMillis()}`)
      .digest('hex')
  }

  admitsBypass(state: OpenState, token: unknown): boolean {
    const expected = this.bypassToken(state)
    return expected !== null && typeof token === 'string' && sameText(token, expected)
  }

  /**
   * Closes the shop, or updates the options of a closed one. Running it again
   * with the same options changes nothing and writes nothing.
   */
  async turnOn(options: MaintenanceOptions, actor: MaintenanceActor): Promise<TurnOnResult> {
    let generatedSecret: string | null = null
    const result = await db.transaction(async (trx) => {
      const current = await this.read(trx)
      let secretHash = options.secret
        ? hashSecret(options.secret)
        : current.enabled
          ? current.secretHash
          : null
      if (!secretHash && options.ensureSecret) {
        generatedSecret = generateSecret()
        secretHash = hashSecret(generatedSecret)
      }
      const next: StoredMaintenance = {
        allowedIps: options.allowedIps ?? [],
        retryAfter: options.retryAfter ?? RETRY_AFTER.default,
        secretHash,
        since: current.enabled ? current.since.toISO()! : DateTime.utc().toISO(),
      }

      const newSecret = secretHash !== (current.enabled ? current.secretHash : null)
      if (
        current.enabled &&
        !newSecret &&
        next.retryAfter === current.retryAfter &&
        next.allowedIps.join() === current.allowedIps.join()
      ) {
        return { outcome: 'unchanged' as const, state: current }
      }

      await Setting.updateOrCreate(
        { key: SETTING_KEY },
        { value: JSON.stringify(next) },
        { client: trx }
      )
      const outcome = current.enabled ? ('updated' as const) : ('enabled' as const)
      await this.audit(
        outcome === 'enabled' ? 'maintenance.enable' : 'maintenance.update',
        actor,
        { allowedIps: next.allowedIps, retryAfter: next.retryAfter, newSecret },
        trx
      )
      return { outcome, state: toState(next) }
    })
    if (result.outcome !== 'unchanged') this.forgetCachedState()
    return { ...result, generatedSecret }
  }

  /**
   * Reopens the shop and forgets the secret. When it is already open, does nothing.
   */
  async turnOff(actor: MaintenanceActor): Promise<{ outcome: 'disabled' | 'unchanged' }> {
    const outcome = await db.transaction(async (trx) => {
      const row = await Setting.find(SETTING_KEY, { client: trx })
      if (!row) return 'unchanged' as const
      await row.delete()
      await this.audit('maintenance.disable', actor, {}, trx)
      return 'disabled' as const
    })
    if (outcome === 'disabled') this.forgetCachedState()
    return { outcome }
  }

  /**
   * Called after a write commits, so this process sees it at once.
   */
  protected forgetCachedState() {
    cached = null
  }

  protected audit(
    action: string,
    actor: MaintenanceActor,
    changes: Record<string, unknown>,
    trx: TransactionClientContract
  ) {
    return this.auditLog.record(
      {
        actor: actor.admin,
        action,
        entityType: 'maintenance',
        // The audit log has no column for where a write came from.
        changes: { ...changes, source: actor.source },
        ip: actor.ip,
      },
      trx
    )
  }
}
