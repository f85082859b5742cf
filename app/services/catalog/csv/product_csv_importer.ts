import { parse } from 'csv-parse/sync'
import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import Attribute from '#models/attribute'
import Brand from '#models/brand'
import StockLocation from '#models/stock_location'
import ProductService from '#services/catalog/product_service'
import { Money } from '#domain/money'
import { isQuantityUnit } from '#domain/unit_price'
import { isWithdrawalException } from '#domain/withdrawal_exceptions'
import {
  CSV_COLUMNS,
  VAT_RATES_BY_PERCENT,
  splitList,
  splitPairs,
  type CsvLineError,
  type CsvRow,
} from '#services/catalog/csv/product_csv_format'
import type {
  AttributeValueInput,
  CatalogActor,
  ProductInput,
  VariantInput,
} from '#services/catalog/product_input'

export interface ImportGroup {
  handle: string
  lines: number[]
  productId: number | null
  input: ProductInput
}

export interface ImportPlan {
  groups: ImportGroup[]
  errors: CsvLineError[]
}

export type ImportMode = 'all_or_nothing' | 'valid_only'

const BOOLEAN = new Set(['0', '1'])

/**
 * Longest text each column may hold, as the database (MySQL in strict mode)
 * and the product form allow.
 */
const MAX_LENGTHS: Partial<Record<keyof CsvRow, number>> = {
  handle: 180,
  name_fr: 200,
  name_en: 200,
  slug_fr: 180,
  slug_en: 180,
  short_description_fr: 500,
  short_description_en: 500,
  description_fr: 20_000,
  description_en: 20_000,
  seo_title_fr: 200,
  seo_title_en: 200,
  seo_description_fr: 320,
  seo_description_en: 320,
}

/**
 * At most this many problems are kept: past it the file is not worth reading
 * line by line.
 */
const MAX_ERRORS = 200

/**
 * Reads a catalog CSV into products, checking every line before anything is
 * written: unknown categories, brands, attributes, options or locations,
 * malformed prices and numbers, missing names, and SKUs used twice or already
 * taken by another product are reported with their line numbers.
 */
@inject()
export default class ProductCsvImporter {
  constructor(protected products: ProductService) {}

  async plan(csv: string): Promise<ImportPlan> {
    let rows: CsvRow[]
    try {
      rows = parse(csv, { columns: true, skip_empty_lines: true, bom: true, trim: false })
    } catch (error) {
      return {
        groups: [],
        errors: [{ line: 1, code: 'unreadable', params: { reason: (error as Error).message } }],
      }
    }
    const header = rows.length ? Object.keys(rows[0]) : []
    const missing = CSV_COLUMNS.filter((column) => !header.includes(column))
    if (!rows.length || missing.length) {
      return {
        groups: [],
        errors: [{ line: 1, code: 'missing_columns', params: { columns: missing.join(', ') } }],
      }
    }

    const reference = await this.reference()
    const errors: CsvLineError[] = []
    const groups = new Map<string, ImportGroup>()
    const skuLines = new Map<string, number>()

    for (const [index, row] of rows.entries()) {
      const line = index + 2
      const fail = (code: string, params?: CsvLineError['params']) =>
        errors.push({ line, code, params })
      if (errors.length >= MAX_ERRORS) {
        fail('too_many_errors', { max: MAX_ERRORS })
        break
      }
      for (const [column, max] of Object.entries(MAX_LENGTHS)) {
        if ((row[column as keyof CsvRow] ?? '').length > max) fail('too_long', { column, max })
      }
      const handle = row.handle.trim()
      if (!handle) {
        fail('missing_handle')
        continue
      }

      let group = groups.get(handle)
      if (!group) {
        const input = this.productInput(row, reference, fail)
        group = {
          handle,
          lines: [],
          productId: reference.productByHandle.get(handle) ?? null,
          input,
        }
        groups.set(handle, group)
      }
      group.lines.push(line)

      const variant = this.variantInput(row, reference, fail)
      if (variant) {
        const previous = skuLines.get(variant.sku)
        const owner = reference.productBySku.get(variant.sku)
        if (previous) fail('duplicate_sku', { sku: variant.sku, line: previous })
        else if (owner !== undefined && owner !== group.productId)
          fail('sku_taken', { sku: variant.sku })
        skuLines.set(variant.sku, line)
        group.input.variants.push(variant)
      }
    }
    return { groups: [...groups.values()], errors }
  }

