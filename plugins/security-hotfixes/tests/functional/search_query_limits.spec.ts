import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'

// The core's plugin test helpers, bound by the test bootstrap.
const { installedPlugin, runAce } = await app.container.make('comptoir.plugin_test_kit')
const PATCH = 'security-hotfixes/2026_11_25_search_query_limits'

function manyFilters(count: number) {
  return Array.from({ length: count }, (_, index) => `colour=c${index}`).join('&')
}

test.group('Plugin security-hotfixes', () => {
  test('installing it applies the search limits hot-fix; its guard refuses abusive search URLs until reverted', async ({
    assert,
    client,
    cleanup,
  }) => {
    await installedPlugin(cleanup, 'security-hotfixes')
    const [entry] = await db
      .from('maintenance_journal')
      .where({ kind: 'patch', owner: 'security-hotfixes' })
    assert.equal(entry.outcome, 'applied')

    const normal = await client.get('/search?q=sabot&colour=noir&sort=price_asc')
    normal.assertStatus(200)
    const abusive = await client.get(`/search?q=sabot&${manyFilters(60)}`)
    abusive.assertStatus(400)
    assert.equal(abusive.text(), 'Trop de filtres de recherche. / Too many search filters.')
    const english = await client.get(`/en/search?q=${'x'.repeat(3000)}`)
    english.assertStatus(414)

    const reverted = await runAce('patch:revert', [PATCH])
    assert.equal(reverted.exitCode, 0, reverted.output)
    assert.include(reverted.output, 'it changed no data')
    const after = await client.get(`/search?q=sabot&${manyFilters(60)}`)
    after.assertStatus(200)
  })
})
