import { setTimeout as sleep } from 'node:timers/promises'
import { test } from '@japa/runner'
import { BentoCache, bentostore } from 'bentocache'
import { memoryDriver } from 'bentocache/drivers/memory'
import { redisBusDriver, redisDriver } from 'bentocache/drivers/redis'
import cache from '@adonisjs/cache/services/main'
import redis from '@adonisjs/redis/services/main'
import env from '#start/env'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { redisStores } from '#tests/helpers/redis'

/**
 * What several processes must share goes through Redis when configured
 * (.ci/run's MariaDB half): the cache, the sessions and the rate limits.
 */

/** Keys of the tests' Redis database matching a pattern, whatever the configured prefix. */
async function redisKeys(pattern: string) {
  const keys: string[] = []
  let cursor = '0'
  do {
    const [next, batch] = await redis.connection().ioConnection.scan(cursor, 'MATCH', pattern)
    keys.push(...batch)
    cursor = next
  } while (cursor !== '0')
  return keys
}

/** A signed cookie's value as AdonisJS writes it: `s:` + base64url JSON `{ message }` + `.` + signature. */
function signedCookieValue(response: Response, name: string) {
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith(`${name}=`))
  const signed = decodeURIComponent(cookie!.split(';')[0].slice(name.length + 1))
  const payload = signed.slice('s:'.length, signed.lastIndexOf('.'))
  return JSON.parse(Buffer.from(payload, 'base64url').toString()).message as string
}

/**
 * The cache of another process, built as config/cache.ts builds the `redis`
 * store: a memory copy of its own, the shared Redis behind it, and the bus.
 */
function otherProcessCache() {
  const connection = redis.connection('main').ioConnection.options
  return new BentoCache({
    default: 'redis',
    stores: {
      redis: bentostore()
        .useL1Layer(memoryDriver({}))
        .useL2Layer(redisDriver({ connection }))
        .useBus(redisBusDriver({ connection })),
    },
  })
}

test.group('Shared stores in Redis', () => {
  test('a tag purged in one process is gone from the memory copy of another', async ({
    assert,
    cleanup,
  }) => {
    const other = otherProcessCache()
    const here = cache.use('redis').namespace('multi-process-test')
    const there = other.namespace('multi-process-test')
    cleanup(async () => {
      await here.clear()
      await other.disconnectAll()
    })

    await here.set({ key: 'product:1', value: '12,00 €', tags: ['product:1'] })
    await here.set({ key: 'product:2', value: '8,00 €', tags: ['product:2'] })
    // Read once over there: from now on it answers from its own memory.
    assert.equal(await there.get({ key: 'product:1' }), '12,00 €')
    assert.equal(await there.get({ key: 'product:2' }), '8,00 €')

    await here.deleteByTag({ tags: ['product:1'] })

    // The bus carries the purge: wait for it, a bounded number of times.
    let purged: unknown = '12,00 €'
    for (let attempt = 0; attempt < 50 && purged !== undefined; attempt++) {
      purged = await there.get({ key: 'product:1' })
      if (purged !== undefined) await sleep(100)
    }
    assert.isUndefined(purged)
    assert.equal(await there.get({ key: 'product:2' }), '8,00 €')
  }).skip(!redisStores.cache, 'CACHE_STORE is not redis: one process, nothing to share')

  test('a failed sign-in keeps its session and its failure count in Redis', async ({ assert }) => {
    // Plain HTTP: the API client's session plugin deletes the session it has read.
    const base = `http://${env.get('HOST')}:${env.get('PORT')}`
    const owner = await AdminUserFactory.create()
    const page = await fetch(`${base}/admin/login`)
    const html = await page.text()
    const csrf = html.match(/name=["']_csrf["'] value=["']([^"']+)["']/)?.[1]
    assert.isString(csrf)

    const response = await fetch(`${base}/admin/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'cookie': page.headers
          .getSetCookie()
          .map((cookie) => cookie.split(';')[0])
          .join('; '),
        'x-forwarded-for': '203.0.113.44',
      },
      body: new URLSearchParams({ _csrf: csrf!, email: owner.email, password: 'not-the-password' }),
    })
    assert.equal(response.status, 302)

    const sessionId = signedCookieValue(response, 'comptoir-session')
    // The flash message the login page shows next, in the session as Redis holds it.
    assert.include(await redis.get(sessionId), 'mot de passe incorrect')
    assert.isNotEmpty(await redisKeys(`*admin_login:203.0.113.44:*`))
  }).skip(
    !(redisStores.session && redisStores.limiter),
    'SESSION_DRIVER and LIMITER_STORE are not both redis'
  )
})
