import { test } from '@japa/runner'
import { editDistance, searchTerms, skuTerms, stem } from '#domain/search_terms'
import { slugify } from '#domain/text_normalization'

test.group('Search terms', () => {
  test('folds accents and case, drops stop words', ({ assert }) => {
    assert.deepEqual(searchTerms('Sabots en CUIR « Étienne »'), ['sabot', 'cuir', 'etienn'])
    assert.deepEqual(searchTerms('The leather of the clog'), ['leather', 'clog'])
    assert.deepEqual(searchTerms('Œillets dorés'), ['oeillet', 'dor'])
    assert.deepEqual(searchTerms('sabot cuir etienne'), searchTerms('SABOTS EN CUIR ÉTIENNE'))
  })

  test('a word and its plural share a stem, in French and English', ({ assert }) => {
    for (const [singular, plural] of [
      ['sabot', 'sabots'],
      ['cheval', 'chevaux'],
      ['bijou', 'bijoux'],
      ['sandale', 'sandales'],
      ['galoche', 'galoches'],
      ['clog', 'clogs'],
      ['box', 'boxes'],
      ['brush', 'brushes'],
      ['berry', 'berries'],
      ['mule', 'mules'],
      ['dress', 'dresses'],
    ]) {
      assert.equal(stem(plural), stem(singular), `${singular} / ${plural}`)
    }
    assert.equal(stem('gris'), 'gris')
    assert.equal(stem('39'), '39')
  })

  test('a SKU is a term whole and word by word', ({ assert }) => {
    assert.deepEqual(skuTerms('SAB-39-Noir'), ['sab39noir', 'sab', '39', 'noir'])
    // Its words are stemmed like query words: "BOT-ROSE-38" is found by "bot rose 38".
    assert.includeMembers(skuTerms('BOT-ROSE-38'), searchTerms('bot rose 38'))
  })

  test('measures edit distance for suggestions', ({ assert }) => {
    assert.equal(editDistance('sabto', 'sabot'), 2)
    assert.equal(editDistance('sabot', 'sabot'), 0)
    assert.equal(editDistance('mulle', 'mule'), 1)
  })

  test('slugs are folded words joined by dashes', ({ assert }) => {
    assert.equal(slugify('Sabot cuir « Étienne » 39'), 'sabot-cuir-etienne-39')
    assert.equal(slugify('  Crème pour cuir — 250 ml  '), 'creme-pour-cuir-250-ml')
  })
})
