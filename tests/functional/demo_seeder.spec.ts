import { spawnSync } from 'node:child_process'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import env from '#start/env'
import db from '@adonisjs/lucid/services/db'
import DemoSeeder, { DEMO_ADMIN } from '#database/seeders/demo_seeder'
import { countRows, resetToDemoShop } from '#tests/helpers/database'

test.group('Demo seed', (group) => {
  group.each.setup(() => resetToDemoShop())

  test('running it twice adds nothing', async ({ assert }) => {
    const before = {
      admins: await countRows('admin_users'),
      settings: await countRows('settings'),
      audit: await countRows('audit_logs'),
    }
    await new DemoSeeder(db.connection()).run()

    assert.deepEqual(
      {
        admins: await countRows('admin_users'),
        settings: await countRows('settings'),
        audit: await countRows('audit_logs'),
      },
      before
    )
    assert.equal(await countRows('admin_users', { email: DEMO_ADMIN.email }), 1)
  })

  test('it refuses to run in production', async ({ assert }) => {
    await db.from('admin_users').delete()
    const seed = spawnSync(
      process.execPath,
      ['ace', 'db:seed', '--files', 'database/seeders/demo_seeder.ts'],
      {
        cwd: app.makePath(),
        // Same database as this test, seen by a process that believes it is production.
        env: {
          ...process.env,
          NODE_ENV: 'production',
          SQLITE_PATH: env.get('SQLITE_PATH')!,
          DB_DATABASE: env.get('DB_DATABASE')!,
        },
        encoding: 'utf8',
        timeout: 30_000,
      }
    )

    assert.include(seed.stdout, 'Disabled in "production" environment')
    assert.equal(await countRows('admin_users'), 0)
  }).timeout(40_000)
})
