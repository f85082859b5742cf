import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Folders of plugins that ship a given sub-folder (translations), read
 * synchronously because configuration files need them.
 */
export function pluginFoldersWith(root: string, subfolder: string) {
  if (!existsSync(root)) return []
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => join(root, entry.name, subfolder))
    .filter((folder) => existsSync(folder))
}
