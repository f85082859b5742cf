import { test } from '@japa/runner'
import { SEARCH_LIMITS, searchQueryVerdict } from '#src/search_query_limits'

function search(queryString: string, path = '/search', method = 'GET') {
  return searchQueryVerdict({ method, path, queryString })
}

function parameters(count: number) {
  return Array.from({ length: count }, (_, index) => `colour=c${index}`).join('&')
}

test.group('security-hotfixes: search query limits', () => {
  test('a real search, with filters, sort and page, passes', ({ assert }) => {
    assert.equal(
      search('q=sabots+cuir&colour=noir&colour=brun&size=39&sort=price_asc&page=2'),
      'ok'
    )
    assert.equal(search(''), 'ok')
    assert.equal(search(parameters(SEARCH_LIMITS.maxParameters)), 'ok')
  })

  test('more parameters than a search has, repeated keys counted, are refused', ({ assert }) => {
    assert.equal(search(parameters(SEARCH_LIMITS.maxParameters + 1)), 'too_many_parameters')
    assert.equal(search(parameters(41), '/en/search'), 'too_many_parameters')
    assert.equal(search(parameters(41), '/search/'), 'too_many_parameters')
  })

  test('an overlong query string is refused before counting', ({ assert }) => {
    assert.equal(search(`q=${'a'.repeat(SEARCH_LIMITS.maxQueryLength)}`), 'too_long')
  })

  test('other pages and methods are left alone', ({ assert }) => {
    assert.equal(search(parameters(100), '/c/chaussures'), 'ok')
    assert.equal(search(parameters(100), '/searching'), 'ok')
    assert.equal(search(parameters(100), '/search', 'POST'), 'ok')
  })
})
