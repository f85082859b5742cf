import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import http from 'node:http'
import net from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import env from '#start/env'

/**
 * The production start on every core (bin/cluster.ts) run for real: two
 * workers on a port of their own, against this run's database and stores.
 */

async function freePort() {
  const server = net.createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as net.AddressInfo
  server.close()
  await once(server, 'close')
  return port
}

function startCluster(port: number) {
  const child = spawn(process.execPath, ['--import', '@poppinss/ts-exec', 'bin/cluster.ts'], {
    cwd: app.makePath(),
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), WEB_CONCURRENCY: '2' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>
  return { child, exited, output: () => output }
}

/** A GET on a connection of its own: the primary hands each new connection to the next worker. */
function freshGet(port: number, path: string) {
  return new Promise<http.IncomingMessage>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent: false }, (response) => {
        response.resume()
        response.on('end', () => resolve(response))
      })
      .on('error', reject)
  })
}

/**
 * Asks until `count` different workers have answered and the primary has seen
 * each one ready (its providers started); gives up when the cluster does not come up.
 */
async function workersAnswering(
  port: number,
  count: number,
  cluster: { child: ChildProcess; output(): string }
) {
  const seen = new Set<string>()
  const allReady = () => seen.size === count && [...seen].every(isReady)
  const isReady = (worker: string) => cluster.output().includes(`"worker ${worker} ready"`)
  for (let attempt = 0; attempt < 400 && !allReady(); attempt++) {
    if (cluster.child.exitCode !== null) break
    const response = await freshGet(port, '/health').catch(() => null)
    if (response?.statusCode === 200) seen.add(String(response.headers['x-cluster-worker']))
    if (!allReady()) await sleep(100)
  }
  return seen
}

async function refusesConnections(port: number) {
  for (let attempt = 0; attempt < 400; attempt++) {
    const refused = await freshGet(port, '/health').then(
      () => false,
      (error) => error.code === 'ECONNREFUSED'
    )
    if (refused) return true
    await sleep(100)
  }
  return false
}

/**
 * A POST whose body the client holds back: `Expect: 100-continue` makes the
 * server say when it has taken the request, so the test knows it is in flight.
 */
async function startSlowPost(port: number, path: string, body: string) {
  const socket = net.connect(port, '127.0.0.1')
  await once(socket, 'connect')
  let received = ''
  socket.on('data', (chunk) => (received += chunk))
  const closed = once(socket, 'close')
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`
  )
  while (!received.includes('100 Continue')) await once(socket, 'data')
  return {
    async finish() {
      // Not end(): a client that half-closes its side aborts its own request.
      socket.write(body)
      await closed
      const final = received.slice(received.indexOf('\r\n\r\n') + 4)
      const [head, ...rest] = final.split('\r\n\r\n')
      return { status: Number(head.split(' ')[1]), headers: head, body: rest.join('\r\n\r\n') }
    },
  }
}

test.group('Multi-process serving (bin/cluster.ts)', () => {
  test('two workers share the port, and SIGTERM lets a request in flight finish before exiting 0', async ({
    assert,
    cleanup,
  }) => {
    const port = await freePort()
    const cluster = startCluster(port)
    cleanup(() => {
      if (cluster.child.exitCode === null) cluster.child.kill('SIGKILL')
    })

    const workers = await workersAnswering(port, 2, cluster)
    assert.deepEqual([...workers].sort(), ['1', '2'], cluster.output())
    assert.include(cluster.output(), '"worker 1 ready"')
    assert.include(cluster.output(), '"worker 2 ready"')

    // A provider notification for a payment method that does not exist: the
    // body is read, then the controller looks the method up and answers 404.
    const request = await startSlowPost(port, '/payments/no-such-method/notifications', '{}')
    cluster.child.kill('SIGTERM')

    // Every worker stops taking connections, while the one request is still open.
    assert.isTrue(await refusesConnections(port), cluster.output())

    const response = await request.finish()
    assert.equal(response.status, 404, `${response.headers}\n${cluster.output()}`)
    assert.equal(response.body, 'unknown payment method')

    const [code, signal] = await cluster.exited
    assert.deepEqual({ code, signal }, { code: 0, signal: null }, cluster.output())
    assert.include(cluster.output(), 'every worker has stopped')
  })
    .timeout(120_000)
    // Several processes writing one SQLite file is the demo's setup, not a cluster's (README).
    .skip(
      env.get('DB_CONNECTION', 'sqlite') === 'sqlite',
      'the cluster runs on MySQL/MariaDB: SQLite has a single writer'
    )
})
