import type { ProductInput, VariantInput } from '#services/catalog/product_input'
import type { CatalogReference } from '#database/demo/catalog_reference'
import type { WithdrawalException } from '#domain/withdrawal_exceptions'
import type { DemoImageKind } from '#database/demo/catalog_images'

/**
 * A demo product and the illustration it is shown with.
 */
export interface DemoProduct {
  input: ProductInput
  image: { kind: DemoImageKind; colour: string }
}

/**
 * The demo shop's products, generated deterministically from a few families so
 * every run builds the same catalog (over 200 products).
 */
const MODEL_NAMES = [
  'Étienne',
  'Louise',
  'Marius',
  'Jeanne',
  'Basile',
  'Rose',
  'Victor',
  'Adèle',
  'Gaston',
  'Lucie',
  'Hugo',
  'Manon',
  'Célestin',
  'Margot',
  'Firmin',
  'Suzanne',
  'Léon',
  'Odette',
  'Aristide',
  'Berthe',
  'Joseph',
  'Colette',
  'Anatole',
  'Simone',
  'Eugène',
  'Paulette',
  'Honoré',
  'Mathilde',
]

interface Family {
  kind: DemoImageKind
  category: string
  fr: string
  en: string
  basePrice: number
  material: string
  sole: string
  heel: number
  colours: [string, string][]
}

const FAMILIES: Family[] = [
  {
    kind: 'clog',
    category: 'leather-clogs',
    fr: 'Sabot en cuir',
    en: 'Leather clog',
    basePrice: 8900,
    material: 'leather',
    sole: 'wood',
    heel: 4,
    colours: [
      ['black', 'brown'],
      ['red', 'natural'],
      ['navy', 'black'],
    ],
  },
  {
    kind: 'clog',
    category: 'wooden-clogs',
    fr: 'Sabot en bois',
    en: 'Wooden clog',
    basePrice: 6900,
    material: 'wood',
    sole: 'wood',
    heel: 3,
    colours: [
      ['natural', 'black'],
      ['natural', 'red'],
    ],
  },
  {
    kind: 'mule',
    category: 'mules',
    fr: 'Mule',
    en: 'Mule',
    basePrice: 7900,
    material: 'suede',
    sole: 'cork',
    heel: 2,
    colours: [
      ['brown', 'green'],
      ['black', 'navy'],
    ],
  },
  {
    kind: 'sandal',
    category: 'sandals',
    fr: 'Sandale',
    en: 'Sandal',
    basePrice: 6400,
    material: 'leather',
    sole: 'cork',
    heel: 2,
    colours: [
      ['natural', 'brown'],
      ['black', 'red'],
    ],
  },
  {
    kind: 'boot',
    category: 'boots',
    fr: 'Bottine',
    en: 'Ankle boot',
    basePrice: 12900,
    material: 'leather',
    sole: 'rubber',
    heel: 5,
    colours: [
      ['black', 'brown'],
      ['green', 'navy'],
    ],
  },
]

const COLOUR_NAMES: Record<string, [fr: string, en: string]> = {
  black: ['noir', 'black'],
  brown: ['marron', 'brown'],
  red: ['rouge', 'red'],
  natural: ['naturel', 'natural'],
  navy: ['bleu marine', 'navy blue'],
  green: ['vert sapin', 'fir green'],
}

const SIZES = Array.from({ length: 10 }, (_, index) => String(36 + index))

type Reference = CatalogReference

function base(reference: Reference, overrides: Partial<ProductInput>): ProductInput {
  return {
    type: 'simple',
    brandId: reference.brands.get('comptoir-atelier')!.id,
    attributeSetId: null,
    vatRate: 2000,
    weightGrams: null,
    netQuantity: null,
    netQuantityUnit: null,
    withdrawalException: 'none',
    enabled: true,
    visible: true,
    featured: false,
    translations: [],
    categoryIds: [],
    attributeValues: [],
    variants: [],
    ...overrides,
  }
}

/**
 * Deterministic stock: plenty in the warehouse except every seventh variant
 * (sold out online), a few pairs in each store.
 */
function stock(reference: Reference, index: number): VariantInput['stock'] {
  const [warehouse, ...stores] = [...reference.locations.values()]
  return [
    {
      stockLocationId: warehouse.id,
      quantity: index % 7 === 0 ? 0 : 2 + (index % 9),
      safetyThreshold: 3,
    },
    ...stores.map((store, storeIndex) => ({
      stockLocationId: store.id,
      quantity: (index + storeIndex) % 4,
      safetyThreshold: 1,
    })),
  ]
}

