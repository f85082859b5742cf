import { test } from '@japa/runner'
import { assetsOf, repeatBehaviour } from '#bench/page_weight'

test.group('Page weight', () => {
  test('lists the stylesheets, scripts, fonts and eager images a page loads, once each', ({
    assert,
  }) => {
    const html = `
      <link rel="stylesheet" href="/assets/app.3f2a.css">
      <link rel="preload" as="font" href="/assets/font.woff2" crossorigin>
      <link rel="icon" href="/favicon.svg">
      <link rel="canonical" href="https://shop.example/p/x">
      <script type="module" src="/assets/app.91bc.js"></script>
      <script>inline()</script>
      <img src="/media/a-480.webp?x=1&amp;y=2" width="480" height="480" alt="">
      <img loading="lazy" src="/media/b-480.webp" width="480" height="480" alt="">
      <img src='/media/a-480.webp?x=1&amp;y=2' alt="">
      <img src="data:image/gif;base64,R0l" alt="">`
    assert.deepEqual(assetsOf(html), [
      { url: '/assets/app.3f2a.css', kind: 'css' },
      { url: '/assets/font.woff2', kind: 'font' },
      { url: '/favicon.svg', kind: 'image' },
      { url: '/assets/app.91bc.js', kind: 'js' },
      { url: '/media/a-480.webp?x=1&y=2', kind: 'image' },
    ])
  })

  test('a warm cache keeps fresh responses, revalidates the rest when it can', ({ assert }) => {
    assert.equal(
      repeatBehaviour({ 'cache-control': 'public, max-age=31536000, immutable' }),
      'cached'
    )
    assert.equal(
      repeatBehaviour({ 'cache-control': 'public, max-age=0', 'etag': '"a"' }),
      'revalidate'
    )
    assert.equal(
      repeatBehaviour({ 'cache-control': 'no-cache', 'last-modified': 'x' }),
      'revalidate'
    )
    assert.equal(repeatBehaviour({ 'cache-control': 'no-store', 'etag': '"a"' }), 'refetch')
    assert.equal(repeatBehaviour({}), 'refetch')
  })
})
