import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { extractText } from 'unpdf'
import DemoSeeder from '#database/seeders/demo_seeder'
import LegalDocumentService from '#services/legal/legal_document_service'
import SettingsService from '#services/settings_service'
import { isValidSiret, vatNumberProblem } from '#domain/seller_identity'
import { countRows } from '#tests/helpers/database'

test.group('Demo seller and CGV', (group) => {
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

  test('CGV version 1 is published in French and English with the mandatory wording', async ({
    assert,
  }) => {
    await new DemoSeeder(db.connection()).seedLegal()
    const documents = await app.container.make(LegalDocumentService)
    const terms = await documents.current('terms')
    assert.equal(terms?.version, 1)

    // P-03: the order button's exact wording; WF-07: the online withdrawal function.
    assert.include(terms!.bodyFr, '« Commander avec obligation de paiement »')
    assert.include(terms!.bodyFr, '« renoncer au contrat ici »')
    assert.include(terms!.bodyEn, '"withdraw from contract here"')
    // W-02, W-21: fourteen days and the model form.
    assert.include(terms!.bodyFr, 'délai de **quatorze jours**')
    assert.include(terms!.bodyFr, 'Modèle de formulaire de rétractation')
    // P-10: the boxed legal guarantee text, with who answers for it.
    assert.include(
      terms!.bodyFr,
      "> Le consommateur dispose d'un délai de deux ans à compter de la délivrance du bien"
    )
    assert.include(terms!.bodyFr, 'répond des garanties légales suivantes')
    // M-02: the mediator; M-03: no link to the closed EU ODR platform.
    assert.include(terms!.bodyFr, 'Médiateur Démo de la consommation')
    for (const body of [terms!.bodyFr, terms!.bodyEn]) {
      assert.notMatch(
        body,
        /ec\.europa\.eu\/consumers\/odr|plateforme de (règlement|résolution) en ligne|online dispute resolution/i
      )
    }

    const { text } = await extractText(new Uint8Array(await documents.pdf(terms!, 'fr')), {
      mergePages: true,
    })
    assert.include(text.replace(/\s+/g, ' '), 'Commander avec obligation de paiement')
  })

  test('seeding again changes nothing', async ({ assert }) => {
    const seeder = new DemoSeeder(db.connection())
    await seeder.seedLegal()
    const audit = await countRows('audit_logs')
    await seeder.seedLegal()
    assert.equal(await countRows('legal_document_versions'), 1)
    assert.equal(await countRows('audit_logs'), audit)
  })
})
