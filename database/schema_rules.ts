import type { SchemaRules } from '@adonisjs/lucid/types/schema_generator'

const columns = '#support/lucid_columns'

/**
 * How database columns become model properties in database/schema.ts.
 */
export default {
  types: {
    boolean: {
      tsType: 'boolean',
      decorators: [{ name: '@booleanColumn' }],
      imports: [{ source: columns, namedImports: ['booleanColumn'] }],
    },
  },
  tables: {
    plugins: {
      columns: {
        settings: {
          tsType: 'Record<string, unknown>',
          decorators: [{ name: '@jsonColumn' }],
          imports: [{ source: columns, namedImports: ['jsonColumn'] }],
        },
      },
    },
    catalog_imports: {
      columns: {
        errors: {
          tsType: 'CsvLineError[] | null',
          decorators: [{ name: '@jsonColumn' }],
          imports: [
            { source: columns, namedImports: ['jsonColumn'] },
            { source: '#services/catalog/csv/product_csv_format', typeImports: ['CsvLineError'] },
          ],
        },
      },
    },
  },
  columns: {
    labels: {
      tsType: 'LocalizedText',
      decorators: [{ name: '@jsonColumn' }],
      imports: [{ source: columns, namedImports: ['jsonColumn'], typeImports: ['LocalizedText'] }],
    },
    alt: {
      tsType: 'LocalizedText',
      decorators: [{ name: '@jsonColumn' }],
      imports: [{ source: columns, namedImports: ['jsonColumn'], typeImports: ['LocalizedText'] }],
    },
    derivatives: {
      tsType: 'ImageDerivative[]',
      decorators: [{ name: '@jsonColumn' }],
      imports: [
        { source: columns, namedImports: ['jsonColumn'] },
        { source: '#domain/image_derivatives', typeImports: ['ImageDerivative'] },
      ],
    },
  },
} satisfies SchemaRules
