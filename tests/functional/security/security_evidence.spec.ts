import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import type { Assert } from '@japa/assert'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { parisDate } from '#domain/paris_time'
import MaintenanceJournalEntry from '#models/maintenance_journal_entry'
import { fillSellerIdentity, pdfText } from '#tests/helpers/legal'
import { fixturePlugin, runAce } from '#tests/helpers/plugins'
import { AUDIT_HOTFIX, advisedShop, runSecurityCommand } from '#tests/helpers/security_feed'

/**
 * fixture-advised 1.0.0 with its hot-fix applied (the journal's patch entry),
 * the audit feed verified, the seller's identity filled in, and an integrity
 * check run. A journal entry carries a formula, as hostile plugin text could.
 */
async function shopWithEvidence(cleanup: (handler: () => Promise<void>) => void) {
  const { root } = await advisedShop(cleanup)
  cleanup(async () => {
    await db.from('integrity_checks').delete()
    await db.from('integrity_baselines').delete()
  })
  await fillSellerIdentity()
  await cp(fixturePlugin('fixture-advised-hotfix'), join(root, 'fixture-advised'), {
    recursive: true,
  })
  const applied = await runAce('patch:apply', [AUDIT_HOTFIX])
  if (applied.exitCode) throw new Error(`patch:apply failed: ${applied.output}`)
  await MaintenanceJournalEntry.create({
    kind: 'patch',
    owner: 'fixture-advised',
    item: '=HYPERLINK("http://evil.example")',
    checksum: null,
    outcome: 'failed',
    error: '@SUM(1+1)',
    actor: 'cli:deploy',
  })
  await runSecurityCommand('security:baseline', [])
  await runSecurityCommand('security:verify', [])
}

/** The evidence an owner downloads: private, and dated in its file name. */
async function ownerDownload(
  client: ApiClient,
  assert: Assert,
  cleanup: (handler: () => Promise<void>) => void,
  extension: 'csv' | 'pdf'
) {
  await shopWithEvidence(cleanup)
  const owner = await AdminUserFactory.create()
  const response = await client.get(`/admin/security/evidence.${extension}`).loginAs(owner)
  response.assertStatus(200)
  assert.equal(response.header('cache-control'), 'private, no-store')
  assert.equal(
    response.header('content-disposition'),
    `attachment; filename="security-evidence-${parisDate(new Date())}.${extension}"`
  )
  return response
}

test.group('PCI-DSS evidence export', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('the owner downloads a dated CSV of components, advisories, patches and the integrity check', async ({
    client,
    assert,
    cleanup,
  }) => {
    const response = await ownerDownload(client, assert, cleanup, 'csv')

    assert.equal(response.header('content-type'), 'text/csv; charset=utf-8')
    const csv = response.text()
    // A byte-order mark, so Excel reads the accents, then the header row.
    assert.isTrue(
      csv.startsWith(
        '\uFEFFRubrique;Composant;Version;Référence;État;Gravité;Date;Échéance;Empreinte;Par;Détails'
      )
    )
    const lines = csv.split('\n')
    assert.include(lines[1], 'rapport;')
    assert.include(lines[1], 'Preuves de maintenance de sécurité : Sabots Martin')
    assert.match(csv, /\ncomposant;Comptoir \(cœur\);0\.1\.0;;cœur;/)
    assert.match(csv, /\ncomposant;fixture-advised;1\.0\.0;;désactivée;;\d{4}-\d\d-\d\d \d\d:\d\d;/)
    assert.match(
      csv,
      /\nalerte;fixture-advised;1\.0\.0;GHSA-fx01-adv1-sed1;Correctif appliqué;Élevée \(CVSS 8\.1\);2026-11-20;2026-12-20;/
    )
    assert.match(csv, /\nalerte;Comptoir \(cœur\);0\.1\.0;GHSA-core-medi-um01;Non corrigée;Moyenne/)
    const patch = lines.find((line) => line.includes('2026_11_20_escape_comments'))!
    assert.match(
      patch,
      /^correctif;fixture-advised;;2026_11_20_escape_comments;appliqué;;\d{4}-\d\d-\d\d \d\d:\d\d;;[0-9a-f]{64};cli:/
    )
    // Text from outside never runs as a formula in the merchant's spreadsheet.
    assert.include(csv, `"'=HYPERLINK(""http://evil.example"")";échec`)
    assert.include(csv, "'@SUM(1+1)")
    assert.notMatch(csv, /;=HYPERLINK/)
    assert.match(
      csv,
      /\nintégrité;;;;identique à la référence;;\d{4}-\d\d-\d\d \d\d:\d\d;;;cli:[^;]*;\d+ fichiers vérifiés/
    )
  })

  test('the owner downloads the same evidence as a PDF whose text can be read', async ({
    client,
    assert,
    cleanup,
  }) => {
    const response = await ownerDownload(client, assert, cleanup, 'pdf')

    response.assertHeader('content-type', 'application/pdf')
    const text = await pdfText(response.body() as Buffer)
    assert.include(text, 'Preuves de maintenance de sécurité : Sabots Martin')
    assert.include(text, 'Composants installés')
    assert.match(text, /fixture-advised 1\.0\.0 désactivée/)
    assert.include(text, 'GHSA-fx01-adv1-sed1')
    assert.include(text, 'Correctif appliqué')
    assert.include(text, '2026-12-20')
    assert.include(text, 'Historique des correctifs et migrations')
    assert.include(text, '2026_11_20_escape_comments')
    assert.include(text, "Dernière vérification d'intégrité")
    assert.match(text, /identique à la référence, \d+ fichiers/)
  })

  test('a manager gets neither download', async ({ client }) => {
    const manager = await AdminUserFactory.apply('manager').create()

    const csv = await client.get('/admin/security/evidence.csv').loginAs(manager)
    csv.assertStatus(403)
    const pdf = await client.get('/admin/security/evidence.pdf').loginAs(manager)
    pdf.assertStatus(403)
  })
})
