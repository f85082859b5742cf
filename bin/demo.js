/*
|--------------------------------------------------------------------------
| npm run demo: a working demo shop in one command
|--------------------------------------------------------------------------
|
| Creates .env when missing, migrates, seeds the demo shop (idempotent),
| then serves the storefront and back office with a queue worker in the
| same process. PORT and HOST are respected.
|
*/

import { spawnSync, spawn } from 'node:child_process'
import './ensure_env.js'

const root = new URL('../', import.meta.url)

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

run(['ace', 'migration:run', '--force', '--no-schema-generate'])
run(['ace', 'db:seed', '--files', 'database/seeders/demo_seeder.ts'])

const server = spawn(process.execPath, ['--import', '@poppinss/ts-exec', 'bin/server.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, QUEUE_INLINE_WORKER: 'true' },
})
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal))
}
server.on('exit', (code) => process.exit(code ?? 0))
