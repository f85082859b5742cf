import { test } from '@japa/runner'
import i18nManager from '@adonisjs/i18n/services/main'
import { DEMO_RATES } from '#src/demo_rates'
import RateService from '#src/rate_service'
import RatesCsv from '#src/rates_csv'
import type { RateInput } from '#src/rate_validator'
import { installedPlugin } from '#tests/helpers/host'

const HEADER =
  'country_code,postcode_prefix,min_weight_grams,max_weight_grams,min_items,max_items,min_subtotal,max_subtotal,price,currency,delay_min_days,delay_max_days,label'

const fr = () => i18nManager.locale('fr')

/** The table's rows as inputs, in reading order. */
async function table(): Promise<RateInput[]> {
  const rows = await new RateService().list()
  return rows.map(({ $attributes: { id, createdAt, updatedAt, ...input } }) => input as RateInput)
}

test.group('Rate table CSV', () => {
  test('export then import gives back the same table and the same file', async ({
    assert,
    cleanup,
  }) => {
    await installedPlugin(cleanup, { defaultCountry: 'FR' })
    const odd: RateInput = {
      ...DEMO_RATES[0],
      countryCode: '*',
      minItems: 2,
      maxItems: 10,
      minSubtotal: 1999,
      maxSubtotal: 100_005,
      price: 2450,
      currency: 'CHF',
      delayMinDays: 0,
      delayMaxDays: 12,
      label: 'Monde, « express », ligne 1\nligne 2',
    }
    await new RateService().replaceAll([...DEMO_RATES, odd])
    const before = await table()
    const csv = new RatesCsv()

    const exported = await csv.export()
    assert.isTrue(exported.startsWith(`\uFEFF${HEADER}\n`))
    assert.include(exported, 'FR,20,250,500,0,,0.00,,8.90,EUR,3,5,Corse 250 g–500 g\n')
    const result = await csv.import(exported, fr())

    assert.deepEqual(result, { imported: true, count: DEMO_RATES.length + 1 })
    assert.deepEqual(await table(), before)
    assert.equal(await csv.export(), exported)
  })

  test('a file with bad lines changes nothing and says which lines and why', async ({
    assert,
    cleanup,
  }) => {
    await installedPlugin(cleanup, { defaultCountry: 'FR' })
    await new RateService().replaceAll(DEMO_RATES)
    const csv = new RatesCsv()
    const before = await csv.export()

    const result = await csv.import(
      [
        HEADER,
        'FR,,0,250,0,,0,,4.90,EUR,2,3,"Petit colis,\nsur deux lignes"',
        'FR,,250,500,0,,0,,quatre euros,EUR,2,3,',
        'France,,0,250,0,,0,,4.90,EUR,4,3,',
        'BE,10,500,250,0,,0,,9.90,EUR,3,5,',
      ].join('\n'),
      fr()
    )

    assert.isFalse(result.imported)
    if (result.imported) return
    assert.deepEqual(
      result.errors.map((error) => [error.line, error.column]),
      [
        [4, 'price'],
        [5, 'country_code'],
        [6, 'max_weight_grams'],
      ]
    )
    assert.equal(result.errors[0].message, 'Le champ prix doit être un montant, par exemple 4,90.')
    assert.equal(await csv.export(), before)

    // Once both ends are fixed, the same line is still refused for its delays.
    const delays = await csv.import(`${HEADER}\nFR,,0,250,0,,0,,4.90,EUR,4,3,`, fr())
    assert.deepEqual(!delays.imported && delays.errors.map((error) => error.column), [
      'delay_max_days',
    ])
  })

  test('stops reading after a hundred problems', async ({ assert, cleanup }) => {
    await installedPlugin(cleanup, { defaultCountry: 'FR' })
    const bad = Array.from({ length: 150 }, () => 'FR,,0,250,0,,0,,?,EUR,2,3,')

    const result = await new RatesCsv().import([HEADER, ...bad].join('\n'), fr())

    assert.isFalse(result.imported)
    if (result.imported) return
    assert.lengthOf(result.errors, 101)
    assert.deepEqual(result.errors[100], {
      line: 102,
      column: null,
      message: 'Plus de 100 problèmes : la suite du fichier n’a pas été lue.',
    })
  })

  test('reads a French spreadsheet: semicolons, decimal commas, fewer columns', async ({
    assert,
    cleanup,
  }) => {
    await installedPlugin(cleanup, { defaultCountry: 'FR' })
    const csv = new RatesCsv()

    const result = await csv.import(
      [
        'Country_Code;price;currency;delay_min_days;delay_max_days;max_weight_grams;label',
        'fr;4,90;EUR;2;3;1000;Lettre suivie',
        '*;24,5;EUR;5;10;;Monde',
        '',
      ].join('\r\n'),
      fr()
    )

    assert.deepEqual(result, { imported: true, count: 2 })
    const rows = await table()
    assert.deepEqual(
      rows.map((rate) => [rate.countryCode, rate.price, rate.minWeightGrams, rate.maxWeightGrams]),
      [
        ['FR', 490, 0, 1000],
        ['*', 2450, 0, null],
      ]
    )
    assert.deepEqual(
      rows.map((rate) => rate.label),
      ['Lettre suivie', 'Monde']
    )
  })

  test('refuses a file whose columns are wrong, empty or unreadable', async ({
    assert,
    cleanup,
  }) => {
    await installedPlugin(cleanup, { defaultCountry: 'FR' })
    await new RateService().replaceAll(DEMO_RATES.slice(0, 3))
    const csv = new RatesCsv()
    const refusal = async (file: string) => {
      const result = await csv.import(file, fr())
      return result.imported ? null : result.errors
    }

    assert.deepEqual(await refusal(`country_code,prix,currency\nFR,4.90,EUR`), [
      { line: 1, column: null, message: 'Colonnes inconnues : prix.' },
    ])
    assert.deepEqual(await refusal('country_code,currency\nFR,EUR'), [
      {
        line: 1,
        column: null,
        message: 'Colonnes manquantes : price, delay_min_days, delay_max_days.',
      },
    ])
    assert.deepEqual(await refusal(`${HEADER}\n`), [
      {
        line: 1,
        column: null,
        message:
          'Le fichier ne contient aucun tarif. Pour vider la grille, supprimez les tarifs un par un.',
      },
    ])
    const unreadable = await refusal(`${HEADER}\nFR,,0,250,0,,0,,4.90,EUR,2,3,ok\nFR,"20`)
    assert.equal(unreadable?.[0].line, 3)
    assert.match(unreadable?.[0].message ?? '', /^Le fichier n’est pas un CSV lisible/)
    assert.lengthOf(await table(), 3)
  })
})
