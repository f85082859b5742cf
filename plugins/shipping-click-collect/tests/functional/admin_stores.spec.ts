import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import StoreDetails from '#src/store_details'
import { PLUGIN, adminUser, insertLocations, installedPlugin } from '#tests/helpers/sandbox'

const EDITOR = `/admin/plugins/${PLUGIN}/stores`

const lyon = {
  address_line1: '12 rue Mercière',
  address_line2: '',
  postcode: '69002',
  city: 'Lyon',
  latitude: '45,7622',
  longitude: '4,8318',
  hours_mon: '14h-19h',
  hours_tue: '10h-19h',
  hours_wed: '10h-19h',
  hours_thu: '10h-19h',
  hours_fri: '10h-19h',
  hours_sat: '9h30-12h30, 14h-19h30',
  hours_sun: '',
  preparation_hours: '2',
  slot_minutes: '30',
  slot_capacity: '4',
}

/** Locations written outside any transaction: every table is emptied afterwards. */
async function locations(cleanup: (handler: () => Promise<void>) => void) {
  cleanup(await testUtils.db().truncate())
  return insertLocations([
    { code: 'warehouse', name: 'Atelier de Morez', type: 'warehouse' },
    { code: 'lyon', name: 'Boutique de Lyon' },
    { code: 'outlet', name: 'Magasin d’usine', clickAndCollect: false },
  ])
}

test.group('Click & collect store editor', () => {
  test('an owner lists the click & collect stores and enters one’s details', async ({
    assert,
    client,
    cleanup,
  }) => {
    const places = await locations(cleanup)
    await installedPlugin(cleanup)
    const user = await adminUser(cleanup)

    const list = await client.get(EDITOR).loginAs(user)
    list.assertStatus(200)
    assert.include(list.text(), '<h1>Retrait en magasin</h1>')
    assert.include(list.text(), 'Boutique de Lyon<br><code>lyon</code>')
    assert.include(list.text(), 'À compléter : pas encore proposé aux clients')
    assert.notInclude(list.text(), 'Atelier de Morez')
    assert.notInclude(list.text(), 'Magasin d’usine')
    assert.include(list.text(), `href="${EDITOR}/${places.lyon}/edit"`)

    const form = await client.get(`${EDITOR}/${places.lyon}/edit`).loginAs(user)
    form.assertStatus(200)
    assert.include(form.text(), '<h1>Retrait en magasin : Boutique de Lyon</h1>')
    assert.include(form.text(), '<label for="hours_mon">Lundi</label>')
    assert.match(form.text(), /id="slot_minutes"[^>]*value="30"/)

    const saved = await client
      .put(`${EDITOR}/${places.lyon}`)
      .form(lyon)
      .withCsrfToken()
      .loginAs(user)
    saved.assertStatus(200)
    assert.include(saved.text(), 'Magasin Boutique de Lyon enregistré.')
    assert.include(saved.text(), 'samedi : 09:30–12:30, 14:00–19:30')
    assert.include(saved.text(), 'dimanche : Fermé')
    const details = await StoreDetails.findOrFail(places.lyon)
    assert.deepInclude(details.$attributes, {
      addressLine1: '12 rue Mercière',
      addressLine2: null,
      postcode: '69002',
      latitude: 45.7622,
      longitude: 4.8318,
      preparationHours: 2,
      slotMinutes: 30,
      slotCapacity: 4,
    })
    assert.deepEqual(details.openingHours.sat, [
      ['09:30', '12:30'],
      ['14:00', '19:30'],
    ])
    assert.isUndefined(details.openingHours.sun)

    // Saved again, as the form shows it back.
    const again = await client.get(`${EDITOR}/${places.lyon}/edit`).loginAs(user)
    assert.match(again.text(), /id="hours_sat"[^>]*value="09:30-12:30, 14:00-19:30"/)
    assert.match(again.text(), /id="latitude"[^>]*value="45,7622"/)
  })

  test('a wrong store comes back with its errors next to the fields and nothing lost', async ({
    assert,
    client,
    cleanup,
  }) => {
    const places = await locations(cleanup)
    await installedPlugin(cleanup)
    const user = await adminUser(cleanup)
    const edit = `${EDITOR}/${places.lyon}/edit`

    const response = await client
      .put(`${EDITOR}/${places.lyon}`)
      .header('referer', edit)
      .form({ ...lyon, postcode: '6900', hours_tue: '19h-10h', slot_capacity: '' })
      .withCsrfToken()
      .loginAs(user)

    response.assertStatus(200)
    const html = response.text()
    assert.include(
      html,
      '<p class="field__error" id="postcode-error">Le code postal compte cinq chiffres, par exemple 69002.</p>'
    )
    assert.include(
      html,
      '<p class="field__error" id="slot_capacity-error">Le champ retraits par créneau est obligatoire.</p>'
    )
    assert.match(html, /id="postcode"[^>]*aria-invalid="true"[^>]*value="6900"/)
    assert.match(html, /id="hours_sat"[^>]*value="9h30-12h30, 14h-19h30"/)
    assert.isNull(await StoreDetails.find(places.lyon))

    // Fields well formed one by one, wrong together: also next to their fields.
    const together = await client
      .put(`${EDITOR}/${places.lyon}`)
      .header('referer', edit)
      .form({ ...lyon, hours_tue: '19h-10h', longitude: '' })
      .withCsrfToken()
      .loginAs(user)
    assert.include(
      together.text(),
      '<p class="field__error" id="hours_tue-error">Le mardi, chaque plage doit fermer après avoir ouvert.</p>'
    )
    assert.include(
      together.text(),
      '<p class="field__error" id="longitude-error">Saisissez la latitude et la longitude, ou laissez les deux vides.</p>'
    )
    assert.isNull(await StoreDetails.find(places.lyon))
  })

  test('only click & collect stores can be edited', async ({ client, cleanup }) => {
    const places = await locations(cleanup)
    await installedPlugin(cleanup)
    const user = await adminUser(cleanup)

    const warehouse = await client.get(`${EDITOR}/${places.warehouse}/edit`).loginAs(user)
    warehouse.assertStatus(404)
    const outlet = await client
      .put(`${EDITOR}/${places.outlet}`)
      .form(lyon)
      .withCsrfToken()
      .loginAs(user)
    outlet.assertStatus(404)
  })

  test('is for owners only, and answers 404 while the plugin is disabled', async ({
    client,
    cleanup,
  }) => {
    await locations(cleanup)
    const { runAce } = await installedPlugin(cleanup)
    const owner = await adminUser(cleanup)
    const manager = await adminUser(cleanup, 'manager')

    const forbidden = await client.get(EDITOR).loginAs(manager)
    forbidden.assertStatus(403)
    const anonymous = await client.get(EDITOR).redirects(0)
    anonymous.assertStatus(302)

    await runAce('plugin:disable', [PLUGIN])
    const disabled = await client.get(EDITOR).loginAs(owner)
    disabled.assertStatus(404)
  })
})
