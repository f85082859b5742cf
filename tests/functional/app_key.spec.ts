import { spawnSync } from 'node:child_process'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'

test.group('APP_KEY', () => {
  test('the server refuses to boot without one, and says how to make one', ({ assert }) => {
    const server = spawnSync(process.execPath, ['--import', '@poppinss/ts-exec', 'bin/server.ts'], {
      cwd: app.makePath(),
      env: { ...process.env, NODE_ENV: 'production', APP_KEY: 'too-short', PORT: '0' },
      encoding: 'utf8',
      timeout: 30_000,
    })

    assert.notEqual(server.status, 0)
    assert.include(
      server.stderr + server.stdout,
      'APP_KEY is missing or shorter than 32 characters'
    )
    assert.include(server.stderr + server.stdout, 'node ace generate:key')
  }).timeout(40_000)
})
