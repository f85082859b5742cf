import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import semver from 'semver'
import app from '@adonisjs/core/services/app'

const execFileAsync = promisify(execFile)

/** A fixture npm package's folder (not a plugin: a dependency of one). */
export function npmPackageFixture(name: string) {
  return app.makePath('tests/fixtures/npm_packages', name)
}

interface Packed {
  name: string
  version: string
  filename: string
  integrity: string
  shasum: string
}

/**
 * A tiny npm registry on 127.0.0.1 serving the given folders, packed by
 * `npm pack`: one packument per package name (its highest version tagged
 * "latest") and the tarballs; any other package is a 404. Until `close()`,
 * the npm processes the tests start use it, with a cache and a user config
 * of their own, so nothing reaches the network or the user's npm setup.
 */
export async function startNpmRegistry(folders: string[]) {
  const workDir = app.makePath('tmp', 'test-npm-registry', randomUUID())
  const tarballs = join(workDir, 'tarballs')
  await mkdir(tarballs, { recursive: true })
  const { stdout } = await execFileAsync(
    'npm',
    ['pack', ...folders, '--pack-destination', tarballs, '--json'],
    { cwd: workDir }
  )
  const packed: Packed[] = JSON.parse(stdout)
  const manifests = new Map<string, Record<string, any>>()
  for (const folder of folders) {
    const manifest = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8'))
    manifests.set(`${manifest.name}@${manifest.version}`, manifest)
  }

  const files = new Map<string, Buffer>()
  const packuments = new Map<string, Record<string, any>>()
  const requests: string[] = []
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://registry').pathname)
    requests.push(path)
    const body = files.get(path) ?? packuments.get(path.slice(1))
    if (!body) {
      response.writeHead(404, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ error: 'Not found' }))
      return
    }
    response.writeHead(200, {
      'content-type': Buffer.isBuffer(body) ? 'application/octet-stream' : 'application/json',
    })
    response.end(Buffer.isBuffer(body) ? body : JSON.stringify(body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  for (const pack of packed) {
    const manifest = manifests.get(`${pack.name}@${pack.version}`)
    const path = `/${pack.name}/-/${pack.name.split('/').at(-1)}-${pack.version}.tgz`
    files.set(path, await readFile(join(tarballs, pack.filename)))
    const packument = packuments.get(pack.name) ?? {
      'name': pack.name,
      'dist-tags': {},
      'versions': {},
    }
    packument.versions[pack.version] = {
      ...manifest,
      dist: { tarball: `${url}${path}`, integrity: pack.integrity, shasum: pack.shasum },
    }
    packument['dist-tags'].latest = semver.rsort(Object.keys(packument.versions))[0]
    packuments.set(pack.name, packument)
  }

  const userConfig = join(workDir, 'npmrc')
  await writeFile(userConfig, '')
  const environment: Record<string, string> = {
    npm_config_registry: url,
    npm_config_cache: join(workDir, 'cache'),
    npm_config_userconfig: userConfig,
    npm_config_update_notifier: 'false',
  }
  const previous = Object.fromEntries(
    Object.keys(environment).map((key) => [key, process.env[key]])
  )
  Object.assign(process.env, environment)

  return {
    url,
    /** Paths asked for, decoded (`/@fixture/shout`). */
    requests,
    async close() {
      for (const [key, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[key]
        else process.env[key] = value
      }
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await rm(workDir, { recursive: true, force: true })
    },
  }
}
