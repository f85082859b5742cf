import { test } from '@japa/runner'
import { appUrl } from '#config/app'
import { LEGAL_DOCUMENT_KINDS } from '#domain/legal_documents'
import { fillTemplate, mentionsOdrPlatform, MARK_FIELDS } from '#domain/legal_templates'
import type { SellerIdentity } from '#domain/seller_identity'
import { renderLegalTemplate, type TemplateSettings } from '#services/legal/legal_templates'
import { DEMO_SELLER_FORM } from '#database/demo/legal'
import { renderMarkdown } from '#support/markdown'
import { LOCALES } from '#support/locale_paths'
import { sellerIdentityValidator, toSellerIdentity } from '#validators/seller_identity'

const shop = appUrl.replace(/\/$/, '')
const placeholder = (mark: string) => `[?${mark}]`

async function demoSettings(): Promise<TemplateSettings> {
  const form = await sellerIdentityValidator.validate(DEMO_SELLER_FORM)
  return { shopName: 'Comptoir démo', identity: toSellerIdentity(form) }
}

/** The demo seller as an individual entrepreneur under the VAT franchise. */
async function soleTraderSettings(): Promise<TemplateSettings> {
  const { identity } = await demoSettings()
  const soleTrader: SellerIdentity = {
    ...identity!,
    companyName: 'Camille Martin',
    legalForm: 'EI',
    shareCapital: null,
    rcsCity: null,
    vatNumber: null,
  }
  return { shopName: 'Comptoir démo', identity: soleTrader }
}

test.group('Legal templates: filling the marks', () => {
  test('a mark takes its value; merchant text is escaped, addresses stay links', ({ assert }) => {
    const { body, missing } = fillTemplate(
      'Vendeur : {{ company_name }}, {{email}}, {{ terms_url }}',
      { company_name: 'Sabots *&* Co_', email: 'a_b@example.fr', terms_url: 'https://x.fr/cgv' },
      placeholder
    )
    assert.equal(body, 'Vendeur : Sabots \\*&\\* Co\\_, a_b@example.fr, https://x.fr/cgv')
    assert.deepEqual(missing, [])
    assert.include(renderMarkdown(body), 'Sabots *&amp;* Co_')
  })

  test('a value that does not apply drops its line; a missing one leaves a placeholder', ({
    assert,
  }) => {
    const template = [
      '- {{ company_name }}, {{ legal_form }}',
      '- Capital social : {{ share_capital }}',
      '- SIREN : {{ registration }} ({{ registration }})',
      'Fin.',
    ].join('\n')
    const filled = fillTemplate(
      template,
      { company_name: 'Camille Martin', legal_form: 'EI', share_capital: null },
      placeholder
    )
    assert.equal(
      filled.body,
      '- Camille Martin, EI\n- SIREN : [?registration] ([?registration])\nFin.'
    )
    assert.deepEqual(filled.missing, ['registration'])
  })

  test('a mark no template may use is refused, not printed', ({ assert }) => {
    assert.throws(
      () => fillTemplate('{{ company_nmae }}', {}, placeholder),
      'Unknown legal template mark {{ company_nmae }}'
    )
  })

  test('M-03: the closed EU ODR platform is recognised in French and English', ({ assert }) => {
    assert.isTrue(mentionsOdrPlatform('https://ec.europa.eu/consumers/odr/main'))
    assert.isTrue(mentionsOdrPlatform('la plateforme européenne de règlement en ligne des litiges'))
    assert.isTrue(mentionsOdrPlatform('the Online Dispute Resolution platform'))
    assert.isFalse(mentionsOdrPlatform('le médiateur de la consommation'))
  })
})

