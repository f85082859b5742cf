import vine, { errors } from '@vinejs/vine'
import type { MessagesProviderContact } from '@vinejs/vine/types'
import encryption from '@adonisjs/core/services/encryption'
import i18nManager from '@adonisjs/i18n/services/main'
import type { Locale } from '@comptoir/contracts/commerce'
import type { SettingFields } from '@comptoir/contracts/plugin_manifest'

export type StoredSettings = Record<string, unknown>

export type SettingsValidation =
  { valid: true; stored: StoredSettings } | { valid: false; errors: Record<string, string[]> }

/** A setting as the admin form shows it; a secret's value never leaves the server. */
export interface SettingsFormField {
  name: string
  kind: SettingFields[string]['kind']
  label: string
  hint?: string
  options?: { value: string; label: string }[]
  value: string | boolean | undefined
  /** For secrets: whether one is stored. */
  isSet: boolean
}

/**
 * Validates, seals and opens plugin settings. Secrets are encrypted with the
 * app key before they reach the database; a secret left empty in the form
 * keeps the stored one.
 */
export default class PluginSettings {
  async validate(
    fields: SettingFields,
    input: Record<string, unknown>,
    stored: StoredSettings | null,
    locale: Locale
  ): Promise<SettingsValidation> {
    const data = this.fromForm(fields, input, stored)
    try {
      const values = await this.validator(fields).validate(data, {
        messagesProvider: this.messages(fields, locale),
      })
      return { valid: true, stored: this.seal(fields, values) }
    } catch (error) {
      if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
      const byField: Record<string, string[]> = {}
      for (const message of error.messages as { field: string; message: string }[]) {
        ;(byField[message.field] ??= []).push(message.message)
      }
      return { valid: false, errors: byField }
    }
  }

  /** The settings as the plugin receives them, secrets decrypted. */
  open(fields: SettingFields, stored: StoredSettings | null): Record<string, unknown> {
    const values: Record<string, unknown> = { ...stored }
    for (const [name, field] of Object.entries(fields)) {
      const value = values[name]
      if (field.kind === 'secret' && typeof value === 'string') {
        values[name] = encryption.decrypt(value) ?? undefined
      }
    }
    return values
  }

  /** Names of the fields whose stored value does not pass validation. */
  async invalidFields(fields: SettingFields, stored: StoredSettings | null) {
    try {
      await this.validator(fields).validate(this.open(fields, stored))
      return []
    } catch (error) {
      if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
      return [...new Set((error.messages as { field: string }[]).map((message) => message.field))]
    }
  }

  form(fields: SettingFields, stored: StoredSettings | null, locale: Locale): SettingsFormField[] {
    return Object.entries(fields).map(([name, field]) => {
      const value = stored?.[name]
      return {
        name,
        kind: field.kind,
        label: field.label[locale],
        hint: field.hint?.[locale],
        options: field.options?.map((option) => ({
          value: option.value,
          label: option.label[locale],
        })),
        value: this.formValue(field.kind, value),
        isSet: value !== undefined && value !== null && value !== '',
      }
    })
  }

  /** What a control shows: never a secret; a list as one value per line. */
  private formValue(
    kind: SettingFields[string]['kind'],
    value: unknown
  ): SettingsFormField['value'] {
    if (kind === 'secret' || value === undefined || value === null) return undefined
    if (Array.isArray(value)) return value.join('\n')
    return typeof value === 'boolean' ? value : String(value)
  }

  private validator(fields: SettingFields) {
    return vine.create(
      vine.object(
        Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.schema]))
      )
    )
  }

  /**
   * Turns form values into the shapes the schemas expect: lists are typed one
   * per line, an empty secret means "keep the stored one".
   */
  private fromForm(
    fields: SettingFields,
    input: Record<string, unknown>,
    stored: StoredSettings | null
  ) {
    const data: Record<string, unknown> = {}
    const current = this.open(fields, stored)
    for (const [name, field] of Object.entries(fields)) {
      const value = input[name]
      if (field.kind === 'list') {
        data[name] = Array.isArray(value)
          ? value
          : String(value ?? '')
              .split(/\r?\n/)
              .map((line) => line.trim())
              .filter(Boolean)
      } else if (field.kind === 'secret' && (value === undefined || value === '')) {
        data[name] = current[name]
      } else {
        data[name] = value === '' ? undefined : value
      }
    }
    return data
  }

  private seal(fields: SettingFields, values: Record<string, unknown>): StoredSettings {
    const stored: StoredSettings = {}
    for (const [name, field] of Object.entries(fields)) {
      const value = values[name]
      if (value === undefined) continue
      stored[name] = field.kind === 'secret' ? encryption.encrypt(String(value)) : value
    }
    return stored
  }

  /**
   * Translated messages naming each field by its label. A plugin's own rule
   * reports under its translation key ("<plugin>.errors.iban_checksum"), which
   * is looked up in the plugin's translations first.
   */
  private messages(fields: SettingFields, locale: Locale): MessagesProviderContact {
    const i18n = i18nManager.locale(locale)
    const core = i18n.createMessagesProvider()
    return {
      getMessage: (message, rule, field, meta) => {
        const name = fields[field.name]?.label[locale] ?? field.name
        if (i18n.hasMessage(rule) || i18n.hasFallbackMessage(rule)) {
          return i18n.t(rule, { ...meta, field: name })
        }
        return core.getMessage(message, rule, { ...field, name }, meta)
      },
    }
  }
}
