/*
|--------------------------------------------------------------------------
| Creates .env from .env.example with a fresh APP_KEY when it is missing
|--------------------------------------------------------------------------
|
| Plain JavaScript on purpose: it runs before the application (which
| refuses to boot without an APP_KEY) and before any TypeScript loader.
|
*/

import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'

const envFile = new URL('../.env', import.meta.url)

if (!existsSync(envFile)) {
  const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8')
  const appKey = randomBytes(32).toString('base64url')
  writeFileSync(envFile, example.replace(/^APP_KEY=.*$/m, `APP_KEY=${appKey}`))
  console.log('› created .env with a fresh APP_KEY')
}
