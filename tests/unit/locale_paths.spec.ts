import { test } from '@japa/runner'
import { localeFromPath, localizedPath } from '#support/locale_paths'

test.group('Locale paths', () => {
  test('French lives at the root, English under /en', ({ assert }) => {
    assert.equal(localeFromPath('/'), 'fr')
    assert.equal(localeFromPath('/search'), 'fr')
    assert.equal(localeFromPath('/en'), 'en')
    assert.equal(localeFromPath('/en/search'), 'en')
    assert.equal(localeFromPath('/english-tea'), 'fr')
  })

  test('maps a page to the same page in the other language', ({ assert }) => {
    assert.equal(localizedPath('/', 'en'), '/en')
    assert.equal(localizedPath('/search?q=th%C3%A9', 'en'), '/en/search?q=th%C3%A9')
    assert.equal(localizedPath('/en', 'fr'), '/')
    assert.equal(localizedPath('/en/pages/cgv', 'fr'), '/pages/cgv')
    assert.equal(localizedPath('/en/pages/cgv', 'en'), '/en/pages/cgv')
    assert.equal(localizedPath('/pages/cgv', 'fr'), '/pages/cgv')
  })

  test('keeps the query string out of the locale decision', ({ assert }) => {
    assert.equal(localeFromPath('/en?utm_source=x'), 'en')
    assert.equal(localizedPath('/en?utm_source=x', 'fr'), '/?utm_source=x')
    assert.equal(localizedPath('/en?utm_source=x', 'en'), '/en?utm_source=x')
    assert.equal(localizedPath('/?utm_source=x', 'en'), '/en?utm_source=x')
    assert.equal(localizedPath('/search?q=/en/', 'en'), '/en/search?q=/en/')
  })
})