function option(reference: Reference, attribute: string, code: string) {
  return {
    attributeId: reference.attributes.get(attribute)!.id,
    optionId: reference.options.get(`${attribute}:${code}`)!.id,
  }
}

function attributeValue(reference: Reference, attribute: string, code: string) {
  return {
    attributeId: reference.attributes.get(attribute)!.id,
    optionIds: [reference.options.get(`${attribute}:${code}`)!.id],
  }
}

/**
 * One footwear model of a family. `series` tells apart the models of the
 * benchmark catalog that reuse a name; `sizes` narrows its size range.
 */
function footwearModel(
  reference: Reference,
  family: Family,
  nameIndex: number,
  options: { series?: number; sizes?: string[]; stockIndex: number }
): DemoProduct {
  const familyIndex = FAMILIES.indexOf(family)
  const name = `${MODEL_NAMES[nameIndex]}${options.series ? ` ${options.series}` : ''}`
  const colours = family.colours[nameIndex % family.colours.length]
  const price = family.basePrice + (nameIndex % 5) * 500
  const sku = `${family.category.slice(0, 3).toUpperCase()}-${String(nameIndex + 1).padStart(2, '0')}${options.series ? `-S${options.series}` : ''}`
  const [colourFr, colourEn] = COLOUR_NAMES[colours[0]]
  let stockIndex = options.stockIndex
  return {
    image: { kind: family.kind, colour: colours[0] },
    input: base(reference, {
      type: 'configurable',
      brandId: reference.brands.get(familyIndex < 2 ? 'sabotier-du-jura' : 'comptoir-atelier')!.id,
      attributeSetId: reference.sets.get('footwear')!.id,
      weightGrams: 900,
      featured: nameIndex === 0 && !options.series,
      translations: [
        {
          locale: 'fr',
          name: `${family.fr} ${name}`,
          shortDescription: `${family.fr} ${name}, façonné à la main dans le Jura, ${colourFr} ou ${COLOUR_NAMES[colours[1]][0]}.`,
          description: `Le modèle **${name}** est taillé et cousu à l'atelier de Morez.\n\n- Semelle remplaçable\n- Cuir tanné au végétal\n- Garanti deux ans`,
        },
        {
          locale: 'en',
          name: `${name} ${family.en.toLowerCase()}`,
          shortDescription: `The ${name} ${family.en.toLowerCase()}, handmade in the Jura, in ${colourEn} or ${COLOUR_NAMES[colours[1]][1]}.`,
          description: `The **${name}** is cut and stitched in our Morez workshop.\n\n- Replaceable sole\n- Vegetable-tanned leather\n- Two-year guarantee`,
        },
      ],
      categoryIds: [reference.categories.get(family.category)!.id],
      attributeValues: [
        attributeValue(reference, 'material', family.material),
        attributeValue(reference, 'sole', family.sole),
        { attributeId: reference.attributes.get('heel_height')!.id, number: family.heel },
        { attributeId: reference.attributes.get('handmade')!.id, boolean: true },
      ],
      variants: colours.flatMap((colour) =>
        (options.sizes ?? SIZES).map((size) => ({
          sku: `${sku}-${colour.toUpperCase()}-${size}`,
          priceAmount: price,
          options: [option(reference, 'colour', colour), option(reference, 'size', size)],
          stock: stock(reference, stockIndex++),
        }))
      ),
    }),
  }
}

function footwear(reference: Reference): DemoProduct[] {
  return FAMILIES.flatMap((family, familyIndex) =>
    MODEL_NAMES.map((_, nameIndex) =>
      footwearModel(reference, family, nameIndex, {
        stockIndex: (familyIndex * MODEL_NAMES.length + nameIndex) * 20,
      })
    )
  )
}

/**
 * The benchmark catalog: `count` footwear models, each in two colours and
 * three sizes, named after the demo models with a series number.
 */
export function* benchmarkProducts(reference: Reference, count: number): Generator<DemoProduct> {
  for (let index = 0; index < count; index++) {
    const family = FAMILIES[index % FAMILIES.length]
    const nameIndex = Math.floor(index / FAMILIES.length) % MODEL_NAMES.length
    const series = Math.floor(index / (FAMILIES.length * MODEL_NAMES.length)) + 1
    yield footwearModel(reference, family, nameIndex, {
      series,
      sizes: ['38', '40', '42'],
      stockIndex: index * 6,
    })
  }
}

