import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { AdminUserFactory } from '#database/factories/admin_user_factory'

test.group('Form fields', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a value typed by a person is escaped inside its input', async ({ client, assert }) => {
    const owner = await AdminUserFactory.create()
    await client
      .put('/admin/settings')
      .form({ shopName: 'La "Fromagerie"><script>alert(1)</script>' })
      .withCsrfToken()
      .loginAs(owner)

    const page = await client.get('/admin/settings').loginAs(owner)

    assert.notInclude(page.text(), '<script>alert(1)</script>')
    assert.include(
      page.text(),
      'value="La &quot;Fromagerie&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'
    )
  })
})
