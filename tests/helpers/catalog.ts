import app from '@adonisjs/core/services/app'
import Attribute from '#models/attribute'
import AttributeOption from '#models/attribute_option'
import Brand from '#models/brand'
import type Category from '#models/category'
import CategoryService from '#services/catalog/category_service'
import StockLocation from '#models/stock_location'
import ProductService from '#services/catalog/product_service'
import type { ProductInput, VariantInput } from '#services/catalog/product_input'

/**
 * A small catalog for tests: size and colour as variant options, a material
 * attribute, one category with a subcategory, a warehouse and a store.
 */
export async function createCatalogFixture() {
  const size = await Attribute.create({
    code: 'size',
    type: 'select',
    labels: { fr: 'Pointure', en: 'Size' },
    filterable: true,
    variantOption: true,
    visible: false,
  })
  const colour = await Attribute.create({
    code: 'colour',
    type: 'select',
    labels: { fr: 'Couleur', en: 'Colour' },
    filterable: true,
    searchable: true,
    variantOption: true,
    visible: false,
  })
  const material = await Attribute.create({
    code: 'material',
    type: 'select',
    labels: { fr: 'Matière', en: 'Material' },
    filterable: true,
    searchable: true,
  })
  const options = new Map<string, AttributeOption>()
  for (const [attribute, code, fr, en] of [
    [size, '38', '38', '38'],
    [size, '39', '39', '39'],
    [colour, 'black', 'Noir', 'Black'],
    [colour, 'red', 'Rouge', 'Red'],
    [material, 'leather', 'Cuir', 'Leather'],
    [material, 'wood', 'Bois', 'Wood'],
  ] as const) {
    options.set(
      `${attribute.code}:${code}`,
      await AttributeOption.create({ attributeId: attribute.id, code, labels: { fr, en } })
    )
  }

  const shoes = await createCategory(null, 'Chaussures', 'Shoes')
  const clogs = await createCategory(shoes, 'Sabots', 'Clogs')
  const warehouse = await StockLocation.create({
    code: 'warehouse',
    name: 'Entrepôt',
    type: 'warehouse',
    fulfilsOnline: true,
  })
  const store = await StockLocation.create({
    code: 'lyon',
    name: 'Lyon',
    type: 'store',
    clickAndCollect: true,
  })
  const brand = await Brand.create({ name: 'Sabotier du Jura', slug: 'sabotier-du-jura' })

  const option = (attribute: string, code: string) => ({
    attributeId: options.get(`${attribute}:${code}`)!.attributeId,
    optionId: options.get(`${attribute}:${code}`)!.id,
  })

  /**
   * A product input with sensible defaults: French and English names, in the
   * clogs category, one variant per given option set.
   */
  function productInput(
    name: { fr: string; en: string },
    variants: (Partial<VariantInput> & { sku: string })[],
    overrides: Partial<ProductInput> = {}
  ): ProductInput {
    return {
      type: variants.length > 1 ? 'configurable' : 'simple',
      brandId: brand.id,
      attributeSetId: null,
      vatRate: 2000,
      weightGrams: 900,
      netQuantity: null,
      netQuantityUnit: null,
      withdrawalException: 'none',
      enabled: true,
      visible: true,
      featured: false,
      translations: [
        { locale: 'fr', name: name.fr },
        { locale: 'en', name: name.en },
      ],
      categoryIds: [clogs.id],
      attributeValues: [],
      variants: variants.map((variant) => ({
        priceAmount: 8900,
        stock: [{ stockLocationId: warehouse.id, quantity: 5, safetyThreshold: 2 }],
        ...variant,
      })),
      ...overrides,
    }
  }

  async function createProduct(...args: Parameters<typeof productInput>) {
    const service = await app.container.make(ProductService)
    return service.create(productInput(...args), { admin: null, source: 'seed' })
  }

  return {
    size,
    colour,
    material,
    options,
    option,
    shoes,
    clogs,
    warehouse,
    store,
    brand,
    productInput,
    createProduct,
  }
}

async function createCategory(parent: Category | null, fr: string, en: string) {
  const categories = await app.container.make(CategoryService)
  return categories.create(
    {
      parentId: parent?.id ?? null,
      translations: [
        { locale: 'fr', name: fr },
        { locale: 'en', name: en },
      ],
    },
    { admin: null, source: 'seed' }
  )
}
