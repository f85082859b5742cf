import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import { appUrl } from '#config/app'
import type AdminUser from '#models/admin_user'
import LegalDocumentService from '#services/legal/legal_document_service'
import LegalDraftService from '#services/legal/legal_draft_service'
import { LEGAL_DOCUMENT_KINDS, type LegalDocumentKind } from '#domain/legal_documents'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { countRows } from '#tests/helpers/database'
import { fillSellerIdentity, pdfText } from '#tests/helpers/legal'

const shop = appUrl.replace(/\/$/, '')

/** Each kind's page, as the footer links it, in French then in English. */
const PAGES: Record<LegalDocumentKind, [fr: string, en: string, title: string]> = {
  legal_notice: ['/pages/mentions-legales', '/en/pages/legal-notice', 'Mentions légales'],
  terms: ['/pages/cgv', '/en/pages/terms', 'Conditions générales de vente'],
  withdrawal_policy: ['/pages/retractation', '/en/pages/withdrawal', 'Droit de rétractation'],
  privacy: ['/pages/confidentialite', '/en/pages/privacy', 'Politique de confidentialité'],
  accessibility: ['/pages/accessibilite', '/en/pages/accessibility', 'Accessibilité'],
}

/** "Start from the template", then publish the draft the page shows, as an owner. */
async function publishFromTemplate(client: ApiClient, owner: AdminUser, kind: string) {
  const started = await client
    .post(`/admin/legal/${kind}/template`)
    .withCsrfToken()
    .loginAs(owner)
    .redirects(0)
  const drafts = await app.container.make(LegalDraftService)
  const { checksum } = await drafts.draft(kind as LegalDocumentKind)
  const published = await client
    .post(`/admin/legal/${kind}/versions`)
    .form({ draftChecksum: checksum, effectiveAt: '' })
    .withCsrfToken()
    .loginAs(owner)
    .redirects(0)
  return { started, published }
}

/** The footer's links to legal pages, as [href, text]. */
function footerLinks(html: string) {
  const footer = html.slice(
    html.indexOf('id="legal-links-title"'),
    html.indexOf('</nav>', html.indexOf('id="legal-links-title"'))
  )
  return [...footer.matchAll(/<a href="((?:\/en)?\/pages\/[^"]+)">([^<]+)<\/a>/g)].map((match) => [
    match[1],
    match[2],
  ])
}