  /**
   * Writes the planned products, one transaction per product. In
   * "all_or_nothing" mode the caller applies only a plan without errors; in
   * "valid_only" mode products with an erroneous line are left out.
   */
  async apply(
    plan: ImportPlan,
    mode: ImportMode,
    actor: CatalogActor,
    onProgress: (done: { processed: number; created: number; updated: number }) => Promise<void>
  ) {
    const badLines = new Set(plan.errors.map((error) => error.line))
    const groups = plan.groups.filter(
      (group) => mode === 'all_or_nothing' || !group.lines.some((line) => badLines.has(line))
    )
    const done = { processed: 0, created: 0, updated: 0 }
    for (const group of groups) {
      if (group.productId) {
        await this.products.update(group.productId, group.input, actor)
        done.updated++
      } else {
        await this.products.create(group.input, actor)
        done.created++
      }
      done.processed++
      await onProgress(done)
    }
    return done
  }

  private async reference() {
    const [categories, brands, attributes, locations, handles, skus] = await Promise.all([
      db.from('category_translations').where('locale', 'fr').select('category_id', 'slug'),
      Brand.all(),
      Attribute.query().preload('options'),
      StockLocation.all(),
      db.from('product_translations').where('locale', 'fr').select('product_id', 'slug'),
      db.from('variants').select('product_id', 'sku'),
    ])
    return {
      categoryBySlug: new Map(
        categories.map((row) => [row.slug as string, Number(row.category_id)])
      ),
      brandBySlug: new Map(brands.map((brand) => [brand.slug, brand.id])),
      attributeByCode: new Map(attributes.map((attribute) => [attribute.code, attribute])),
      locationByCode: new Map(locations.map((location) => [location.code, location.id])),
      productByHandle: new Map(handles.map((row) => [row.slug as string, Number(row.product_id)])),
      productBySku: new Map(skus.map((row) => [row.sku as string, Number(row.product_id)])),
    }
  }

  private productInput(
    row: CsvRow,
    reference: Awaited<ReturnType<ProductCsvImporter['reference']>>,
    fail: (code: string, params?: CsvLineError['params']) => void
  ): ProductInput {
    const type = row.type === 'configurable' ? 'configurable' : 'simple'
    if (row.type !== 'simple' && row.type !== 'configurable')
      fail('invalid_type', { value: row.type })
    if (!row.name_fr.trim()) fail('missing_name')

    const vatRate = VAT_RATES_BY_PERCENT[row.vat_rate.trim()]
    if (!vatRate) fail('invalid_vat_rate', { value: row.vat_rate })

    const brandId = row.brand.trim() ? (reference.brandBySlug.get(row.brand.trim()) ?? null) : null
    if (row.brand.trim() && brandId === null) fail('unknown_brand', { value: row.brand })

    const weight = row.weight_grams.trim() ? Number(row.weight_grams) : null
    if (weight !== null && !(Number.isInteger(weight) && weight >= 0)) {
      fail('invalid_number', { column: 'weight_grams', value: row.weight_grams })
    }

    const netQuantity = row.net_quantity.trim() ? Math.round(Number(row.net_quantity) * 1000) : null
    if (netQuantity !== null && !(Number.isFinite(netQuantity) && netQuantity > 0)) {
      fail('invalid_number', { column: 'net_quantity', value: row.net_quantity })
    }
    const unit = row.net_quantity_unit.trim() || null
    if (unit !== null && !isQuantityUnit(unit)) fail('invalid_unit', { value: unit })

    const exception = row.withdrawal_exception.trim() || 'none'
    if (!isWithdrawalException(exception))
      fail('invalid_withdrawal_exception', { value: exception })

    for (const column of ['enabled', 'visible', 'featured'] as const) {
      if (!BOOLEAN.has(row[column].trim())) fail('invalid_boolean', { column, value: row[column] })
    }

    const categoryIds: number[] = []
    for (const slug of splitList(row.categories)) {
      const id = reference.categoryBySlug.get(slug)
      if (id === undefined) fail('unknown_category', { value: slug })
      else categoryIds.push(id)
    }

    return {
      type,
      brandId,
      attributeSetId: null,
      vatRate: (vatRate ?? 2000) as ProductInput['vatRate'],
      weightGrams: weight,
      netQuantity,
      netQuantityUnit: unit && isQuantityUnit(unit) ? unit : null,
      withdrawalException: isWithdrawalException(exception) ? exception : 'none',
      enabled: row.enabled.trim() === '1',
      visible: row.visible.trim() === '1',
      featured: row.featured.trim() === '1',
      translations: (['fr', 'en'] as const).flatMap((locale) =>
        row[`name_${locale}`].trim()
          ? [
              {
                locale,
                name: row[`name_${locale}`].trim(),
                slug: row[`slug_${locale}`].trim() || null,
                shortDescription: row[`short_description_${locale}`] || null,
                description: row[`description_${locale}`] || null,
                seoTitle: row[`seo_title_${locale}`] || null,
                seoDescription: row[`seo_description_${locale}`] || null,
              },
            ]
          : []
      ),
      categoryIds,
      attributeValues: this.attributeValues(row.attributes, reference, fail),
      variants: [],
    }
  }

