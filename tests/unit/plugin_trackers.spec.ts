import { test } from '@japa/runner'
import { readTrackers } from '#plugin_kernel/plugin_trackers'

const tracker = {
  name: '_stats_id',
  purpose: 'analytics',
  description: { fr: 'Compte les visites.', en: 'Counts visits.' },
  lifetimeDays: 390,
  view: 'tracker',
}

test.group('Plugin trackers (package.json metadata)', () => {
  test('R-02: a declared tracker is read with its name, purpose, lifetime and partial', ({
    assert,
  }) => {
    const problems: string[] = []
    assert.deepEqual(readTrackers([tracker], problems), [tracker])
    assert.deepEqual(problems, [])
    assert.deepEqual(readTrackers(undefined, problems), [])
  })

  test('a malformed declaration is refused with what is wrong', ({ assert }) => {
    const problems: string[] = []
    const trackers = readTrackers(
      [{ ...tracker, purpose: 'tracking', lifetimeDays: -1, view: '../../secrets' }],
      problems
    )
    assert.deepEqual(trackers, [])
    assert.deepEqual(problems, [
      '"comptoir.trackers[0].purpose" must be analytics, advertising, social or personalisation',
      '"comptoir.trackers[0].lifetimeDays" must be a whole number of days',
      '"comptoir.trackers[0].view" must name a partial of resources/views',
    ])
    readTrackers({ name: 'x' }, problems)
    assert.include(problems, '"comptoir.trackers" must be a list')
  })
})
