import { test } from '@japa/runner'
import { DEMO_RATES } from '#src/demo_rates'
import RateService from '#src/rate_service'
import ShippingRate from '#src/shipping_rate'
import { PLUGIN, adminUser, installedPlugin } from '#tests/helpers/host'

const EDITOR = `/admin/plugins/${PLUGIN}/rates`

const corsica = {
  country_code: 'fr',
  postcode_prefix: '20',
  min_weight_grams: '0',
  max_weight_grams: '250',
  min_items: '',
  max_items: '',
  min_subtotal: '',
  max_subtotal: '',
  price: '6,90',
  currency: 'EUR',
  delay_min_days: '3',
  delay_max_days: '5',
  label: 'Corse 0–250 g',
}

test.group('Rate table editor', () => {
  test('an owner adds, edits and deletes rates', async ({ assert, client, cleanup }) => {
    await installedPlugin(cleanup, { defaultCountry: 'FR' })
    const user = await adminUser(cleanup)

    const empty = await client.get(EDITOR).loginAs(user)
    empty.assertStatus(200)
    assert.include(empty.text(), '<h1>Frais de port par grille</h1>')
    assert.include(empty.text(), 'La grille est vide')

    const added = await client.post(EDITOR).form(corsica).withCsrfToken().loginAs(user)
    added.assertStatus(200)
    assert.include(added.text(), 'Tarif ajouté.')
    assert.include(added.text(), '<th scope="col">Poids (g)</th>')
    assert.include(added.text(), 'codes postaux 20…')
    assert.include(added.text(), '<td>Sans limite</td>')
    const rate = await ShippingRate.firstOrFail()
    assert.deepInclude(rate.$attributes, {
      countryCode: 'FR',
      postcodePrefix: '20',
      maxWeightGrams: 250,
      maxItems: null,
      price: 690,
      delayMinDays: 3,
      delayMaxDays: 5,
    })

    const form = await client.get(`${EDITOR}/${rate.id}/edit`).loginAs(user)
    form.assertStatus(200)
    assert.include(form.text(), 'value="6,90"')
    assert.include(form.text(), 'value="Corse 0–250 g"')
    assert.match(form.text(), /<option value="EUR" selected>EUR<\/option>\s*<option value="CHF" >/)

    await client
      .put(`${EDITOR}/${rate.id}`)
      .form({ ...corsica, price: '7', max_subtotal: '80' })
      .withCsrfToken()
      .loginAs(user)
    await rate.refresh()
    assert.equal(rate.price, 700)
    assert.equal(rate.maxSubtotal, 8000)

    const deleted = await client.delete(`${EDITOR}/${rate.id}`).withCsrfToken().loginAs(user)
    assert.include(deleted.text(), 'Tarif supprimé.')
    assert.lengthOf(await ShippingRate.all(), 0)
  })

  test('a wrong rate comes back with its errors next to the fields and nothing lost', async ({
    assert,
    client,
    cleanup,
  }) => {
    await installedPlugin(cleanup, { defaultCountry: 'FR' })
    const user = await adminUser(cleanup)

    const response = await client
      .post(EDITOR)
      .header('referer', EDITOR)
      .form({ ...corsica, country_code: '*', price: 'six euros', delay_max_days: '2' })
      .withCsrfToken()
      .loginAs(user)

    response.assertStatus(200)
    const html = response.text()
    assert.include(
      html,
      '<p class="field__error" id="price-error">Le champ prix doit être un montant, par exemple 4,90.</p>'
    )
    assert.match(html, /id="price"[^>]*aria-invalid="true"[^>]*value="six euros"/)
    assert.include(html, 'value="Corse 0–250 g"')
    assert.lengthOf(await ShippingRate.all(), 0)

    // Fields valid one by one, wrong together: also shown next to their fields.
    const together = await client
      .post(EDITOR)
      .header('referer', EDITOR)
      .form({ ...corsica, country_code: '*', delay_max_days: '2' })
      .withCsrfToken()
      .loginAs(user)
    assert.include(
      together.text(),
      '<p class="field__error" id="postcode_prefix-error">Un début de code postal demande un pays précis, pas « * ».</p>'
    )
    assert.include(
      together.text(),
      '<p class="field__error" id="delay_max_days-error">Le délai maximum doit être supérieur ou égal au délai minimum.</p>'
    )
    assert.lengthOf(await ShippingRate.all(), 0)
  })

  test('exports the table, and imports a file only when every line is right', async ({
    assert,
    client,
    cleanup,
  }) => {
    await installedPlugin(cleanup, { defaultCountry: 'FR' })
    const user = await adminUser(cleanup)
    await new RateService().replaceAll(DEMO_RATES)

    const exported = await client.get(`${EDITOR}/export`).loginAs(user)
    exported.assertStatus(200)
    exported.assertHeader('content-type', 'text/csv; charset=utf-8')
    assert.match(exported.header('content-disposition') ?? '', /^attachment; filename=".+\.csv"$/)
    const lines = exported.text().split('\n')
    assert.lengthOf(lines, DEMO_RATES.length + 2)

    const broken = [...lines]
    broken[3] = broken[3].replace(',EUR,', ',USD,')
    const refused = await client
      .post(`${EDITOR}/import`)
      .file('file', Buffer.from(broken.join('\n')), {
        filename: 'grille.csv',
        contentType: 'text/csv',
      })
      .withCsrfToken()
      .loginAs(user)
    refused.assertStatus(422)
    assert.include(refused.text(), 'Le fichier n’a pas été importé, la grille n’a pas changé')
    assert.match(
      refused.text(),
      /<td>4<\/td>\s*<td>currency<\/td>\s*<td>La valeur du champ devise n’est pas autorisée\.<\/td>/
    )
    assert.lengthOf(await ShippingRate.all(), DEMO_RATES.length)

    const smaller = [lines[0], lines[1], lines[2], ''].join('\n')
    const imported = await client
      .post(`${EDITOR}/import`)
      .file('file', Buffer.from(smaller), { filename: 'grille.csv', contentType: 'text/csv' })
      .withCsrfToken()
      .loginAs(user)
    imported.assertStatus(200)
    assert.include(imported.text(), '2 tarifs importés : la grille a été remplacée.')
    assert.lengthOf(await ShippingRate.all(), 2)
  })

  test('is for owners only, and answers 404 while the plugin is disabled', async ({
    client,
    cleanup,
  }) => {
    const { runAce } = await installedPlugin(cleanup, { defaultCountry: 'FR' })
    const user = await adminUser(cleanup)
    const manager = await adminUser(cleanup, 'manager')

    const forbidden = await client.get(EDITOR).loginAs(manager)
    forbidden.assertStatus(403)

    await runAce('plugin:disable', [PLUGIN])
    const disabled = await client.get(EDITOR).loginAs(user)
    disabled.assertStatus(404)
  })
})
