import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import DemoSeeder from '#database/seeders/demo_seeder'
import LegalDocumentService from '#services/legal/legal_document_service'
import LegalTemplates, { renderLegalTemplate } from '#services/legal/legal_templates'
import { LEGAL_DOCUMENT_KINDS, normalizeBody } from '#domain/legal_documents'
import SettingsService from '#services/settings_service'
import { isValidSiret, vatNumberProblem } from '#domain/seller_identity'
import { countRows } from '#tests/helpers/database'
import { pdfText } from '#tests/helpers/legal'

test.group('Demo seller and legal pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the demo seller is complete and its identifiers are checksum-valid (M-01, M-02)', async ({
    assert,
  }) => {
    await new DemoSeeder(db.connection()).seedLegal()
    const settings = await app.container.make(SettingsService)
    const identity = await settings.sellerIdentity()
    assert.isNotNull(identity)
    assert.isTrue(isValidSiret(identity!.siret))
    assert.isTrue(identity!.siret.startsWith(identity!.siren))
    assert.isNull(vatNumberProblem(identity!.vatNumber!, identity!.siren))
    assert.deepEqual(identity!.shareCapital, { amount: 2_000_000, currency: 'EUR' })
    assert.match(identity!.mediator.website, /^https:\/\//)
  })

  test('the five legal pages are published as their templates filled with the demo seller', async ({
    assert,
  }) => {
    await new DemoSeeder(db.connection()).seedLegal()
    const documents = await app.container.make(LegalDocumentService)
    const templates = await app.container.make(LegalTemplates)
    const settings = await templates.settingsForTemplates()
    for (const kind of LEGAL_DOCUMENT_KINDS) {
      const current = await documents.current(kind)
      assert.equal(current?.version, 1, kind)
      const fr = await renderLegalTemplate(kind, 'fr', settings)
      const en = await renderLegalTemplate(kind, 'en', settings)
      assert.equal(current!.bodyFr, normalizeBody(fr.body), kind)
      assert.equal(current!.bodyEn, normalizeBody(en.body), kind)
      assert.include(current!.bodyFr, 'Sabots Martin', kind)
    }

    // P-03 in the CGV's PDF as published.
    const terms = await documents.current('terms')
    const text = await pdfText(await documents.pdf(terms!, 'fr'))
    assert.include(text, 'Commander avec obligation de paiement')
    assert.include(text, 'Médiateur Démo de la consommation')
  })

  test('seeding again changes nothing', async ({ assert }) => {
    const seeder = new DemoSeeder(db.connection())
    await seeder.seedLegal()
    const audit = await countRows('audit_logs')
    await seeder.seedLegal()
    assert.equal(await countRows('legal_document_versions'), LEGAL_DOCUMENT_KINDS.length)
    assert.equal(await countRows('audit_logs'), audit)
  })
})
