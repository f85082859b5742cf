import type { Infer } from '@vinejs/vine/types'
import db from '@adonisjs/lucid/services/db'
import Attribute from '#models/attribute'
import AttributeSet from '#models/attribute_set'
import Brand from '#models/brand'
import Category from '#models/category'
import type Product from '#models/product'
import StockLocation from '#models/stock_location'
import { Money } from '#domain/money'
import { variantMatrix } from '#domain/variant_matrix'
import { categoryTree } from '#domain/category_tree'
import type { productFormValidator } from '#validators/product_form'
import type { ProductInput } from '#services/catalog/product_input'

export type ProductFormValues = Infer<typeof productFormValidator>
export type ProductFormChoices = Awaited<ReturnType<ProductForm['choices']>>

/**
 * The product form as the template shows it: every value a string (or list),
 * whether it comes from a saved product, from the merchant's last submission
 * or from the variants generator. Characteristics, variant options and stock
 * are keyed by attribute and location codes, never ids: the query-string parser
 * would turn numeric keys into arrays.
 */
export interface ProductFormData {
  type: string
  brand_id: string
  attribute_set_id: string
  vat_rate: string
  weight_grams: string
  net_quantity: string
  net_quantity_unit: string
  withdrawal_exception: string
  enabled: boolean
  visible: boolean
  featured: boolean
  translations: Record<'fr' | 'en', Record<string, string>>
  categories: string[]
  /** Related products by the SKU of any of their variants, comma-separated. */
  related: string
  attributes: Record<string, string | string[]>
  variants: {
    sku: string
    price: string
    withdrawal_exception: string
    options: Record<string, string>
    stock: Record<string, { quantity: string; threshold: string; counted_from: string }>
  }[]
}

const TEXT_FIELDS = [
  'name',
  'slug',
  'short_description',
  'description',
  'seo_title',
  'seo_description',
]

function decimal(thousandths: number | null): string {
  return thousandths === null ? '' : String(thousandths / 1000).replace('.', ',')
}

/**
 * Moves product data between the database shape (ProductInput, Product) and
 * the back-office form, and generates variant rows.
 */
export default class ProductForm {
  /**
   * What the form's selects and checkboxes offer.
   */
  async choices(locale: string) {
    const [brands, categories, attributes, locations, attributeSets] = await Promise.all([
      Brand.query().orderBy('name'),
      Category.query().preload('translations', (query) => query.where('locale', locale)),
      Attribute.query()
        .preload('options', (query) => query.orderBy('position'))
        .orderBy('position'),
      StockLocation.query().orderBy('position'),
      AttributeSet.query().preload('attributes').orderBy('code'),
    ])
    return {
      brands,
      attributeSets,
      categories: categoryTree(categories).map((entry) => entry.category),
      variantAttributes: attributes.filter((attribute) => attribute.variantOption),
      productAttributes: attributes.filter((attribute) => !attribute.variantOption),
      locations,
    }
  }

  /**
   * The characteristics a product of the given attribute set is described with:
   * the set's own, or every one when the product has no set.
   */
  characteristicsOf(choices: ProductFormChoices, attributeSetId: string | number | undefined) {
    const set = choices.attributeSets.find(
      (candidate) => String(candidate.id) === String(attributeSetId)
    )
    if (!set) return choices.productAttributes
    return choices.productAttributes.filter((attribute) =>
      set.attributes.some((member) => member.id === attribute.id)
    )
  }

  empty(): ProductFormData {
    return {
      type: 'simple',
      brand_id: '',
      attribute_set_id: '',
      vat_rate: '2000',
      weight_grams: '',
      net_quantity: '',
      net_quantity_unit: '',
      withdrawal_exception: 'none',
      enabled: true,
      visible: true,
      featured: false,
      translations: { fr: {}, en: {} },
      categories: [],
      related: '',
      attributes: {},
      variants: [{ sku: '', price: '', withdrawal_exception: '', options: {}, stock: {} }],
    }
  }