  private attributeValues(
    value: string,
    reference: Awaited<ReturnType<ProductCsvImporter['reference']>>,
    fail: (code: string, params?: CsvLineError['params']) => void
  ): AttributeValueInput[] {
    const pairs = splitPairs(value)
    if (pairs === null) {
      fail('invalid_pairs', { column: 'attributes', value })
      return []
    }
    const values = new Map<number, AttributeValueInput>()
    for (const [code, raw] of pairs) {
      const attribute = reference.attributeByCode.get(code)
      if (!attribute || attribute.variantOption) {
        fail('unknown_attribute', { value: code })
        continue
      }
      const entry = values.get(attribute.id) ?? { attributeId: attribute.id }
      if (attribute.type === 'select' || attribute.type === 'multiselect') {
        const option = attribute.options.find((candidate) => candidate.code === raw)
        if (!option) fail('unknown_option', { attribute: code, value: raw })
        else entry.optionIds = [...(entry.optionIds ?? []), option.id]
      } else if (attribute.type === 'number') {
        const number = Number(raw)
        if (!raw || !Number.isFinite(number)) fail('invalid_number', { column: code, value: raw })
        else entry.number = number
      } else if (attribute.type === 'boolean') {
        if (!BOOLEAN.has(raw)) fail('invalid_boolean', { column: code, value: raw })
        else entry.boolean = raw === '1'
      } else {
        entry.text = raw
      }
      values.set(attribute.id, entry)
    }
    return [...values.values()]
  }

  private variantInput(
    row: CsvRow,
    reference: Awaited<ReturnType<ProductCsvImporter['reference']>>,
    fail: (code: string, params?: CsvLineError['params']) => void
  ): VariantInput | null {
    const sku = row.sku.trim().toUpperCase()
    if (!/^[A-Z0-9][A-Z0-9._-]{0,63}$/.test(sku)) {
      fail('invalid_sku', { value: row.sku })
      return null
    }
    const price = Money.parse(row.price.trim(), 'EUR')
    if (!price || price.amount < 0) fail('invalid_price', { value: row.price })

    const exception = row.variant_withdrawal_exception.trim() || null
    if (exception !== null && !isWithdrawalException(exception)) {
      fail('invalid_withdrawal_exception', { value: exception })
    }

    const options: VariantInput['options'] = []
    for (const [code, optionCode] of splitPairs(row.options) ?? []) {
      const attribute = reference.attributeByCode.get(code)
      const option = attribute?.options.find((candidate) => candidate.code === optionCode)
      if (!attribute?.variantOption || !option)
        fail('unknown_option', { attribute: code, value: optionCode })
      else options.push({ attributeId: attribute.id, optionId: option.id })
    }
    if (splitPairs(row.options) === null)
      fail('invalid_pairs', { column: 'options', value: row.options })

    const stock: NonNullable<VariantInput['stock']> = []
    for (const [code, levels] of splitPairs(row.stock) ?? []) {
      const locationId = reference.locationByCode.get(code)
      const match = /^(\d+)(?::(\d+))?$/.exec(levels)
      if (locationId === undefined) fail('unknown_location', { value: code })
      else if (!match) fail('invalid_stock', { value: levels })
      else
        stock.push({
          stockLocationId: locationId,
          quantity: Number(match[1]),
          safetyThreshold: Number(match[2] ?? 0),
        })
    }
    if (splitPairs(row.stock) === null) fail('invalid_pairs', { column: 'stock', value: row.stock })

    return {
      sku,
      priceAmount: price?.amount ?? 0,
      withdrawalException: exception && isWithdrawalException(exception) ? exception : null,
      options,
      stock,
    }
  }
}
