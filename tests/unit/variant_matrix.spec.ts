import { test } from '@japa/runner'
import { variantMatrix } from '#domain/variant_matrix'

test.group('Variants generator', () => {
  test('makes every combination of the chosen options, with SKUs from their codes', ({
    assert,
  }) => {
    const cells = variantMatrix('sab-01', [
      {
        attributeId: 1,
        options: [
          { id: 10, code: '38' },
          { id: 11, code: '39' },
        ],
      },
      {
        attributeId: 2,
        options: [
          { id: 20, code: 'black' },
          { id: 21, code: 'red' },
        ],
      },
    ])
    assert.deepEqual(cells, [
      { sku: 'SAB-01-38-BLACK', options: { 1: 10, 2: 20 } },
      { sku: 'SAB-01-38-RED', options: { 1: 10, 2: 21 } },
      { sku: 'SAB-01-39-BLACK', options: { 1: 11, 2: 20 } },
      { sku: 'SAB-01-39-RED', options: { 1: 11, 2: 21 } },
    ])
  })

  test('an attribute with no chosen option does not multiply the variants', ({ assert }) => {
    const cells = variantMatrix('MULE', [
      { attributeId: 1, options: [{ id: 10, code: '38' }] },
      { attributeId: 2, options: [] },
    ])
    assert.deepEqual(cells, [{ sku: 'MULE-38', options: { 1: 10 } }])
    assert.deepEqual(variantMatrix('MULE', []), [])
  })
})
