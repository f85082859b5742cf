import { test } from '@japa/runner'
import i18nManager from '@adonisjs/i18n/services/main'
import StoreDetails from '#src/store_details'
import { storeFormValues } from '#src/store_form'
import { validateStore } from '#src/store_validator'

const valid = {
  address_line1: ' 12 rue Mercière ',
  address_line2: '',
  postcode: '69002',
  city: 'Lyon',
  latitude: '45,7622',
  longitude: '4.8318',
  hours_mon: '',
  hours_tue: '9h30-12h30, 14h-19h',
  hours_wed: '09:30-12:30 / 14:00-19:00',
  hours_thu: 'fermé',
  hours_fri: '10-19',
  hours_sat: '10:00-19:30',
  hours_sun: '',
  preparation_hours: '2',
  slot_minutes: '30',
  slot_capacity: '4',
}

const fr = () => i18nManager.locale('fr')

/** Field → message of a refused input. */
async function errorsOf(input: Record<string, string>, locale: 'fr' | 'en' = 'fr') {
  const result = await validateStore(input, i18nManager.locale(locale))
  if (result.valid) throw new Error('expected the store to be refused')
  return Object.fromEntries(result.errors.map((error) => [error.field, error.message]))
}

test.group('Validating a store', () => {
  test('turns typed values into details, hours sorted and closed days left out', async ({
    assert,
  }) => {
    const result = await validateStore(valid, fr())
    assert.deepEqual(result, {
      valid: true,
      store: {
        addressLine1: '12 rue Mercière',
        addressLine2: null,
        postcode: '69002',
        city: 'Lyon',
        latitude: 45.7622,
        longitude: 4.8318,
        openingHours: {
          tue: [
            ['09:30', '12:30'],
            ['14:00', '19:00'],
          ],
          wed: [
            ['09:30', '12:30'],
            ['14:00', '19:00'],
          ],
          fri: [['10:00', '19:00']],
          sat: [['10:00', '19:30']],
        },
        preparationHours: 2,
        slotMinutes: 30,
        slotCapacity: 4,
      },
    })
    const withoutCoordinates = await validateStore({ ...valid, latitude: '', longitude: '' }, fr())
    assert.isTrue(withoutCoordinates.valid)
  })

  test('reports each wrong field in the admin’s language', async ({ assert }) => {
    const errors = await errorsOf({
      ...valid,
      address_line1: '',
      postcode: '6900',
      latitude: 'nord',
      preparation_hours: '1000',
      slot_capacity: '2,5',
    })
    assert.deepEqual(errors, {
      address_line1: 'Le champ adresse est obligatoire.',
      postcode: 'Le code postal compte cinq chiffres, par exemple 69002.',
      latitude: 'Saisissez la latitude en degrés décimaux, par exemple 45,7622.',
      preparation_hours: 'Le champ délai de préparation doit être compris entre 0 et 720.',
      slot_capacity: 'Le champ retraits par créneau doit être un nombre.',
    })
    assert.deepEqual(await errorsOf({ ...valid, city: '' }, 'en'), {
      city: 'The city is required.',
    })
  })

  test('reports hours that cannot be read, backwards or overlapping, by day', async ({
    assert,
  }) => {
    const errors = await errorsOf({
      ...valid,
      hours_mon: 'le matin',
      hours_tue: '19h-14h',
      hours_sat: '9h-13h, 12h-18h',
      longitude: '',
      // Every other day closed: "never opens" waits until the wrong days read.
      hours_wed: '',
      hours_fri: '',
    })
    assert.deepEqual(errors, {
      hours_mon: 'Écrivez les horaires du lundi ainsi : 9h30-12h30, 14h-19h.',
      longitude: 'Saisissez la latitude et la longitude, ou laissez les deux vides.',
      hours_tue: 'Le mardi, chaque plage doit fermer après avoir ouvert.',
      hours_sat: 'Le samedi, les plages ne doivent pas se chevaucher.',
    })
  })

  test('checks the fields together once each is well formed', async ({ assert }) => {
    assert.deepEqual(await errorsOf({ ...valid, postcode: '00100', longitude: '' }), {
      postcode: 'Ce code postal ne correspond à aucun département français.',
      longitude: 'Saisissez la latitude et la longitude, ou laissez les deux vides.',
    })
    assert.deepEqual(await errorsOf({ ...valid, latitude: '145', longitude: '-200' }), {
      latitude: 'La latitude doit être comprise entre -90 et 90.',
      longitude: 'La longitude doit être comprise entre -180 et 180.',
    })
    const closed = Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [`hours_${day}`, ''])
    )
    assert.deepEqual(await errorsOf({ ...valid, ...closed }), {
      hours_mon: 'Le magasin doit ouvrir au moins un jour par semaine.',
    })
    const mornings = { hours_tue: '9h-12h', hours_wed: '9h-12h', hours_fri: '', hours_sat: '' }
    assert.deepEqual(await errorsOf({ ...valid, ...mornings, slot_minutes: '240' }), {
      slot_minutes: 'Aucune plage d’ouverture n’est assez longue pour un créneau de cette durée.',
    })
  })

  test('stored details come back in the form as the merchant typed them', async ({ assert }) => {
    const result = await validateStore(valid, fr())
    if (!result.valid) throw new Error('valid input refused')
    const details = new StoreDetails().merge({ stockLocationId: 2, ...result.store })

    const values = storeFormValues(details, 'fr')
    assert.include(values, {
      latitude: '45,7622',
      longitude: '4,8318',
      hours_mon: '',
      hours_tue: '09:30-12:30, 14:00-19:00',
      hours_fri: '10:00-19:00',
      preparation_hours: '2',
    })
    assert.equal(storeFormValues(details, 'en').latitude, '45.7622')
    const again = await validateStore(values, fr())
    assert.deepEqual(again, result)
  })
})
