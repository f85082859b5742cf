import { test } from '@japa/runner'
import {
  type Advisory,
  advisoryState,
  auditComponents,
  isAtLeast,
  openAdvisories,
  pciDueDate,
  upgradeTarget,
} from '#domain/security_advisories'

const TWO_LINES: Pick<Advisory, 'affected' | 'fixed'> = {
  affected: '>=1.0.0 <1.2.1 || >=2.0.0 <2.0.3',
  fixed: ['1.2.1', '2.0.3'],
}

function advisory(overrides: Partial<Advisory> & Pick<Advisory, 'id'>): Advisory {
  return {
    package: 'shipping-x',
    affected: '<1.1.0',
    fixed: ['1.1.0'],
    severity: 'high',
    cvss: 8.1,
    summary: { fr: 'Faille', en: 'Flaw' },
    published: '2026-11-20',
    ...overrides,
  }
}

test.group('Security advisories: which versions are affected and in what state', () => {
  test('a version in the affected range is unpatched, or hot-fixed once its patch is applied', ({
    assert,
  }) => {
    assert.equal(advisoryState(TWO_LINES, '1.0.0', false), 'unpatched')
    assert.equal(advisoryState(TWO_LINES, '1.2.0', false), 'unpatched')
    assert.equal(advisoryState(TWO_LINES, '2.0.2', false), 'unpatched')
    assert.equal(advisoryState(TWO_LINES, '1.2.0', true), 'hot-fixed')
  })

  test('a version at or past a fixed version is fixed by upgrade', ({ assert }) => {
    assert.equal(advisoryState(TWO_LINES, '1.2.1', false), 'fixed by upgrade')
    assert.equal(advisoryState(TWO_LINES, '1.9.0', false), 'fixed by upgrade')
    assert.equal(advisoryState(TWO_LINES, '2.0.3', false), 'fixed by upgrade')
    // An applied hot-fix does not matter once the version is out of the range.
    assert.equal(advisoryState(TWO_LINES, '3.0.0', true), 'fixed by upgrade')
  })

  test('a version below every affected one was never affected: not listed', ({ assert }) => {
    assert.isNull(advisoryState(TWO_LINES, '0.9.0', false))
    assert.isNull(advisoryState({ affected: '<2.0.0', fixed: [] }, '2.1.0', false))
  })

  test('pre-releases inside the range are affected; an unreadable version is never', ({
    assert,
  }) => {
    assert.equal(advisoryState(TWO_LINES, '2.0.3-beta.1', false), 'unpatched')
    assert.equal(advisoryState(TWO_LINES, '1.1', false), 'unpatched')
    assert.isNull(advisoryState(TWO_LINES, 'not-a-version', false))
  })

  test('the upgrade target is the lowest fixed version above the installed one', ({ assert }) => {
    assert.equal(upgradeTarget(TWO_LINES, '1.0.0'), '1.2.1')
    assert.equal(upgradeTarget(TWO_LINES, '2.0.0'), '2.0.3')
    assert.isNull(upgradeTarget({ affected: '*', fixed: [] }, '1.0.0'))
  })
})

test.group('Security advisories: PCI-DSS due dates and thresholds', () => {
  test('critical and high are due 30 days after publication (PCI-DSS 6.3.3)', ({ assert }) => {
    assert.equal(pciDueDate({ severity: 'critical', published: '2026-11-20' }), '2026-12-20')
    assert.equal(pciDueDate({ severity: 'high', published: '2026-02-15' }), '2026-03-17')
    assert.equal(pciDueDate({ severity: 'high', published: '2028-02-15' }), '2028-03-16')
  })

  test('medium and low get no due date', ({ assert }) => {
    assert.isNull(pciDueDate({ severity: 'medium', published: '2026-11-20' }))
    assert.isNull(pciDueDate({ severity: 'low', published: '2026-11-20' }))
  })

  test('severities compare in order', ({ assert }) => {
    assert.isTrue(isAtLeast('critical', 'high'))
    assert.isTrue(isAtLeast('high', 'high'))
    assert.isFalse(isAtLeast('high', 'critical'))
    assert.isTrue(isAtLeast('low', 'low'))
  })
})

test.group('Security advisories: auditing the installed components', () => {
  const advisories = [
    advisory({ id: 'GHSA-0001-0000-0000', severity: 'medium', cvss: 5 }),
    advisory({ id: 'GHSA-0002-0000-0000', hotfix: 'shipping-x/2026_11_20_fix' }),
    advisory({ id: 'GHSA-0003-0000-0000', affected: '<0.5.0', fixed: ['0.5.0'] }),
    advisory({ id: 'GHSA-0004-0000-0000', affected: '>=2.0.0', fixed: [] }),
    advisory({ id: 'GHSA-0005-0000-0000', package: 'comptoir', severity: 'critical' }),
  ]

  test('lists what concerns each component, open first, and says what to do', ({ assert }) => {
    const [core, plugin] = auditComponents(
      [
        { name: 'comptoir', version: '0.1.0' },
        { name: 'shipping-x', version: '1.0.0' },
      ],
      advisories,
      new Set()
    )

    assert.deepEqual(
      core.advisories.map((entry) => [entry.advisory.id, entry.state]),
      [['GHSA-0005-0000-0000', 'unpatched']]
    )
    assert.deepEqual(
      plugin.advisories.map((entry) => [entry.advisory.id, entry.state]),
      [
        ['GHSA-0002-0000-0000', 'unpatched'],
        ['GHSA-0001-0000-0000', 'unpatched'],
        ['GHSA-0003-0000-0000', 'fixed by upgrade'],
      ]
    )
    const [hotfixable, medium, upgraded] = plugin.advisories
    assert.deepEqual(hotfixable.remedy, { hotfix: 'shipping-x/2026_11_20_fix', upgradeTo: '1.1.0' })
    assert.equal(hotfixable.dueDate, '2026-12-20')
    assert.deepEqual(medium.remedy, { hotfix: null, upgradeTo: '1.1.0' })
    assert.isNull(medium.dueDate)
    assert.isNull(upgraded.remedy)
  })

  test('an applied hot-fix closes its advisory; thresholds count what stays open', ({ assert }) => {
    const components = [{ name: 'shipping-x', version: '1.0.0' }]
    const before = auditComponents(components, advisories, new Set())
    const after = auditComponents(components, advisories, new Set(['shipping-x/2026_11_20_fix']))

    assert.lengthOf(openAdvisories(before, 'high'), 1)
    assert.deepEqual(
      openAdvisories(before).map((entry) => entry.advisory.severity),
      ['high', 'medium']
    )
    assert.lengthOf(openAdvisories(after, 'high'), 0)
    assert.lengthOf(openAdvisories(after, 'medium'), 1)
    const hotfixed = after[0].advisories.find((entry) => entry.advisory.hotfix)
    assert.equal(hotfixed!.state, 'hot-fixed')
    assert.isNull(hotfixed!.remedy)
  })
})
