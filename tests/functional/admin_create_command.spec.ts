import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import testUtils from '@adonisjs/core/services/test_utils'
import hash from '@adonisjs/core/services/hash'
import AdminUser from '#models/admin_user'
import AdminCreate from '#commands/admin/create'
import { countRows } from '#tests/helpers/database'

test.group('admin:create command', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })

  test('creates an owner from flags, with a hashed password', async ({ assert }) => {
    const command = await ace.create(AdminCreate, [
      '--email=Owner@Shop.test',
      '--name=Ada Owner',
      '--password=a-long-enough-secret',
      '--role=owner',
    ])
    await command.exec()

    command.assertSucceeded()
    const user = await AdminUser.findByOrFail('email', 'owner@shop.test')
    assert.equal(user.role, 'owner')
    assert.notEqual(user.password, 'a-long-enough-secret')
    assert.isTrue(await hash.verify(user.password, 'a-long-enough-secret'))
  })

  test('prompts for what the flags leave out', async ({ assert }) => {
    const command = await ace.create(AdminCreate, [])
    command.prompt.trap('Email address').replyWith('help@shop.test')
    command.prompt.trap('Full name').replyWith('Sam Support')
    command.prompt.trap('Password (12 characters at least)').replyWith('another-long-secret')
    command.prompt.trap('Role').chooseOption(2)
    await command.exec()

    command.assertSucceeded()
    const user = await AdminUser.findByOrFail('email', 'help@shop.test')
    assert.equal(user.role, 'support')
  })

  test('refuses a short password, a bad role and a taken email', async ({ assert }) => {
    await AdminUser.create({
      email: 'taken@shop.test',
      fullName: 'Taken',
      password: 'whatever-long-1',
      role: 'owner',
    })
    const command = await ace.create(AdminCreate, [
      '--email=taken@shop.test',
      '--name=X',
      '--password=short',
      '--role=god',
    ])
    await command.exec()

    command.assertFailed()
    const errors = command.ui.logger
      .getLogs()
      .map((log) => log.message)
      .join('\n')
    assert.include(errors, 'email')
    assert.include(errors, 'password')
    assert.include(errors, 'role')
    assert.equal(await countRows('admin_users', { email: 'taken@shop.test' }), 1)
  })
})
