import { test } from '@japa/runner'
import { departementOf, greatCircleKm, postcodePoint } from '#src/distance'
import { DEPARTEMENT_POINTS } from '#src/departements'
import { originOf, rankStores } from '#src/store_selection'
import { pickupStore } from '#tests/helpers/stores'

const codes = (ranked: ReturnType<typeof rankStores>) => ranked.map(({ store }) => store.code)

test.group('Distance: postcodes', () => {
  test('name their département: two digits, 2A/2B in Corsica, three overseas', ({ assert }) => {
    assert.equal(departementOf('69002'), '69')
    assert.equal(departementOf(' 75 011 '), '75')
    assert.equal(departementOf('01000'), '01')
    assert.equal(departementOf('20000'), '2A')
    assert.equal(departementOf('20167'), '2A')
    assert.equal(departementOf('20200'), '2B')
    assert.equal(departementOf('20600'), '2B')
    assert.equal(departementOf('97400'), '974')
    assert.equal(departementOf('97133'), '971')
    assert.equal(departementOf('98000'), '980')
    assert.equal(departementOf('98800'), '988')
  })

  test('refuse what is not a known French postcode', ({ assert }) => {
    for (const text of [
      '',
      '6900',
      '690021',
      '69OO2',
      'SW1A 1AA',
      '00100',
      '96000',
      '97700',
      '98400',
    ]) {
      assert.isNull(departementOf(text), text)
      assert.isNull(postcodePoint(text), text)
    }
  })

  test('every département of metropolitan France and the overseas ones has a point', ({
    assert,
  }) => {
    const metropolitan = Array.from({ length: 95 }, (_, index) =>
      String(index + 1).padStart(2, '0')
    ).flatMap((code) => (code === '20' ? ['2A', '2B'] : [code]))
    for (const code of [...metropolitan, '971', '972', '973', '974', '976']) {
      assert.property(DEPARTEMENT_POINTS, code)
    }
    for (const [code, [lat, lon]] of Object.entries(DEPARTEMENT_POINTS)) {
      assert.isTrue(Math.abs(lat) <= 90 && Math.abs(lon) <= 180, code)
      // Metropolitan points stay inside France's box.
      if (code.length === 2) assert.isTrue(lat > 41 && lat < 51.2 && lon > -5 && lon < 9.6, code)
    }
  })
})

test.group('Distance: great circle', () => {
  test('measures real distances within a few kilometres', ({ assert }) => {
    const paris = postcodePoint('75001')!
    const lyon = postcodePoint('69001')!
    const marseille = postcodePoint('13001')!
    // Paris–Lyon is about 392 km as the crow flies, Paris–Marseille about 661 km.
    assert.closeTo(greatCircleKm(paris, lyon), 392, 5)
    assert.closeTo(greatCircleKm(paris, marseille), 661, 8)
    assert.equal(greatCircleKm(lyon, lyon), 0)
    assert.closeTo(greatCircleKm(lyon, paris), greatCircleKm(paris, lyon), 1e-9)
  })

  test('crosses the date line and the equator', ({ assert }) => {
    const wallis = postcodePoint('98600')!
    const noumea = postcodePoint('98800')!
    // About 2,100 km west over the antimeridian, not 38,000 km east.
    assert.closeTo(greatCircleKm(wallis, noumea), 2100, 100)
  })
})

test.group('Distance: ranking stores for a shopper', () => {
  const lyon = pickupStore(2, 'lyon', '69002', { point: { latitude: 45.7622, longitude: 4.8318 } })
  const paris = pickupStore(3, 'paris', '75011')
  const annecy = pickupStore(4, 'annecy', '74000')
  const ajaccio = pickupStore(5, 'ajaccio', '20000')
  const bastia = pickupStore(6, 'bastia', '20200')
  const nice = pickupStore(7, 'nice', '06000')
  const reunion = pickupStore(8, 'saint-denis', '97400')

  test('a Lyon shopper gets Lyon before Annecy before Paris', ({ assert }) => {
    const ranked = rankStores([paris, annecy, lyon], originOf('69002'))
    assert.deepEqual(codes(ranked), ['lyon', 'annecy', 'paris'])
    assert.deepEqual(
      ranked.map((entry) => entry.distanceKm),
      // The Lyon store's own coordinates sit a kilometre from the Rhône's point.
      [1, 101, 392]
    )
  })

  test('a Parisian gets Paris first, then Lyon', ({ assert }) => {
    assert.deepEqual(codes(rankStores([lyon, paris], originOf('75015'))), ['paris', 'lyon'])
  })

  test('Corsica: Ajaccio and Bastia are told apart, the island before Nice', ({ assert }) => {
    const stores = [nice, bastia, ajaccio]
    assert.deepEqual(codes(rankStores(stores, originOf('20090'))), ['ajaccio', 'bastia', 'nice'])
    assert.deepEqual(codes(rankStores(stores, originOf('20200'))), ['bastia', 'ajaccio', 'nice'])
    // From Marseille, Nice is nearer than either Corsican town.
    assert.equal(codes(rankStores(stores, originOf('13001')))[0], 'nice')
  })

  test('overseas: a store on the island first, then the mainland by distance', ({ assert }) => {
    const stores = [lyon, paris, reunion]
    const fromReunion = rankStores(stores, originOf('97490'))
    // From the Indian Ocean, Lyon is a little nearer than Paris.
    assert.deepEqual(codes(fromReunion), ['saint-denis', 'lyon', 'paris'])
    assert.equal(fromReunion[0].distanceKm, 0)
    assert.closeTo(fromReunion[2].distanceKm!, 9365, 50)
    // Fort-de-France is nearer Paris than Lyon.
    assert.deepEqual(codes(rankStores([lyon, paris], originOf('97200'))), ['paris', 'lyon'])
  })

  test('the store with exactly the shopper’s postcode comes first', ({ assert }) => {
    // Both in the Rhône, so as far from the shopper's département point; the exact postcode wins.
    const centre = pickupStore(10, 'bellecour', '69002')
    const villeurbanne = pickupStore(11, 'villeurbanne', '69100')
    assert.deepEqual(codes(rankStores([centre, villeurbanne], originOf('69100'))), [
      'villeurbanne',
      'bellecour',
    ])
    assert.deepEqual(codes(rankStores([villeurbanne, centre], originOf('69002'))), [
      'bellecour',
      'villeurbanne',
    ])
  })

  test('equally far stores keep the merchant’s order', ({ assert }) => {
    const first = pickupStore(10, 'first', '69003')
    const second = pickupStore(11, 'second', '69007')
    assert.deepEqual(codes(rankStores([first, second], originOf('69001'))), ['first', 'second'])
    assert.deepEqual(codes(rankStores([second, first], originOf('69001'))), ['second', 'first'])
  })

  test('without a usable postcode, the merchant’s order and no distance', ({ assert }) => {
    for (const origin of [null, originOf(''), originOf('SW1A 1AA')]) {
      const ranked = rankStores([paris, lyon, annecy], origin)
      assert.deepEqual(codes(ranked), ['paris', 'lyon', 'annecy'])
      assert.deepEqual(
        ranked.map((entry) => entry.distanceKm),
        [null, null, null]
      )
    }
  })

  test('a store whose position is unknown comes after those measured', ({ assert }) => {
    const nowhere = pickupStore(12, 'nowhere', '69002', { point: null })
    const ranked = rankStores([nowhere, paris], originOf('75011'))
    assert.deepEqual(codes(ranked), ['paris', 'nowhere'])
    assert.isNull(ranked[1].distanceKm)
  })
})
