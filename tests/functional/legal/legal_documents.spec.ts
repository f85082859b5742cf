import { createHash } from 'node:crypto'
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import drive from '@adonisjs/drive/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import type AdminUser from '#models/admin_user'
import AuditLog from '#models/audit_log'
import LegalDocumentVersion from '#models/legal_document_version'
import LegalDocumentService from '#services/legal/legal_document_service'
import LegalDraftService from '#services/legal/legal_draft_service'
import { formatChecksum, versionChecksum } from '#domain/legal_documents'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { countQueries } from '#tests/helpers/query_counter'
import { countRows } from '#tests/helpers/database'
import { fillSellerIdentity, pdfText } from '#tests/helpers/legal'

const system = { admin: null, ip: null }

async function services() {
  return {
    documents: await app.container.make(LegalDocumentService),
    drafts: await app.container.make(LegalDraftService),
  }
}

/**
 * Saves a draft and publishes it through the back office, as an owner would.
 */
async function publishThroughAdmin(
  client: ApiClient,
  owner: AdminUser,
  bodies: { bodyFr: string; bodyEn: string },
  effectiveAt = ''
) {
  await client
    .put('/admin/legal/terms/draft')
    .form(bodies)
    .withCsrfToken()
    .loginAs(owner)
    .redirects(0)
  const { drafts } = await services()
  const { checksum } = await drafts.draft('terms')
  return client
    .post('/admin/legal/terms/versions')
    .form({ draftChecksum: checksum, effectiveAt })
    .withCsrfToken()
    .loginAs(owner)
    .redirects(0)
}

/** A flashed message, as text. */
function flashed(response: { flashMessages(): Record<string, unknown> }, key: string) {
  return String(response.flashMessages()[key])
}

async function bodyOf(request: PromiseLike<{ body(): unknown }>) {
  const response = await request
  return response.body() as Buffer
}

async function statusOf(request: PromiseLike<{ status(): number }>) {
  const response = await request
  return response.status()
}

const V1 = {
  bodyFr: '## Article 1 – Objet\n\nLes présentes conditions régissent les ventes de sabots.\n',
  bodyEn: '## Article 1 – Purpose\n\nThese terms govern the sale of clogs.\n',
}
const V2 = {
  bodyFr:
    '## Article 1 – Objet\n\nLes présentes conditions régissent les ventes de sabots et de mules.\n',
  bodyEn: '## Article 1 – Purpose\n\nThese terms govern the sale of clogs and mules.\n',
}

