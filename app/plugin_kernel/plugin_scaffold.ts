import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import PluginException from '#exceptions/plugin_exception'
import { isPluginName, tablePrefix } from '#plugin_kernel/plugin_package'

/**
 * Writes a new plugin folder: a manifest with one example setting and a flat
 * rate shipping method, its translations, a unit test and a README. The
 * result installs as it is, and shows the house layout to change from.
 */
export async function scaffoldPlugin(root: string, name: string, coreVersion: string) {
  if (!isPluginName(name)) {
    throw PluginException.invalidPackage(
      name,
      'the name must be lower-case letters, digits and dashes'
    )
  }
  const folder = join(root, name)
  if (existsSync(folder)) {
    throw PluginException.versionConflict(name, `plugins/${name} already exists`)
  }
  const [major, minor] = coreVersion.split('.')
  const files = {
    'package.json': `${JSON.stringify(
      {
        name,
        version: '0.1.0',
        private: true,
        type: 'module',
        imports: { '#src/*': './src/*.js' },
        comptoir: { core: `^${major}.${minor}.0`, label: { fr: name, en: name } },
      },
      null,
      2
    )}\n`,
    'plugin.ts': `import vine from '@vinejs/vine'
import { definePlugin, setting } from '@comptoir/contracts/plugin_manifest'
import { FlatRateShipping } from '#src/flat_rate_shipping'

export default definePlugin({
  settings: {
    priceCents: setting.number({
      label: { fr: 'Prix en centimes', en: 'Price in cents' },
      min: 0,
      max: 100_000,
    }),
    label: setting.text({
      label: { fr: 'Nom montré aux clients', en: 'Name shown to shoppers' },
      schema: vine.string().trim().minLength(2).maxLength(80),
    }),
  },
  provides: ({ settings }) => ({
    shipping: [new FlatRateShipping(settings.label, settings.priceCents)],
  }),
})
`,
    'src/flat_rate_shipping.ts': `import type { Address, CartSnapshot } from '@comptoir/contracts/commerce'
import { ShippingMethod } from '@comptoir/contracts/shipping_method'

/** One price for every cart and destination. */
export class FlatRateShipping extends ShippingMethod {
  readonly code = '${name}'

  constructor(
    protected name: string,
    protected priceCents: number
  ) {
    super()
  }

  label() {
    return this.name
  }

  async quote(cart: CartSnapshot, _destination: Address) {
    return { price: { amount: this.priceCents, currency: cart.currency }, delayDays: [2, 4] as const }
  }
}
`,
    'tests/unit/flat_rate_shipping.spec.ts': `import { test } from '@japa/runner'
import { FlatRateShipping } from '#src/flat_rate_shipping'

test.group('${name}: flat rate', () => {
  test('quotes its price in the cart currency', async ({ assert }) => {
    const method = new FlatRateShipping('Coursier', 750)
    const cart = { currency: 'EUR', locale: 'fr' as const, lines: [], subtotal: { amount: 0, currency: 'EUR' } }
    const quote = await method.quote(cart, { countryCode: 'FR', postalCode: '69001', city: 'Lyon', lines: [] })
    assert.deepEqual(quote?.price, { amount: 750, currency: 'EUR' })
  })
})
`,
    [`resources/lang/fr/${name}.json`]: '{}\n',
    [`resources/lang/en/${name}.json`]: '{}\n',
    'README.md': `# ${name}

What this plugin does, for merchants and agencies.

## Settings

- **Prix en centimes**: the shipping price, tax included.
- **Nom montré aux clients**: the method's name at checkout.

## Tables

Own tables only, prefixed \`${tablePrefix(name)}\`, created by \`database/migrations/\`.

## Tests

\`npm test\` runs \`tests/\` with the shop's suites.
`,
  }
  for (const [file, content] of Object.entries(files)) {
    await mkdir(dirname(join(folder, file)), { recursive: true })
    await writeFile(join(folder, file), content)
  }
  return { folder, files: Object.keys(files) }
}
