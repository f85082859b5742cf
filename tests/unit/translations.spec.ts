import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { pluginFoldersWith } from '#plugin_kernel/plugin_folders'

/** Every key of a translation file, nested keys dotted. */
function flatKeys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? flatKeys(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key}`]
  )
}

async function keysOf(folder: string, file: string) {
  return flatKeys(JSON.parse(await readFile(join(folder, file), 'utf8'))).sort()
}

test.group('Translations', () => {
  test('French and English say the same things, in the core and in every plugin', async ({
    assert,
  }) => {
    const roots = [
      app.languageFilesPath(),
      ...pluginFoldersWith(app.makePath('plugins'), 'resources/lang'),
    ]
    for (const root of roots) {
      const files = await readdir(join(root, 'fr'))
      assert.deepEqual(await readdir(join(root, 'en')), files, root)
      for (const file of files) {
        assert.deepEqual(
          await keysOf(join(root, 'en'), file),
          await keysOf(join(root, 'fr'), file),
          `${root}/{fr,en}/${file}`
        )
      }
    }
  })
})