  /**
   * A saved product, loaded with translations, categories, attribute values and
   * variants (with option values and stock levels).
   */
  fromProduct(
    product: Product,
    choices: ProductFormChoices,
    relatedSkus: string[] = []
  ): ProductFormData {
    const attributeCode = new Map(
      [...choices.productAttributes, ...choices.variantAttributes].map((attribute) => [
        attribute.id,
        attribute.code,
      ])
    )
    const locationCode = new Map(choices.locations.map((location) => [location.id, location.code]))
    const translations = { fr: {}, en: {} } as ProductFormData['translations']
    for (const translation of product.translations) {
      if (translation.locale !== 'fr' && translation.locale !== 'en') continue
      translations[translation.locale] = {
        name: translation.name,
        slug: translation.slug,
        short_description: translation.shortDescription ?? '',
        description: translation.description ?? '',
        seo_title: translation.seoTitle ?? '',
        seo_description: translation.seoDescription ?? '',
      }
    }
    const attributes: ProductFormData['attributes'] = {}
    for (const value of product.attributeValues) {
      const key = attributeCode.get(value.attributeId)!
      if (value.attributeOptionId !== null) {
        const current = attributes[key]
        attributes[key] = current
          ? [...(Array.isArray(current) ? current : [current]), String(value.attributeOptionId)]
          : String(value.attributeOptionId)
      } else if (value.numberValue !== null) {
        attributes[key] = String(value.numberValue).replace('.', ',')
      } else if (value.booleanValue !== null) {
        attributes[key] = value.booleanValue ? '1' : ''
      } else {
        attributes[key] = value.textValue ?? ''
      }
    }
    return {
      type: product.type,
      brand_id: product.brandId ? String(product.brandId) : '',
      attribute_set_id: product.attributeSetId ? String(product.attributeSetId) : '',
      vat_rate: String(product.vatRate),
      weight_grams: product.weightGrams === null ? '' : String(product.weightGrams),
      net_quantity: decimal(product.netQuantity),
      net_quantity_unit: product.netQuantityUnit ?? '',
      withdrawal_exception: product.withdrawalException,
      enabled: product.enabled,
      visible: product.visible,
      featured: product.featured,
      translations,
      categories: product.categories.map((category) => String(category.id)),
      related: relatedSkus.join(', '),
      attributes,
      variants: product.variants.map((variant) => ({
        sku: variant.sku,
        price: Money.of(variant.priceAmount, variant.currency).toDecimalString().replace('.', ','),
        withdrawal_exception: variant.withdrawalException ?? '',
        options: Object.fromEntries(
          variant.optionValues.map((value) => [
            attributeCode.get(value.attributeId)!,
            String(value.attributeOptionId),
          ])
        ),
        stock: Object.fromEntries(
          variant.stockLevels.map((level) => [
            locationCode.get(level.stockLocationId)!,
            {
              quantity: String(level.quantity),
              threshold: String(level.safetyThreshold),
              counted_from: String(level.quantity),
            },
          ])
        ),
      })),
    }
  }

  /**
   * The submitted form as it was typed, to show it again (after a validation
   * error or to add generated variants) without losing anything.
   */
  fromSubmission(body: Record<string, any>): ProductFormData {
    const text = (value: unknown) => (value === undefined || value === null ? '' : String(value))
    const base = this.empty()
    const translation = (locale: 'fr' | 'en') =>
      Object.fromEntries(
        TEXT_FIELDS.map((field) => [field, text(body.translations?.[locale]?.[field])])
      )
    return {
      type: text(body.type) || base.type,
      brand_id: text(body.brand_id),
      attribute_set_id: text(body.attribute_set_id),
      vat_rate: text(body.vat_rate) || base.vat_rate,
      weight_grams: text(body.weight_grams),
      net_quantity: text(body.net_quantity),
      net_quantity_unit: text(body.net_quantity_unit),
      withdrawal_exception: text(body.withdrawal_exception) || 'none',
      enabled: !!body.enabled,
      visible: !!body.visible,
      featured: !!body.featured,
      translations: { fr: translation('fr'), en: translation('en') },
      categories: [body.categories ?? []].flat().map(text),
      related: text(body.related),
      attributes: Object.fromEntries(
        Object.entries(body.attributes ?? {}).map(([id, value]) => [
          id,
          Array.isArray(value) ? value.map(text) : text(value),
        ])
      ),
      variants: [body.variants ?? []].flat().map((variant: Record<string, any>) => ({
        sku: text(variant?.sku),
        price: text(variant?.price),
        withdrawal_exception: text(variant?.withdrawal_exception),
        options: Object.fromEntries(
          Object.entries(variant?.options ?? {}).map(([id, value]) => [id, text(value)])
        ),
        stock: Object.fromEntries(
          Object.entries(variant?.stock ?? {}).map(([id, level]: [string, any]) => [
            id,
            {
              quantity: text(level?.quantity),
              threshold: text(level?.threshold),
              counted_from: text(level?.counted_from),
            },
          ])
        ),
      })),
    }
  }

