import { column } from '@adonisjs/lucid/orm'

/**
 * Column decorators for types that SQLite and MySQL store differently than
 * they mean. database/schema_rules.ts applies them to the generated schema.
 */

/**
 * Booleans come back as 0/1 from both databases.
 */
export const booleanColumn = () =>
  column({ consume: (value: unknown) => (value === null ? null : Boolean(value)) })

/**
 * JSON kept in a text column (MariaDB's JSON type is text too), parsed on read.
 */
export const jsonColumn = () =>
  column({
    prepare: (value: unknown) =>
      value === null || value === undefined ? null : JSON.stringify(value),
    consume: (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value),
  })

/**
 * Text translated per locale: { fr: 'Pointure', en: 'Size' }.
 */
export type LocalizedText = Partial<Record<string, string>>
