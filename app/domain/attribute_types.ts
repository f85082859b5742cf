/**
 * The kinds of value an attribute holds. Select and multi-select values are
 * options, which is what facets filter on.
 */
export const ATTRIBUTE_TYPES = ['select', 'multiselect', 'number', 'boolean', 'text'] as const
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number]

export function hasOptions(type: AttributeType): boolean {
  return type === 'select' || type === 'multiselect'
}
