import { spawnSync } from 'node:child_process'
import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { fixturePlugin, runAce } from '#tests/helpers/plugins'
import {
  AUDIT_HOTFIX as HOTFIX,
  advisedShop,
  feedKeyPair,
  pointNpmAt,
  runSecurityCommand,
  storeVerifiedFeed,
  unreachableFeedUrl,
  useAdvisoryFeed,
  useNpmAuditRegistry,
} from '#tests/helpers/security_feed'

async function auditJson(args: string[] = []) {
  const { exitCode, output } = await runSecurityCommand('security:audit', ['--json', ...args])
  return { exitCode, report: JSON.parse(output) }
}

test.group('security:audit', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('a plugin at an affected version fails the audit until its hot-fix is applied', async ({
    assert,
    cleanup,
  }) => {
    const { root } = await advisedShop(cleanup)

    const open = await runSecurityCommand('security:audit', [])
    assert.equal(open.exitCode, 1)
    assert.match(
      open.output,
      /fixture-advised.*1\.0\.0.*GHSA-fx01-adv1-sed1.*high.*8\.1.*unpatched.*2026-12-20/s
    )
    assert.include(open.output, `apply hot-fix ${HOTFIX} with \`node ace patch:apply ${HOTFIX}\``)
    assert.include(open.output, '1 open at or above high (2 open in all)')
    assert.notInclude(open.output, 'GHSA-fx02-futu-re01')

    // Only a high is open: a critical threshold passes.
    const critical = await runSecurityCommand('security:audit', ['--fail-on', 'critical'])
    assert.equal(critical.exitCode, 0, critical.output)

    // The plugin's next delivery ships the hot-fix in its patches/; the agency applies it.
    await cp(fixturePlugin('fixture-advised-hotfix'), join(root, 'fixture-advised'), {
      recursive: true,
    })
    const pending = await runSecurityCommand('security:audit', [])
    assert.equal(pending.exitCode, 1)
    const applied = await runAce('patch:apply', [HOTFIX])
    assert.equal(applied.exitCode, 0, applied.output)

    const patched = await runSecurityCommand('security:audit', [])
    assert.equal(patched.exitCode, 0, patched.output)
    assert.match(patched.output, /GHSA-fx01-adv1-sed1.*hot-fixed/s)
    // The medium advisory on the core stays open, below the threshold.
    const medium = await runSecurityCommand('security:audit', ['--fail-on', 'medium'])
    assert.equal(medium.exitCode, 1)
  })

  test('--json reports each component, its advisories, their state and due date', async ({
    assert,
    cleanup,
  }) => {
    await advisedShop(cleanup)

    const { exitCode, report } = await auditJson()

    assert.equal(exitCode, 1)
    assert.equal(report.threshold, 'high')
    assert.isFalse(report.passed)
    assert.deepEqual(report.open, { total: 2, atOrAboveThreshold: 1 })
    assert.match(report.feed.verifiedAt, /^\d{4}-\d{2}-\d{2}T/)
    assert.isNull(report.feed.lastError)
    assert.isNull(report.npm)
    assert.deepEqual(
      report.components.map((component: { name: string; kind: string; version: string }) => [
        component.name,
        component.kind,
        component.version,
      ]),
      [
        ['comptoir', 'core', '0.1.0'],
        ['fixture-advised', 'plugin', '1.0.0'],
      ]
    )
    const [core, plugin] = report.components
    assert.deepEqual(
      core.advisories.map((entry: { id: string; state: string }) => [entry.id, entry.state]),
      [
        ['GHSA-core-medi-um01', 'unpatched'],
        ['GHSA-core-old0-fix1', 'fixed by upgrade'],
      ]
    )
    assert.deepEqual(plugin.advisories, [
      {
        id: 'GHSA-fx01-adv1-sed1',
        severity: 'high',
        cvss: 8.1,
        state: 'unpatched',
        affected: '>=1.0.0 <1.0.2',
        fixed: ['1.0.2'],
        published: '2026-11-20',
        dueDate: '2026-12-20',
        hotfix: HOTFIX,
        summary: { fr: 'XSS stockée dans les commentaires', en: 'Stored XSS in comments' },
        remedy: { hotfix: HOTFIX, upgradeTo: '1.0.2' },
        todo: `apply hot-fix ${HOTFIX} with \`node ace patch:apply ${HOTFIX}\`, or upgrade to version 1.0.2`,
      },
    ])
    assert.equal(core.advisories[0].dueDate, null)
  })

  test('without a verified feed the audit fails and says how to get one', async ({
    assert,
    cleanup,
  }) => {
    useAdvisoryFeed(cleanup, { source: 'missing/feed.json', publicKeys: feedKeyPair().publicPem })

    const text = await runSecurityCommand('security:audit', [])
    assert.equal(text.exitCode, 1)
    assert.include(text.output, 'no verified advisory feed: run security:feed:refresh')

    const refreshed = await runSecurityCommand('security:audit', ['--refresh'])
    assert.equal(refreshed.exitCode, 1)
    assert.include(refreshed.output, 'feed not refreshed: cannot read')
    const { report } = await auditJson(['--refresh'])
    assert.isFalse(report.passed)
    assert.include(report.feed.lastError, 'cannot read')
    assert.isNull(report.feed.verifiedAt)

    const refused = await runSecurityCommand('security:audit', ['--fail-on', 'severe'])
    assert.equal(refused.exitCode, 1)
    assert.include(refused.output, '--fail-on must be one of low, medium, high, critical')
  })

  test('--npm adds npm audit findings for the dependencies, which count against the threshold', async ({
    assert,
    cleanup,
  }) => {
    await storeVerifiedFeed(cleanup, { generated: '2026-11-24T06:00:00Z', advisories: [] })
    await useNpmAuditRegistry(cleanup)

    const { exitCode, report } = await auditJson(['--npm'])

    assert.equal(exitCode, 1)
    assert.equal(report.npm.status, 'ok')
    const semver = report.npm.findings.find(
      (finding: { package: string }) => finding.package === 'semver'
    )
    assert.equal(semver.severity, 'high')
    assert.deepEqual(semver.advisories, [
      'Test advisory on semver (https://github.com/advisories/GHSA-test-semv-er01)',
    ])
    // Dependents of semver are its effects, not findings of their own.
    assert.lengthOf(report.npm.findings, 1)
    assert.deepEqual(report.open, { total: 1, atOrAboveThreshold: 1 })
    const critical = await auditJson(['--npm', '--fail-on', 'critical'])
    assert.equal(critical.exitCode, 0)
  })

  test('--npm never fails the audit when the registry does not answer', async ({
    assert,
    cleanup,
  }) => {
    await storeVerifiedFeed(cleanup, { generated: '2026-11-24T06:00:00Z', advisories: [] })
    const unreachable = await unreachableFeedUrl()
    pointNpmAt(cleanup, unreachable.replace('feed.json', ''))

    const { exitCode, output } = await runSecurityCommand('security:audit', ['--npm'])

    assert.equal(exitCode, 0, output)
    assert.match(output, /npm audit skipped: .*ECONNREFUSED/)
  })

  test('--json --refresh prints one JSON document on stdout even when the feed is refused', async ({
    assert,
  }) => {
    // A real process: the app logger writes to stdout, which in-process runs do not capture.
    const audit = spawnSync(process.execPath, ['ace', 'security:audit', '--json', '--refresh'], {
      cwd: app.makePath(),
      env: { ...process.env, SECURITY_FEED_URL: await unreachableFeedUrl() },
      encoding: 'utf8',
      timeout: 30_000,
    })

    assert.equal(audit.status, 1, audit.stderr)
    const report = JSON.parse(audit.stdout)
    assert.include(report.feed.lastError, 'ECONNREFUSED')
  }).timeout(40_000)

  test('the feed is refreshed every day by the scheduler', async ({ assert }) => {
    const { registerSchedules } = await import('#start/schedule')
    const { default: db } = await import('@adonisjs/lucid/services/db')
    await registerSchedules()
    const schedule = await db.from('queue_schedules').where('id', 'refresh-security-feed').first()
    assert.equal(schedule.cron_expression, '0 6 * * *')
    assert.equal(schedule.timezone, 'Europe/Paris')
  })
})