test.group('Legal pages: every kind, its template, its URLs', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('each kind is started from its template, published, and served at stable URLs in French and English', async ({
    client,
    assert,
  }) => {
    await fillSellerIdentity()
    const owner = await AdminUserFactory.create()

    for (const kind of LEGAL_DOCUMENT_KINDS) {
      const [fr, en, title] = PAGES[kind]
      const { started, published } = await publishFromTemplate(client, owner, kind)
      started.assertFlashMessage(
        'success',
        'Le brouillon a été rempli avec le modèle. Relisez l’aperçu avant de publier.'
      )
      assert.notProperty(started.flashMessages(), 'templateMissing', kind)
      assert.match(String(published.flashMessages().success), /^Version 1 publiée/, kind)

      const page = await client.get(fr)
      page.assertStatus(200)
      assert.include(page.text(), `<h1>${title}</h1>`, kind)
      assert.include(page.text(), 'Sabots Martin', kind)
      assert.include(page.text(), `href="${fr}/versions/1.pdf"`, kind)
      assert.include(page.text(), `hreflang="en" href="${shop}${en}"`, kind)
      const english = await client.get(en)
      english.assertStatus(200)
      assert.include(english.text(), `hreflang="fr" href="${shop}${fr}"`, kind)
      assert.include(english.text(), `href="${en}/versions/1.pdf"`, kind)
      const version = await client.get(`${fr}/versions/1`)
      version.assertStatus(200)

      const pdfFr = await client.get(`${fr}/versions/1.pdf`)
      pdfFr.assertStatus(200)
      assert.include(await pdfText(pdfFr.body() as Buffer), title, kind)
      const pdfEn = await client.get(`${en}/versions/1.pdf`)
      assert.equal(pdfEn.header('content-type'), 'application/pdf', kind)
    }
    assert.equal(await countRows('legal_document_versions'), LEGAL_DOCUMENT_KINDS.length)

    // WF-07, W-21: the withdrawal page links the online function's page and the model form.
    const withdrawal = await client.get('/pages/retractation')
    assert.include(withdrawal.text(), `en ligne sur <a href="${shop}/pages/retractation">`)
    assert.include(withdrawal.text(), 'href="/pages/formulaire-de-retractation.pdf"')
    const english = await client.get('/en/pages/withdrawal')
    assert.include(english.text(), 'href="/en/pages/withdrawal-form.pdf"')
  })

  test('the footer links only the pages in force, in the page language; only the CGV gate orders', async ({
    client,
    assert,
  }) => {
    await fillSellerIdentity()
    const owner = await AdminUserFactory.create()
    const bare = await client.get('/')
    assert.deepEqual(footerLinks(bare.text()), [])
    // Only the CGV gate orders, and the back office says so while none is in force.
    const blocked = await client.get('/admin/legal').loginAs(owner)
    assert.include(blocked.text(), 'la boutique refuse les commandes jusqu’à leur publication')

    await publishFromTemplate(client, owner, 'terms')
    const open = await client.get('/admin/legal').loginAs(owner)
    assert.notInclude(open.text(), 'la boutique refuse les commandes')
    await publishFromTemplate(client, owner, 'legal_notice')
    // Scheduled for later: not linked until it is in force.
    await client.post('/admin/legal/privacy/template').withCsrfToken().loginAs(owner)
    const drafts = await app.container.make(LegalDraftService)
    const scheduled = await drafts.publish(
      'privacy',
      { effectiveAt: new Date(Date.now() + 86_400_000) },
      { admin: owner, ip: null }
    )
    assert.equal(scheduled.status, 'published')

    const french = await client.get('/')
    assert.deepEqual(footerLinks(french.text()), [
      ['/pages/mentions-legales', 'Mentions légales'],
      ['/pages/cgv', 'Conditions générales de vente'],
    ])
    const english = await client.get('/en')
    assert.deepEqual(footerLinks(english.text()), [
      ['/en/pages/legal-notice', 'Legal notice'],
      ['/en/pages/terms', 'Terms and conditions of sale'],
    ])
    const documents = await app.container.make(LegalDocumentService)
    assert.sameMembers(await documents.publishedKinds(new Date(Date.now() + 2 * 86_400_000)), [
      'terms',
      'legal_notice',
      'privacy',
    ])
  })

  test('a slug of the other language leads to the page in this one, versions and PDFs included', async ({
    client,
    assert,
  }) => {
    await fillSellerIdentity()
    const owner = await AdminUserFactory.create()
    await publishFromTemplate(client, owner, 'terms')

    for (const [from, to] of [
      ['/en/pages/cgv', '/en/pages/terms'],
      ['/en/pages/cgv/versions/1', '/en/pages/terms/versions/1'],
      ['/en/pages/cgv/versions/1.pdf', '/en/pages/terms/versions/1.pdf'],
      ['/pages/legal-notice', '/pages/mentions-legales'],
      ['/en/pages/formulaire-de-retractation.pdf', '/en/pages/withdrawal-form.pdf'],
    ]) {
      const response = await client.get(from).redirects(0)
      response.assertStatus(301)
      assert.equal(response.header('location'), to, from)
    }
    for (const url of [
      '/pages/cookies',
      '/pages/cgv/versions/2',
      '/en/pages/terms/versions/2.pdf',
    ]) {
      const response = await client.get(url)
      assert.equal(response.status(), 404, url)
    }
  })

  test('W-21: the model withdrawal form is a PDF addressed to the seller, in French and English', async ({
    client,
    assert,
  }) => {
    await fillSellerIdentity()
    const french = await client.get('/pages/formulaire-de-retractation.pdf')
    french.assertStatus(200)
    assert.equal(french.header('content-type'), 'application/pdf')
    const text = await pdfText(french.body() as Buffer)
    for (const part of [
      'Modèle de formulaire de rétractation',
      '(Veuillez compléter et renvoyer le présent formulaire uniquement si vous souhaitez vous rétracter du contrat.)',
      'À l’attention de',
      'Sabots Martin',
      '14 rue de la République, 39400 Morez, France',
      'bonjour@comptoir.test',
      'rétractation du contrat portant sur la vente du bien (*)/pour la prestation de services (*) ci-dessous',
      'Commandé le (*)/reçu le (*)',
      'Nom du (des) consommateur(s)',
      'Adresse du (des) consommateur(s)',
      'Signature du (des) consommateur(s) (uniquement en cas de notification du présent formulaire sur papier)',
      'Date',
      '(*) Rayez la mention inutile.',
    ]) {
      assert.include(text, part)
    }

    const englishPdf = await client.get('/en/pages/withdrawal-form.pdf')
    const english = await pdfText(englishPdf.body() as Buffer)
    assert.include(english, 'Model withdrawal form')
    assert.include(
      english,
      'I/We (*) hereby give notice that I/We (*) withdraw from my/our (*) contract'
    )
    assert.include(english, 'Sabots Martin')
    assert.include(english, '(*) Delete as appropriate.')
  })

  test('without a legal identity the template leaves placeholders and the merchant is told what to fill in', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const started = await client
      .post('/admin/legal/legal_notice/template')
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    const warning = String(started.flashMessages().templateMissing)
    assert.match(warning, /^Informations manquantes dans Paramètres/)
    for (const field of [
      'dénomination sociale',
      'SIREN',
      'hébergeur',
      'médiateur',
      'directeur de la publication',
    ]) {
      assert.include(warning, field)
    }

    const drafts = await app.container.make(LegalDraftService)
    const draft = await drafts.draft('legal_notice')
    assert.include(draft.bodyFr, '**[À COMPLÉTER : SIREN]**')
    assert.include(draft.bodyEn, '**[TO BE COMPLETED: SIREN]**')
    const edit = await client.get('/admin/legal/legal_notice').loginAs(owner)
    assert.include(edit.text(), '<strong>[À COMPLÉTER : SIREN]</strong>')
    assert.include(edit.text(), 'action="/admin/legal/legal_notice/template"')
  })

  test('M-03: a draft naming the closed ODR platform is flagged in the back office', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const drafts = await app.container.make(LegalDraftService)
    await drafts.saveDraft(
      'terms',
      { bodyFr: 'Plateforme RLL : https://ec.europa.eu/consumers/odr\n', bodyEn: 'Terms.\n' },
      { admin: owner, ip: null }
    )
    const flagged = await client.get('/admin/legal/terms').loginAs(owner)
    assert.include(flagged.text(), 'elle a fermé le 20 juillet 2025')

    await drafts.saveDraft(
      'terms',
      { bodyFr: 'Conditions.\n', bodyEn: 'Terms.\n' },
      { admin: owner, ip: null }
    )
    const clean = await client.get('/admin/legal/terms').loginAs(owner)
    assert.notInclude(clean.text(), 'elle a fermé le 20 juillet 2025')
  })

  test('managers cannot start a draft from a template', async ({ client, assert }) => {
    const manager = await AdminUserFactory.apply('manager').create()
    const response = await client
      .post('/admin/legal/terms/template')
      .withCsrfToken()
      .loginAs(manager)
    response.assertStatus(403)
    assert.equal(await countRows('legal_document_drafts'), 0)
  })
})
