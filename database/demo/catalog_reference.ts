import Attribute from '#models/attribute'
import AttributeOption from '#models/attribute_option'
import AttributeSet from '#models/attribute_set'
import Brand from '#models/brand'
import type Category from '#models/category'
import SearchSynonym from '#models/search_synonym'
import StockLocation from '#models/stock_location'
import app from '@adonisjs/core/services/app'
import CategoryService from '#services/catalog/category_service'
import type { AttributeType } from '#domain/attribute_types'

/**
 * The demo shop's reference data: an artisan maker of clogs, mules and
 * sandals, with accessories and care products, a warehouse and three stores.
 */
type Labels = { fr: string; en: string }

export interface DemoAttribute {
  code: string
  type: AttributeType
  labels: Labels
  unit?: string
  filterable?: boolean
  searchable?: boolean
  variantOption?: boolean
  options?: [code: string, labels: Labels][]
}

const SIZES = Array.from({ length: 10 }, (_, index) => String(36 + index))

export const DEMO_ATTRIBUTES: DemoAttribute[] = [
  {
    code: 'size',
    type: 'select',
    labels: { fr: 'Pointure', en: 'Size' },
    filterable: true,
    variantOption: true,
    options: SIZES.map((size) => [size, { fr: size, en: size }]),
  },
  {
    code: 'colour',
    type: 'select',
    labels: { fr: 'Couleur', en: 'Colour' },
    filterable: true,
    searchable: true,
    variantOption: true,
    options: [
      ['black', { fr: 'Noir', en: 'Black' }],
      ['brown', { fr: 'Marron', en: 'Brown' }],
      ['red', { fr: 'Rouge', en: 'Red' }],
      ['natural', { fr: 'Naturel', en: 'Natural' }],
      ['navy', { fr: 'Bleu marine', en: 'Navy blue' }],
      ['green', { fr: 'Vert sapin', en: 'Fir green' }],
    ],
  },
  {
    code: 'material',
    type: 'select',
    labels: { fr: 'Matière', en: 'Material' },
    filterable: true,
    searchable: true,
    options: [
      ['leather', { fr: 'Cuir', en: 'Leather' }],
      ['wood', { fr: 'Bois', en: 'Wood' }],
      ['suede', { fr: 'Daim', en: 'Suede' }],
      ['cork', { fr: 'Liège', en: 'Cork' }],
      ['wool', { fr: 'Laine', en: 'Wool' }],
      ['cotton', { fr: 'Coton ciré', en: 'Waxed cotton' }],
      ['beeswax', { fr: "Cire d'abeille", en: 'Beeswax' }],
      ['horsehair', { fr: 'Crin de cheval', en: 'Horsehair' }],
    ],
  },
  {
    code: 'sole',
    type: 'select',
    labels: { fr: 'Semelle', en: 'Sole' },
    filterable: true,
    options: [
      ['wood', { fr: 'Bois de hêtre', en: 'Beech wood' }],
      ['rubber', { fr: 'Caoutchouc', en: 'Rubber' }],
      ['cork', { fr: 'Liège', en: 'Cork' }],
    ],
  },
  {
    code: 'engraving',
    type: 'select',
    labels: { fr: 'Gravure', en: 'Engraving' },
    variantOption: true,
    options: [
      ['none', { fr: 'Sans gravure', en: 'No engraving' }],
      ['initials', { fr: 'Gravé à vos initiales', en: 'Engraved with your initials' }],
    ],
  },
  {
    code: 'heel_height',
    type: 'number',
    unit: 'cm',
    labels: { fr: 'Hauteur de talon', en: 'Heel height' },
  },
  { code: 'handmade', type: 'boolean', labels: { fr: 'Fait main', en: 'Handmade' } },
]

export const DEMO_CATEGORIES: { key: string; parent?: string; fr: string; en: string }[] = [
  { key: 'shoes', fr: 'Chaussures', en: 'Shoes' },
  { key: 'clogs', parent: 'shoes', fr: 'Sabots', en: 'Clogs' },
  { key: 'leather-clogs', parent: 'clogs', fr: 'Sabots en cuir', en: 'Leather clogs' },
  { key: 'wooden-clogs', parent: 'clogs', fr: 'Sabots en bois', en: 'Wooden clogs' },
  { key: 'mules', parent: 'shoes', fr: 'Mules', en: 'Mules' },
  { key: 'sandals', parent: 'shoes', fr: 'Sandales', en: 'Sandals' },
  { key: 'boots', parent: 'shoes', fr: 'Bottines', en: 'Ankle boots' },
  { key: 'personalised', fr: 'Personnalisés', en: 'Personalised' },
  { key: 'accessories', fr: 'Accessoires', en: 'Accessories' },
  { key: 'laces', parent: 'accessories', fr: 'Lacets', en: 'Laces' },
  { key: 'insoles', parent: 'accessories', fr: 'Semelles', en: 'Insoles' },
  { key: 'socks', parent: 'accessories', fr: 'Chaussettes', en: 'Socks' },
  { key: 'care', fr: 'Entretien', en: 'Care' },
  { key: 'waxes', parent: 'care', fr: 'Cires et baumes', en: 'Waxes and balms' },
  { key: 'brushes', parent: 'care', fr: 'Brosses', en: 'Brushes' },
]

