import { test } from '@japa/runner'
import {
  CORE_TRACKED,
  compareManifests,
  integrityStatus,
  isSkippedFolder,
} from '#domain/file_integrity'
import { inertCell } from '#support/spreadsheet_cells'

const BASELINE = {
  'plugin.ts': 'a1',
  'src/provider.ts': 'b2',
  'resources/views/button.edge': 'c3',
}

test.group('File integrity: comparing the disk with the baseline', () => {
  test('identical files give no difference', ({ assert }) => {
    assert.deepEqual(compareManifests('shipping-x', BASELINE, { ...BASELINE }), [])
  })

  test('a changed checksum, a new file and a missing file are each listed, by path', ({
    assert,
  }) => {
    const current = {
      'plugin.ts': 'a1',
      'src/provider.ts': 'ff',
      'src/skimmer.js': 'd4',
    }
    assert.deepEqual(compareManifests('shipping-x', BASELINE, current), [
      { component: 'shipping-x', path: 'resources/views/button.edge', change: 'removed' },
      { component: 'shipping-x', path: 'src/provider.ts', change: 'changed' },
      { component: 'shipping-x', path: 'src/skimmer.js', change: 'added' },
    ])
  })

  test('the verdict: no baseline at all, a difference, a component never recorded', ({
    assert,
  }) => {
    const change = { component: 'comptoir', path: 'app/x.ts', change: 'added' as const }
    assert.equal(integrityStatus(false, [], []), 'no_baseline')
    assert.equal(integrityStatus(true, [], []), 'ok')
    assert.equal(integrityStatus(true, [change], []), 'changed')
    assert.equal(integrityStatus(true, [], ['shipping-x']), 'changed')
  })

  test('dependencies, tests and run-time folders are never tracked; code folders are', ({
    assert,
  }) => {
    for (const name of ['node_modules', 'tests', 'tmp', 'storage']) {
      assert.isTrue(isSkippedFolder(name), name)
    }
    for (const name of ['src', 'app', 'views', 'migrations']) {
      assert.isFalse(isSkippedFolder(name), name)
    }
    assert.includeMembers(CORE_TRACKED, [
      'app',
      'config',
      'start',
      'resources/views',
      'package.json',
    ])
    assert.notInclude(CORE_TRACKED, 'tests')
  })
})

test.group('Spreadsheet cells', () => {
  test('text a spreadsheet would run as a formula is kept as text', ({ assert }) => {
    assert.equal(inertCell('=HYPERLINK("http://x")'), `'=HYPERLINK("http://x")`)
    assert.equal(inertCell('+33 1'), `'+33 1`)
    assert.equal(inertCell('-1+2'), `'-1+2`)
    assert.equal(inertCell('@SUM(A1)'), `'@SUM(A1)`)
    assert.equal(inertCell('\t=1'), `'\t=1`)
    assert.equal(inertCell('shipping-x 1.0.0'), 'shipping-x 1.0.0')
    assert.equal(inertCell(''), '')
  })
})
