import { test } from '@japa/runner'
import {
  type PatchJournalEntry,
  isInEffect,
  patchApplicability,
  patchDeclarationError,
  patchState,
} from '#domain/patch_applicability'

const TWO_LINES = '>=1.0.0 <1.2.1 || >=2.0.0 <2.0.3'

function entry(outcome: string, checksum: string | null = 'abc', error: string | null = null) {
  return { outcome, checksum, error } satisfies PatchJournalEntry
}

test.group('Hot-fixes: which installed versions a patch runs on', () => {
  test('a patch without affects always applies', ({ assert }) => {
    assert.equal(patchApplicability(undefined, '0.1.0'), 'affected')
    assert.equal(patchApplicability(undefined, null), 'affected')
  })

  test('a version in the range is affected, pre-releases and short versions included', ({
    assert,
  }) => {
    assert.equal(patchApplicability(TWO_LINES, '1.0.0'), 'affected')
    assert.equal(patchApplicability(TWO_LINES, '1.2.0'), 'affected')
    assert.equal(patchApplicability(TWO_LINES, '2.0.3-beta.1'), 'affected')
    assert.equal(patchApplicability(TWO_LINES, '1.1'), 'affected')
  })

  test('a version past the range already contains the fix: superseded', ({ assert }) => {
    assert.equal(patchApplicability(TWO_LINES, '1.2.1'), 'superseded')
    // Between two lines: the 1.x line was fixed in 1.2.1.
    assert.equal(patchApplicability(TWO_LINES, '1.9.0'), 'superseded')
    assert.equal(patchApplicability(TWO_LINES, '2.0.3'), 'superseded')
    assert.equal(patchApplicability('<0.1.1', '0.2.0'), 'superseded')
  })

  test('below the range, not installed or unreadable: not affected', ({ assert }) => {
    assert.equal(patchApplicability(TWO_LINES, '0.9.0'), 'not_affected')
    assert.equal(patchApplicability(TWO_LINES, null), 'not_affected')
    assert.equal(patchApplicability(TWO_LINES, 'not-a-version'), 'not_affected')
  })

  test('advisory and affects are checked when the patch loads', ({ assert }) => {
    assert.isNull(patchDeclarationError({ advisory: 'GHSA-fx03-echo-xss1', affects: '<1.0.1' }))
    assert.isNull(patchDeclarationError({}))
    assert.include(patchDeclarationError({ advisory: 'CVE-2026-1' }), 'not a GHSA id')
    assert.include(patchDeclarationError({ affects: 'soon' }), 'not a semver range')
  })
})

test.group('Hot-fixes: a patch state from its journal', () => {
  test('never journaled: pending when affected, not affected otherwise', ({ assert }) => {
    assert.deepEqual(patchState([], 'abc', 'affected'), {
      state: 'pending',
      error: null,
      journaled: true,
    })
    assert.deepEqual(patchState([], 'abc', 'not_affected'), {
      state: 'not_affected',
      error: null,
      journaled: false,
    })
    // A skip is recorded once.
    assert.isTrue(patchState([entry('skipped')], 'abc', 'not_affected').journaled)
    // Skipped before, affected now (the component was installed or upgraded): pending.
    assert.equal(patchState([entry('skipped')], 'abc', 'affected').state, 'pending')
  })

  test('applied stays applied, or changed when its file changed, and is in effect', ({
    assert,
  }) => {
    const applied = [entry('failed', 'abc', 'boom'), entry('applied')]
    assert.equal(patchState(applied, 'abc', 'affected').state, 'applied')
    assert.equal(patchState(applied, 'def', 'affected').state, 'changed')
    // A failed revert leaves it applied.
    assert.equal(patchState([...applied, entry('failed')], 'abc', 'affected').state, 'applied')
    assert.isTrue(isInEffect('applied'))
    assert.isTrue(isInEffect('changed'))
  })

  test('a failure keeps the patch to apply, with its error', ({ assert }) => {
    assert.deepEqual(patchState([entry('failed', 'abc', 'boom')], 'abc', 'affected'), {
      state: 'failed',
      error: 'boom',
      journaled: true,
    })
  })

  test('reverted by patch:revert: out of effect until applied again', ({ assert }) => {
    const reverted = [entry('applied'), entry('reverted')]
    assert.equal(patchState(reverted, 'abc', 'affected').state, 'reverted')
    assert.isFalse(isInEffect('reverted'))
    assert.equal(patchState([...reverted, entry('applied')], 'abc', 'affected').state, 'applied')
    // Uninstalling the plugin forgets it: a new install applies it again.
    assert.equal(
      patchState([entry('applied'), entry('uninstalled')], 'abc', 'affected').state,
      'pending'
    )
  })

  test('past the range an applied patch is superseded at once, journaled or not yet', ({
    assert,
  }) => {
    assert.deepEqual(patchState([entry('applied')], 'abc', 'superseded'), {
      state: 'superseded',
      error: null,
      journaled: false,
    })
    assert.deepEqual(patchState([entry('applied'), entry('superseded')], 'abc', 'superseded'), {
      state: 'superseded',
      error: null,
      journaled: true,
    })
    assert.equal(patchState([], 'abc', 'superseded').state, 'superseded')
    // Recorded superseded, it stays so past the range or with the plugin gone…
    assert.equal(patchState([entry('superseded')], 'abc', 'superseded').state, 'superseded')
    assert.equal(patchState([entry('superseded')], 'abc', 'not_affected').state, 'superseded')
    // …but the flawed version installed again (downgrade, reinstall) needs the fix again.
    assert.deepEqual(patchState([entry('applied'), entry('superseded')], 'abc', 'affected'), {
      state: 'pending',
      error: null,
      journaled: true,
    })
    assert.isFalse(isInEffect('superseded'))
  })
})
