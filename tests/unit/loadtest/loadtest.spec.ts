import { test } from '@japa/runner'
import { loadtestModule } from '#tests/helpers/loadtest'

const options = await loadtestModule('options')
const stats = await loadtestModule('stats')
const cookies = await loadtestModule('cookie_jar')
const html = await loadtestModule('html')

test.group('Load test options', () => {
  test('durations: units, combinations and plain seconds', ({ assert }) => {
    assert.equal(options.parseDuration('60s'), 60_000)
    assert.equal(options.parseDuration('2m'), 120_000)
    assert.equal(options.parseDuration('1m30s'), 90_000)
    assert.equal(options.parseDuration('500ms'), 500)
    assert.equal(options.parseDuration('45'), 45_000)
    assert.equal(options.parseDuration('1.5'), 1500)
    assert.throws(() => options.parseDuration('soon'))
    assert.throws(() => options.parseDuration('10x'))
    assert.throws(() => options.parseDuration(''))
  })

  test('think ranges and shares', ({ assert }) => {
    assert.deepEqual(options.parseRange('1-3'), { min: 1000, max: 3000 })
    assert.deepEqual(options.parseRange('500ms-2s'), { min: 500, max: 2000 })
    assert.deepEqual(options.parseRange('0'), { min: 0, max: 0 })
    assert.throws(() => options.parseRange('3-1'))
    assert.equal(options.parseShare('20%'), 0.2)
    assert.equal(options.parseShare('0.2'), 0.2)
    assert.equal(options.parseShare('20'), 0.2)
    assert.throws(() => options.parseShare('150%'))
  })

  test('only this machine unless --allow-remote', ({ assert }) => {
    assert.isTrue(options.isLoopbackUrl('http://127.0.0.1:3333'))
    assert.isTrue(options.isLoopbackUrl('http://localhost:3333'))
    assert.isTrue(options.isLoopbackUrl('http://[::1]:3333'))
    assert.isFalse(options.isLoopbackUrl('https://shop.example.fr'))
    assert.isFalse(options.isLoopbackUrl('http://127.0.0.1.example.fr'))
    assert.throws(() => options.parseOptions(['--url', 'https://shop.example.fr']), /allow-remote/)
    assert.equal(
      options.parseOptions(['--url', 'https://shop.example.fr', '--allow-remote']).url,
      'https://shop.example.fr'
    )
    const parsed = options.parseOptions(['--shoppers', '200', '--duration', '60s'])
    assert.equal(parsed.shoppers, 200)
    assert.equal(parsed.durationMs, 60_000)
    assert.throws(() => options.parseOptions(['--shoppers', '0']))
  })
})

test.group('Load test statistics', () => {
  test('nearest-rank percentiles', ({ assert }) => {
    const sorted = Array.from({ length: 100 }, (_, index) => index + 1)
    assert.equal(stats.percentile(sorted, 50), 50)
    assert.equal(stats.percentile(sorted, 95), 95)
    assert.equal(stats.percentile(sorted, 99), 99)
    assert.equal(stats.percentile(sorted, 100), 100)
    assert.equal(stats.percentile([7], 99), 7)
    assert.isNull(stats.percentile([], 50))
    assert.deepEqual(stats.latencySummary([30, 10, 20]), { p50: 20, p95: 30, p99: 30, max: 30 })
  })

  test('the early stop waits for enough requests, then compares the rate', ({ assert }) => {
    const limits = { maxErrorRate: 0.05, minRequests: 50 }
    assert.isFalse(stats.earlyStopDecision({ requests: 10, errors: 10 }, limits).stop)
    assert.isFalse(stats.earlyStopDecision({ requests: 100, errors: 5 }, limits).stop)
    const decision = stats.earlyStopDecision({ requests: 100, errors: 6 }, limits)
    assert.isTrue(decision.stop)
    assert.include(decision.reason, '6/100')
  })

  test('the recorder hands over one window at a time', ({ assert }) => {
    const recorder = new stats.Recorder()
    recorder.request('home', { ms: 12, status: 200, cache: 'hit' })
    recorder.request('home', { ms: 20, status: 500 })
    recorder.error('home', '5xx', 'GET / answered 500')
    recorder.networkFailure('cart', 'ECONNRESET')
    const window = recorder.window()
    assert.equal(window.requests, 3)
    assert.equal(window.errors, 2)
    assert.equal(recorder.window().requests, 0)
    assert.equal(recorder.totalRequests, 3)
    assert.deepEqual(recorder.errors, { '5xx': 1, '4xx': 0, 'network': 1, 'assertion': 0 })
    const summary = recorder.summary(1000)
    assert.deepEqual(summary.home.pageCache, { hit: 1 })
    assert.equal(summary.home.requests, 2)
  })
})

