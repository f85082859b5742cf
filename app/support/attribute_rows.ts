import type { I18n } from '@adonisjs/i18n'
import type ProductAttributeValue from '#models/product_attribute_value'

/**
 * A product's characteristics as label/value rows in the shopper's language;
 * the options of a multi-select attribute are joined on one row.
 */
export function attributeRows(values: ProductAttributeValue[], i18n: I18n) {
  const rows = new Map<number, { label: string; values: string[] }>()
  for (const value of values) {
    const row = rows.get(value.attributeId) ?? {
      label: value.attribute.labels[i18n.locale] ?? value.attribute.code,
      values: [],
    }
    row.values.push(valueText(value, i18n))
    rows.set(value.attributeId, row)
  }
  return [...rows.values()].map((row) => ({ label: row.label, value: row.values.join(', ') }))
}

function valueText(value: ProductAttributeValue, i18n: I18n): string {
  if (value.option) return value.option.labels[i18n.locale] ?? value.option.code
  if (value.numberValue !== null) {
    const number = i18n.formatNumber(value.numberValue)
    return value.attribute.unit ? `${number} ${value.attribute.unit}` : number
  }
  if (value.booleanValue !== null) return i18n.t(value.booleanValue ? 'catalog.yes' : 'catalog.no')
  return value.textValue ?? ''
}
