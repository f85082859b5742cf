/*
|--------------------------------------------------------------------------
| npm run bench: speed and sobriety of the storefront
|--------------------------------------------------------------------------
|
| On MariaDB (a database of its own, recreated by .ci/mariadb.sh): seeds
| BENCH_PRODUCTS products, starts one web process pinned to core 0 and runs
| autocannon in its own process on core 1. Measures the cached product page
| against a bare node:http server serving the same bytes, the uncached pages
| (PAGE_CACHE=false), the cluster start when there is one, and the bytes and
| server CPU each page type costs (the sobriety report). Rewrites its
| sections of BENCHMARKS.md, between the `<!-- bench:… -->` markers.
|
*/

import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { cpus, totalmem } from 'node:os'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import './ensure_env.js'
import { formatCount, formatKb, formatMs, percentOf, summarize, verdict } from '#bench/stats'
import type { AutocannonResult, RunSummary, Target } from '#bench/stats'
import { cpuMsPerRequest, parseProcStat, processTree, ticksByPid } from '#bench/proc_stat'
import { DEFAULT_MIX, mixFromLoadTest, PAGE_TYPES, visitCost } from '#bench/visit_mix'
import type { PageCost, PageType, VisitMix } from '#bench/visit_mix'
import { assetsOf, repeatBehaviour } from '#bench/page_weight'
import { replaceSection, table } from '#bench/markdown'
import { closeClient, CookieJar, get, type RawResponse } from '#bench/http_client'

const root = fileURLToPath(new URL('../', import.meta.url))
const products = Number(process.env.BENCH_PRODUCTS ?? 10_000)
const port = Number(process.env.BENCH_PORT ?? 3390)
const duration = Number(process.env.BENCH_SECONDS ?? 10)
const warmup = Number(process.env.BENCH_WARMUP_SECONDS ?? 3)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50)
const sobrietyRequests = Number(process.env.BENCH_SOBRIETY_REQUESTS ?? 200)
const database = process.env.BENCH_DATABASE ?? 'comptoir_bench_test'
const pinned = cpus().length >= 2 && spawnSync('taskset', ['--version']).status === 0
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DB_CONNECTION: 'mysql',
  DB_HOST: '127.0.0.1',
  DB_USER: process.env.DB_USER ?? 'comptoir',
  DB_PASSWORD: process.env.DB_PASSWORD ?? 'comptoir-bench',
  DB_DATABASE: database,
  MEDIA_PATH: process.env.BENCH_MEDIA_PATH ?? 'tmp/bench-media',
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/*
| 1. Database and build
*/
if (process.env.BENCH_KEEP_DB !== '1') {
  run('bash', ['.ci/mariadb.sh'])
  run(process.execPath, ['ace', 'migration:run', '--force', '--no-schema-generate'])
  run(process.execPath, ['ace', 'bench:seed', `--products=${products}`])
}

/**
 * The sources run through ts-exec: `node ace build` compiles the app, but its
 * output cannot start from the repository yet (the @comptoir/contracts
 * workspace resolves to TypeScript sources, and build/plugins/ lacks the
 * plugins' package.json and resources). BENCHMARKS.md says which mode ran.
 */
const mode = 'ts-exec'

/*
| 2. Servers: one process pinned to core 0, or the cluster start
*/
interface Server {
  name: string
  base: string
  child: ChildProcess
  pid: number
  stop(): Promise<void>
}

function serverCommand(extra: NodeJS.ProcessEnv): [string, string[], string] {
  // The sources, as `npm run demo` runs them: `npm start` and `start:cluster` run the build.
  const entry = extra.BENCH_CLUSTER ? 'bin/cluster.ts' : 'bin/server.ts'
  const node = [process.execPath, ['--import', '@poppinss/ts-exec', entry], root] as const
  if (extra.BENCH_CLUSTER) return [node[0], [...node[1]], node[2]]
  return pinned
    ? ['taskset', ['-c', '0', node[0], ...node[1]], node[2]]
    : [node[0], [...node[1]], node[2]]
}

// Servers still running when the script stops (a failed check throws): killed on exit.
const running = new Set<ChildProcess>()
process.on('exit', () => {
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      // already gone
    }
  }
})

