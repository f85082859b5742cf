import type { SchemaRules } from '@adonisjs/lucid/types/schema_generator'

const columns = '#support/lucid_columns'

/**
 * A JSON column typed with a type exported by `source`.
 */
function json(tsType: string, source: string) {
  return {
    tsType,
    decorators: [{ name: '@jsonColumn' }],
    imports: [
      { source: columns, namedImports: ['jsonColumn'] },
      { source, typeImports: [tsType] },
    ],
  }
}

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
    carts: {
      columns: {
        checkout: json('CheckoutState', '#services/checkout/checkout_state'),
      },
    },
    payments: {
      columns: { instructions: json('PaymentInstructions', '#services/orders/order_record') },
    },
    invoices: {
      columns: { snapshot: json('InvoiceRecord', '#domain/invoices') },
    },
    refunds: {
      columns: { request: json('CreditRequest', '#domain/invoices') },
    },
    contract_archives: {
      columns: { content: json('ContractRecord', '#services/privacy/contract_record') },
    },
    orders: {
      columns: {
        pickup_point: json('PickupPointRecord', '#services/orders/order_record'),
        shipping_address: json('Address', '@comptoir/contracts/commerce'),
        billing_address: json('Address', '@comptoir/contracts/commerce'),
        snapshot: json('OrderRecord', '#services/orders/order_record'),
      },
    },
    plugins: {
      columns: {
        settings: {
          tsType: 'Record<string, unknown>',
          decorators: [{ name: '@jsonColumn' }],
          imports: [{ source: columns, namedImports: ['jsonColumn'] }],
        },
      },
    },
    integrity_baselines: {
      columns: { files: json('FileManifest', '#domain/file_integrity') },
    },
    integrity_checks: {
      columns: {
        changes: {
          tsType: 'FileChange[]',
          decorators: [{ name: '@jsonColumn' }],
          imports: [
            { source: columns, namedImports: ['jsonColumn'] },
            { source: '#domain/file_integrity', typeImports: ['FileChange'] },
          ],
        },
        unbaselined: {
          tsType: 'string[]',
          decorators: [{ name: '@jsonColumn' }],
          imports: [{ source: columns, namedImports: ['jsonColumn'] }],
        },
      },
    },
    catalog_imports: {
      columns: {
        errors: {
          tsType: 'CsvLineError[]',
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
