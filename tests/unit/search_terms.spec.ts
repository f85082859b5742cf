import { test } from '@japa/runner'
import { editDistance, searchTerms, singular, skuTerms } from '#domain/search_terms'
import { slugify } from '#domain/text_normalization'

test.group('Search terms', () => {
  test('folds accents and case, drops stop words', ({ assert }) => {
    assert.deepEqual(searchTerms('Sabots en CUIR « Étienne »'), ['sabot', 'cuir', 'etienne'])
    assert.deepEqual(searchTerms('The leather of the clog'), ['leather', 'clog'])
    assert.deepEqual(searchTerms('Œillets dorés'), ['oeillet', 'dore'])
  })

  test('reduces French and English plurals to the singular', ({ assert }) => {
    assert.equal(singular('sabots'), 'sabot')
    assert.equal(singular('chevaux'), 'cheval')
    assert.equal(singular('bijoux'), 'bijou')
    assert.equal(singular('sandales'), 'sandale')
    assert.equal(singular('clogs'), 'clog')
    assert.equal(singular('boxes'), 'box')
    assert.equal(singular('berries'), 'berry')
    assert.equal(singular('gris'), 'gris')
    assert.equal(singular('mules'), 'mule')
    assert.equal(singular('39'), '39')
  })

  test('a SKU is a term whole and word by word', ({ assert }) => {
    assert.deepEqual(skuTerms('SAB-39-Noir'), ['sab39noir', 'sab', '39', 'noir'])
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
