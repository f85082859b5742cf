import type { I18n } from '@adonisjs/i18n'
import type { MessagesProviderContact } from '@vinejs/vine/types'

const SHARED = 'validator.shared'

/**
 * Validation messages looked up in several translation prefixes, the first
 * that has one winning, then the shop's shared messages (validator.shared).
 * Under each prefix, `messages.<path>.<rule>`, `messages.<field>.<rule>` and
 * `messages.<rule>`, and `fields.<field>` for the field's name: looking fields
 * up by their own name lets a nested form ("delivery.postalCode") reuse the
 * messages written for the flat one.
 */
export function translatedMessages(i18n: I18n, ...prefixes: string[]): MessagesProviderContact {
  const layers = [...prefixes, SHARED]
  const find = (keys: string[]) => {
    for (const prefix of layers) {
      for (const key of keys) {
        const found = i18n.resolveIdentifier(`${prefix}.${key}`)
        if (found) return found.message
      }
    }
    return null
  }
  const fieldName = (name: string) => {
    const label = find([`fields.${name}`])
    return label === null ? name : i18n.formatRawMessage(label)
  }

  return {
    getMessage(defaultMessage, rule, field, meta) {
      const values: Record<string, unknown> = { ...meta, field: fieldName(String(field.name)) }
      const message = find([
        `messages.${field.wildCardPath}.${rule}`,
        `messages.${field.name}.${rule}`,
        `messages.${rule}`,
      ])
      if (message !== null) return i18n.formatRawMessage(message, values)
      return defaultMessage.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => String(values[key] ?? ''))
    },
  }
}
