import { test } from '@japa/runner'
import { barChart } from '#domain/bar_chart'

test.group('Bar chart geometry', () => {
  test('bars share the width and stand on the baseline, scaled to the largest', ({ assert }) => {
    const chart = barChart(
      [
        { label: 'mon', value: 2 },
        { label: 'tue', value: 4 },
        { label: 'wed', value: 0 },
        { label: 'thu', value: 1 },
      ],
      { width: 400, height: 100, gap: 4 }
    )
    assert.equal(chart.max, 4)
    assert.deepEqual(
      chart.bars.map((bar) => [bar.x, bar.width, bar.y, bar.height]),
      [
        [2, 96, 50, 50],
        [102, 96, 0, 100],
        [202, 96, 100, 0],
        [302, 96, 75, 25],
      ]
    )
  })

  test('a small value next to a large one stays visible; nothing at all draws nothing', ({
    assert,
  }) => {
    const chart = barChart(
      [
        { label: 'a', value: 1 },
        { label: 'b', value: 100_000 },
      ],
      { width: 100, height: 50, gap: 0 }
    )
    assert.equal(chart.bars[0].height, 1)
    assert.equal(chart.bars[0].y, 49)

    const empty = barChart([{ label: 'a', value: 0 }])
    assert.equal(empty.max, 0)
    assert.equal(empty.bars[0].height, 0)
    assert.deepEqual(barChart([]).bars, [])
  })
})