/**
 * The engraved clog: the plain variant can be returned, the engraved one is
 * made to order (LEGAL.md W-18, custom-made).
 */
function engravedClog(reference: Reference): DemoProduct {
  const variants = (['none', 'initials'] as const).flatMap((engraving) =>
    SIZES.map((size, index) => ({
      sku: `GRAV-${engraving === 'none' ? 'NU' : 'INI'}-${size}`,
      priceAmount: engraving === 'none' ? 9900 : 11900,
      withdrawalException: (engraving === 'initials'
        ? 'custom_made'
        : null) as WithdrawalException | null,
      options: [option(reference, 'engraving', engraving), option(reference, 'size', size)],
      stock: stock(reference, index + 1),
    }))
  )
  const input = base(reference, {
    type: 'configurable',
    brandId: reference.brands.get('sabotier-du-jura')!.id,
    attributeSetId: reference.sets.get('footwear')!.id,
    weightGrams: 950,
    featured: true,
    translations: [
      {
        locale: 'fr',
        name: 'Sabot gravé à vos initiales',
        shortDescription: 'Notre sabot en cuir noir, gravé à la main à vos initiales sur le talon.',
        description:
          'La gravure est réalisée à la commande : un sabot gravé ne peut être ni repris ni échangé.',
      },
      {
        locale: 'en',
        name: 'Clog engraved with your initials',
        shortDescription: 'Our black leather clog, hand-engraved with your initials on the heel.',
        description:
          'Engraving is done to order: an engraved clog cannot be returned or exchanged.',
      },
    ],
    categoryIds: [
      reference.categories.get('personalised')!.id,
      reference.categories.get('leather-clogs')!.id,
    ],
    attributeValues: [
      attributeValue(reference, 'material', 'leather'),
      attributeValue(reference, 'sole', 'wood'),
      { attributeId: reference.attributes.get('handmade')!.id, boolean: true },
    ],
    variants,
  })
  return { input, image: { kind: 'clog', colour: 'black' } }
}

function simpleProduct(
  reference: Reference,
  input: {
    sku: string
    fr: string
    en: string
    price: number
    category: string
    brand: string
    set: string
    vatRate?: 2000 | 550
    material?: string
    colour?: string
    netQuantity?: [number, 'kg' | 'l' | 'piece']
    index: number
    image: DemoProduct['image']
  }
): DemoProduct {
  const product = base(reference, {
    brandId: reference.brands.get(input.brand)!.id,
    attributeSetId: reference.sets.get(input.set)!.id,
    vatRate: input.vatRate ?? 2000,
    weightGrams: 150,
    netQuantity: input.netQuantity?.[0] ?? null,
    netQuantityUnit: input.netQuantity?.[1] ?? null,
    translations: [
      {
        locale: 'fr',
        name: input.fr,
        shortDescription: `${input.fr}, sélectionné par notre atelier.`,
      },
      { locale: 'en', name: input.en, shortDescription: `${input.en}, chosen by our workshop.` },
    ],
    categoryIds: [reference.categories.get(input.category)!.id],
    attributeValues: [
      ...(input.material ? [attributeValue(reference, 'material', input.material)] : []),
      ...(input.colour ? [attributeValue(reference, 'colour', input.colour)] : []),
    ],
    variants: [{ sku: input.sku, priceAmount: input.price, stock: stock(reference, input.index) }],
  })
  return { input: product, image: input.image }
}

