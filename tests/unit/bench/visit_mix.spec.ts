import { test } from '@japa/runner'
import { DEFAULT_MIX, mixFromLoadTest, pageTypeOfStep, visitCost } from '#bench/visit_mix'
import type { PageCost, PageType } from '#bench/visit_mix'

const cost = (firstView: number, warmView: number, cpuMs: number): PageCost => ({
  firstView,
  repeatView: 0,
  warmView,
  cpuMs,
})

test.group('Visit mix', () => {
  test('maps the load test steps to page types', ({ assert }) => {
    assert.equal(pageTypeOfStep('home'), 'home')
    assert.equal(pageTypeOfStep('category_facet'), 'category')
    assert.equal(pageTypeOfStep('Search'), 'search')
    assert.equal(pageTypeOfStep('product'), 'product')
    assert.equal(pageTypeOfStep('add_to_cart'), 'cart')
    assert.equal(pageTypeOfStep('checkout_delivery'), 'checkout')
    assert.equal(pageTypeOfStep('place_order'), 'checkout')
    assert.isNull(pageTypeOfStep('think'))
  })

  test('views per visit from per-step counts, per home landing', ({ assert }) => {
    const report = {
      steps: {
        home: { count: 200 },
        search: { count: 200 },
        category: { count: 400 },
        product: { count: 600 },
        add_to_cart: { count: 100 },
        checkout_delivery: { count: 20 },
        checkout_payment: { count: 20 },
      },
    }
    assert.deepEqual(mixFromLoadTest(report), {
      home: 1,
      category: 2,
      product: 3,
      search: 1,
      cart: 0.5,
      checkout: 0.2,
    })
  })

  test('reads a list of steps and a declared number of visits', ({ assert }) => {
    const report = {
      visits: 50,
      steps: [
        { name: 'home', requests: 50 },
        { name: 'product', requests: 75 },
      ],
    }
    assert.deepEqual(mixFromLoadTest(report), {
      home: 1,
      category: 0,
      product: 1.5,
      search: 0,
      cart: 0,
      checkout: 0,
    })
  })

  test('gives up on a report without counts', ({ assert }) => {
    assert.isNull(mixFromLoadTest({}))
    assert.isNull(mixFromLoadTest({ steps: { think: 10 } }))
  })

  test('weights the costs: the landing page at first view, the rest warm', ({ assert }) => {
    const costs: Record<PageType, PageCost> = {
      home: cost(300_000, 30_000, 2),
      category: cost(250_000, 40_000, 3),
      product: cost(280_000, 50_000, 1),
      search: cost(200_000, 20_000, 4),
      cart: cost(100_000, 10_000, 5),
      checkout: cost(90_000, 9_000, 6),
    }
    const visit = visitCost(costs, DEFAULT_MIX)
    assert.equal(visit.pages, 9)
    assert.equal(visit.bytes, 300_000 + 2 * 40_000 + 3 * 50_000 + 20_000 + 10_000 + 9_000)
    assert.equal(visit.cpuMs, 2 + 6 + 3 + 4 + 5 + 6)
  })
})
