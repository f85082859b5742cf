import { test } from '@japa/runner'
import { simulateDatabaseOutage } from '#tests/helpers/database'

test.group('Health', () => {
  test('answers 200 with the database status', async ({ client, assert }) => {
    const response = await client.get('/health')
    response.assertStatus(200)
    assert.isTrue(response.body().isHealthy)
    assert.match(response.body().checks[0].name, /Database/)
  })

  test('answers 503 when the database is unreachable', async ({ client, assert, cleanup }) => {
    simulateDatabaseOutage(cleanup)
    const response = await client.get('/health')
    response.assertStatus(503)
    assert.isFalse(response.body().isHealthy)
  })
})