function accessoriesAndCare(reference: Reference): DemoProduct[] {
  const products: DemoProduct[] = []
  let index = 0
  for (const colour of Object.keys(COLOUR_NAMES)) {
    for (const length of [90, 120, 150, 180]) {
      products.push(
        simpleProduct(reference, {
          sku: `LAC-${colour.toUpperCase()}-${length}`,
          fr: `Lacets cirés ${COLOUR_NAMES[colour][0]} ${length} cm`,
          en: `Waxed laces ${COLOUR_NAMES[colour][1]} ${length} cm`,
          price: 450 + length * 2,
          category: 'laces',
          brand: 'comptoir-atelier',
          set: 'accessories',
          material: 'cotton',
          colour,
          netQuantity: [2000, 'piece'],
          index: index++,
          image: { kind: 'laces', colour },
        })
      )
    }
  }
  for (const [material, fr, en] of [
    ['cork', 'Semelles en liège', 'Cork insoles'],
    ['wool', 'Semelles en laine', 'Wool insoles'],
    ['leather', 'Semelles en cuir', 'Leather insoles'],
  ] as const) {
    products.push({
      image: { kind: 'insole', colour: material },
      input: base(reference, {
        type: 'configurable',
        attributeSetId: reference.sets.get('accessories')!.id,
        translations: [
          { locale: 'fr', name: fr, shortDescription: `${fr} à glisser dans vos sabots.` },
          { locale: 'en', name: en, shortDescription: `${en} to slip into your clogs.` },
        ],
        categoryIds: [reference.categories.get('insoles')!.id],
        attributeValues: [attributeValue(reference, 'material', material)],
        variants: SIZES.map((size) => ({
          sku: `SEM-${material.toUpperCase()}-${size}`,
          priceAmount: 1500,
          options: [option(reference, 'size', size)],
          stock: stock(reference, index++),
        })),
      }),
    })
  }
  for (const colour of Object.keys(COLOUR_NAMES)) {
    products.push(
      simpleProduct(reference, {
        sku: `CHA-${colour.toUpperCase()}`,
        fr: `Chaussettes en laine ${COLOUR_NAMES[colour][0]}`,
        en: `Wool socks ${COLOUR_NAMES[colour][1]}`,
        price: 1400,
        category: 'socks',
        brand: 'comptoir-atelier',
        set: 'accessories',
        material: 'wool',
        colour,
        index: index++,
        image: { kind: 'sock', colour },
      })
    )
  }
  for (const [scent, fr, en] of [
    ['nature', 'naturelle', 'natural'],
    ['lavande', 'à la lavande', 'lavender'],
    ['cedre', 'au cèdre', 'cedar'],
    ['pin', 'au pin', 'pine'],
    ['miel', 'au miel', 'honey'],
  ] as const) {
    for (const grams of [100, 250, 500]) {
      products.push(
        simpleProduct(reference, {
          sku: `CIRE-${scent.toUpperCase()}-${grams}`,
          fr: `Cire d'abeille ${fr} ${grams} g`,
          en: `Beeswax ${en} ${grams} g`,
          price: 390 + grams * 3,
          category: 'waxes',
          brand: 'cirerie-lafont',
          set: 'care',
          material: 'beeswax',
          netQuantity: [grams, 'kg'],
          index: index++,
          image: { kind: 'tin', colour: 'wax' },
        })
      )
    }
  }
  for (const colour of ['black', 'brown', 'natural', 'red']) {
    for (const millilitres of [100, 330]) {
      products.push(
        simpleProduct(reference, {
          sku: `BAUME-${colour.toUpperCase()}-${millilitres}`,
          fr: `Baume nourrissant ${COLOUR_NAMES[colour][0]} ${millilitres} ml`,
          en: `Nourishing balm ${COLOUR_NAMES[colour][1]} ${millilitres} ml`,
          price: 690 + millilitres * 2,
          category: 'waxes',
          brand: 'cirerie-lafont',
          set: 'care',
          colour,
          netQuantity: [millilitres, 'l'],
          index: index++,
          image: { kind: 'jar', colour },
        })
      )
    }
  }
  for (const [code, fr, en, price] of [
    ['CRIN', 'Brosse à lustrer en crin de cheval', 'Horsehair polishing brush', 1900],
    ['DAIM', 'Brosse à daim', 'Suede brush', 1200],
    ['APP', "Brosse d'application", 'Applicator brush', 800],
    ['DUO', 'Duo de brosses', 'Brush duo', 2500],
    ['VOY', 'Brosse de voyage', 'Travel brush', 950],
    ['BOIS', 'Brosse à sabots en bois', 'Wooden clog brush', 1100],
  ] as const) {
    products.push(
      simpleProduct(reference, {
        sku: `BRO-${code}`,
        fr,
        en,
        price,
        category: 'brushes',
        brand: 'cirerie-lafont',
        set: 'care',
        material: 'horsehair',
        index: index++,
        image: { kind: 'brush', colour: 'brush' },
      })
    )
  }
  return products
}

export function demoProducts(reference: Reference): DemoProduct[] {
  return [engravedClog(reference), ...footwear(reference), ...accessoriesAndCare(reference)]
}
