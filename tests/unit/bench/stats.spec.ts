import { test } from '@japa/runner'
import { formatCount, formatKb, formatMs, percentOf, summarize, verdict } from '#bench/stats'

const result = (rps: number, p99: number, errors = 0) => ({
  requests: { average: rps },
  latency: { p50: 3, p99 },
  throughput: { average: rps * 40_000 },
  errors,
  timeouts: 0,
  non2xx: 0,
})

test.group('Benchmark statistics', () => {
  test('keeps req/s, percentiles, errors and the size of a response', ({ assert }) => {
    assert.deepEqual(
      summarize({
        ...result(12_000.4, 9),
        throughput: { average: 480_000_000 },
        non2xx: 2,
        timeouts: 1,
      }),
      {
        rps: 12_000,
        p50: 3,
        p99: 9,
        errors: 3,
        bytesPerResponse: 40_000,
      }
    )
  })

  test('prints the ratio to the bare server, and n/a without a reference', ({ assert }) => {
    assert.equal(percentOf(10_150, 29_000), '35 %')
    assert.equal(percentOf(100, 0), 'n/a')
  })

  test('formats latencies, counts and kilobytes', ({ assert }) => {
    assert.equal(formatMs(0.47), '0.5')
    assert.equal(formatMs(12), '12')
    assert.equal(formatCount(29_000), '29\u202f000')
    assert.equal(formatCount(800), '800')
    assert.equal(formatKb(1536), '1.5')
    assert.equal(formatKb(40_960), '40')
  })

  test('says which part of a target is missed', ({ assert }) => {
    const target = { minRps: 10_000, maxP99: 20, minRatio: 0.35 }
    assert.equal(verdict(summarize(result(12_000, 9)), target, 29_000), 'met')
    assert.equal(
      verdict(summarize(result(9_000, 25)), target, 29_000),
      'missed (< 10\u202f000 req/s, p99 ≥ 20 ms, < 35 % of bare)'
    )
    assert.equal(verdict(summarize(result(900, 50, 4)), { minRps: 800 }), 'missed (4 errors)')
  })
})
