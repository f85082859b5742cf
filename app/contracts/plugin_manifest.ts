import vine from '@vinejs/vine'
import type { Infer, SchemaTypes } from '@vinejs/vine/types'
import type { Logger } from '@adonisjs/core/logger'
import type { Locale, OrderSnapshot } from './commerce.js'
import type { MaintenanceHook } from './maintenance_hook.js'
import type { PaymentProvider } from './payment_provider.js'
import type { ShippingMethod } from './shipping_method.js'
import type { SsoProvider } from './sso_provider.js'
import type { SlotRenderer, ViewSlots } from './view_slots.js'

export type Labels = Record<Locale, string>

/**
 * One setting of a plugin: how the admin shows it (`kind`, labels) and how it
 * is validated (`schema`, a VineJS schema). Secrets are encrypted at rest with
 * the app key and never shown back in clear.
 */
export interface SettingField<Schema extends SchemaTypes = SchemaTypes> {
  readonly kind: 'text' | 'secret' | 'number' | 'boolean' | 'select' | 'list'
  readonly label: Labels
  readonly hint?: Labels
  readonly options?: readonly { value: string; label: Labels }[]
  readonly schema: Schema
}

interface FieldOptions {
  label: Labels
  hint?: Labels
}

/**
 * Builders for setting fields. Each takes an optional VineJS schema to narrow
 * validation (`vine.string().regex(...)`); required fields reject empty input.
 */
export const setting = {
  text<Schema extends SchemaTypes = ReturnType<typeof vine.string>>(
    options: FieldOptions & { schema?: Schema }
  ) {
    return field('text', options, options.schema ?? vine.string().trim().maxLength(500))
  },
  optionalText(options: FieldOptions & { maxLength?: number }) {
    return field(
      'text',
      options,
      vine
        .string()
        .trim()
        .maxLength(options.maxLength ?? 500)
        .optional()
    )
  },
  secret(options: FieldOptions) {
    return field('secret', options, vine.string().trim().maxLength(2000))
  },
  number(options: FieldOptions & { min: number; max: number }) {
    return field(
      'number',
      options,
      vine.number().withoutDecimals().range([options.min, options.max])
    )
  },
  /** A whole number that may be left empty: the plugin applies its default. */
  optionalNumber(options: FieldOptions & { min: number; max: number }) {
    return field(
      'number',
      options,
      vine.number().withoutDecimals().range([options.min, options.max]).optional()
    )
  },
  boolean(options: FieldOptions) {
    // An unticked checkbox sends nothing: absent means false.
    return field(
      'boolean',
      options,
      vine
        .boolean()
        .optional()
        .transform((value) => value ?? false)
    )
  },
  select<const Values extends readonly string[]>(
    options: FieldOptions & {
      options: { [K in keyof Values]: { value: Values[K]; label: Labels } }
    }
  ) {
    const values = options.options.map((option) => option.value) as unknown as Values
    return { ...field('select', options, vine.enum(values)), options: options.options }
  },
  /** Several short values, one per line in the admin. */
  list(options: FieldOptions & { item?: ReturnType<typeof vine.string> }) {
    return field(
      'list',
      options,
      vine.array(options.item ?? vine.string().trim().minLength(1).maxLength(200)).maxLength(500)
    )
  },
}

function field<Schema extends SchemaTypes>(
  kind: SettingField['kind'],
  options: FieldOptions,
  schema: Schema
): SettingField<Schema> {
  return { kind, label: options.label, hint: options.hint, schema }
}

export type SettingFields = Record<string, SettingField>

/** The validated settings a plugin receives, typed from its fields. */
export type SettingsOf<Fields extends SettingFields> = {
  [Key in keyof Fields]: Infer<Fields[Key]['schema']>
}

/**
 * The events the core emits and plugins may listen to.
 */
export interface CoreEvents {
  'order:placed': { order: OrderSnapshot }
  'order:paid': { order: OrderSnapshot }
  'order:cancelled': { order: OrderSnapshot; reason: string }
  'order:shipped': { order: OrderSnapshot; trackingUrl: string | null }
  'withdrawal:requested': { order: OrderSnapshot; lineIds: number[] }
  /** After a stock change is committed (a restock, a sale, a count). */
  'stock:changed': {
    variantId: number
    placeId: number
    quantityBefore: number
    quantityAfter: number
  }
}

