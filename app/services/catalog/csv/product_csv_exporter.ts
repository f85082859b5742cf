import { stringify } from 'csv-stringify'
import type { Readable } from 'node:stream'
import Attribute from '#models/attribute'
import Product from '#models/product'
import StockLocation from '#models/stock_location'
import {
  CSV_COLUMNS,
  formatPrice,
  formatThousandths,
  formatVatPercent,
  joinPairs,
  type CsvRow,
} from '#services/catalog/csv/product_csv_format'

const BATCH = 200

/**
 * Writes the whole catalog as CSV, a batch of products at a time, so a large
 * catalog streams out without being held in memory.
 */
export default class ProductCsvExporter {
  stream(): Readable {
    const output = stringify({ header: true, columns: [...CSV_COLUMNS] })
    this.write(output).catch((error) => output.destroy(error))
    return output
  }

  private async write(output: ReturnType<typeof stringify>) {
    const [attributes, locations] = await Promise.all([
      Attribute.query().preload('options'),
      StockLocation.all(),
    ])
    const attributeCode = new Map(attributes.map((attribute) => [attribute.id, attribute.code]))
    const optionCode = new Map(
      attributes.flatMap((attribute) => attribute.options.map((option) => [option.id, option.code]))
    )
    const locationCode = new Map(locations.map((location) => [location.id, location.code]))

    let lastId = 0
    for (;;) {
      const products = await Product.query()
        .where('id', '>', lastId)
        .orderBy('id')
        .limit(BATCH)
        .preload('translations')
        .preload('brand')
        .preload('categories', (query) =>
          query.preload('translations').withScopes((scopes) => scopes.mostSpecificFirst())
        )
        .preload('attributeValues', (query) => query.orderBy('id'))
        .preload('variants', (query) =>
          query.orderBy('position').preload('optionValues').preload('stockLevels')
        )
      if (!products.length) break
      for (const product of products) {
        for (const row of this.rows(product, { attributeCode, optionCode, locationCode })) {
          if (!output.write(row)) await new Promise((resolve) => output.once('drain', resolve))
        }
      }
      lastId = products[products.length - 1].id
    }
    output.end()
  }

  private rows(
    product: Product,
    codes: {
      attributeCode: Map<number, string>
      optionCode: Map<number, string>
      locationCode: Map<number, string>
    }
  ): CsvRow[] {
    const fr = product.translation('fr')
    const en = product.translation('en')
    const attributes = joinPairs(
      product.attributeValues.map((value) => [
        codes.attributeCode.get(value.attributeId)!,
        value.attributeOptionId !== null
          ? codes.optionCode.get(value.attributeOptionId)!
          : value.numberValue !== null
            ? String(value.numberValue)
            : value.booleanValue !== null
              ? value.booleanValue
                ? '1'
                : '0'
              : (value.textValue ?? ''),
      ])
    )
    const productColumns = {
      handle: fr?.slug ?? `product-${product.id}`,
      type: product.type,
      name_fr: fr?.name ?? '',
      name_en: en?.name ?? '',
      slug_fr: fr?.slug ?? '',
      slug_en: en?.slug ?? '',
      short_description_fr: fr?.shortDescription ?? '',
      short_description_en: en?.shortDescription ?? '',
      description_fr: fr?.description ?? '',
      description_en: en?.description ?? '',
      seo_title_fr: fr?.seoTitle ?? '',
      seo_title_en: en?.seoTitle ?? '',
      seo_description_fr: fr?.seoDescription ?? '',
      seo_description_en: en?.seoDescription ?? '',
      brand: product.brand?.slug ?? '',
      vat_rate: formatVatPercent(product.vatRate),
      weight_grams: product.weightGrams === null ? '' : String(product.weightGrams),
      net_quantity: formatThousandths(product.netQuantity),
      net_quantity_unit: product.netQuantityUnit ?? '',
      withdrawal_exception: product.withdrawalException,
      enabled: product.enabled ? '1' : '0',
      visible: product.visible ? '1' : '0',
      featured: product.featured ? '1' : '0',
      categories: product.categories
        .map((category) => category.translation('fr')?.slug ?? '')
        .join('|'),
      attributes,
    }
    return product.variants.map((variant) => ({
      ...productColumns,
      sku: variant.sku,
      price: formatPrice(variant.priceAmount, variant.currency),
      variant_withdrawal_exception: variant.withdrawalException ?? '',
      options: joinPairs(
        variant.optionValues.map((value) => [
          codes.attributeCode.get(value.attributeId)!,
          codes.optionCode.get(value.attributeOptionId)!,
        ])
      ),
      stock: variant.stockLevels
        .map(
          (level) =>
            `${codes.locationCode.get(level.stockLocationId)}=${level.quantity}:${level.safetyThreshold}`
        )
        .sort()
        .join('|'),
    }))
  }
}
