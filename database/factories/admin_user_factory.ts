import factory from '@adonisjs/lucid/factories'
import AdminUser from '#models/admin_user'

export const AdminUserFactory = factory
  .define(AdminUser, ({ faker }) => ({
    email: faker.internet.email().toLowerCase(),
    fullName: faker.person.fullName(),
    password: 'correct-horse-battery',
    role: 'owner' as const,
  }))
  .state('manager', (user) => (user.role = 'manager'))
  .state('support', (user) => (user.role = 'support'))
  .build()
