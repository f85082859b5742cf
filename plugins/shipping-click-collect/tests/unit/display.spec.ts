import { test } from '@japa/runner'
import { formatReadyAt, openingHoursRows, slotsByDay } from '#src/display'
import { paris } from '#tests/helpers/stores'

test.group('Display', () => {
  test('ready dates read in the page’s language, in Paris time', ({ assert }) => {
    // 13:00 UTC is 14:00 in Paris in November.
    const date = new Date('2026-11-26T13:00:00Z')
    assert.equal(formatReadyAt(date, 'fr'), 'jeudi 26 novembre à 14:00')
    assert.equal(formatReadyAt(date, 'en'), 'Thursday 26 November at 14:00')
  })

  test('opening hours list every weekday from Monday, closed days empty', ({ assert }) => {
    const rows = openingHoursRows(
      {
        mon: [['14:00', '19:00']],
        sat: [
          ['09:30', '12:30'],
          ['14:00', '19:00'],
        ],
      },
      'fr'
    )
    assert.deepEqual(rows, [
      { day: 'lundi', intervals: ['14:00–19:00'] },
      { day: 'mardi', intervals: [] },
      { day: 'mercredi', intervals: [] },
      { day: 'jeudi', intervals: [] },
      { day: 'vendredi', intervals: [] },
      { day: 'samedi', intervals: ['09:30–12:30', '14:00–19:00'] },
      { day: 'dimanche', intervals: [] },
    ])
    assert.equal(openingHoursRows({}, 'en')[6].day, 'Sunday')
  })

  test('slots come grouped by day, in order', ({ assert }) => {
    const slot = (start: string, end: string) => ({
      start: paris(start),
      end: paris(end),
      remaining: 1,
    })
    const days = slotsByDay(
      [
        slot('2026-11-24T10:00', '2026-11-24T10:30'),
        slot('2026-11-24T10:30', '2026-11-24T11:00'),
        slot('2026-11-25T09:00', '2026-11-25T09:30'),
      ],
      'fr'
    )
    assert.deepEqual(
      days.map((day) => [day.day, day.times.map((time) => `${time.start}-${time.end}`)]),
      [
        ['mardi 24 novembre', ['10:00-10:30', '10:30-11:00']],
        ['mercredi 25 novembre', ['09:00-09:30']],
      ]
    )
    assert.equal(days[0].times[0].iso, '2026-11-24T09:00:00.000Z')
  })
})