export const DEMO_LOCATIONS = [
  {
    code: 'warehouse',
    name: 'Atelier de Morez',
    type: 'warehouse',
    fulfilsOnline: true,
    clickAndCollect: false,
  },
  {
    code: 'lyon',
    name: 'Boutique de Lyon',
    type: 'store',
    fulfilsOnline: false,
    clickAndCollect: true,
  },
  {
    code: 'annecy',
    name: "Boutique d'Annecy",
    type: 'store',
    fulfilsOnline: false,
    clickAndCollect: true,
  },
  {
    code: 'besancon',
    name: 'Boutique de Besançon',
    type: 'store',
    fulfilsOnline: false,
    clickAndCollect: true,
  },
] as const

export const DEMO_BRANDS = [
  { name: 'Comptoir Atelier', slug: 'comptoir-atelier' },
  { name: 'Sabotier du Jura', slug: 'sabotier-du-jura' },
  { name: 'Cirerie Lafont', slug: 'cirerie-lafont' },
]

export const DEMO_SYNONYMS = [
  { locale: 'fr', terms: 'sabot, galoche' },
  { locale: 'en', terms: 'clog, sabot' },
  { locale: 'fr', terms: 'cire, baume' },
]

/**
 * Creates the reference data and returns lookups by code for the products.
 */
export async function seedCatalogReference() {
  const attributes = new Map<string, Attribute>()
  const options = new Map<string, AttributeOption>()
  for (const [position, definition] of DEMO_ATTRIBUTES.entries()) {
    const attribute = await Attribute.create({
      code: definition.code,
      type: definition.type,
      unit: definition.unit ?? null,
      labels: definition.labels,
      filterable: definition.filterable ?? false,
      searchable: definition.searchable ?? false,
      visible: !definition.variantOption,
      variantOption: definition.variantOption ?? false,
      position,
    })
    attributes.set(attribute.code, attribute)
    for (const [optionPosition, [code, labels]] of (definition.options ?? []).entries()) {
      const option = await AttributeOption.create({
        attributeId: attribute.id,
        code,
        labels,
        position: optionPosition,
      })
      options.set(`${attribute.code}:${code}`, option)
    }
  }

  const sets = new Map<string, AttributeSet>()
  for (const [code, labels, attributeCodes] of [
    [
      'footwear',
      { fr: 'Chaussures', en: 'Footwear' },
      ['size', 'colour', 'material', 'sole', 'heel_height', 'handmade', 'engraving'],
    ],
    ['accessories', { fr: 'Accessoires', en: 'Accessories' }, ['colour', 'material', 'size']],
    ['care', { fr: 'Entretien', en: 'Care' }, ['material']],
  ] as const) {
    const set = await AttributeSet.create({ code, labels })
    await set
      .related('attributes')
      .attach(
        Object.fromEntries(
          attributeCodes.map((attributeCode, position) => [
            attributes.get(attributeCode)!.id,
            { position },
          ])
        )
      )
    sets.set(code, set)
  }

  const categoryService = await app.container.make(CategoryService)
  const categories = new Map<string, Category>()
  // Each category goes after its siblings: the tree reads in the order listed.
  for (const definition of DEMO_CATEGORIES) {
    const category = await categoryService.create(
      {
        parentId: definition.parent ? categories.get(definition.parent)!.id : null,
        translations: [
          { locale: 'fr', name: definition.fr },
          { locale: 'en', name: definition.en },
        ],
      },
      { admin: null, source: 'seed' }
    )
    categories.set(definition.key, category)
  }

  const locations = await StockLocation.createMany(
    DEMO_LOCATIONS.map((location, position) => ({ ...location, position }))
  )
  const brands = await Brand.createMany(DEMO_BRANDS)
  await SearchSynonym.createMany(DEMO_SYNONYMS)

  return {
    attributes,
    options,
    sets,
    categories,
    locations: new Map(locations.map((location) => [location.code, location])),
    brands: new Map(brands.map((brand) => [brand.slug, brand])),
  }
}

export type CatalogReference = Awaited<ReturnType<typeof seedCatalogReference>>
