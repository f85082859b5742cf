import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import PublicAssets from '#services/assets/public_assets'

/** A public folder of its own, so the shop's files stay as they are. */
async function publicFolder(cleanup: (fn: () => Promise<void>) => void) {
  const root = await mkdtemp(join(tmpdir(), 'comptoir-public-'))
  cleanup(() => rm(root, { recursive: true, force: true }))
  await mkdir(join(root, 'css'))
  await writeFile(join(root, 'css/app.css'), 'body { color: black }')
  return root
}

/** Rewrites a file with a modification time of its own, as an editor saving it would. */
async function edit(root: string, path: string, content: string, seconds: number) {
  await writeFile(join(root, path), content)
  await utimes(join(root, path), seconds, seconds)
}

test.group('HTTP caching: the asset manifest', () => {
  test('in development an edited file gets a new address at once', async ({ assert, cleanup }) => {
    const root = await publicFolder(cleanup)
    const assets = new PublicAssets(root, false)

    const before = assets.url('css/app.css')
    assert.match(before, /^\/assets\/css\/app\.[0-9a-f]{10}\.css$/)
    assert.equal(assets.url('css/app.css'), before)

    await edit(root, 'css/app.css', 'body { color: red }', 1_700_000_000)
    const after = assets.url('css/app.css')
    assert.notEqual(after, before)
    assert.equal(assets.find('css/app.css')!.body.toString(), 'body { color: red }')

    await writeFile(join(root, 'css/new.css'), 'p {}')
    assert.match(assets.url('css/new.css'), /^\/assets\/css\/new\.[0-9a-f]{10}\.css$/)
  })

  test('in production the files read at boot are the ones served', async ({ assert, cleanup }) => {
    const root = await publicFolder(cleanup)
    await writeFile(join(root, '.secret'), 'no')
    const assets = new PublicAssets(root, true)
    assets.warm()
    const booted = assets.url('css/app.css')

    await edit(root, 'css/app.css', 'body { color: red }', 1_700_000_000)
    assert.equal(assets.url('css/app.css'), booted)
    assert.equal(assets.find('css/app.css')!.body.toString(), 'body { color: black }')
    assert.isNull(assets.find('.secret'))
  })

  test('a template naming a missing file fails loudly', async ({ assert, cleanup }) => {
    const assets = new PublicAssets(await publicFolder(cleanup), false)
    assert.throws(() => assets.url('css/missing.css'), /resources\/public\/css\/missing\.css/)
    assert.throws(() => assets.url('../.env'), /does not exist/)
  })
})
