import { test } from '@japa/runner'
import { pageLinks, pageUrl } from '#support/pagination'

test.group('Pagination links', () => {
  test('keep the filters and change only the page', ({ assert }) => {
    const qs = { colour: ['black', 'brown'], sort: 'price_asc', page: '3' }
    assert.equal(
      pageUrl('/c/sabots', qs, 2),
      '/c/sabots?colour=black&colour=brown&sort=price_asc&page=2'
    )
    assert.equal(pageUrl('/c/sabots', qs, 1), '/c/sabots?colour=black&colour=brown&sort=price_asc')
    assert.equal(pageUrl('/c/sabots', {}, 1), '/c/sabots')
  })

  test('show the first, last and nearby pages', ({ assert }) => {
    const pages = pageLinks('/search', { q: 'sabot' }, 6, 20).map((link) => link.page)
    assert.deepEqual(pages, [1, 4, 5, 6, 7, 8, 20])
    assert.deepEqual(
      pageLinks('/search', {}, 1, 1).map((link) => link.page),
      [1]
    )
  })
})