  /**
   * Adds the generated combinations to the form's variants, keeping rows the
   * merchant already has for the same combination.
   */
  generate(
    form: ProductFormData,
    generator: { baseSku: string; price: string; optionIds: Record<string, string[]> },
    attributes: Attribute[]
  ): ProductFormData {
    const axes = attributes.map((attribute) => ({
      attributeId: attribute.id,
      options: attribute.options.filter((option) =>
        [generator.optionIds[attribute.code] ?? []].flat().includes(String(option.id))
      ),
    }))
    const codes = new Map(attributes.map((attribute) => [attribute.id, attribute.code]))
    const signature = (options: Record<string, string>) =>
      Object.entries(options)
        .filter(([, value]) => value)
        .sort()
        .map(([key, value]) => `${key}:${value}`)
        .join('|')
    const existing = new Set(form.variants.map((variant) => signature(variant.options)))
    const generated = variantMatrix(generator.baseSku || 'SKU', axes)
      .map((cell) => ({
        sku: cell.sku,
        price: generator.price,
        withdrawal_exception: '',
        options: Object.fromEntries(
          Object.entries(cell.options).map(([id, optionId]) => [
            codes.get(Number(id))!,
            String(optionId),
          ])
        ),
        stock: {},
      }))
      .filter((variant) => !existing.has(signature(variant.options)))
    const kept = form.variants.filter((variant) => variant.sku || signature(variant.options))
    return { ...form, type: 'configurable', variants: [...kept, ...generated] }
  }

  /**
   * Product ids of the related products typed as SKUs ("SAB-01-BLACK-38,
   * MULE-02-…"), in the order typed, or the SKUs that match no product.
   */
  async resolveRelated(
    value: string | undefined
  ): Promise<{ ids: number[] } | { unknown: string[] }> {
    const skus = [
      ...new Set(
        (value ?? '')
          .split(/[\s,;]+/)
          .map((sku) => sku.trim().toUpperCase())
          .filter(Boolean)
      ),
    ]
    if (!skus.length) return { ids: [] }
    const rows = await db.from('variants').whereIn('sku', skus).select('sku', 'product_id')
    const productBySku = new Map(rows.map((row) => [row.sku as string, Number(row.product_id)]))
    const unknown = skus.filter((sku) => !productBySku.has(sku))
    return unknown.length ? { unknown } : { ids: skus.map((sku) => productBySku.get(sku)!) }
  }

  /**
   * A product's related products as the form shows them: one SKU each.
   */
  async relatedSkus(productId: number): Promise<string[]> {
    const rows = await db
      .from('related_products')
      .where('related_products.product_id', productId)
      .orderBy('related_products.position')
      .select(
        db
          .from('variants')
          .whereColumn('variants.product_id', 'related_products.related_product_id')
          .orderBy('variants.position')
          .limit(1)
          .select('sku')
          .as('sku')
      )
    return rows.map((row) => row.sku as string).filter(Boolean)
  }

