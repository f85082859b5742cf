import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/**
 * Customer accounts on the storefront, registered once per locale from
 * registerStorefrontRoutes (names "fr.account.*", "en.account.*").
 */
export function registerStorefrontAccountRoutes() {
  const { Sessions, Registrations, PasswordResets, Profile, Addresses } =
    controllers.storefront.account

  router
    .group(() => {
      router.get('/login', [Sessions, 'create']).as('login')
      router.post('/login', [Sessions, 'store']).as('login.store')
      router.get('/register', [Registrations, 'create']).as('register')
      router.post('/register', [Registrations, 'store']).as('register.store')
    })
    .prefix('/account')
    .as('account')
    .use(middleware.customerGuest())

  router
    .group(() => {
      router.post('/logout', [Sessions, 'destroy']).as('logout')
      router.get('/forgot-password', [PasswordResets, 'create']).as('password_resets.create')
      router.post('/forgot-password', [PasswordResets, 'store']).as('password_resets.store')
      router.get('/reset-password/:token', [PasswordResets, 'edit']).as('password_resets.edit')
      router.post('/reset-password/:token', [PasswordResets, 'update']).as('password_resets.update')
    })
    .prefix('/account')
    .as('account')

  router
    .group(() => {
      router.get('/', [Profile, 'show']).as('show')
      router.put('/', [Profile, 'update']).as('update')
      router.get('/email', [Profile, 'editEmail']).as('email.edit')
      router.put('/email', [Profile, 'updateEmail']).as('email.update')
      router.get('/password', [Profile, 'editPassword']).as('password.edit')
      router.put('/password', [Profile, 'updatePassword']).as('password.update')

      router.get('/addresses', [Addresses, 'index']).as('addresses.index')
      router.get('/addresses/new', [Addresses, 'create']).as('addresses.create')
      router.post('/addresses', [Addresses, 'store']).as('addresses.store')
      router.get('/addresses/:id/edit', [Addresses, 'edit']).as('addresses.edit')
      router.put('/addresses/:id', [Addresses, 'update']).as('addresses.update')
      router.delete('/addresses/:id', [Addresses, 'destroy']).as('addresses.destroy')
      router
        .put('/addresses/:id/default/:purpose', [Addresses, 'setDefault'])
        .where('purpose', /^(delivery|billing)$/)
        .as('addresses.default')
    })
    .prefix('/account')
    .as('account')
    .where('id', router.matchers.number())
    .use(middleware.customer())
}
