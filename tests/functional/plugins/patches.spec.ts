import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { countRows } from '#tests/helpers/database'
import { runAce, usePluginSandbox } from '#tests/helpers/plugins'

async function patchedValue() {
  const row = await db.from('settings').where('key', 'fixture.patch').firstOrFail()
  return row.value
}

async function statusOutput() {
  const { output } = await runAce('patch:status', [])
  return output
}

const patchSource = (
  value: string
) => `import { definePatch } from '@comptoir/contracts/maintenance_hook'

export default definePatch({
  description: 'Renames the demo shop',
  severity: 'high',
  async apply({ db }) {
    await db.from('settings').where('key', 'fixture.patch').update({ value: '${value}' })
  },
})
`

test.group('Core patches', (group) => {
  group.each.setup(async () => {
    await db
      .table('settings')
      .insert({ key: 'fixture.patch', value: '"before"', updated_at: new Date() })
    return async () => {
      await db.from('settings').where('key', 'fixture.patch').delete()
    }
  })

  test('a patch applies once, is journaled, and a changed file is reported, not re-run', async ({
    assert,
    cleanup,
  }) => {
    const { corePatches } = await usePluginSandbox(cleanup)
    const file = join(corePatches, '2026_11_24_rename_shop.ts')
    await writeFile(file, patchSource('"after"'))

    const before = await runAce('patch:status', [])
    assert.match(before.output, /core.*2026_11_24_rename_shop.*high.*pending/s)

    const applied = await runAce('patch:apply', ['core/2026_11_24_rename_shop'])
    assert.equal(applied.exitCode, 0, applied.output)
    assert.equal(await patchedValue(), '"after"')
    assert.equal(
      await countRows('maintenance_journal', { kind: 'patch', owner: 'core', outcome: 'applied' }),
      1
    )

    const again = await runAce('patch:apply', ['2026_11_24_rename_shop'])
    assert.include(again.output, 'already applied')

    await writeFile(file, patchSource('"tampered"'))
    assert.match(await statusOutput(), /2026_11_24_rename_shop.*changed/s)
    await runAce('patch:apply', ['--all'])
    assert.equal(await patchedValue(), '"after"')
  })

  test('a failing patch changes nothing, is journaled with its error and stays pending', async ({
    assert,
    cleanup,
  }) => {
    const { corePatches } = await usePluginSandbox(cleanup)
    await writeFile(
      join(corePatches, '2026_11_24_half_done.ts'),
      `import { definePatch } from '@comptoir/contracts/maintenance_hook'

export default definePatch({
  description: 'Fails half-way',
  severity: 'critical',
  async apply({ db }) {
    await db.from('settings').where('key', 'fixture.patch').update({ value: '"half"' })
    throw new Error('second step failed')
  },
})
`
    )

    const { exitCode, output } = await runAce('patch:apply', ['--all'])

    assert.equal(exitCode, 1)
    assert.include(output, 'second step failed')
    assert.equal(await patchedValue(), '"before"')
    const entry = await db.from('maintenance_journal').where({ kind: 'patch' }).firstOrFail()
    assert.equal(entry.outcome, 'failed')
    assert.equal(entry.error, 'second step failed')
    assert.match(await statusOutput(), /2026_11_24_half_done.*failed/s)
  })
})