test.group('Load test cookie jar', () => {
  test('keeps, replaces and expires cookies like a browser', ({ assert }) => {
    const jar = new cookies.CookieJar()
    const now = Date.parse('2026-11-24T12:00:00Z')
    jar.store(
      ['cart=abc; Path=/; HttpOnly; SameSite=Lax', 'csrf=s%3A1.x=y; Max-Age=7200; Path=/'],
      now
    )
    assert.equal(jar.header('/p/sabot', now), 'cart=abc; csrf=s%3A1.x=y')
    jar.store(['cart=def; Path=/'], now)
    assert.equal(jar.get('cart'), 'def')
    jar.store(['csrf=; Max-Age=0; Path=/'], now)
    assert.equal(jar.header('/', now), 'cart=def')
    jar.store(['old=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT'], now)
    assert.isUndefined(jar.get('old'))
    jar.store(['admin=1; Path=/admin'], now)
    assert.notInclude(jar.header('/administrator', now)!, 'admin=1')
    assert.include(jar.header('/admin/orders', now)!, 'admin=1')
    assert.isNull(new cookies.CookieJar().header('/'))
  })
})

test.group('Load test forms', () => {
  const page = `
    <form method="POST" action="/cart/lines" class="add-to-cart">
      <input type="hidden" name="_csrf" value="tok&amp;en">
      <input type="hidden" name="variant_id" value="42">
      <input id="quantity" name="quantity" type="number" value="1">
      <button type="submit">Ajouter</button>
    </form>
    <form class="filters" method="get" action="/c/sabots">
      <select id="sort" name="sort"><option value="relevance">Pertinence</option><option value="price_asc" selected>Prix</option></select>
      <label class="facet__option"><input type="checkbox" name="colour" value="black"> Noir <span>(3)</span></label>
      <label class="facet__option"><input type="checkbox" name="colour" value="red" checked> Rouge <span>(0)</span></label>
      <input name="price_min" value="">
      <button type="submit">Filtrer</button>
    </form>
    <form method="POST" action="/checkout/delivery">
      <input type="radio" name="shipping_method" value="click-collect" checked>
      <input type="radio" name="shipping_method" value="table-rates">
      <button type="submit" disabled>Continuer</button>
    </form>`

  test('posts the _csrf field and the fields of the form', ({ assert }) => {
    const forms = html.extractForms(page, 'http://127.0.0.1:3333/p/sabot')
    const cart = html.findForm(forms, '/cart/lines', 'POST')
    assert.equal(cart.action, 'http://127.0.0.1:3333/cart/lines')
    assert.equal(html.formData(cart).toString(), '_csrf=tok%26en&variant_id=42&quantity=1')
    assert.isFalse(html.submitDisabled(cart))
  })

  test('submits a GET form as a browser: selected option, checked boxes, empty fields', ({
    assert,
  }) => {
    const filters = html.extractForms(page, 'http://127.0.0.1:3333/c/sabots')[1]
    assert.equal(filters.method, 'GET')
    assert.deepEqual(
      filters.controls
        .filter((control: any) => control.type === 'checkbox')
        .map((c: any) => c.label),
      ['Noir (3)', 'Rouge (0)']
    )
    const filled = html.fillForm(filters, { 'colour=black': true, 'colour=red': false })
    assert.equal(html.formData(filled).toString(), 'sort=price_asc&colour=black&price_min=')
  })

  test('chooses a radio, and refuses a value the form does not offer', ({ assert }) => {
    const delivery = html.extractForms(page, 'http://127.0.0.1:3333/checkout/delivery')[2]
    assert.isTrue(html.submitDisabled(delivery))
    const chosen = html.fillForm(delivery, { shipping_method: 'table-rates' })
    assert.equal(html.formData(chosen).toString(), 'shipping_method=table-rates')
    assert.throws(() => html.fillForm(delivery, { shipping_method: 'drone' }), /no "drone"/)
    assert.throws(() => html.fillForm(delivery, { email: 'x' }), /no field "email"/)
  })

  test('product cards with their stock', ({ assert }) => {
    const cards = html.extractProductCards(
      '<article class="card"><a class="card__link" href="/p/a">A</a><p class="stock stock--in">En stock</p></article>' +
        '<article class="card"><a class="card__link" href="/p/b">B</a><p class="stock stock--out">Épuisé</p></article>'
    )
    assert.deepEqual(cards, [
      { href: '/p/a', inStock: true },
      { href: '/p/b', inStock: false },
    ])
  })
})