test.group('Legal documents: publication and versions (P-06, P-10)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('publishing creates v1 then v2; v1 keeps its URL, checksum and PDF bytes', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()

    const first = await publishThroughAdmin(client, owner, V1)
    first.assertStatus(302)
    assert.match(flashed(first, 'success'), /^Version 1 publiée, en vigueur à compter du /)
    const v1 = await LegalDocumentVersion.query().where('version', 1).firstOrFail()
    const v1PdfFr = await bodyOf(client.get('/pages/cgv/versions/1.pdf'))
    const v1PdfEn = await bodyOf(client.get('/en/pages/terms/versions/1.pdf'))

    const second = await publishThroughAdmin(client, owner, V2)
    assert.match(flashed(second, 'success'), /^Version 2 publiée/)
    assert.equal(await countRows('legal_document_versions', { kind: 'terms' }), 2)

    // The page shows version 2, and links to version 1.
    const page = await client.get('/pages/cgv')
    page.assertStatus(200)
    assert.include(page.text(), 'et de mules.')
    assert.include(page.text(), 'Version 2, en vigueur à compter du')
    assert.include(page.text(), 'href="/pages/cgv/versions/1"')
    assert.include(page.text(), 'href="/pages/cgv/versions/2.pdf"')

    // Version 1 is still served, unchanged, with a notice that it is not current.
    const old = await client.get('/pages/cgv/versions/1')
    old.assertStatus(200)
    assert.include(old.text(), 'régissent les ventes de sabots.')
    assert.include(old.text(), 'Ce n’est pas la version en vigueur aujourd’hui.')
    assert.include(old.text(), formatChecksum(v1.checksum))
    const reread = await LegalDocumentVersion.findOrFail(v1.id)
    assert.equal(reread.checksum, v1.checksum)
    assert.equal(
      reread.checksum,
      versionChecksum({
        kind: reread.kind,
        version: reread.version,
        bodyFr: reread.bodyFr,
        bodyEn: reread.bodyEn,
        effectiveAt: reread.effectiveAt.toJSDate(),
      }),
      'the stored checksum is recomputable from the stored row'
    )
    const pdfFr = await client.get('/pages/cgv/versions/1.pdf')
    pdfFr.assertStatus(200)
    assert.equal(pdfFr.header('content-type'), 'application/pdf')
    assert.isTrue((pdfFr.body() as Buffer).equals(v1PdfFr))
    const pdfEn = await bodyOf(client.get('/en/pages/terms/versions/1.pdf'))
    assert.isTrue(pdfEn.equals(v1PdfEn))
    assert.isFalse(v1PdfFr.equals(v1PdfEn))

    const entries = await AuditLog.query().where('action', 'legal_document.publish').orderBy('id')
    assert.deepEqual(
      entries.map((entry) => [entry.adminUserId, JSON.parse(entry.changes!).version]),
      [
        [owner.id, 1],
        [owner.id, 2],
      ]
    )
  })

  test('the PDF holds the title, version, checksum, a sentence of the body and the seller', async ({
    assert,
  }) => {
    await fillSellerIdentity()
    const { documents, drafts } = await services()
    await drafts.saveDraft('terms', V1, system)
    const published = await drafts.publish('terms', {}, system)
    assert.equal(published.status, 'published')
    const version = await documents.current('terms')

    const french = await pdfText(await documents.pdf(version!, 'fr'))
    assert.include(french, 'Conditions générales de vente')
    assert.include(french, 'Version 1')
    assert.include(french, version!.checksum)
    assert.include(french, 'Les présentes conditions régissent les ventes de sabots.')
    assert.include(french, 'Sabots Martin, SARL au capital de 20 000,00 €')
    assert.include(french, 'RCS Lons-le-Saunier 987 654 324')
    assert.include(french, 'Page 1 sur 1')

    const english = await pdfText(await documents.pdf(version!, 'en'))
    assert.include(english, 'Terms and conditions of sale')
    assert.include(english, 'These terms govern the sale of clogs.')
    assert.include(english, 'Page 1 of 1')
  })

  test('republishing the same text creates a new version; versions never change', async ({
    assert,
  }) => {
    const { documents, drafts } = await services()
    await drafts.saveDraft('terms', V1, system)
    const first = await drafts.publish('terms', {}, system)
    const again = await drafts.publish('terms', {}, system)
    assert.equal(first.status === 'published' && first.version.version, 1)
    assert.equal(again.status === 'published' && again.version.version, 2)
    assert.notEqual(
      first.status === 'published' && first.version.checksum,
      again.status === 'published' && again.version.checksum
    )

    const v1 = (await documents.find('terms', 1))!
    await assert.rejects(() => v1.merge({ bodyFr: 'Autre texte' }).save(), /is published/)
    await assert.rejects(() => v1.delete(), /is published/)
    assert.equal((await documents.find('terms', 1))!.bodyFr, V1.bodyFr)
  })

  test('a future effective date is not current until it comes', async ({ client, assert }) => {
    const owner = await AdminUserFactory.create()
    await publishThroughAdmin(client, owner, V1)
    const inTenDays = DateTime.now().setZone('Europe/Paris').plus({ days: 10 }).startOf('minute')
    const scheduled = await publishThroughAdmin(
      client,
      owner,
      V2,
      inTenDays.toFormat("yyyy-MM-dd'T'HH:mm")
    )
    assert.match(flashed(scheduled, 'success'), /^Version 2 publiée/)

    const { documents } = await services()
    assert.equal((await documents.current('terms'))!.version, 1)
    assert.equal(
      (await documents.current('terms', inTenDays.plus({ minutes: 1 }).toJSDate()))!.version,
      2
    )
    assert.equal((await documents.find('terms', 2))!.effectiveAt.toMillis(), inTenDays.toMillis())

    const page = await client.get('/pages/cgv')
    assert.include(page.text(), 'Version 1, en vigueur à compter du')
    assert.notInclude(page.text(), 'et de mules.')
    // The upcoming version is already readable at its own URL.
    const upcoming = await client.get('/pages/cgv/versions/2')
    assert.include(upcoming.text(), 'et de mules.')
    assert.include(page.text(), '(à venir)')

    const admin = await client.get('/admin/legal/terms').loginAs(owner)
    assert.include(admin.text(), 'La version 2 entrera en vigueur le')

    // Nothing may be scheduled before a version already scheduled.
    const earlier = await publishThroughAdmin(client, owner, V1)
    earlier.assertFlashMessage(
      'error',
      'Une version déjà publiée entre en vigueur plus tard : choisissez une date égale ou postérieure.'
    )
  })

  test('a date in the past, a changed draft or an empty text is refused', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const past = await publishThroughAdmin(client, owner, V1, '2020-01-01T10:00')
    past.assertFlashMessage('error', 'La date d’entrée en vigueur ne peut pas être dans le passé.')

    const changed = await client
      .post('/admin/legal/terms/versions')
      .form({ draftChecksum: 'a'.repeat(64), effectiveAt: '' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    assert.match(flashed(changed, 'error'), /^Le brouillon a changé/)

    const empty = await publishThroughAdmin(client, owner, { bodyFr: V1.bodyFr, bodyEn: '' })
    assert.match(flashed(empty, 'error'), /^Rien à publier/)

    const invalid = await client
      .post('/admin/legal/terms/versions')
      .form({ draftChecksum: 'a'.repeat(64), effectiveAt: '2026-02-30T10:00' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    invalid.assertFlashMessage('inputErrorsBag', {
      effectiveAt: ['Saisissez une date et une heure valides.'],
    })
    assert.equal(await countRows('legal_document_versions'), 0)
  })

  test('the draft is previewed as escaped HTML, and so is the published page', async ({
    client,
    assert,
  }) => {
    const owner = await AdminUserFactory.create()
    const bodies = {
      bodyFr: '## Titre\n\n<script>alert(1)</script> [lien](javascript:alert(1)) **gras**\n',
      bodyEn: '## Title\n\n<img src=x onerror=alert(1)>\n',
    }
    await publishThroughAdmin(client, owner, bodies)

    const admin = await client.get('/admin/legal/terms').loginAs(owner)
    assert.include(admin.text(), '<h2>Titre</h2>')
    assert.include(admin.text(), '<strong>gras</strong>')
    const shop = await client.get('/pages/cgv')
    for (const html of [admin.text(), shop.text()]) {
      assert.notInclude(html, '<script>alert(1)</script>')
      assert.include(html, '&lt;script&gt;alert(1)&lt;/script&gt;')
      assert.notInclude(html, 'href="javascript:')
    }
    const english = await client.get('/en/pages/terms')
    assert.include(english.text(), '&lt;img src=x onerror=alert(1)&gt;')
  })

  test('pages without a published document keep the "not published yet" text', async ({
    client,
    assert,
  }) => {
    const cgv = await client.get('/pages/cgv')
    cgv.assertStatus(200)
    assert.include(cgv.text(), 'Le marchand n&#x27;a pas encore publié cette page.')

    const { drafts } = await services()
    await drafts.saveDraft('terms', V1, system)
    await drafts.publish('terms', {}, system)
    const notice = await client.get('/en/pages/legal-notice')
    assert.include(notice.text(), 'The merchant has not published this page yet.')

    for (const url of [
      '/pages/cgv/versions/2',
      '/pages/cgv/versions/2.pdf',
      '/pages/mentions-legales/versions/1',
      '/pages/mentions-legales/versions/1.pdf',
      '/pages/cgv/versions/abc',
    ]) {
      assert.equal(await statusOf(client.get(url)), 404, url)
    }
  })

  test('current(kind) is one query', async ({ assert }) => {
    const { documents, drafts } = await services()
    await drafts.saveDraft('terms', V1, system)
    await drafts.publish('terms', {}, system)
    await drafts.publish('terms', {}, system)
    let current: LegalDocumentVersion | null = null
    const queries = await countQueries(async () => {
      current = await documents.current('terms')
    })
    assert.equal(queries, 1)
    assert.equal(current!.version, 2)
  })

  test('the PDF stored for a version is checked on every read', async ({ assert }) => {
    const { documents, drafts } = await services()
    await drafts.saveDraft('terms', V1, system)
    await drafts.publish('terms', {}, system)
    const version = (await documents.current('terms'))!
    const bytes = await documents.pdf(version, 'fr')
    assert.isTrue(
      version.pdfFrKey.endsWith(`-${createHash('sha256').update(bytes).digest('hex')}.pdf`)
    )

    // A file whose bytes no longer match the hash its key names, then no file at all.
    const altered = `legal/terms/1-fr-${'0'.repeat(64)}.pdf`
    await drive.use().put(altered, bytes)
    version.pdfFrKey = altered
    await assert.rejects(() => documents.pdf(version, 'fr'), /missing or was altered/)
    version.pdfFrKey = `legal/terms/1-fr-${'1'.repeat(64)}.pdf`
    await assert.rejects(() => documents.pdf(version, 'fr'), /missing or was altered/)
  })

  test('managers and support get 403 on the legal documents pages', async ({ client, assert }) => {
    for (const role of ['manager', 'support'] as const) {
      const staff = await AdminUserFactory.apply(role).create()
      assert.equal(await statusOf(client.get('/admin/legal').loginAs(staff)), 403)
      assert.equal(await statusOf(client.get('/admin/legal/terms').loginAs(staff)), 403)
      const write = await client
        .put('/admin/legal/terms/draft')
        .form(V1)
        .withCsrfToken()
        .loginAs(staff)
      write.assertStatus(403)
      const publish = await client
        .post('/admin/legal/terms/versions')
        .form({ draftChecksum: 'a'.repeat(64) })
        .withCsrfToken()
        .loginAs(staff)
      publish.assertStatus(403)
      const menu = await client.get('/admin').loginAs(staff)
      assert.notInclude(menu.text(), 'href="/admin/legal"')
    }
    assert.equal(await countRows('legal_document_drafts'), 0)

    const owner = await AdminUserFactory.create()
    const index = await client.get('/admin/legal').loginAs(owner)
    index.assertStatus(200)
    assert.include(index.text(), 'href="/admin/legal"')
    assert.include(index.text(), 'Aucune version publiée')
    assert.equal(await statusOf(client.get('/admin/legal/cookies').loginAs(owner)), 404)
  })
})
