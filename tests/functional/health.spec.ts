import { test } from '@japa/runner'
import { simulateDatabaseOutage } from '#tests/helpers/database'

test.group('Health', () => {
  test('answers 200 with the database status', async ({ client }) => {
    const response = await client.get('/health')
    response.assertStatus(200)
    response.assertBody({ healthy: true, checks: { database: 'ok' } })
  })

  test('answers 503 when the database is unreachable, revealing nothing else', async ({
    client,
    cleanup,
  }) => {
    simulateDatabaseOutage(cleanup)
    const response = await client.get('/health')
    response.assertStatus(503)
    response.assertBody({ healthy: false, checks: { database: 'error' } })
  })
})