  /**
   * The validated form as a ProductInput, reading characteristics by their
   * attribute's type; returns field errors for values that do not fit it.
   */
  toInput(
    values: ProductFormValues,
    choices: ProductFormChoices,
    messages: { number: string; option: string }
  ): { input: ProductInput } | { errors: Record<string, string[]> } {
    const errors: Record<string, string[]> = {}
    const attributeValues: ProductInput['attributeValues'] = []
    for (const attribute of this.characteristicsOf(choices, values.attribute_set_id)) {
      const raw = values.attributes?.[attribute.code]
      if (raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && !raw.length))
        continue
      const field = `attributes.${attribute.code}`
      if (attribute.type === 'select' || attribute.type === 'multiselect') {
        const ids = [raw].flat().map(Number)
        if (!ids.every((id) => attribute.options.some((option) => option.id === id))) {
          errors[field] = [messages.option]
          continue
        }
        attributeValues.push({ attributeId: attribute.id, optionIds: ids })
      } else if (attribute.type === 'number') {
        const number = Number(String(raw).replace(',', '.'))
        if (!Number.isFinite(number)) {
          errors[field] = [messages.number]
          continue
        }
        attributeValues.push({ attributeId: attribute.id, number })
      } else if (attribute.type === 'boolean') {
        attributeValues.push({ attributeId: attribute.id, boolean: raw === '1' || raw === true })
      } else {
        attributeValues.push({ attributeId: attribute.id, text: String(raw) })
      }
    }
    const variantOptions = new Map(
      choices.variantAttributes.map((attribute) => [attribute.code, attribute])
    )
    const locations = new Map(choices.locations.map((location) => [location.code, location]))
    for (const [index, variant] of values.variants.entries()) {
      for (const [code, optionId] of Object.entries(variant.options ?? {})) {
        const attribute = variantOptions.get(code)
        if (optionId && !attribute?.options.some((option) => option.id === optionId)) {
          errors[`variants.${index}.options.${code}`] = [messages.option]
        }
      }
    }
    if (Object.keys(errors).length) return { errors }

    const translation = (locale: 'fr' | 'en') => {
      const fields = values.translations[locale]
      return fields?.name
        ? [
            {
              locale,
              name: fields.name,
              slug: fields.slug ?? null,
              shortDescription: fields.short_description ?? null,
              description: fields.description ?? null,
              seoTitle: fields.seo_title ?? null,
              seoDescription: fields.seo_description ?? null,
            },
          ]
        : []
    }
    const netQuantity = values.net_quantity
      ? Math.round(Number(values.net_quantity.replace(',', '.')) * 1000)
      : null
    return {
      input: {
        type: values.type,
        brandId: values.brand_id ?? null,
        attributeSetId: values.attribute_set_id ?? null,
        vatRate: values.vat_rate as ProductInput['vatRate'],
        weightGrams: values.weight_grams ?? null,
        netQuantity,
        netQuantityUnit: netQuantity ? (values.net_quantity_unit ?? null) : null,
        withdrawalException: values.withdrawal_exception,
        enabled: values.enabled ?? false,
        visible: values.visible ?? false,
        featured: values.featured ?? false,
        translations: [...translation('fr'), ...translation('en')],
        categoryIds: values.categories ?? [],
        attributeValues,
        variants: values.variants.map((variant) => ({
          sku: variant.sku,
          priceAmount: Money.parse(variant.price, 'EUR')!.amount,
          withdrawalException: variant.withdrawal_exception ?? null,
          options: Object.entries(variant.options ?? {}).flatMap(([code, optionId]) =>
            optionId ? [{ attributeId: variantOptions.get(code)!.id, optionId }] : []
          ),
          stock: Object.entries(variant.stock ?? {}).flatMap(([code, level]) =>
            level.quantity === null || level.quantity === undefined || !locations.has(code)
              ? []
              : [
                  {
                    stockLocationId: locations.get(code)!.id,
                    quantity: level.quantity,
                    countedFrom: level.counted_from ?? undefined,
                    safetyThreshold: level.threshold ?? 0,
                  },
                ]
          ),
        })),
      },
    }
  }
}