test.group('Legal templates: every kind and language', () => {
  test('each template fills every mark from complete Settings, without the ODR platform (M-03)', async ({
    assert,
  }) => {
    const settings = await demoSettings()
    for (const kind of LEGAL_DOCUMENT_KINDS) {
      for (const locale of LOCALES) {
        const { body, missing } = await renderLegalTemplate(kind, locale, settings)
        assert.deepEqual(missing, [], `${kind}/${locale}`)
        assert.notInclude(body, '{{', `${kind}/${locale}`)
        assert.isFalse(mentionsOdrPlatform(body), `${kind}/${locale} names the ODR platform`)
        assert.include(body, 'Sabots Martin', `${kind}/${locale} names the seller`)
      }
    }
  })

  test('P-01, P-03, P-10, M-02, WF-07, W-21: the CGV hold their mandatory parts', async ({
    assert,
  }) => {
    const settings = await demoSettings()
    const { body: fr } = await renderLegalTemplate('terms', 'fr', settings)
    // P-01: who sells, where, how to reach them.
    assert.include(fr, '- Sabots Martin, SARL')
    assert.include(fr, '- Siège : 14 rue de la République, 39400 Morez, France')
    assert.include(fr, '- E-mail : bonjour@comptoir.test')
    assert.include(fr, '- Téléphone : 03 84 00 00 00')
    // P-03: the order button's exact wording.
    assert.include(fr, '« Commander avec obligation de paiement »')
    // P-10: the boxed text, whole, with who answers for the guarantees.
    assert.include(fr, 'Sabots Martin, 14 rue de la République, 39400 Morez, France')
    assert.include(fr, 'répond des garanties légales suivantes')
    assert.include(
      fr,
      "> Le consommateur dispose d'un délai de deux ans à compter de la délivrance du bien"
    )
    assert.include(
      fr,
      '> Le consommateur bénéficie également de la garantie légale des vices cachés'
    )
    assert.equal(renderMarkdown(fr).match(/<blockquote>/g)?.length, 1, 'one box')
    // M-02: the mediator's name and website.
    assert.include(fr, 'Médiateur Démo de la consommation, https://mediateur-demo.example')
    // W-02, WF-07, W-21: fourteen days, the online function, the model form.
    assert.include(fr, "Vous disposez d'un délai de quatorze jours")
    assert.include(
      fr,
      `Vous pouvez également exercer votre droit de rétractation en ligne sur ${shop}/pages/retractation, grâce à la fonction « renoncer au contrat ici »`
    )
    assert.include(fr, `${shop}/pages/formulaire-de-retractation.pdf`)
    // M-04: where the accessibility information is.
    assert.include(fr, `${shop}/pages/accessibilite`)

    const { body: en } = await renderLegalTemplate('terms', 'en', settings)
    assert.include(en, '"Order with obligation to pay"')
    assert.include(
      en,
      `You can also withdraw online at ${shop}/en/pages/withdrawal, with the "withdraw from contract here" function`
    )
    assert.include(en, '> The consumer has two years from delivery of the goods')
    assert.include(en, `${shop}/en/pages/withdrawal-form.pdf`)
  })

  test('M-01, M-02: the mentions légales name the publisher, its registrations, the host and the mediator', async ({
    assert,
  }) => {
    const { body: text } = await renderLegalTemplate('legal_notice', 'fr', await demoSettings())
    // French amounts group digits with a narrow no-break space.
    const body = text.replace(/[\u00a0\u202f]/g, ' ')
    for (const part of [
      '- Sabots Martin, SARL',
      '- Capital social : 20 000,00 €',
      '- Siège : 14 rue de la République, 39400 Morez, France',
      '- RCS Lons-le-Saunier 987 654 324',
      '- SIRET : 987 654 324 00019',
      '- TVA intracommunautaire FR14987654324',
      '- Téléphone : 03 84 00 00 00',
      '- E-mail : bonjour@comptoir.test',
      'Directeur ou directrice de la publication : Camille Martin.',
      '- Nuage Démo SAS',
      '- 1 place de l’Hébergement, 59100 Roubaix, France',
      '- Téléphone : 03 20 00 00 00',
      'Médiateur Démo de la consommation, https://mediateur-demo.example',
    ]) {
      assert.include(body, part)
    }
    const { body: english } = await renderLegalTemplate('legal_notice', 'en', await demoSettings())
    assert.include(english, '- Share capital: €20,000.00')
    assert.include(english, 'Director of publication: Camille Martin.')
  })

  test('W-21, WF-07: the withdrawal policy holds the model form addressed to the seller and the online function', async ({
    assert,
  }) => {
    const settings = await demoSettings()
    const { body: fr } = await renderLegalTemplate('withdrawal_policy', 'fr', settings)
    assert.include(
      fr,
      `Vous pouvez également exercer votre droit de rétractation en ligne sur ${shop}/pages/retractation`
    )
    for (const line of [
      '(Veuillez compléter et renvoyer le présent formulaire uniquement si vous souhaitez vous rétracter du contrat.)',
      "- À l'attention de Sabots Martin, 14 rue de la République, 39400 Morez, France, bonjour@comptoir.test :",
      '- Je/Nous (\\*) vous notifie/notifions (\\*) par la présente ma/notre (\\*) rétractation du contrat portant sur la vente du bien (\\*)/pour la prestation de services (\\*) ci-dessous :',
      '- Commandé le (\\*)/reçu le (\\*) :',
      '- Nom du (des) consommateur(s) :',
      '- Adresse du (des) consommateur(s) :',
      '- Signature du (des) consommateur(s) (uniquement en cas de notification du présent formulaire sur papier) :',
      '- Date :',
      '(\\*) Rayez la mention inutile.',
    ]) {
      assert.include(fr, line)
    }
    assert.include(fr, `${shop}/pages/formulaire-de-retractation.pdf`)
    const { body: en } = await renderLegalTemplate('withdrawal_policy', 'en', settings)
    assert.include(en, `You can also withdraw online at ${shop}/en/pages/withdrawal`)
    assert.include(
      en,
      '- To Sabots Martin, 14 rue de la République, 39400 Morez, France, bonjour@comptoir.test:'
    )
    assert.include(en, '(\\*) Delete as appropriate.')
  })

  test('R-03, M-04: the privacy policy and the accessibility page say whom to contact', async ({
    assert,
  }) => {
    const settings = await demoSettings()
    const { body: privacy } = await renderLegalTemplate('privacy', 'fr', settings)
    assert.include(privacy, '- Sabots Martin, SARL')
    assert.include(privacy, 'Écrivez-nous à bonjour@comptoir.test')
    assert.include(privacy, "dans un délai d'un mois")
    assert.include(privacy, 'CNIL')
    const { body: accessibility } = await renderLegalTemplate('accessibility', 'en', settings)
    assert.include(accessibility, 'by email at bonjour@comptoir.test or by phone on 03 84 00 00 00')
    assert.include(accessibility, 'EN 301 549')
  })

  test('without a legal identity, every part it fills is a visible placeholder', async ({
    assert,
  }) => {
    const settings = { shopName: 'Comptoir', identity: null }
    const notice = await renderLegalTemplate('legal_notice', 'fr', settings)
    // The mentions légales use every mark the legal identity fills.
    assert.sameMembers(notice.missing, Object.keys(MARK_FIELDS))
    assert.include(
      notice.body,
      '- **[À COMPLÉTER : dénomination sociale]**, **[À COMPLÉTER : forme juridique]**'
    )
    assert.include(notice.body, '- **[À COMPLÉTER : SIREN]**')
    assert.include(
      notice.body,
      'Directeur ou directrice de la publication : **[À COMPLÉTER : directeur de la publication]**.'
    )
    // The shop's own pages are always known.
    assert.include(notice.body, `${shop}/pages/cgv`)
    assert.include(renderMarkdown(notice.body), '<strong>[À COMPLÉTER : SIREN]</strong>')

    const terms = await renderLegalTemplate('terms', 'en', settings)
    assert.include(
      terms.body,
      'the consumer mediator we belong to: **[TO BE COMPLETED: mediator]**'
    )
    for (const mark of terms.missing) assert.isDefined(MARK_FIELDS[mark], mark)
  })

  test('an individual entrepreneur without VAT number: no share capital, the SIREN, the VAT exemption', async ({
    assert,
  }) => {
    const { body, missing } = await renderLegalTemplate(
      'legal_notice',
      'fr',
      await soleTraderSettings()
    )
    assert.deepEqual(missing, [])
    assert.include(body, '- Camille Martin, EI\n')
    assert.notInclude(body, 'Capital social')
    assert.include(body, '- SIREN 987 654 324\n')
    assert.include(body, '- TVA non applicable, article 293 B du CGI\n')
  })
})