async function startServer(
  name: string,
  serverPort: number,
  extra: NodeJS.ProcessEnv
): Promise<Server> {
  const [command, args, cwd] = serverCommand(extra)
  const child = spawn(command, args, {
    cwd,
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(serverPort),
      LOG_LEVEL: 'warn',
      ...extra,
    },
  })
  running.add(child)
  child.once('exit', () => running.delete(child))
  const base = `http://127.0.0.1:${serverPort}`
  for (let attempt = 0; ; attempt++) {
    const ready = await get(`${base}/health`).then(
      (response) => response.status === 200,
      () => false
    )
    if (ready) break
    if (attempt > 120 || child.exitCode !== null)
      throw new Error(`${name}: the server did not start`)
    await sleep(500)
  }
  return {
    name,
    base,
    child,
    pid: child.pid!,
    async stop() {
      const stopped = new Promise((resolve) => child.once('exit', resolve))
      process.kill(-child.pid!, 'SIGTERM')
      const forced = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 10_000)
      await stopped
      clearTimeout(forced)
    },
  }
}

/**
 * autocannon in a process of its own, on the core the server does not use.
 */
function autocannon(url: string, seconds: number): Promise<RunSummary> {
  const cli = [
    `${root}node_modules/autocannon/autocannon.js`,
    '-j',
    '-c',
    String(connections),
    '-d',
    String(seconds),
    url,
  ]
  const [command, args] = pinned
    ? ['taskset', ['-c', '1', process.execPath, ...cli]]
    : [process.execPath, cli]
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`))
      resolve(summarize(JSON.parse(output) as AutocannonResult))
    })
  })
}

async function pageCacheState(url: string) {
  const response = await get(url)
  return String(response.headers['x-page-cache'] ?? 'none')
}

interface Measure {
  label: string
  server: string
  path: string
  summary: RunSummary
  cache: string
  target?: Target
  targetText: string
}

const measures: Measure[] = []

async function measure(
  server: Server,
  label: string,
  path: string,
  targetText = '',
  target?: Target
) {
  const check = await get(server.base + path)
  if (check.status !== 200) throw new Error(`${path} answered ${check.status}`)
  await autocannon(server.base + path, warmup)
  const before = await pageCacheState(server.base + path)
  const summary = await autocannon(server.base + path, duration)
  const after = await pageCacheState(server.base + path)
  const cache = before === after ? before : `${before}→${after}`
  measures.push({ label, server: server.name, path, summary, cache, target, targetText })
  console.log(
    `${server.name} · ${label}: ${formatCount(summary.rps)} req/s, p50 ${formatMs(summary.p50)} ms, ` +
      `p99 ${formatMs(summary.p99)} ms, errors ${summary.errors}, x-page-cache ${cache}`
  )
  return { summary, cache }
}

/*
| 3. Sobriety: bytes per view and server CPU per request
*/
function readTree(pid: number) {
  const all = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      try {
        return [parseProcStat(readFileSync(`/proc/${entry}/stat`, 'utf8'))]
      } catch {
        return []
      }
    })
  return ticksByPid(processTree(pid, all))
}

const ticksPerSecond =
  Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100
const browser = { 'accept-encoding': 'br, gzip', 'accept': 'text/html,*/*' }

async function serverCpuMs(server: Server, path: string, cookie: string) {
  const headers = cookie ? { ...browser, cookie } : browser
  for (let i = 0; i < 20; i++) await get(server.base + path, headers) // warm-up, fills the page cache
  const before = readTree(server.pid)
  let sent = 0
  const worker = async () => {
    while (sent < sobrietyRequests) {
      sent++
      await get(server.base + path, headers)
    }
  }
  await Promise.all([worker(), worker(), worker(), worker()])
  return cpuMsPerRequest(before, readTree(server.pid), sobrietyRequests, ticksPerSecond)
}

function conditional(response: RawResponse) {
  const headers: Record<string, string> = {}
  if (response.headers.etag) headers['if-none-match'] = String(response.headers.etag)
  if (response.headers['last-modified'])
    headers['if-modified-since'] = String(response.headers['last-modified'])
  return headers
}

async function repeatBytes(url: string, first: RawResponse, headers: Record<string, string>) {
  const behaviour = repeatBehaviour(first.headers)
  if (behaviour === 'cached') return 0
  if (behaviour === 'refetch') return first.bytes
  const again = await get(url, { ...headers, ...conditional(first) })
  return again.bytes
}

interface Weight extends PageCost {
  html: number
  htmlRaw: number
  css: number
  js: number
  images: number
  requests: number
  cpuMsCluster?: number
}

async function pageWeight(server: Server, path: string, cookie: string): Promise<Weight> {
  const headers = cookie ? { ...browser, cookie } : browser
  const page = await get(server.base + path, headers)
  if (page.status !== 200) throw new Error(`${path} answered ${page.status}`)
  const raw = await get(server.base + path, cookie ? { cookie } : {})
  const sizes = { css: 0, js: 0, image: 0, font: 0 }
  let repeat = await repeatBytes(server.base + path, page, headers)
  let cssJsRepeat = 0
  const assets = assetsOf(raw.body.toString('utf8'))
  for (const asset of assets) {
    const url = new URL(asset.url, server.base + path).href
    const first = await get(url, { 'accept-encoding': 'br, gzip' })
    sizes[asset.kind] += first.bytes
    const again = await repeatBytes(url, first, { 'accept-encoding': 'br, gzip' })
    repeat += again
    if (asset.kind !== 'image') cssJsRepeat += again
  }
  const firstView = page.bytes + sizes.css + sizes.js + sizes.image + sizes.font
  return {
    html: page.bytes,
    htmlRaw: raw.body.length,
    css: sizes.css + sizes.font,
    js: sizes.js,
    images: sizes.image,
    requests: 1 + assets.length,
    firstView,
    repeatView: repeat,
    warmView: page.bytes + sizes.image + cssJsRepeat,
    cpuMs: await serverCpuMs(server, path, cookie),
  }
}

/**
 * A guest's cart with one line, added through the product page's form like a
 * browser without JavaScript: its cookies then open the cart and checkout.
 */
async function cartCookie(server: Server, productPath: string) {
  const jar = new CookieJar()
  const page = await get(server.base + productPath)
  jar.store(page)
  const html = page.body.toString('utf8')
  const form = /<form class="add-to-cart"[\s\S]*?<\/form>/.exec(html)?.[0] ?? ''
  const field = (name: string) =>
    new RegExp(`name=["']${name}["'] value=["']([^"']*)["']`).exec(form)?.[1] ?? ''
  const body = new URLSearchParams({
    _csrf: field('_csrf'),
    variant_id: field('variant_id'),
    quantity: '1',
  })
  const added = await get(
    `${server.base}/cart/lines`,
    { 'content-type': 'application/x-www-form-urlencoded', 'cookie': jar.header() },
    'POST',
    body.toString()
  )
  jar.store(added)
  const checkout = await get(`${server.base}/checkout/identification`, { cookie: jar.header() })
  if (added.status >= 400 || checkout.status !== 200) {
    throw new Error(
      `Adding to cart failed (${added.status}, then checkout ${checkout.status}): CSRF field or cookies?`
    )
  }
  return jar.header()
}

/*
| 4. The runs
*/
const pages = {
  product: '/p/sabot-en-cuir-etienne-1',
  category: '/c/sabots?colour=black&material=leather',
  search: '/search?q=sabot%20cuir',
}
const sobrietyPaths: Record<PageType, string> = {
  home: '/',
  category: '/c/sabots?colour=black',
  product: pages.product,
  search: pages.search,
  cart: '/cart',
  checkout: '/checkout/identification',
}
const productTarget = { minRps: 10_000, maxP99: 20, minRatio: 0.35 }

const cached = await startServer('one process', port, {})
// The bytes the bare server answers: the cached page as autocannon receives it (no compression).
await get(cached.base + pages.product)
const reference = await get(cached.base + pages.product)
const referenceFile = `${root}tmp/bench-product.html`
mkdirSync(`${root}tmp`, { recursive: true })
writeFileSync(referenceFile, reference.body)
const barePort = port + 1
const bare = spawn(
  pinned ? 'taskset' : process.execPath,
  [
    ...(pinned ? ['-c', '0', process.execPath] : []),
    'bin/bench/bare_server.js',
    referenceFile,
    String(reference.headers['content-type']),
    String(barePort),
  ],
  { cwd: root, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], detached: true }
)
running.add(bare)
await new Promise((resolve) => bare.once('message', resolve))
const bareServer = { name: 'bare node:http', base: `http://127.0.0.1:${barePort}` } as Server
const bareRun = await measure(bareServer, 'Same bytes, bare node:http', pages.product, 'reference')
bare.kill('SIGTERM')
const cachedRun = await measure(
  cached,
  'Product page, cached',
  pages.product,
  '≥ 10 000 req/s, p99 < 20 ms, ≥ 35 % of bare',
  productTarget
)
await measure(cached, 'Category page, two facets, cached', pages.category)
await measure(cached, 'Search, cached', pages.search)
const notHit = measures.filter((m) => m.server === cached.name && m.cache !== 'hit')
if (notHit.length) {
  console.log(
    `⚠ not served from the page cache (x-page-cache ≠ hit): ${notHit.map((m) => `${m.path} (${m.cache})`).join(', ')}`
  )
}

const cartSession = await cartCookie(cached, pages.product)
const weights = {} as Record<PageType, Weight>
for (const type of PAGE_TYPES) {
  const cookie = type === 'cart' || type === 'checkout' ? cartSession : ''
  weights[type] = await pageWeight(cached, sobrietyPaths[type], cookie)
  console.log(
    `sobriety · ${type}: ${formatKb(weights[type].firstView)} KB first view, ${weights[type].cpuMs.toFixed(2)} ms CPU/request`
  )
}
await cached.stop()

const uncached = await startServer('one process, PAGE_CACHE=false', port, { PAGE_CACHE: 'false' })
await measure(uncached, 'Product page, uncached', pages.product, '≥ 800 req/s', { minRps: 800 })
await measure(uncached, 'Category page, two facets, uncached', pages.category, '≥ 200 req/s', {
  minRps: 200,
})
await measure(uncached, 'Search, uncached', pages.search, '≥ 200 req/s', { minRps: 200 })
await uncached.stop()

// The cluster start (bin/cluster.ts, one worker per core).
const workers = String(cpus().length)
const cluster = await startServer(`cluster (${workers} workers)`, port, {
  BENCH_CLUSTER: '1',
  WEB_CONCURRENCY: workers,
})
await measure(cluster, 'Product page, cached', pages.product, '', productTarget)
for (const type of PAGE_TYPES) {
  const cookie =
    type === 'cart' || type === 'checkout' ? await cartCookie(cluster, pages.product) : ''
  weights[type].cpuMsCluster = await serverCpuMs(cluster, sobrietyPaths[type], cookie)
}
await cluster.stop()
const clusterUncached = await startServer(`cluster (${workers} workers), PAGE_CACHE=false`, port, {
  BENCH_CLUSTER: '1',
  WEB_CONCURRENCY: workers,
  PAGE_CACHE: 'false',
})
await measure(clusterUncached, 'Product page, uncached', pages.product, '', { minRps: 800 })
await clusterUncached.stop()
closeClient()

/*
| 5. BENCHMARKS.md
*/
const loadTestFile = `${root}tmp/loadtest/latest.json`
let mix: VisitMix = DEFAULT_MIX
let mixSource = 'the default mix (no load-test report in tmp/loadtest/latest.json)'
if (existsSync(loadTestFile)) {
  const fromReport = mixFromLoadTest(JSON.parse(readFileSync(loadTestFile, 'utf8')))
  if (fromReport) {
    mix = fromReport
    mixSource = 'the per-step request counts of the last load test (tmp/loadtest/latest.json)'
  }
}
const visit = visitCost(weights, mix)
const visitCluster = visitCost(
  Object.fromEntries(
    PAGE_TYPES.map((t) => [t, { ...weights[t], cpuMs: weights[t].cpuMsCluster ?? 0 }])
  ) as unknown as Record<PageType, PageCost>,
  mix
)

const mariadb = execFileSync('mariadbd', ['--version'], { encoding: 'utf8' }).trim()
const date = new Date().toISOString().slice(0, 10)
const command = `BENCH_PRODUCTS=${products} BENCH_SECONDS=${duration} BENCH_CONNECTIONS=${connections} npm run bench`
const setup = `\`${command}\`, ${date}. Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB;
Node.js ${process.version}; ${mariadb}. ${products} products (6 variants each), MariaDB on the same machine.
Server mode: ${mode} (\`node --import @poppinss/ts-exec bin/server.ts\`, not the \`node ace build\` output),
NODE_ENV=production, ${pinned ? 'one process pinned to core 0 (`taskset -c 0`), autocannon in its own process on core 1 (`taskset -c 1`)' : 'not pinned (taskset or a second core missing), autocannon in its own process'}.
autocannon: ${connections} connections, ${warmup} s warm-up then ${duration} s per line, no cookies, no compression.`

const row = (m: Measure) => {
  const isBare = m.server === bareServer.name
  return [
    m.label,
    m.server,
    `\`${m.path}\``,
    formatCount(m.summary.rps),
    formatMs(m.summary.p50),
    formatMs(m.summary.p99),
    m.summary.errors,
    isBare ? '—' : m.cache,
    isBare ? '100 %' : percentOf(m.summary.rps, bareRun.summary.rps),
    m.targetText
      ? `${m.targetText}: ${m.target ? verdict(m.summary, m.target, bareRun.summary.rps) : ''}`
      : '',
  ]
}
const speedColumns: Parameters<typeof table>[0] = [
  ['page', 'left'],
  ['server', 'left'],
  ['URL', 'left'],
  ['req/s', 'right'],
  ['p50 (ms)', 'right'],
  ['p99 (ms)', 'right'],
  ['errors', 'right'],
  ['x-page-cache', 'left'],
  ['of bare', 'right'],
  ['target', 'left'],
]
const speed = `## Storefront speed (${date})

${setup}

The cached product page against a bare \`node:http\` server answering the same ${formatCount(reference.body.length)} bytes
(same content type, same core, same run): **${percentOf(cachedRun.summary.rps, bareRun.summary.rps)}** of its rate.
${notHit.length ? `\n**Warning:** these lines were not page-cache hits: ${notHit.map((m) => `\`${m.path}\` (${m.cache})`).join(', ')}.\n` : ''}
${table(speedColumns, measures.filter((m) => !m.server.startsWith('cluster')).map(row))}

### Cluster

\`npm run start:cluster\` (from the sources: \`bin/cluster.ts\`) with WEB_CONCURRENCY=${cpus().length}, not pinned (the workers and autocannon share both cores), same autocannon settings.

${table(speedColumns, measures.filter((m) => m.server.startsWith('cluster')).map(row))}
`

const kb = (bytes: number) => formatKb(bytes)
const sobrietyRows = PAGE_TYPES.map((type) => {
  const w = weights[type]
  return [
    type,
    `\`${sobrietyPaths[type]}\``,
    kb(w.htmlRaw),
    kb(w.html),
    kb(w.css),
    kb(w.js),
    kb(w.images),
    w.requests,
    kb(w.firstView),
    kb(w.repeatView),
    w.cpuMs.toFixed(2),
    (w.cpuMsCluster ?? 0).toFixed(2),
    mix[type],
  ]
})
const sobriety = `## Sobriety (${date})

What one page view costs: the bytes a browser downloads (HTML compressed as a browser asks for it,
\`Accept-Encoding: br, gzip\`, headers included, plus the stylesheets, scripts, fonts and the images it loads
at once; lazy images are left out) on a first view and on a repeat view with the browser cache warm (fresh
assets are not requested again, the others are revalidated), and the server's CPU time per request
(utime + stime of the server process, or of the primary and its workers for the cluster, from /proc, over ${sobrietyRequests} requests, 4 at a time,
page cache on). Cart and checkout are measured with a guest cart of one line.

${setup}

${table(
  [
    ['page', 'left'],
    ['URL', 'left'],
    ['HTML (KB)', 'right'],
    ['HTML sent (KB)', 'right'],
    ['CSS (KB)', 'right'],
    ['JS (KB)', 'right'],
    ['images (KB)', 'right'],
    ['requests', 'right'],
    ['first view (KB)', 'right'],
    ['repeat view (KB)', 'right'],
    ['CPU ms/request', 'right'],
    ['CPU ms/request, cluster', 'right'],
    ['views per visit', 'right'],
  ],
  sobrietyRows
)}

Views per visit come from ${mixSource}. The visit's first page is a first view, the others load their HTML
and images with the shop's CSS and JS already cached.

**A visit of ${Math.round(visit.pages * 10) / 10} pages costs about ${Math.round(visit.bytes / 1024)} KB of transfer and ${Math.round(visit.cpuMs)} ms of server CPU (${Math.round(visitCluster.cpuMs)} ms with the cluster).**
`

const file = `${root}BENCHMARKS.md`
let document = readFileSync(file, 'utf8')
document = replaceSection(document, 'speed', speed)
document = replaceSection(document, 'sobriety', sobriety)
writeFileSync(file, document)
console.log(
  `A visit of ${Math.round(visit.pages * 10) / 10} pages: about ${Math.round(visit.bytes / 1024)} KB and ${Math.round(visit.cpuMs)} ms of server CPU`
)
console.log('Results written to BENCHMARKS.md')