/**
 * What a plugin's code receives from the kernel.
 */
export interface PluginContext<Settings> {
  /** The plugin's package name. */
  readonly name: string
  readonly settings: Settings
  readonly logger: Logger
}

/**
 * The extension points a plugin fills. Each provider's `code` must be unique
 * across plugins.
 */
export interface PluginProvides {
  payment?: PaymentProvider[]
  shipping?: ShippingMethod[]
  sso?: SsoProvider[]
  maintenance?: MaintenanceHook[]
}

/**
 * Lifecycle hooks, each run inside the step that calls it: when a hook throws,
 * the step is undone (migrations rolled back) and the plugin state is left as
 * it was.
 */
export interface PluginHooks<Settings> {
  /** After the plugin's migrations ran, before it is recorded installed. */
  install?(context: PluginContext<Settings | null>): Promise<void>
  /** After the new version's migrations ran. */
  upgrade?(
    context: PluginContext<Settings | null>,
    versions: { from: string; to: string }
  ): Promise<void>
  /** Before its migrations are rolled back (or kept, with `keepData`). */
  uninstall?(context: PluginContext<Settings | null>, options: { keepData: boolean }): Promise<void>
  /**
   * Fills the plugin's own tables with demo data when `npm run demo` seeds the
   * demo shop; runs on every seed, so it must add nothing the second time.
   */
  seedDemo?(context: PluginContext<Settings>): Promise<void>
}

/**
 * Where a plugin adds pages. Handlers are lazily imported controllers of the
 * plugin (`[() => import('./src/controllers/rates_controller.js'), 'index']`).
 * Routes are registered at boot for every compatible plugin folder and answer
 * 404 while the plugin is not enabled.
 */
export interface PluginRoutes {
  /**
   * Storefront pages under `/plugins/<name>/` (and `/en/plugins/<name>/`).
   * `/plugins/<name>/assets/` is the core's: it serves the plugin's logos.
   */
  storefront(define: () => void): void
  /**
   * Back-office pages under `/admin/plugins/<name>/`, for staff who manage
   * plugins. The group's root and `/settings`, `/enable`, `/disable` are the
   * core's plugin page: put pages in sub-paths (`/rates`) and list them in
   * `adminPages`.
   */
  admin(define: () => void): void
}

/**
 * The behaviour of a plugin, the default export of its `plugin.ts`. Its name,
 * version, label and compatible core range live in its `package.json`
 * (`"comptoir": { "core": "^0.1.0", "label": { "fr": …, "en": … } }`) so the
 * kernel can check them without running plugin code.
 */
export interface PluginDefinition<Fields extends SettingFields = SettingFields> {
  /** Settings the merchant fills in the admin; validated before enabling. */
  settings?: Fields
  /**
   * Builds the plugin's providers from its current settings. It may read the
   * plugin's own tables (SSO providers configured in its admin pages): the
   * kernel calls it again whenever it reloads plugin state (every few
   * seconds), so keep it to a quick read.
   */
  provides?(context: PluginContext<SettingsOf<Fields>>): PluginProvides | Promise<PluginProvides>
  hooks?: PluginHooks<SettingsOf<Fields>>
  /** Links to its back-office pages, shown on its page in the admin ("/rates"). */
  adminPages?: { path: string; label: Labels }[]
  /** Declares routes with `@adonisjs/core/services/router` inside the given groups. */
  routes?(routes: PluginRoutes): void
  /** Partials rendered in the core's named view slots. */
  slots?: {
    [Slot in keyof ViewSlots]?: SlotRenderer<ViewSlots[Slot], PluginContext<SettingsOf<Fields>>>
  }
  /** Listeners of core events; one that throws is logged, never breaks the caller. */
  listeners?: {
    [Event in keyof CoreEvents]?: (
      payload: CoreEvents[Event],
      context: PluginContext<SettingsOf<Fields>>
    ) => Promise<void>
  }
}

/** Declares a plugin, typing its settings for its providers and hooks. */
export function definePlugin<Fields extends SettingFields = {}>(
  definition: PluginDefinition<Fields>
): PluginDefinition<Fields> {
  return definition
}
