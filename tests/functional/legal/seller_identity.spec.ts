import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditLog from '#models/audit_log'
import SettingsService from '#services/settings_service'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { DEMO_SELLER_FORM } from '#database/demo/legal'
import { countRows } from '#tests/helpers/database'

async function sellerIdentity() {
  const settings = await app.container.make(SettingsService)
  return settings.sellerIdentity()
}

test.group('Seller legal identity (I-02, M-01, M-02)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('is null until filled, then read back typed, compacted and in cents', async ({
    client,
    assert,
  }) => {
    assert.isNull(await sellerIdentity())
    const owner = await AdminUserFactory.create()

    const response = await client
      .put('/admin/settings/identity')
      .form({ ...DEMO_SELLER_FORM, addressLine2: 'Bâtiment B' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('success', 'Identité légale enregistrée.')

    assert.deepEqual(await sellerIdentity(), {
      companyName: 'Sabots Martin',
      legalForm: 'SARL',
      address: {
        lines: ['14 rue de la République', 'Bâtiment B'],
        postalCode: '39400',
        city: 'Morez',
        country: 'FR',
      },
      siren: '987654324',
      siret: '98765432400019',
      rcsCity: 'Lons-le-Saunier',
      vatNumber: 'FR14987654324',
      shareCapital: { amount: 2_000_000, currency: 'EUR' },
      email: 'bonjour@comptoir.test',
      phone: '03 84 00 00 00',
      publicationDirector: 'Camille Martin',
      host: {
        name: 'Nuage Démo SAS',
        address: '1 place de l’Hébergement, 59100 Roubaix, France',
        phone: '03 20 00 00 00',
      },
      mediator: {
        name: 'Médiateur Démo de la consommation',
        website: 'https://mediateur-demo.example',
      },
    })

    const entry = await AuditLog.query().where('action', 'settings.update').firstOrFail()
    assert.equal(entry.adminUserId, owner.id)
    assert.equal(JSON.parse(entry.changes!)['seller.identity'].siren, '987654324')

    // The form shows the stored identity again, the capital as a French amount.
    const page = await client.get('/admin/settings').loginAs(owner)
    assert.include(page.text(), 'value="987654324"')
    assert.include(page.text(), 'value="20\u202f000,00"')
  })

  test('checksum errors are reported per field, in French', async ({ client, assert }) => {
    const owner = await AdminUserFactory.create()
    const response = await client
      .put('/admin/settings/identity')
      .form({
        ...DEMO_SELLER_FORM,
        siren: '987 654 321',
        siret: '123 456 782 00002',
        vatNumber: 'FR 15 987654324',
        shareCapital: '',
        postalCode: '3940',
        mediatorWebsite: 'mediateur-demo',
      })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage(
      'error',
      'L’identité légale n’a pas été enregistrée : corrigez les champs signalés.'
    )
    response.assertFlashMessage('inputErrorsBag', {
      siren: [
        'Le SIREN saisi n’existe pas : sa clé de contrôle est fausse. Vérifiez chaque chiffre.',
      ],
      siret: ['Le SIRET doit commencer par le SIREN de l’entreprise.'],
      vatNumber: [
        'La clé du numéro de TVA (les 2 chiffres après FR) ne correspond pas au SIREN qui la suit.',
      ],
      shareCapital: ['Le champ capital social est obligatoire pour une société.'],
      postalCode: ['Un code postal français compte 5 chiffres.'],
      mediatorWebsite: ['Saisissez l’adresse complète du site, commençant par https://.'],
    })
    assert.isNull(await sellerIdentity())
    assert.equal(await countRows('audit_logs'), 0)
  })

  test('errors follow the admin’s language, shared rules included', async ({ client }) => {
    const owner = await AdminUserFactory.create()
    const response = await client
      .put('/admin/settings/identity')
      .header('accept-language', 'en')
      .form({
        ...DEMO_SELLER_FORM,
        companyName: '',
        siret: '9876543240001',
        vatNumber: 'FR11123456782',
      })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', {
      companyName: ['The company name field is required.'],
      siret: ['A SIRET has 14 digits.'],
      vatNumber: ["This VAT number belongs to another SIREN than the company's."],
    })
  })

  test('the errors are shown next to their fields on the settings page', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const page = await client
      .put('/admin/settings/identity')
      .form({ ...DEMO_SELLER_FORM, siren: '98765432' })
      .withCsrfToken()
      .loginAs(owner)
    page.assertStatus(200)
    assert.include(page.text(), 'id="siren-error"')
    assert.include(page.text(), 'Le SIREN compte 9 chiffres.')
    // What was typed is kept.
    assert.include(page.text(), 'value="98765432"')
  })

  test('an individual entrepreneur keeps neither share capital nor RCS city', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    await client
      .put('/admin/settings/identity')
      .form({ ...DEMO_SELLER_FORM, legalForm: 'micro-entreprise', vatNumber: '' })
      .withCsrfToken()
      .loginAs(owner)
    const identity = await sellerIdentity()
    assert.equal(identity?.legalForm, 'micro-entreprise')
    assert.isNull(identity?.shareCapital)
    assert.isNull(identity?.rcsCity)
    assert.isNull(identity?.vatNumber)
  })

  test('only owners may see or change it (403 for managers and support)', async ({
    client,
    assert,
  }) => {
    for (const role of ['manager', 'support'] as const) {
      const staff = await AdminUserFactory.apply(role).create()
      const write = await client
        .put('/admin/settings/identity')
        .form(DEMO_SELLER_FORM)
        .withCsrfToken()
        .loginAs(staff)
      write.assertStatus(403)
    }
    assert.isNull(await sellerIdentity())
  })
})
