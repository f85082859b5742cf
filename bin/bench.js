/*
|--------------------------------------------------------------------------
| npm run bench: the catalog benchmark
|--------------------------------------------------------------------------
|
| On MariaDB (a database of its own, recreated by .ci/mariadb.sh): seeds
| BENCH_PRODUCTS products (10 000 by default), starts the server in production
| mode on 127.0.0.1, measures three storefront pages with autocannon at a fixed
| concurrency and writes the results to BENCHMARKS.md.
|
*/

import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { cpus, totalmem } from 'node:os'
import { readFileSync, writeFileSync } from 'node:fs'
import autocannon from 'autocannon'
import './ensure_env.js'

const root = new URL('../', import.meta.url)
const products = Number(process.env.BENCH_PRODUCTS ?? 10_000)
const port = Number(process.env.BENCH_PORT ?? 3390)
const duration = Number(process.env.BENCH_SECONDS ?? 20)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10)
const env = {
  ...process.env,
  DB_CONNECTION: 'mysql',
  DB_HOST: '127.0.0.1',
  DB_USER: process.env.DB_USER ?? 'comptoir',
  DB_PASSWORD: process.env.DB_PASSWORD ?? 'comptoir-bench',
  DB_DATABASE: 'comptoir_bench_test',
  MEDIA_PATH: 'tmp/bench-media',
}

function run(command, args, extra = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extra } })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

run('bash', ['.ci/mariadb.sh'])
run(process.execPath, ['ace', 'migration:run', '--force', '--no-schema-generate'])
run(process.execPath, ['ace', 'bench:seed', `--products=${products}`])

const server = spawn(process.execPath, ['--import', '@poppinss/ts-exec', 'bin/server.ts'], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' },
})
const base = `http://127.0.0.1:${port}`
for (let attempt = 0; ; attempt++) {
  const ready = await fetch(`${base}/health`).then((response) => response.ok, () => false)
  if (ready) break
  if (attempt > 120) throw new Error('The server did not start')
  await new Promise((resolve) => setTimeout(resolve, 500))
}

const scenarios = [
  { name: 'Product page', path: '/p/sabot-en-cuir-etienne-1', target: '≥ 500 req/s, p99 < 100 ms' },
  { name: 'Category page, two facets', path: '/c/sabots?colour=black&material=leather', target: '≥ 200 req/s' },
  { name: 'Search', path: '/search?q=sabot%20cuir', target: '≥ 200 req/s' },
]
const results = []
for (const scenario of scenarios) {
  const check = await fetch(base + scenario.path)
  if (!check.ok) throw new Error(`${scenario.path} answered ${check.status}`)
  await autocannon({ url: base + scenario.path, connections, duration: 3 }) // warm-up
  const result = await autocannon({ url: base + scenario.path, connections, duration })
  results.push({ ...scenario, result })
  console.log(
    `${scenario.name}: ${Math.round(result.requests.average)} req/s, ` +
      `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors + result.non2xx}`
  )
}
const stopped = new Promise((resolve) => server.once('exit', resolve))
server.kill('SIGTERM')
const forced = setTimeout(() => server.kill('SIGKILL'), 10_000)
await stopped
clearTimeout(forced)

const mariadb = execFileSync('mariadbd', ['--version'], { encoding: 'utf8' }).trim()
const rows = results
  .map(({ name, path, target, result }) =>
    `| ${name} | \`${path}\` | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ${result.errors + result.non2xx} | ${target} |`
  )
  .join('\n')
const section = `## Catalog pages (${new Date().toISOString().slice(0, 10)})

${products} products (two colours × three sizes each, 6 variants), one web process in production mode
(TypeScript run through ts-exec), MariaDB on the same machine, no page cache. autocannon on 127.0.0.1,
${connections} connections, ${duration} s per page after a 3 s warm-up.

| page | URL | req/s | p50 (ms) | p99 (ms) | errors | target |
| --- | --- | ---: | ---: | ---: | ---: | --- |
${rows}

Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB,
Node.js ${process.version}, ${mariadb}.
`
const file = new URL('BENCHMARKS.md', root)
const current = readFileSync(file, 'utf8')
const marker = '<!-- bench:catalog -->'
const [head] = current.split(marker)
writeFileSync(file, `${head}${marker}\n${section}`)
console.log('Results written to BENCHMARKS.md')
